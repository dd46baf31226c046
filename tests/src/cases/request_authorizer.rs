//! Twin of `cases/request-authorizer/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("request-authorizer", build);

const AUTHORIZER_CODE: &str = "
exports.handler = async (event) => ({
  principalId: 'user',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: event.headers.Authorization === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }],
  },
});
";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "RequestAuthorizerInteg")?;

    let authorizer_fn = inline_function(&stack, "MyAuthorizerFunction", AUTHORIZER_CODE)?;

    let restapi =
        RestApi::new(&stack, "MyRestApi", RestApiProps::builder().cloud_watch_role(true))?;

    let authorizer = RequestAuthorizer::new(
        &stack,
        "MyAuthorizer",
        RequestAuthorizerProps::builder().handler(&authorizer_fn).identity_sources([
            IdentitySource::header("Authorization"),
            IdentitySource::query_string("allow"),
        ]),
    )?;

    let second_authorizer = RequestAuthorizer::new(
        &stack,
        "MySecondAuthorizer",
        RequestAuthorizerProps::builder().handler(&authorizer_fn).identity_sources([
            IdentitySource::header("Authorization"),
            IdentitySource::query_string("allow"),
        ]),
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
            .method_responses([MethodResponse::builder().status_code("200").build()?])
            .authorizer(&authorizer),
    )?;

    restapi.root().resource_for_path("auth")?.add_method_with(
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
            .method_responses([MethodResponse::builder().status_code("200").build()?])
            .authorizer(&second_authorizer),
    )?;

    // The short example.
    let auth = RequestAuthorizer::new(
        &stack,
        "booksAuthorizer",
        RequestAuthorizerProps::builder()
            .handler(&authorizer_fn)
            .identity_sources([IdentitySource::header("Authorization")]),
    )?;
    restapi.root().add_resource("books")?.add_method_with(
        "GET",
        HttpIntegration::new("http://amazon.com"),
        MethodOptions::builder().authorizer(&auth),
    )?;
    Ok(())
}
