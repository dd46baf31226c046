//! Twin of `integ/integ-token-authorizer-iam-role/app.js` (aws-cdk's
//! `authorizers/integ.token-authorizer-iam-role.ts`).

use crate::cases::prelude::*;
use cdk_lambda::AssetOptions;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-token-authorizer-iam-role", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "TokenAuthorizerIAMRoleInteg")?;

    let authorizer_fn = Function::new(
        &stack,
        "MyAuthorizerFunction",
        FunctionProps::builder().runtime(Runtime::NODEJS_18_X).handler("index.handler").code(
            Code::from_asset_with(
                inputs.join("integ.token-authorizer.handler"),
                AssetOptions::builder().exclude(["*.ts"]),
            )?,
        ),
    )?;

    let role = Role::new(
        &stack,
        "authorizerRole",
        RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
    )?;

    let authorizer = TokenAuthorizer::new(
        &stack,
        "MyAuthorizer",
        TokenAuthorizerProps::builder().handler(&authorizer_fn).assume_role(&role),
    )?;

    let restapi =
        RestApi::new(&stack, "MyRestApi", RestApiProps::builder().cloud_watch_role(true))?;

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
            .authorizer(&authorizer)
            .authorization_type(AuthorizationType::Custom),
    )?;
    Ok(())
}
