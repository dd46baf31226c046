//! Twin of `integ/integ-cognito-authorizer/app.js` (aws-cdk's
//! `authorizers/integ.cognito-authorizer.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-cognito-authorizer", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;
    let stack = Stack::new(app, "CognitoUserPoolsAuthorizerInteg")?;

    let user_pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;

    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "myauthorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]),
    )?;

    let rest_api =
        RestApi::new(&stack, "myrestapi", RestApiProps::builder().cloud_watch_role(true))?;
    rest_api.root().add_method_with(
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
            .authorization_type(AuthorizationType::Cognito),
    )?;
    Ok(())
}
