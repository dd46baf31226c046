//! Twin of `cases/token-authorizer/app.js`.

use super::prelude::*;

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

    let authorizer_fn = inline_function(&stack, "MyAuthorizerFunction", AUTHORIZER_CODE)?;

    let authorizer = TokenAuthorizer::new(
        &stack,
        "MyAuthorizer",
        TokenAuthorizerProps::builder().handler(&authorizer_fn),
    )?;

    let restapi = RestApi::new(
        &stack,
        "MyRestApi",
        RestApiProps::builder()
            .cloud_watch_role(true)
            .default_method_options(MethodOptions::builder().authorizer(&authorizer).build()?)
            .default_cors_preflight_options(
                CorsOptions::builder().allow_origins(Cors::ALL_ORIGINS).build()?,
            ),
    )?;

    restapi.root().add_method_with(
        "ANY",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .build()?])
                .passthrough_behavior(PassthroughBehavior::Never)
                .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
        )?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;

    // The short example: a token authorizer on one method.
    let auth = TokenAuthorizer::new(
        &stack,
        "booksAuthorizer",
        TokenAuthorizerProps::builder().handler(&authorizer_fn),
    )?;
    let books = restapi.root().add_resource("books")?;
    books.add_method_with(
        "GET",
        HttpIntegration::new("http://amazon.com"),
        MethodOptions::builder().authorizer(&auth),
    )?;
    Ok(())
}
