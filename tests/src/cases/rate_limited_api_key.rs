//! Twin of `cases/rate-limited-api-key/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("rate-limited-api-key", build);

/// cases/rate-limited-api-key
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let items = api.root().add_resource("items")?;
    let get_items =
        items.add_method_with("GET", None, MethodOptions::builder().api_key_required(true))?;
    let stage = api.deployment_stage()?;

    RateLimitedApiKey::new(
        &stack,
        "rate-limited-api-key",
        RateLimitedApiKeyProps::builder()
            .customer_id("hello-customer")
            .api_stages([UsagePlanPerApiStage::builder().stage(&stage).build()?])
            .quota(QuotaSettings::builder().limit(10000).period(Period::Month).build()?),
    )?;

    let per_method = ThrottleSettings::builder().rate_limit(5.0).burst_limit(1).build()?;
    let throttle = ThrottlingPerMethod::builder().method(&get_items).throttle(per_method);
    let api_stage = UsagePlanPerApiStage::builder().stage(&stage).throttle([throttle.build()?]);
    RateLimitedApiKey::new(
        &stack,
        "throttled-key",
        RateLimitedApiKeyProps::builder()
            .api_key_name("throttled")
            .description("key with throttle and quota")
            .api_stages([api_stage.build()?])
            .throttle(ThrottleSettings::builder().rate_limit(100.0).burst_limit(20).build()?)
            .quota(QuotaSettings::builder().limit(500).offset(1).period(Period::Day).build()?),
    )?;
    Ok(())
}
