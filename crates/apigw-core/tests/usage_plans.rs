//! The usage plans and API keys of the parity apps `usage-plan-api-key`,
//! `rate-limited-api-key` and `api-keys-import-and-multiple`, built with the same construct
//! ids and paths as their `app.js` but with mock integrations (and without the Lambda
//! functions): their `AWS::ApiGateway::UsagePlan`, `ApiKey` and `UsagePlanKey` resources must
//! equal the goldens' (whole resource objects, key order and resource order included).

use std::path::{Path, PathBuf};

use apigw_core::{
    AddApiKeyOptions, ApiKey, ApiKeyOptions, ApiKeyProps, IApiKey, MethodOptions, Period,
    QuotaSettings, RateLimitedApiKey, RateLimitedApiKeyProps, RestApi, RestApiProps, Stage,
    StageAttributes, ThrottleSettings, ThrottlingPerMethod, UsagePlan, UsagePlanPerApiStage,
    UsagePlanProps,
};
use cdk_core::{App, AppProps, Error, Stack};
use cdk_iam::{Principal, Role, RoleProps};

const TYPES: &[&str] =
    &["AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlanKey"];

fn golden(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

/// The usage plan and key resources of a template, in template order, as compact JSON.
fn plan_and_key_resources(template: &str) -> Vec<(String, String)> {
    let t: serde_json::Value = serde_json::from_str(template).expect("template JSON");
    t["Resources"]
        .as_object()
        .expect("Resources")
        .iter()
        .filter(|(_, r)| TYPES.iter().any(|ty| r["Type"] == *ty))
        .map(|(id, r)| (id.clone(), serde_json::to_string(r).expect("JSON")))
        .collect()
}

fn check(case: &str, build: impl FnOnce(&Stack) -> Result<(), Error>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("usage-plans-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().expect("app props"));
    let stack = Stack::new(&app, "Stack").expect("stack");
    build(&stack).expect("build");
    app.synth().expect("synth");
    let actual = std::fs::read_to_string(dir.join("Stack.template.json")).expect("template");
    let expected = std::fs::read_to_string(golden(case)).expect("golden");
    let expected = plan_and_key_resources(&expected);
    assert!(!expected.is_empty(), "{case}: no usage plans or keys in the golden");
    assert_eq!(plan_and_key_resources(&actual), expected, "{case}");
}

fn key_required() -> apigw_core::MethodOptionsBuilder {
    MethodOptions::builder().api_key_required(true)
}

fn throttle(rate: f64, burst: u32) -> ThrottleSettings {
    ThrottleSettings::builder().rate_limit(rate).burst_limit(burst).build().expect("throttle")
}

fn per_method(method: &apigw_core::Method, throttle: ThrottleSettings) -> ThrottlingPerMethod {
    ThrottlingPerMethod::builder().method(method).throttle(throttle).build().expect("throttle")
}

#[test]
fn usage_plan_api_key() {
    check("usage-plan-api-key", |stack| {
        let api = RestApi::new(stack, "hello-api", RestApiProps::default())?;
        let v1 = api.root().add_resource("v1")?;
        let echo = v1.add_resource("echo")?;
        let echo_method = echo.add_method_with("GET", None, key_required())?;
        let plan = api.add_usage_plan(
            "UsagePlan",
            UsagePlanProps::builder().name("Easy").throttle(throttle(10.0, 2)).quota(
                QuotaSettings::builder().limit(1000).offset(0).period(Period::Week).build()?,
            ),
        )?;
        let key = api.add_api_key("ApiKey")?;
        plan.add_api_key(&key)?;
        plan.add_api_stage(
            UsagePlanPerApiStage::builder()
                .stage(&api.deployment_stage()?)
                .throttle([per_method(&echo_method, throttle(10.0, 2))]),
        )?;
        Ok(())
    });
}

#[test]
fn rate_limited_api_key() {
    check("rate-limited-api-key", |stack| {
        let api = RestApi::new(stack, "api", RestApiProps::default())?;
        let get_items =
            api.root().add_resource("items")?.add_method_with("GET", None, key_required())?;
        let stage = api.deployment_stage()?;
        RateLimitedApiKey::new(
            stack,
            "rate-limited-api-key",
            RateLimitedApiKeyProps::builder()
                .customer_id("hello-customer")
                .api_stages([UsagePlanPerApiStage::builder().stage(&stage).build()?])
                .quota(QuotaSettings::builder().limit(10000).period(Period::Month).build()?),
        )?;
        RateLimitedApiKey::new(
            stack,
            "throttled-key",
            RateLimitedApiKeyProps::builder()
                .api_key_name("throttled")
                .description("key with throttle and quota")
                .api_stages([UsagePlanPerApiStage::builder()
                    .stage(&stage)
                    .throttle([per_method(&get_items, throttle(5.0, 1))])
                    .build()?])
                .throttle(throttle(100.0, 20))
                .quota(QuotaSettings::builder().limit(500).offset(1).period(Period::Day).build()?),
        )?;
        Ok(())
    });
}

#[test]
fn api_keys_import_and_multiple() {
    check("api-keys-import-and-multiple", |stack| {
        let api = RestApi::new(stack, "hello-api", RestApiProps::default())?;
        api.root().add_method_with("GET", None, key_required())?;

        let imported_usage_plan =
            UsagePlan::from_usage_plan_id(stack, "imported-usage-plan", "abc123usageplan")?;
        let named_key = api.add_api_key_with(
            "ApiKey",
            ApiKeyOptions::builder()
                .api_key_name("myApiKey1")
                .value("MyApiKeyThatIsAtLeast20Characters"),
        )?;
        imported_usage_plan.add_api_key(&named_key)?;

        // The app grants read on an imported key to a Lambda function; a role stands in for
        // it here (its policy is not compared).
        let imported_key = ApiKey::from_api_key_id(stack, "imported-key", "abcdefghij0123456789")?;
        let reader = Role::new(
            stack,
            "KeyReader",
            RoleProps::builder().assumed_by(Principal::service("lambda.amazonaws.com")),
        )?;
        imported_key.grant_read(&reader)?;

        let rest_api = RestApi::from_rest_api_id(stack, "ImportedApi", "importedrestapiid")?;
        let imported_stage = Stage::from_stage_attributes(
            stack,
            "imported-stage",
            StageAttributes::builder().stage_name("myStageName").rest_api(&rest_api),
        )?;
        imported_stage.add_api_key("MyApiKey")?;

        let usage_plan =
            api.add_usage_plan(
                "MultiKeyPlan",
                UsagePlanProps::builder().name("MultiKey").api_stages([
                    UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).build()?,
                ]),
            )?;
        let key_a = api.add_api_key("KeyA")?;
        let key_b = api.add_api_key("KeyB")?;
        let key_c = ApiKey::new(
            stack,
            "KeyC",
            ApiKeyProps::builder().description("third key").enabled(false),
        )?;
        usage_plan.add_api_key(&key_a)?;
        usage_plan.add_api_key_with(
            &key_b,
            AddApiKeyOptions::builder().override_logical_id("MyKeyBUsagePlanKey"),
        )?;
        usage_plan.add_api_key(&key_c)?;
        Ok(())
    });
}
