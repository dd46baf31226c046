//! Twin of `integ/integ-spec-restapi/app.js` (aws-cdk's `integ.spec-restapi.ts`).

use crate::cases::prelude::*;
use apigw_core::RestApiMode;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-spec-restapi", build);

/// `exports.handler = ${handlerCode}`: the handler function's source as Node.js prints it.
const HANDLER_CODE: &str = "exports.handler = function handlerCode(event, _, callback) {
    return callback(undefined, {
      isBase64Encoded: false,
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
  }";

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let test_case = Stack::new(app, "test-apigateway-spec-restapi")?;

    let api = SpecRestApi::new(
        &test_case,
        "my-api",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_asset(inputs.join("sample-definition.yaml")))
            .disable_execute_api_endpoint(true)
            .min_compression_size(cdk_core::Size::bytes(1024))
            .retain_deployments(true)
            .cloud_watch_role(true)
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
            )
            .mode(RestApiMode::Merge),
    )?;

    let handler = Function::new(
        &test_case,
        "MyHandler",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_18_X)
            .code(Code::from_inline(HANDLER_CODE))
            .handler("index.handler"),
    )?;

    let v1 = api.root().add_resource("v1")?;

    let integration = LambdaIntegration::new(&handler);

    let toys = v1.add_resource("toys")?;
    let get_toys_method =
        toys.add_method_with("GET", &integration, MethodOptions::builder().api_key_required(true))?;
    toys.add_method("POST", None)?;
    toys.add_method("PUT", None)?;

    let appliances = v1.add_resource("appliances")?;
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
    // The test's `apiKey: key` prop: aws-cdk-lib 2.276.0 no longer types it, but its
    // UsagePlan constructor still ends with `addApiKey(props.apiKey)`; this is that call.
    plan.add_api_key(&key)?;
    plan.add_api_stage(
        UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).throttle([
            ThrottlingPerMethod::builder()
                .method(&get_toys_method)
                .throttle(ThrottleSettings::builder().rate_limit(10.0).burst_limit(2).build()?)
                .build()?,
        ]),
    )?;
    Ok(())
}
