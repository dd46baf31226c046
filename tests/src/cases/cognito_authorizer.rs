//! Twin of `cases/cognito-authorizer/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("cognito-authorizer", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let user_pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;

    let pools = CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]);
    let auth = CognitoUserPoolsAuthorizer::new(&stack, "booksAuthorizer", pools)?;

    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    let books = api.root().add_resource("books")?;
    books.add_method_with(
        "GET",
        HttpIntegration::new("http://amazon.com"),
        MethodOptions::builder().authorizer(&auth).authorization_type(AuthorizationType::Cognito),
    )?;

    let post = HttpIntegrationProps::builder().http_method("POST");
    books.add_method_with(
        "POST",
        HttpIntegration::with_props("http://amazon.com", post)?,
        MethodOptions::builder()
            .authorizer(&auth)
            .authorization_type(AuthorizationType::Cognito)
            .authorization_scopes(["books/write", "Scope2"]),
    )?;
    Ok(())
}
