//! Twin of `integ/integ-restapi-multistack/app.js` (aws-cdk's `integ.restapi.multistack.ts`): an
//! API whose Lambda integration is a function of another stack.

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-multistack", build);

/// framework-integ's `STANDARD_NODEJS_RUNTIME` (`test/config.ts`).
const STANDARD_NODEJS_RUNTIME: Runtime = Runtime::NODEJS_18_X;

/// `FirstStack`: its `firstLambda`.
fn first_stack(scope: &App, id: &str) -> Result<Function, Error> {
    let this = Stack::new(scope, id)?;

    Function::new(
        &this,
        "firstLambda",
        FunctionProps::builder()
            .function_name("FirstLambda")
            .code(Code::from_inline(
                "exports.handler = async function(event) {
          return  {
            'headers': { 'Content-Type': 'text/plain' },
            'statusCode': 200
          }
        }",
            ))
            .handler("index.handler")
            .runtime(STANDARD_NODEJS_RUNTIME),
    )
}

/// `SecondStack`
fn second_stack(scope: &App, id: &str, lambda: &Function) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let api = RestApi::new(
        &this,
        "BooksApi",
        RestApiProps::builder().cloud_watch_role(true).rest_api_name("SecondRestAPI"),
    )?;
    api.root().add_method("ANY", None)?;
    let books_api = api.root().add_resource("books")?;
    let lambda_integration = LambdaIntegration::new(lambda);
    books_api.add_method("GET", &lambda_integration)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;
    let first = first_stack(app, "FirstStack")?;
    second_stack(app, "SecondStack", &first)
}
