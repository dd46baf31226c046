//! `test/api-key.test.ts`: tests in CDK 13, ported 13, passing 13, ignored 0, newer than
//! 2.276.0: 0.

use apigw_core::{
    ApiKey, ApiKeyOptions, ApiKeyProps, IApiKey, Period, QuotaSettings, RateLimitedApiKey,
    RateLimitedApiKeyProps, RestApi, RestApiProps, Stage, StageAttributes, StageOptions,
    UsagePlanProps,
};
use cdk_iam::{User, UserProps};

use crate::support::*;

/// `new RestApi(stack, 'test-api', { cloudWatchRole: false, deploy: true, deployOptions:
/// { stageName: 'test' } })` with a `GET` method.
fn test_api(stack: &Stack) -> Result<RestApi, Error> {
    let api = RestApi::new(
        stack,
        "test-api",
        RestApiProps::builder()
            .cloud_watch_role(false)
            .deploy(true)
            .deploy_options(StageOptions::builder().stage_name("test").build()?),
    )?;
    api.root().add_method("GET", None)?;
    Ok(api)
}

/// `Stage.fromStageAttributes(stack, 'Stage', { restApi: api, stageName: 'MyStage' })`.
fn my_stage(stack: &Stack, api: &RestApi) -> Result<apigw_core::ImportedStage, Error> {
    Stage::from_stage_attributes(
        stack,
        "Stage",
        StageAttributes::builder().rest_api(api).stage_name("MyStage"),
    )
}

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = stack()?;
    ApiKey::new(&stack, "my-api-key", ApiKeyProps::default())?;
    Template::from_stack(&stack)?
        .has_resource_properties("AWS::ApiGateway::ApiKey", pattern!({ "Enabled": true }))
}

#[test]
fn throws_if_deployment_stage_is_not_set() -> TestResult {
    let (_app, stack) = stack()?;
    let rest_api = RestApi::from_rest_api_id(&stack, "imported", "abc")?;
    let err = ApiKey::new(&stack, "my-api-key", ApiKeyProps::builder().resources([&rest_api]))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains(
            "Cannot add an ApiKey to a RestApi that does not contain a \"deploymentStage\""
        ),
        "{err}"
    );
    Ok(())
}

#[test]
fn enabled_flag_is_respected() -> TestResult {
    let (_app, stack) = stack()?;
    ApiKey::new(
        &stack,
        "my-api-key",
        ApiKeyProps::builder().enabled(false).value("arandomstringwithmorethantwentycharacters"),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({ "Enabled": false, "Value": "arandomstringwithmorethantwentycharacters" }),
    )
}

#[test]
fn specify_props_for_api_key() -> TestResult {
    let (_app, stack) = stack()?;
    let api = test_api(&stack)?;
    ApiKey::new(
        &stack,
        "test-api-key",
        ApiKeyProps::builder().customer_id("test-customer").resources([&api]),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({
            "CustomerId": "test-customer",
            "StageKeys": [{
                "RestApiId": { "Ref": "testapiD6451F70" },
                "StageName": { "Ref": "testapiDeploymentStagetest5869DF71" },
            }],
        }),
    )
}

#[test]
fn add_description_to_api_key() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    api.add_api_key_with(
        "my-api-key",
        ApiKeyOptions::builder().description("The most secret api key"),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({ "Description": "The most secret api key" }),
    )
}

#[test]
fn add_description_to_api_key_added_to_a_stage() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    let stage = my_stage(&stack, &api)?;
    stage.add_api_key_with(
        "my-api-key",
        ApiKeyOptions::builder().description("The most secret api key"),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({ "Description": "The most secret api key" }),
    )
}

#[test]
fn use_an_imported_api_key() -> TestResult {
    let (_app, stack) = stack()?;
    let api = test_api(&stack)?;
    let imported_key = ApiKey::from_api_key_id(&stack, "imported", "KeyIdabc")?;
    let usage_plan = api.add_usage_plan("plan", UsagePlanProps::default())?;
    usage_plan.add_api_key(&imported_key)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::UsagePlanKey",
        pattern!({
            "KeyId": "KeyIdabc",
            "KeyType": "API_KEY",
            "UsagePlanId": { "Ref": "testapiplan1B111AFF" },
        }),
    )
}

/// The user's policy statement allowing `actions` on the key `testapikeyE093E501`.
fn assert_user_policy(template: &Template, actions: serde_json::Value) -> TestResult {
    template.has_resource_properties(
        "AWS::IAM::Policy",
        pattern!({
            "PolicyDocument": {
                "Statement": [{
                    "Action": actions,
                    "Effect": "Allow",
                    "Resource": join(json!([
                        "arn:", { "Ref": "AWS::Partition" }, ":apigateway:",
                        { "Ref": "AWS::Region" }, "::/apikeys/", { "Ref": "testapikeyE093E501" },
                    ])),
                }],
                "Version": "2012-10-17",
            },
        }),
    )
}

/// The `grant*` tests' app: a user, an API, a stage and a key for the stage.
fn grant_app(stack: &Stack) -> Result<(User, ApiKey), Error> {
    let user = User::new(stack, "User", UserProps::default())?;
    let api = test_api(stack)?;
    let stage = my_stage(stack, &api)?;
    let api_key = ApiKey::new(
        stack,
        "test-api-key",
        ApiKeyProps::builder().customer_id("test-customer").stages([&stage]),
    )?;
    Ok((user, api_key))
}

#[test]
fn grant_read() -> TestResult {
    let (_app, stack) = stack()?;
    let (user, api_key) = grant_app(&stack)?;
    api_key.grant_read(&user)?;
    assert_user_policy(&Template::from_stack(&stack)?, json!("apigateway:GET"))
}

#[test]
fn grant_write() -> TestResult {
    let (_app, stack) = stack()?;
    let (user, api_key) = grant_app(&stack)?;
    api_key.grant_write(&user)?;
    assert_user_policy(
        &Template::from_stack(&stack)?,
        json!(["apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"]),
    )
}

#[test]
fn grant_read_write() -> TestResult {
    let (_app, stack) = stack()?;
    let (user, api_key) = grant_app(&stack)?;
    api_key.grant_read_write(&user)?;
    assert_user_policy(
        &Template::from_stack(&stack)?,
        json!([
            "apigateway:GET",
            "apigateway:POST",
            "apigateway:PUT",
            "apigateway:PATCH",
            "apigateway:DELETE",
        ]),
    )
}

mod rate_limited {
    use super::*;

    #[test]
    fn default_setup() -> TestResult {
        let (_app, stack) = stack()?;
        let api = RestApi::new(
            &stack,
            "my-api",
            RestApiProps::builder().cloud_watch_role(false).deploy(false),
        )?;
        api.root().add_method("GET", None)?;
        RateLimitedApiKey::new(&stack, "my-api-key", RateLimitedApiKeyProps::default())?;
        let template = Template::from_stack(&stack)?;
        template.has_resource("AWS::ApiGateway::ApiKey", Match::any_value())?;
        template.resource_count_is("AWS::ApiGateway::UsagePlan", 0)?;
        template.resource_count_is("AWS::ApiGateway::UsagePlanKey", 0)
    }

    /// The key's `StageKeys` for `MyStage`.
    fn my_stage_key() -> serde_json::Value {
        json!({
            "CustomerId": "test-customer",
            "StageKeys": [{ "RestApiId": { "Ref": "testapiD6451F70" }, "StageName": "MyStage" }],
        })
    }

    #[test]
    fn only_api_key_is_created_when_rate_limiting_properties_are_not_provided() -> TestResult {
        let (_app, stack) = stack()?;
        let api = test_api(&stack)?;
        let stage = my_stage(&stack, &api)?;
        RateLimitedApiKey::new(
            &stack,
            "test-api-key",
            RateLimitedApiKeyProps::builder().customer_id("test-customer").stages([&stage]),
        )?;
        let template = Template::from_stack(&stack)?;
        template.has_resource_properties("AWS::ApiGateway::ApiKey", my_stage_key())?;
        template.resource_count_is("AWS::ApiGateway::UsagePlan", 0)?;
        template.resource_count_is("AWS::ApiGateway::UsagePlanKey", 0)
    }

    #[test]
    fn api_key_and_usage_plan_are_created_and_linked_when_rate_limiting_properties_are_provided(
    ) -> TestResult {
        let (_app, stack) = stack()?;
        let api = test_api(&stack)?;
        let stage = my_stage(&stack, &api)?;
        RateLimitedApiKey::new(
            &stack,
            "test-api-key",
            RateLimitedApiKeyProps::builder()
                .customer_id("test-customer")
                .stages([&stage])
                .quota(QuotaSettings::builder().limit(10000u32).period(Period::Month).build()?),
        )?;
        let template = Template::from_stack(&stack)?;
        template.has_resource_properties("AWS::ApiGateway::ApiKey", my_stage_key())?;
        template.has_resource_properties(
            "AWS::ApiGateway::UsagePlan",
            pattern!({ "Quota": { "Limit": 10000, "Period": "MONTH" } }),
        )?;
        template.has_resource_properties(
            "AWS::ApiGateway::UsagePlanKey",
            pattern!({
                "KeyId": { "Ref": "testapikey998028B6" },
                "KeyType": "API_KEY",
                "UsagePlanId": { "Ref": "testapikeyUsagePlanResource66DB63D6" },
            }),
        )
    }
}
