//! A small REST API, from `cargo new` to `cdk deploy`:
//!
//! - `GET /hello`: a MOCK integration answering 200 with a JSON body (its greeting comes from the
//!   context key `greeting`: `cdk synth -c greeting=hi`, else cdk.json's `context`);
//! - `GET /echo`: a Lambda function with inline code;
//! - `GET /secret`: a MOCK route that needs an API key (`x-api-key`), with a usage plan;
//! - CORS preflight (`OPTIONS`) on every resource.

use apigw_core::{
    Cors, CorsOptions, IUsagePlan, IntegrationOptions, IntegrationResponse, LambdaIntegration,
    MethodOptions, MethodResponse, MockIntegration, RestApi, RestApiProps, UsagePlanPerApiStage,
    UsagePlanProps,
};
use cdk_core::{App, Construct, Error, Stack, Value};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

fn main() -> Result<(), Error> {
    // Feature flags and context come from the CDK CLI (cdk.json, `-c key=value`).
    let app = App::new();
    let greeting = match app.node().try_get_context("greeting") {
        Some(serde_json::Value::String(s)) => s,
        _ => "hello, world".to_string(),
    };

    let stack = Stack::new(&app, "Quickstart")?;
    let api = RestApi::new(
        &stack,
        "api",
        RestApiProps::builder()
            .default_cors_preflight_options(
                CorsOptions::builder().allow_origins(Cors::ALL_ORIGINS.iter().copied()).build()?,
            )
            .build()?,
    )?;

    // GET /hello: answered by API Gateway itself.
    let body = serde_json::json!({ "message": greeting }).to_string();
    let hello = MockIntegration::with_options(
        IntegrationOptions::builder()
            .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
            .integration_responses(vec![IntegrationResponse::builder()
                .status_code("200")
                .response_templates([("application/json", body)])
                .build()?])
            .build()?,
    );
    let ok = || MethodResponse::builder().status_code("200").build();
    api.root().add_resource("hello")?.add_method_with(
        "GET",
        Some(hello),
        MethodOptions::builder().method_responses(vec![ok()?]).build()?,
    )?;

    // GET /echo: a Lambda function with inline code.
    let echo = Function::new(
        &stack,
        "Echo",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(
                "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ path: e.path }) });",
            ))
            .build()?,
    )?;
    api.root().add_resource("echo")?.add_method("GET", Some(LambdaIntegration::new(&echo)))?;

    // GET /secret: needs an API key of the usage plan.
    let secret = MockIntegration::with_options(
        IntegrationOptions::builder()
            .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
            .integration_responses(vec![IntegrationResponse::builder()
                .status_code("200")
                .response_templates([("application/json", "{ \"secret\": 42 }")])
                .build()?])
            .build()?,
    );
    api.root().add_resource("secret")?.add_method_with(
        "GET",
        Some(secret),
        MethodOptions::builder().api_key_required(true).method_responses(vec![ok()?]).build()?,
    )?;
    let plan = api.add_usage_plan("UsagePlan", UsagePlanProps::builder().name("Basic").build()?)?;
    let key = api.add_api_key("ApiKey", None)?;
    plan.add_api_key(&key, None)?;
    if let Some(stage) = api.deployment_stage() {
        plan.add_api_stage(UsagePlanPerApiStage::builder().stage(stage).build()?)?;
    }

    let assembly = app.synth()?;
    eprintln!("Synthesized {} into {}", assembly.stacks.join(", "), assembly.directory.display());
    Ok(())
}
