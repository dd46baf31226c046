//! Twin of `integ/integ-restapi-books/app.js` (aws-cdk's `integ.restapi.books.ts`).
//!
//! The app acknowledges aws-cdk-lib's CloudFormation validation rule E2531 (nodejs14.x is
//! deprecated), which writes nothing to the assembly; this port has no synthesis-time
//! CloudFormation validation, so there is nothing to acknowledge.

use crate::cases::prelude::*;
use apigw_core::Integration;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-books", build);

/// The source text of the app's `echoHandlerCode` function (what `${echoHandlerCode}` inserts).
const ECHO_HANDLER_CODE: &str = "function echoHandlerCode(event, _, callback) {
  return callback(undefined, {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
}";

/// The source text of the app's `helloCode` function (what `${helloCode}` inserts).
pub(super) const HELLO_CODE: &str = "function helloCode(_event, _context, callback) {
  return callback(undefined, {
    statusCode: 200,
    body: 'hello, world!',
  });
}";

/// The Lambda integration of a `nodejs14.x` function with `exports.handler = <code>` inline
/// (the test's `new apigw.LambdaIntegration(new lambda.Function(...))`).
pub(super) fn node14_function(scope: &Stack, id: &str, code: &str) -> Result<Integration, Error> {
    let handler = Function::new(
        scope,
        id,
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_14_X)
            .handler("index.handler")
            .code(Code::from_inline(format!("exports.handler = {code}"))),
    )?;
    Ok(LambdaIntegration::new(&handler))
}

/// `BookStack`
fn book_stack(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let books_handler = node14_function(&this, "BooksHandler", ECHO_HANDLER_CODE)?;
    let book_handler = node14_function(&this, "BookHandler", ECHO_HANDLER_CODE)?;
    let hello = node14_function(&this, "Hello", HELLO_CODE)?;

    let api = RestApi::new(&this, "books-api", RestApiProps::builder().cloud_watch_role(true))?;
    api.root().add_method("ANY", &hello)?;

    let books = api.root().add_resource_with(
        "books",
        ResourceOptions::builder().default_integration(books_handler).default_method_options(
            MethodOptions::builder().authorization_type(AuthorizationType::Iam).build()?,
        ),
    )?;

    books.add_method("GET", None)?;
    books.add_method("POST", None)?;

    let book = books.add_resource_with(
        "{book_id}",
        // note that authorization type is inherited from /books
        ResourceOptions::builder().default_integration(book_handler),
    )?;

    book.add_method("GET", None)?;
    book.add_method("DELETE", None)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    book_stack(app, "restapi-books-example")
}
