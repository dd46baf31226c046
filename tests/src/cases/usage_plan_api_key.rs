//! Twin of `cases/usage-plan-api-key/app.js`.

use super::prelude::*;
use apigw_core::{
    IUsagePlan, LambdaIntegration, Period, QuotaSettings, ThrottleSettings, ThrottlingPerMethod,
    UsagePlanPerApiStage, UsagePlanProps,
};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

/// The case.
pub(crate) const CASE: Case = Case::new("usage-plan-api-key", build);

/// cases/usage-plan-api-key
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let handler = Function::new(
        &stack,
        "EchoHandler",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(
                "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify(e) });",
            ))
            .build()
            .map_err(build_err("Stack/EchoHandler"))?,
    )?;
    let integration = LambdaIntegration::new(&handler);

    let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;

    let v1 = api.root().add_resource("v1")?;
    let echo = v1.add_resource("echo")?;
    let echo_method = echo.add_method_with(
        "GET",
        Some(integration),
        MethodOptions::builder()
            .api_key_required(true)
            .build()
            .map_err(build_err("Stack/hello-api"))?,
    )?;

    let err = build_err("Stack/hello-api/UsagePlan");
    let throttle =
        || ThrottleSettings::builder().rate_limit(10.0).burst_limit(2u32).build().map_err(&err);
    let plan = api.add_usage_plan(
        "UsagePlan",
        UsagePlanProps::builder()
            .name("Easy")
            .throttle(throttle()?)
            .quota(
                QuotaSettings::builder()
                    .limit(1000u32)
                    .offset(0u32)
                    .period(Period::Week)
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;

    let key = api.add_api_key("ApiKey", None)?;
    plan.add_api_key(&key, None)?;

    let Some(stage) = api.deployment_stage() else {
        return Err(Error::InvalidArgument {
            path: "Stack/hello-api".into(),
            message: "no deployment stage".into(),
        });
    };
    plan.add_api_stage(
        UsagePlanPerApiStage::builder()
            .stage(stage)
            .method_throttle(ThrottlingPerMethod::new(&echo_method, throttle()?))
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
