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
    let err = build_err("Stack/books");
    let api = RestApi::new(
        &stack,
        "books",
        RestApiProps::builder()
            .default_integration(books_backend)
            .default_method_options(
                MethodOptions::builder()
                    .api_key_required(true)
                    .request_parameters(Value::object([("method.request.header.x-trace", false)]))
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    let books = api.root().add_resource("books")?;
    books.add_method("GET", None)?;
    books.add_method("POST", None)?;
    let book = books.add_resource("{book_id}")?;
    book.add_method("GET", None)?;
    book.add_method_with(
        "DELETE",
        None,
        MethodOptions::builder().api_key_required(false).build().map_err(&err)?,
    )?;
    let admin = api.root().add_resource_with(
        "admin",
        ResourceOptions::builder()
            .default_integration(MockIntegration::new())
            .default_method_options(
                MethodOptions::builder()
                    .authorization_type(AuthorizationType::Iam)
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    admin.add_method("GET", None)?;
    admin.add_resource("users")?.add_method("GET", None)?;
    books.add_resource("scoped")?.add_method_with(
        "GET",
        Some(HttpIntegration::new("http://amazon.com")),
        MethodOptions::builder()
            .authorization_type(AuthorizationType::Cognito)
            .authorization_scopes(vec!["Scope1".to_string(), "Scope2".to_string()])
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
