//! Twin of `integ/integ-api-with-authorizer-and-method/app.js` (aws-cdk's
//! `authorizers/integ.api-with-authorizer-and-method.ts`).

use crate::cases::prelude::*;
use cdk_cognito::OAuthScope;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-api-with-authorizer-and-method", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-with-authorizer-and-proxy")?;

    let user_pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;

    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "Authorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]),
    )?;

    let rest_api = RestApi::new(
        &stack,
        "CdkTestStack",
        RestApiProps::builder().default_method_options(
            MethodOptions::builder()
                .authorizer(&authorizer)
                .authorization_scopes([OAuthScope::Profile.scope_name()])
                .build()?,
        ),
    )?;

    rest_api.root().resource_for_path("/user")?.add_method("GET", MockIntegration::new())?;

    rest_api.root().resource_for_path("/other")?.add_method_with(
        "POST",
        MockIntegration::new(),
        MethodOptions::builder().authorization_scopes([OAuthScope::OpenId.scope_name()]),
    )?;
    Ok(())
}
