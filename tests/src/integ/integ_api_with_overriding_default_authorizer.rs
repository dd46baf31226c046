//! Twin of `integ/integ-api-with-overriding-default-authorizer/app.js` (aws-cdk's
//! `authorizers/integ.api-with-overriding-default-authorizer.ts`).

use crate::cases::prelude::*;
use cdk_cognito::SignInAliases;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-api-with-overriding-default-authorizer", build);

/// The mock integration both methods use.
fn mock() -> Result<apigw_core::Integration, Error> {
    MockIntegration::with_options(
        IntegrationOptions::builder()
            .integration_responses([IntegrationResponse::builder().status_code("200").build()?])
            .passthrough_behavior(PassthroughBehavior::Never)
            .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
    )
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-with-overriding-default-authorizer")?;

    // create a cognito user pool
    let user_pool = UserPool::new(
        &stack,
        "UserPool",
        UserPoolProps::builder()
            .self_sign_up_enabled(true)
            .sign_in_aliases(SignInAliases::builder().email(true).build()?),
    )?;

    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "Authorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]),
    )?;

    let api = RestApi::new(
        &stack,
        "Actions-ApiGateway",
        RestApiProps::builder()
            .default_cors_preflight_options(
                CorsOptions::builder()
                    .allow_origins(Cors::ALL_ORIGINS)
                    .max_age(Duration::from_secs(10 * 24 * 60 * 60))
                    .build()?,
            )
            .default_method_options(
                MethodOptions::builder()
                    .authorizer(&authorizer)
                    .authorization_type(AuthorizationType::Cognito)
                    .authorization_scopes(["scope"])
                    .build()?,
            ),
    )?;

    api.root().add_method_with(
        "ANY",
        mock()?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?])
            .authorization_type(AuthorizationType::None),
    )?;

    api.root().add_method_with(
        "GET",
        mock()?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;
    Ok(())
}
