//! Twin of `cases/cognito-authorizer/app.js`.

use super::prelude::*;
use apigw_auth::{CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps};
use apigw_core::HttpIntegrationProps;
use cdk_cognito::{UserPool, UserPoolProps};

/// The case.
pub(crate) const CASE: Case = Case::new("cognito-authorizer", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let err = build_err("Stack");
    let user_pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;
    let auth = CognitoUserPoolsAuthorizer::new(
        &stack,
        "booksAuthorizer",
        CognitoUserPoolsAuthorizerProps::builder()
            .cognito_user_pool_arns(vec![user_pool.user_pool_arn()])
            .build()
            .map_err(&err)?,
    )?;
    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    let books = api.root().add_resource("books")?;
    books.add_method_with(
        "GET",
        Some(HttpIntegration::new("http://amazon.com")),
        MethodOptions::builder()
            .authorizer(auth.as_authorizer())
            .authorization_type(AuthorizationType::Cognito)
            .build()
            .map_err(&err)?,
    )?;
    books.add_method_with(
        "POST",
        Some(HttpIntegration::with_props(
            "http://amazon.com",
            HttpIntegrationProps::builder().http_method("POST").build().map_err(&err)?,
        )),
        MethodOptions::builder()
            .authorizer(auth.as_authorizer())
            .authorization_type(AuthorizationType::Cognito)
            .authorization_scopes(vec!["books/write".to_string(), "Scope2".to_string()])
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
