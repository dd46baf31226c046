//! Twin of `integ/integ-api-with-authorizer-and-proxy/app.js` (aws-cdk's
//! `authorizers/integ.api-with-authorizer-and-proxy.ts`).

use crate::cases::prelude::*;
use cdk_cognito::SignInAliases;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-api-with-authorizer-and-proxy", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-with-authorizer-and-proxy")?;

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
        RestApiProps::builder().default_cors_preflight_options(
            CorsOptions::builder()
                .allow_origins(Cors::ALL_ORIGINS)
                .max_age(Duration::from_secs(10 * 24 * 60 * 60))
                .build()?,
        ),
    )?;
    let root = api.root();
    let send_resource = root.add_resource("InitiateAction")?;

    // prepare a dummy lambda function
    let myfunc = Function::new(
        &stack,
        "lambda-s3",
        FunctionProps::builder()
            .code(Code::from_asset(inputs.join("assets")))
            .handler("index.handler")
            .runtime(Runtime::NODEJS_18_X),
    )?;

    let send_lambda_integration = LambdaIntegration::new(&myfunc);
    send_resource.add_proxy(
        ProxyResourceOptions::builder()
            .default_integration(send_lambda_integration)
            .any_method(true)
            .default_method_options(
                MethodOptions::builder()
                    .authorizer(&authorizer)
                    .authorization_scopes(["scope"])
                    .build()?,
            )
            .default_cors_preflight_options(
                CorsOptions::builder()
                    .allow_origins(Cors::ALL_ORIGINS)
                    .allow_methods(Cors::ALL_METHODS)
                    .build()?,
            ),
    )?;
    Ok(())
}
