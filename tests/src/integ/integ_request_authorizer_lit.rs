//! Twin of `integ/integ-request-authorizer-lit/app.js` (aws-cdk's
//! `authorizers/integ.request-authorizer.lit.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-request-authorizer-lit", build);

/// The mock integration both methods use.
fn mock() -> Result<apigw_core::Integration, Error> {
    MockIntegration::with_options(
        IntegrationOptions::builder()
            .integration_responses([IntegrationResponse::builder().status_code("200").build()?])
            .passthrough_behavior(PassthroughBehavior::Never)
            .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
    )
}

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:validateAgainstDefaultRules", false)?;
    let stack = Stack::new(app, "RequestAuthorizerInteg")?;

    let authorizer_fn = Function::new(
        &stack,
        "MyAuthorizerFunction",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_14_X)
            .handler("index.handler")
            .code(Code::from_asset(inputs.join("integ.request-authorizer.handler"))),
    )?;

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
        mock()?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?])
            .authorizer(&authorizer),
    )?;

    restapi.root().resource_for_path("auth")?.add_method_with(
        "ANY",
        mock()?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?])
            .authorizer(&second_authorizer),
    )?;
    Ok(())
}
