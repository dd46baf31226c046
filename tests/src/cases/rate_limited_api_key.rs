//! Twin of `cases/rate-limited-api-key/app.js`.

use super::prelude::*;
use apigw_core::{
    Period, QuotaSettings, RateLimitedApiKey, RateLimitedApiKeyProps, ThrottleSettings,
    ThrottlingPerMethod, UsagePlanPerApiStage,
};

/// The case.
pub(crate) const CASE: Case = Case::new("rate-limited-api-key", build);

/// cases/rate-limited-api-key
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let get_items = api.root().add_resource("items")?.add_method_with(
        "GET",
        None,
        MethodOptions::builder().api_key_required(true).build().map_err(build_err("Stack/api"))?,
    )?;
    let Some(stage) = api.deployment_stage() else {
        return Err(Error::InvalidArgument {
            path: "Stack/api".into(),
            message: "no deployment stage".into(),
        });
    };

    let err = build_err("Stack/rate-limited-api-key");
    RateLimitedApiKey::new(
        &stack,
        "rate-limited-api-key",
        RateLimitedApiKeyProps::builder()
            .customer_id("hello-customer")
            .api_stage(UsagePlanPerApiStage::new(&stage))
            .quota(
                QuotaSettings::builder()
                    .limit(10000u32)
                    .period(Period::Month)
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;

    let err = build_err("Stack/throttled-key");
    RateLimitedApiKey::new(
        &stack,
        "throttled-key",
        RateLimitedApiKeyProps::builder()
            .api_key_name("throttled")
            .description("key with throttle and quota")
            .api_stage(
                UsagePlanPerApiStage::builder()
                    .stage(stage.clone())
                    .method_throttle(ThrottlingPerMethod::new(
                        &get_items,
                        ThrottleSettings::builder()
                            .rate_limit(5.0)
                            .burst_limit(1u32)
                            .build()
                            .map_err(&err)?,
                    ))
                    .build()
                    .map_err(&err)?,
            )
            .throttle(
                ThrottleSettings::builder()
                    .rate_limit(100.0)
                    .burst_limit(20u32)
                    .build()
                    .map_err(&err)?,
            )
            .quota(
                QuotaSettings::builder()
                    .limit(500u32)
                    .offset(1u32)
                    .period(Period::Day)
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
