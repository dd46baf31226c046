//! Twin of `cases/token-authorizer/app.js`.

use super::prelude::*;
use apigw_auth::{TokenAuthorizer, TokenAuthorizerProps};
use apigw_core::{Cors, CorsOptions, IntegrationOptions, IntegrationResponse, MethodResponse};
use cfn_apigateway::method::PassthroughBehavior;

/// The case.
pub(crate) const CASE: Case = Case::new("token-authorizer", build);

const AUTHORIZER_CODE: &str = "
exports.handler = async (event) => ({
  principalId: 'user',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: event.authorizationToken === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }],
  },
});
";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "TokenAuthorizerStack")?;
    let err = build_err("TokenAuthorizerStack");
    let authorizer_fn = inline_function(&stack, "MyAuthorizerFunction", AUTHORIZER_CODE)?;
    let authorizer = TokenAuthorizer::new(
        &stack,
        "MyAuthorizer",
        TokenAuthorizerProps::builder().handler(authorizer_fn.clone()).build().map_err(&err)?,
    )?;
    let restapi = RestApi::new(
        &stack,
        "MyRestApi",
        RestApiProps::builder()
            .cloud_watch_role(true)
            .default_method_options(
                MethodOptions::builder()
                    .authorizer(authorizer.as_authorizer())
                    .build()
                    .map_err(&err)?,
            )
            .default_cors_preflight_options(
                CorsOptions::builder()
                    .allow_origins(Cors::ALL_ORIGINS.iter().copied())
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    restapi.root().add_method_with(
        "ANY",
        Some(MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses(vec![IntegrationResponse::builder()
                    .status_code("200")
                    .build()
                    .map_err(&err)?])
                .passthrough_behavior(PassthroughBehavior::Never)
                .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .method_responses(vec![MethodResponse::builder()
                .status_code("200")
                .build()
                .map_err(&err)?])
            .build()
            .map_err(&err)?,
    )?;
    // The short example: a token authorizer on one method.
    let auth = TokenAuthorizer::new(
        &stack,
        "booksAuthorizer",
        TokenAuthorizerProps::builder().handler(authorizer_fn).build().map_err(&err)?,
    )?;
    let books = restapi.root().add_resource("books")?;
    books.add_method_with(
        "GET",
        Some(HttpIntegration::new("http://amazon.com")),
        MethodOptions::builder().authorizer(auth.as_authorizer()).build().map_err(&err)?,
    )?;
    Ok(())
}
