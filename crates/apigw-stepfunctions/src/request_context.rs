//! What of the request context a Step Functions execution receives
//! (`aws-apigateway/lib/integrations/request-context.ts`), and how the request template
//! renders it.

use cdk_core::{Map, Value};

/// Which `$context` variables to pass to the state machine, under the execution input's
/// `requestContext` key (`RequestContext`). Each field defaults to not included.
///
/// As in aws-cdk-lib, a field set to `false` still counts as given: a context with only
/// `false` fields renders an empty `requestContext` object, one with no field set renders
/// none.
///
/// ```
/// use apigw_stepfunctions::RequestContext;
/// let context = RequestContext::builder().caller(true).user(true).build()?;
/// assert_eq!(context.caller, Some(true));
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RequestContext {
    /// `$context.identity.accountId`: the AWS account of the API owner. Default: not
    /// included.
    #[builder(default)]
    pub account_id: Option<bool>,
    /// `$context.apiId`: the id API Gateway gives the API. Default: not included.
    #[builder(default)]
    pub api_id: Option<bool>,
    /// `$context.identity.apiKey`: the API key of the request. Default: not included.
    #[builder(default)]
    pub api_key: Option<bool>,
    /// `$context.authorizer.principalId`: the principal a Lambda authorizer returned.
    /// Default: not included.
    #[builder(default)]
    pub authorizer_principal_id: Option<bool>,
    /// `$context.identity.caller`: the principal that signed the request (IAM
    /// authorization). Default: not included.
    #[builder(default)]
    pub caller: Option<bool>,
    /// `$context.identity.cognitoAuthenticationProvider`: the Cognito authentication
    /// providers of the caller. Default: not included.
    #[builder(default)]
    pub cognito_authentication_provider: Option<bool>,
    /// `$context.identity.cognitoAuthenticationType`: `authenticated` or
    /// `unauthenticated`. Default: not included.
    #[builder(default)]
    pub cognito_authentication_type: Option<bool>,
    /// `$context.identity.cognitoIdentityId`: the caller's Cognito identity id. Default:
    /// not included.
    #[builder(default)]
    pub cognito_identity_id: Option<bool>,
    /// `$context.identity.cognitoIdentityPoolId`: the caller's Cognito identity pool id.
    /// Default: not included.
    #[builder(default)]
    pub cognito_identity_pool_id: Option<bool>,
    /// `$context.httpMethod`: the HTTP method. Default: not included.
    #[builder(default)]
    pub http_method: Option<bool>,
    /// `$context.stage`: the deployment stage. Default: not included.
    #[builder(default)]
    pub stage: Option<bool>,
    /// `$context.identity.sourceIp`: the source IP of the TCP connection. Default: not
    /// included.
    #[builder(default)]
    pub source_ip: Option<bool>,
    /// `$context.identity.user`: the user to be authorized (IAM authorization). Default:
    /// not included.
    #[builder(default)]
    pub user: Option<bool>,
    /// `$context.identity.userAgent`: the caller's `User-Agent`. Default: not included.
    #[builder(default)]
    pub user_agent: Option<bool>,
    /// `$context.identity.userArn`: the ARN of the authenticated user. Default: not
    /// included.
    #[builder(default)]
    pub user_arn: Option<bool>,
    /// `$context.requestId`: the request id. Default: not included.
    #[builder(default)]
    pub request_id: Option<bool>,
    /// `$context.resourceId`: the id API Gateway gives the resource. Default: not included.
    #[builder(default)]
    pub resource_id: Option<bool>,
    /// `$context.resourcePath`: the resource's path. Default: not included.
    #[builder(default)]
    pub resource_path: Option<bool>,
}

cdk_core::impl_props!(RequestContext, RequestContextBuilder);

impl RequestContext {
    /// The fields in aws-cdk-lib's order: (key, value, VTL variable).
    fn fields(&self) -> [(&'static str, Option<bool>, &'static str); 18] {
        [
            ("accountId", self.account_id, "$context.identity.accountId"),
            ("apiId", self.api_id, "$context.apiId"),
            ("apiKey", self.api_key, "$context.identity.apiKey"),
            (
                "authorizerPrincipalId",
                self.authorizer_principal_id,
                "$context.authorizer.principalId",
            ),
            ("caller", self.caller, "$context.identity.caller"),
            (
                "cognitoAuthenticationProvider",
                self.cognito_authentication_provider,
                "$context.identity.cognitoAuthenticationProvider",
            ),
            (
                "cognitoAuthenticationType",
                self.cognito_authentication_type,
                "$context.identity.cognitoAuthenticationType",
            ),
            ("cognitoIdentityId", self.cognito_identity_id, "$context.identity.cognitoIdentityId"),
            (
                "cognitoIdentityPoolId",
                self.cognito_identity_pool_id,
                "$context.identity.cognitoIdentityPoolId",
            ),
            ("httpMethod", self.http_method, "$context.httpMethod"),
            ("stage", self.stage, "$context.stage"),
            ("sourceIp", self.source_ip, "$context.identity.sourceIp"),
            ("user", self.user, "$context.identity.user"),
            ("userAgent", self.user_agent, "$context.identity.userAgent"),
            ("userArn", self.user_arn, "$context.identity.userArn"),
            ("requestId", self.request_id, "$context.requestId"),
            ("resourceId", self.resource_id, "$context.resourceId"),
            ("resourcePath", self.resource_path, "$context.resourcePath"),
        ]
    }

    /// Whether any field is given (`Object.keys(requestContext).length > 0`).
    pub(crate) fn is_given(&self) -> bool {
        self.fields().iter().any(|(_, given, _)| given.is_some())
    }

    /// `requestContext()` of `integrations/stepfunctions.ts`: the JSON object of the
    /// included variables, with `"` written as `@@` (the template's placeholder).
    pub(crate) fn render(&self) -> String {
        let object: Map = self
            .fields()
            .iter()
            .filter(|(_, given, _)| *given == Some(true))
            .map(|(key, _, variable)| (key.to_string(), Value::from(*variable)))
            .collect();
        cdk_core::json::to_json_string(&Value::Object(object), 0)
            .split('"')
            .collect::<Vec<_>>()
            .join("@@")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_included_variables_in_cdk_order() -> Result<(), cdk_core::BuildError> {
        let context = RequestContext::builder().user(true).caller(true).stage(false).build()?;
        assert!(context.is_given());
        assert_eq!(
            context.render(),
            "{@@caller@@:@@$context.identity.caller@@,@@user@@:@@$context.identity.user@@}"
        );
        Ok(())
    }

    #[test]
    fn false_fields_count_as_given() -> Result<(), cdk_core::BuildError> {
        let context = RequestContext::builder().api_id(false).build()?;
        assert!(context.is_given());
        assert_eq!(context.render(), "{}");
        assert!(!RequestContext::default().is_given());
        Ok(())
    }

    #[test]
    fn every_variable() {
        let all = RequestContext {
            account_id: Some(true),
            api_id: Some(true),
            api_key: Some(true),
            authorizer_principal_id: Some(true),
            caller: Some(true),
            cognito_authentication_provider: Some(true),
            cognito_authentication_type: Some(true),
            cognito_identity_id: Some(true),
            cognito_identity_pool_id: Some(true),
            http_method: Some(true),
            stage: Some(true),
            source_ip: Some(true),
            user: Some(true),
            user_agent: Some(true),
            user_arn: Some(true),
            request_id: Some(true),
            resource_id: Some(true),
            resource_path: Some(true),
        };
        let r = all.render();
        assert_eq!(r.matches("$context.").count(), 18);
        assert!(r.starts_with("{@@accountId@@:@@$context.identity.accountId@@,@@apiId@@"));
        assert!(r.ends_with("@@resourcePath@@:@@$context.resourcePath@@}"));
    }
}
