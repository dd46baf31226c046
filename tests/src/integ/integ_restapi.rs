//! Twin of `integ/integ-restapi/app.js` (aws-cdk's `integ.restapi.ts`, without the RestApi's
//! `mode`, which aws-cdk-lib 2.276.0 gives SpecRestApi only).

use crate::cases::prelude::*;
use cdk_core::Size;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi", build);

/// framework-integ's `STANDARD_NODEJS_RUNTIME` (`test/config.ts`).
const STANDARD_NODEJS_RUNTIME: Runtime = Runtime::NODEJS_18_X;

/// The source text of the app's `handlerCode` function (what `${handlerCode}` inserts).
const HANDLER_CODE: &str = "function handlerCode(event, _, callback) {
      return callback(undefined, {
        isBase64Encoded: false,
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
    }";

/// `Test`, also the stack of `integ.restapi.security-policy.ts` (which differs in RestApi props
/// that aws-cdk-lib 2.276.0 does not have, left out in both apps).
pub(super) fn test(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let api_props = RestApiProps::builder()
        .retain_deployments(true)
        .cloud_watch_role(true)
        .min_compression_size(Size::bytes(1024))
        .description("api description")
        .deploy_options(
            StageOptions::builder()
                .cache_cluster_enabled(true)
                .stage_name("beta")
                .description("beta stage")
                .logging_level(MethodLoggingLevel::Info)
                .data_trace_enabled(true)
                .method_options([(
                    "/api/appliances/GET",
                    MethodDeploymentOptions::builder().caching_enabled(true).build()?,
                )])
                .build()?,
        );
    let api = RestApi::new(&this, "my-api", api_props)?;

    let handler = Function::new(
        &this,
        "MyHandler",
        FunctionProps::builder()
            .runtime(STANDARD_NODEJS_RUNTIME)
            .code(Code::from_inline(format!("exports.handler = {HANDLER_CODE}")))
            .handler("index.handler"),
    )?;

    let v1 = api.root().add_resource("v1")?;

    let integration = LambdaIntegration::new(&handler);

    let toys = v1.add_resource("toys")?;
    let get_toys_method =
        toys.add_method_with("GET", &integration, MethodOptions::builder().api_key_required(true))?;
    toys.add_method("POST", None)?;
    toys.add_method("PUT", None)?;

    let appliances = v1.add_resource("$appliances:all")?;
    appliances.add_method("GET", None)?;

    let books = v1.add_resource("books")?;
    books.add_method("GET", &integration)?;
    books.add_method("POST", &integration)?;

    let key = api.add_api_key("ApiKey")?;
    let plan = api.add_usage_plan(
        "UsagePlan",
        UsagePlanProps::builder()
            .name("Basic")
            .description("Free tier monthly usage plan")
            .throttle(ThrottleSettings::builder().rate_limit(5.0).build()?)
            .quota(QuotaSettings::builder().limit(10000).period(Period::Month).build()?),
    )?;
    // The test's `apiKey: key` prop (deprecated in aws-cdk-lib, not ported) is this call, which
    // its constructor makes.
    plan.add_api_key(&key)?;
    plan.add_api_stage(
        UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).throttle([
            ThrottlingPerMethod::builder()
                .method(&get_toys_method)
                .throttle(ThrottleSettings::builder().rate_limit(10.0).burst_limit(2).build()?)
                .build()?,
        ]),
    )?;

    let test_deploy = Deployment::new(
        &this,
        "TestDeployment",
        &api,
        DeploymentProps::builder().retain_deployments(false),
    )?;
    let test_stage = Stage::new(&this, "TestStage", &test_deploy, StageOptions::default())?;
    test_stage.add_api_key("MyTestApiKey")?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    test(app, "test-apigateway-restapi")
}
