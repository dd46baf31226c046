//! Twin of `cases/default-integration-and-options/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("default-integration-and-options", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let books_fn = inline_function(
        &stack,
        "BooksBackend",
        "exports.handler = async () => ({ statusCode: 200, body: \"[]\" });",
    )?;
    let books_backend = LambdaIntegration::new(&books_fn);

    let api = RestApi::new(
        &stack,
        "books",
        RestApiProps::builder().default_integration(books_backend).default_method_options(
            MethodOptions::builder()
                .api_key_required(true)
                .request_parameters([("method.request.header.x-trace", false)])
                .build()?,
        ),
    )?;

    let books = api.root().add_resource("books")?;
    books.add_method("GET", None)?; // integrated with `booksBackend`
    books.add_method("POST", None)?; // integrated with `booksBackend`

    let book = books.add_resource("{book_id}")?;
    book.add_method("GET", None)?; // integrated with `booksBackend`
    book.add_method_with("DELETE", None, MethodOptions::builder().api_key_required(false))?; // overrides the default options

    // Defaults can be set at any resource level; they apply to the sub-tree.
    let admin = api.root().add_resource_with(
        "admin",
        ResourceOptions::builder()
            .default_integration(MockIntegration::new())
            .default_method_options(
                MethodOptions::builder().authorization_type(AuthorizationType::Iam).build()?,
            ),
    )?;
    admin.add_method("GET", None)?;
    admin.add_resource("users")?.add_method("GET", None)?;

    // Authorization scopes (used with a Cognito user pools authorizer)
    books.add_resource("scoped")?.add_method_with(
        "GET",
        HttpIntegration::new("http://amazon.com"),
        MethodOptions::builder()
            .authorization_type(AuthorizationType::Cognito)
            .authorization_scopes(["Scope1", "Scope2"]),
    )?;
    Ok(())
}
