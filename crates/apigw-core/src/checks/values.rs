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

/// A throttle rate limit (requests per second) is not negative.
pub(crate) fn check_throttle(path: &str, what: &str, rate_limit: Option<f64>) -> Result<(), Error> {
    match rate_limit {
        Some(r) if r < 0.0 => Err(Check::OutOfRange.error(
            path,
            &format!("{what} throttle rate limit {r}"),
            "throttle rate limits are numbers of requests per second, 0 or more",
            "use a rate limit of 0 or more requests per second, or leave it out for no limit",
        )),
        _ => Ok(()),
    }
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
        assert!(check_throttle("p", "stage", Some(0.0)).is_ok());
        assert!(check_throttle("p", "stage", Some(-1.0)).is_err());
    }
}
