//! `test/usage-plan.test.ts`: tests in CDK 10, ported 10, passing 10, ignored 0, newer than
//! 2.276.0: 0.

use apigw_core::{
    AddApiKeyOptions, ApiKey, ApiKeyProps, Period, QuotaSettings, RestApi, RestApiProps,
    StageOptions, ThrottleSettings, ThrottlingPerMethod, UsagePlan, UsagePlanPerApiStage,
    UsagePlanProps,
};

use crate::support::*;

const RESOURCE_TYPE: &str = "AWS::ApiGateway::UsagePlan";

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "my-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(false),
    )?;
    api.root().add_method("GET", None)?;
    let usage_plan_name = "Pro";
    let usage_plan_description = "Pro Usage Plan with no throttling limits";
    UsagePlan::new(
        &stack,
        "my-usage-plan",
        UsagePlanProps::builder().name(usage_plan_name).description(usage_plan_description),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        RESOURCE_TYPE,
        pattern!({ "UsagePlanName": usage_plan_name, "Description": usage_plan_description }),
    )
}

/// A usage plan `Basic` for the `test` stage of an API whose `GET` method has the given
/// limits, and the plan's expected `ApiStages`.
fn throttled_plan(description: &str, burst_limit: u32, rate_limit: f64) -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "my-api",
        RestApiProps::builder()
            .cloud_watch_role(false)
            .deploy(true)
            .deploy_options(StageOptions::builder().stage_name("test").build()?),
    )?;
    let method = api.root().add_method("GET", None)?;
    UsagePlan::new(
        &stack,
        "my-usage-plan",
        UsagePlanProps::builder().name("Basic").description(description).api_stages([
            UsagePlanPerApiStage::builder()
                .stage(&api.deployment_stage()?)
                .throttle([ThrottlingPerMethod::builder()
                    .method(&method)
                    .throttle(
                        ThrottleSettings::builder()
                            .burst_limit(burst_limit)
                            .rate_limit(rate_limit)
                            .build()?,
                    )
                    .build()?])
                .build()?,
        ]),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        RESOURCE_TYPE,
        pattern!({
            "UsagePlanName": "Basic",
            "Description": description,
            "ApiStages": [{
                "ApiId": { "Ref": "myapi4C7BF186" },
                "Stage": { "Ref": "myapiDeploymentStagetest4A4AB65E" },
                "Throttle": { "//GET": { "BurstLimit": burst_limit, "RateLimit": rate_limit } },
            }],
        }),
    )
}

#[test]
fn usage_plan_with_integer_throttling_limits() -> TestResult {
    throttled_plan("Basic Usage Plan with integer throttling limits", 20, 10.0)
}

#[test]
fn usage_plan_with_integer_and_float_throttling_limits() -> TestResult {
    throttled_plan("Basic Usage Plan with integer and float throttling limits", 20, 10.5)
}

#[test]
fn usage_plan_with_blocked_methods() -> TestResult {
    throttled_plan("Basic Usage Plan with throttling limits", 0, 0.0)
}

#[test]
fn usage_plan_with_quota_limits() -> TestResult {
    let (_app, stack) = stack()?;
    UsagePlan::new(
        &stack,
        "my-usage-plan",
        UsagePlanProps::builder()
            .quota(QuotaSettings::builder().limit(10000u32).period(Period::Month).build()?),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        RESOURCE_TYPE,
        pattern!({ "Quota": { "Limit": 10000, "Period": "MONTH" } }),
    )
}

mod usage_plan_key {
    use super::*;

    #[test]
    fn default() -> TestResult {
        let (_app, stack) = stack()?;
        let usage_plan =
            UsagePlan::new(&stack, "my-usage-plan", UsagePlanProps::builder().name("Basic"))?;
        let api_key = ApiKey::new(&stack, "my-api-key", ApiKeyProps::default())?;
        usage_plan.add_api_key(&api_key)?;
        Template::from_stack(&stack)?.has_resource_properties(
            "AWS::ApiGateway::UsagePlanKey",
            pattern!({
                "KeyId": { "Ref": "myapikey1B052F70" },
                "KeyType": "API_KEY",
                "UsagePlanId": { "Ref": "myusageplan23AA1E32" },
            }),
        )
    }

    #[test]
    fn imported() -> TestResult {
        let (_app, stack) = stack()?;
        let usage_plan = UsagePlan::from_usage_plan_id(&stack, "my-usage-plan", "imported-id")?;
        let api_key = ApiKey::new(&stack, "my-api-key", ApiKeyProps::default())?;
        usage_plan.add_api_key(&api_key)?;
        Template::from_stack(&stack)?.has_resource_properties(
            "AWS::ApiGateway::UsagePlanKey",
            pattern!({
                "KeyId": { "Ref": "myapikey1B052F70" },
                "KeyType": "API_KEY",
                "UsagePlanId": "imported-id",
            }),
        )
    }

    /// A plan with the keys `my-api-key-1` and `my-api-key-2` in `stack`.
    fn two_keys(stack: &Stack) -> Result<(), Error> {
        let usage_plan = UsagePlan::new(stack, "my-usage-plan", UsagePlanProps::default())?;
        let api_key1 = ApiKey::new(
            stack,
            "my-api-key-1",
            ApiKeyProps::builder().api_key_name("my-api-key-1"),
        )?;
        let api_key2 = ApiKey::new(
            stack,
            "my-api-key-2",
            ApiKeyProps::builder().api_key_name("my-api-key-2"),
        )?;
        usage_plan.add_api_key(&api_key1)?;
        usage_plan.add_api_key(&api_key2)?;
        Ok(())
    }

    #[test]
    fn multiple_keys() -> TestResult {
        let (_app, stack) = stack()?;
        two_keys(&stack)?;
        let template = Template::from_stack(&stack)?;
        template.has_resource_properties(
            "AWS::ApiGateway::ApiKey",
            pattern!({ "Name": "my-api-key-1" }),
        )?;
        template.has_resource_properties(
            "AWS::ApiGateway::ApiKey",
            pattern!({ "Name": "my-api-key-2" }),
        )?;
        template.has_resource_properties(
            "AWS::ApiGateway::UsagePlanKey",
            pattern!({ "KeyId": { "Ref": "myapikey11F723FC7" } }),
        )?;
        template.has_resource_properties(
            "AWS::ApiGateway::UsagePlanKey",
            pattern!({ "KeyId": { "Ref": "myapikey2ABDEF012" } }),
        )
    }

    /// The logical IDs of the template's usage plan keys, in template order.
    fn usage_plan_key_ids(template: &serde_json::Value) -> Vec<String> {
        template["Resources"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, r)| r["Type"] == "AWS::ApiGateway::UsagePlanKey")
            .map(|(id, _)| id.clone())
            .collect()
    }

    #[test]
    fn override_logical_id() -> TestResult {
        let (_app, stack) = stack()?;
        let usage_plan =
            UsagePlan::new(&stack, "my-usage-plan", UsagePlanProps::builder().name("Basic"))?;
        let api_key = ApiKey::new(&stack, "my-api-key", ApiKeyProps::default())?;
        usage_plan.add_api_key_with(
            &api_key,
            AddApiKeyOptions::builder().override_logical_id("mylogicalid"),
        )?;
        let template = Template::from_stack(&stack)?;
        assert_eq!(usage_plan_key_ids(template.to_json()), ["mylogicalid"]);
        Ok(())
    }

    #[test]
    fn usage_plan_keys_have_unique_logical_ids() -> TestResult {
        let app = App::with_props(cdk_core::AppProps::builder().flags(cdk_core::Flags::None));
        let stack = Stack::new(&app, "my-stack")?;
        two_keys(&stack)?;
        let template = Template::from_stack(&stack)?;
        assert_eq!(
            usage_plan_key_ids(template.to_json()),
            [
                "myusageplanUsagePlanKeyResourcemystackmyapikey1EE9AA1B359121274",
                "myusageplanUsagePlanKeyResourcemystackmyapikey2B4E8EB1456DC88E9",
            ]
        );
        Ok(())
    }
}
