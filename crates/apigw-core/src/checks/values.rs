//! Values with a range or a pattern: API key values, stage names, cache TTLs, throttling,
//! usage plan stages.

use std::time::Duration;

use cdk_core::{Error, Value};

use super::{literal, Check};

/// The shortest API key value API Gateway accepts.
pub const MIN_API_KEY_LENGTH: usize = 20;
/// The longest API key value API Gateway accepts.
pub const MAX_API_KEY_LENGTH: usize = 128;
/// The longest cache TTL of a stage's method settings (API caching TTL: 0 to 3600 seconds).
pub const MAX_CACHE_TTL: Duration = Duration::from_secs(3600);
/// The longest stage name.
pub const MAX_STAGE_NAME_LENGTH: usize = 128;

/// An API key's literal value must have 20 to 128 characters.
pub(crate) fn check_api_key_value(path: &str, value: Option<&Value>) -> Result<(), Error> {
    let Some(v) = value.and_then(literal) else { return Ok(()) };
    let n = v.chars().count();
    if (MIN_API_KEY_LENGTH..=MAX_API_KEY_LENGTH).contains(&n) {
        return Ok(());
    }
    Err(Check::ApiKeyValueLength.error(
        path,
        &format!("API key value of {n} characters"),
        "API Gateway accepts API key values of 20 to 128 characters",
        "use a value of 20 to 128 characters, or leave the value out so that API Gateway generates one",
    ))
}

/// A stage name has only letters, digits, hyphens and underscores, at most 128 of them.
pub(crate) fn check_stage_name(path: &str, name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && name.len() <= MAX_STAGE_NAME_LENGTH
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        return Ok(());
    }
    Err(Check::StageName.error(
        path,
        &format!("stage name '{name}'"),
        "API Gateway: 'Stage names can only contain alphanumeric characters, hyphens, and underscores. Maximum length is 128 characters.'",
        "rename the stage with letters, digits, '-' and '_' only (for example 'prod' or 'v1_beta')",
    ))
}

/// A stage's method settings cache TTL is 0 to 3600 seconds.
pub(crate) fn check_stage_ttl(path: &str, method_path: &str, ttl: Duration) -> Result<(), Error> {
    if ttl <= MAX_CACHE_TTL {
        return Ok(());
    }
    Err(Check::OutOfRange.error(
        path,
        &format!("cache TTL of {} seconds for '{method_path}'", ttl.as_secs()),
        "API caching TTL is configurable between 0 and 3600 seconds (API Gateway quotas; the upper bound cannot be increased)",
        "use a cache TTL of at most 3600 seconds (1 hour)",
    ))
}

/// The longest result TTL of an authorizer.
pub const MAX_AUTHORIZER_TTL: Duration = Duration::from_secs(3600);
/// The longest integration timeout of an edge-optimized API (raisable for Regional and
/// private APIs only).
pub const MAX_EDGE_INTEGRATION_TIMEOUT: Duration = Duration::from_secs(29);

/// An authorizer's result TTL is at most 3600 seconds (aws-cdk-lib checks it for Lambda
/// authorizers only; this is the same rule for Cognito user pool authorizers).
///
/// # Errors
/// [`Error::InvalidArgument`] naming `path` for a TTL over an hour (`APIGW-7`).
pub fn check_authorizer_ttl(path: &str, ttl: Duration) -> Result<(), Error> {
    if ttl <= MAX_AUTHORIZER_TTL {
        return Ok(());
    }
    Err(Check::OutOfRange.error(
        path,
        &format!("authorizer result TTL of {} seconds", ttl.as_secs()),
        "API Gateway caches authorizer results for 0 to 3600 seconds (authorizerResultTtlInSeconds: 'The maximum value is 3600, or 1 hour')",
        "use a results cache TTL of at most 3600 seconds, or Duration::ZERO to turn caching off",
    ))
}

/// An integration of a method of an edge-optimized API waits at most 29 seconds: checked
/// when the app is synthesized (the endpoint configuration is final then) on the method at
/// `node` of the API whose `AWS::ApiGateway::RestApi` is `api`.
pub(crate) fn check_edge_timeout(
    node: &cdk_core::Node,
    api: &cdk_core::CfnResource,
    timeout: Duration,
) {
    if timeout <= MAX_EDGE_INTEGRATION_TIMEOUT {
        return;
    }
    let api = api.clone();
    let path = node.path();
    node.add_validation(move || {
        let edge = match api.property("EndpointConfiguration") {
            // CloudFormation's default endpoint type
            None => true,
            Some(v) if v.is_absent() => true,
            Some(Value::Object(ref c)) => match c.get("Types") {
                Some(Value::Array(types)) if !types.iter().any(Value::is_unresolved) => {
                    types.iter().any(|t| literal(t) == Some("EDGE"))
                }
                None => true,
                _ => false,
            },
            Some(_) => false,
        };
        if !edge {
            return Vec::new();
        }
        vec![Check::OutOfRange.message(
            &format!("integration timeout of {} ms on an edge-optimized API", timeout.as_millis()),
            "API Gateway quotas: 'Integration timeout: 50 milliseconds - 29 seconds for all integration types'; only Regional and private APIs can raise it",
            &format!(
                "use a timeout of at most 29 seconds, or make the API Regional (endpoint_types([EndpointType::Regional])) and raise the quota; method {path}"
            ),
        )]
    });
}

/// A usage plan API stage names its stage.
pub(crate) fn check_usage_plan_stage(path: &str, has_stage: bool) -> Result<(), Error> {
    if has_stage {
        return Ok(());
    }
    Err(Check::UsagePlanStageMissing.error(
        path,
        "usage plan API stage without a stage",
        "an API stage of a usage plan names an API and one of its stages (ApiStage: ApiId and Stage); without them API Gateway refuses the plan",
        "set the stage: UsagePlanPerApiStage::builder().api(&api).stage(&api.deployment_stage()?)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert!(check_api_key_value("p", Some(&Value::from("a".repeat(20)))).is_ok());
        assert!(check_api_key_value("p", Some(&Value::from("a".repeat(19)))).is_err());
        assert!(check_api_key_value("p", Some(&Value::from("a".repeat(129)))).is_err());
        assert!(check_stage_name("p", "prod-1_a").is_ok());
        assert!(check_stage_name("p", "my stage").is_err());
        assert!(check_stage_name("p", "").is_err());
        assert!(check_stage_ttl("p", "/*/*", Duration::from_secs(3600)).is_ok());
        assert!(check_stage_ttl("p", "/*/*", Duration::from_secs(3601)).is_err());
    }
}
