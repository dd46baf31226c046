//! A small REST API, from `cargo new` to `cdk deploy`:
//!
//! - `GET /hello`: a MOCK integration answering 200 with a JSON body (its greeting comes from the
//!   context key `greeting`: `cdk synth -c greeting=hi`, else cdk.json's `context`);
//! - `GET /echo`: a Lambda function with inline code;
//! - `GET /secret`: a MOCK route that needs an API key (`x-api-key`), with a usage plan;
//! - CORS preflight (`OPTIONS`) on every resource.

use apigw_core::{
    Cors, CorsOptions, IntegrationOptions, IntegrationResponse, LambdaIntegration, MethodOptions,
    MethodResponse, MockIntegration, RestApi, RestApiProps, UsagePlanPerApiStage, UsagePlanProps,
};
use cdk_core::{App, Construct, Error, Stack};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

/// A MOCK integration answering 200 with `body`.
fn mock_ok(body: &str) -> Result<apigw_core::Integration, Error> {
    let ok = IntegrationResponse::builder()
        .status_code("200")
        .response_templates([("application/json", body)]);
    Ok(MockIntegration::with_options(
        IntegrationOptions::builder()
            .request_templates([("application/json", "{ \"statusCode\": 200 }")])
            .integration_responses([ok.build()?]),
    )?)
}

fn main() -> Result<(), Error> {
    // Feature flags and context come from the CDK CLI (cdk.json, `-c key=value`).
    let app = App::new();
    let greeting = match app.node().try_get_context("greeting") {
        Some(serde_json::Value::String(s)) => s,
        _ => "hello, world".to_string(),
    };

    let stack = Stack::new(&app, "Quickstart")?;
    let cors = CorsOptions::builder().allow_origins(Cors::ALL_ORIGINS).build()?;
    let api =
        RestApi::new(&stack, "api", RestApiProps::builder().default_cors_preflight_options(cors))?;
    let ok = MethodResponse::builder().status_code("200").build()?;

    // GET /hello: answered by API Gateway itself.
    let body = serde_json::json!({ "message": greeting }).to_string();
    let hello = api.root().add_resource("hello")?;
    hello.add_method_with(
        "GET",
        mock_ok(&body)?,
        MethodOptions::builder().method_responses([ok.clone()]),
    )?;

    // GET /echo: a Lambda function with inline code.
    let echo = Function::new(
        &stack,
        "Echo",
        FunctionProps::builder().runtime(Runtime::NODEJS_20_X).handler("index.handler").code(Code::from_inline(
            "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ path: e.path }) });",
        )),
    )?;
    api.root().add_resource("echo")?.add_method("GET", LambdaIntegration::new(&echo))?;

    // GET /secret: needs an API key of the usage plan.
    let secret = api.root().add_resource("secret")?;
    let options = MethodOptions::builder().api_key_required(true).method_responses([ok]);
    secret.add_method_with("GET", mock_ok("{ \"secret\": 42 }")?, options)?;
    let plan = api.add_usage_plan("UsagePlan", UsagePlanProps::builder().name("Basic"))?;
    let key = api.add_api_key("ApiKey")?;
    plan.add_api_key(&key)?;
    plan.add_api_stage(UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?))?;

    let assembly = app.synth()?;
    eprintln!("Synthesized {} into {}", assembly.stacks.join(", "), assembly.directory.display());
    Ok(())
}
