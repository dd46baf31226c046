//! Twin of `cases/usage-plan-api-key/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("usage-plan-api-key", build);

/// cases/usage-plan-api-key
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let handler = inline_function(
        &stack,
        "EchoHandler",
        "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify(e) });",
    )?;
    let integration = LambdaIntegration::new(&handler);

    let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;

    let v1 = api.root().add_resource("v1")?;
    let echo = v1.add_resource("echo")?;
    let echo_method =
        echo.add_method_with("GET", &integration, MethodOptions::builder().api_key_required(true))?;

    let plan = api.add_usage_plan(
        "UsagePlan",
        UsagePlanProps::builder()
            .name("Easy")
            .throttle(ThrottleSettings::builder().rate_limit(10.0).burst_limit(2).build()?)
            .quota(QuotaSettings::builder().limit(1000).offset(0).period(Period::Week).build()?),
    )?;

    let key = api.add_api_key("ApiKey")?;
    plan.add_api_key(&key)?;

    plan.add_api_stage(
        UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).throttle([
            ThrottlingPerMethod::builder()
                .method(&echo_method)
                .throttle(ThrottleSettings::builder().rate_limit(10.0).burst_limit(2).build()?)
                .build()?,
        ]),
    )?;
    Ok(())
}
