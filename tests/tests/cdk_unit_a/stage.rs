//! `test/stage.test.ts`: tests in CDK 31, ported 31, passing 30, ignored 1 (`does not fail
//! when access log format is a token`: formats are strings and tokens typed values here, so
//! a format cannot be a token), newer than 2.276.0: 0.
//!
//! The 7 `metric*` tests with `{ color }` check name, statistic and dimensions but not the
//! color: cdk-cloudwatch's `MetricOptions` has no `color` (left for cdk-cloudwatch).

use apigw_core::{
    ApiDefinition, Deployment, DeploymentProps, MethodDeploymentOptions, MethodLoggingLevel,
    RestApi, RestApiProps, SpecRestApi, SpecRestApiProps, Stage, StageAttributes, StageOptions,
    StageOptionsBuilder,
};
use apigw_logging::{AccessLogDestination, AccessLogField, AccessLogFormat};
use cdk_logs::{LogGroup, LogGroupProps};

use crate::support::*;

/// `new RestApi(stack, 'test-api', { cloudWatchRole, deploy: false })`, a deployment
/// `my-deployment` and `api.root.addMethod('GET')`.
fn setup(stack: &Stack, cloud_watch_role: bool) -> Result<Deployment, Error> {
    let api = RestApi::new(
        stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(cloud_watch_role).deploy(false),
    )?;
    let deployment = Deployment::new(stack, "my-deployment", &api, DeploymentProps::default())?;
    api.root().add_method("GET", None)?;
    Ok(deployment)
}

fn stage_with(options: StageOptionsBuilder) -> Result<(App, Stack), Error> {
    let (app, stack) = stack()?;
    let deployment = setup(&stack, false)?;
    Stage::new(&stack, "my-stage", &deployment, options)?;
    Ok((app, stack))
}

fn stage_props(stack: &Stack, props: serde_json::Value) -> TestResult {
    Template::from_stack(stack)?.has_resource_properties("AWS::ApiGateway::Stage", props)
}

#[test]
fn minimal_setup() -> TestResult {
    let (_app, stack) = stage_with(StageOptions::builder())?;
    Template::from_stack(&stack)?.template_matches(pattern!({ "Resources": {
        "testapiD6451F70": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "test-api" } },
        "testapiGETD8DE4ED1": {
            "Type": "AWS::ApiGateway::Method",
            "Properties": {
                "HttpMethod": "GET",
                "ResourceId": { "Fn::GetAtt": ["testapiD6451F70", "RootResourceId"] },
                "RestApiId": { "Ref": "testapiD6451F70" },
                "AuthorizationType": "NONE",
                "Integration": { "Type": "MOCK" },
            },
        },
        "mydeployment71ED3B4B5ce82e617e0729f75657ddcca51e3b91": {
            "Type": "AWS::ApiGateway::Deployment",
            "Properties": { "RestApiId": { "Ref": "testapiD6451F70" } },
            "DependsOn": ["testapiGETD8DE4ED1"],
        },
        "mystage7483BE9A": {
            "Type": "AWS::ApiGateway::Stage",
            "Properties": {
                "RestApiId": { "Ref": "testapiD6451F70" },
                "DeploymentId": { "Ref": "mydeployment71ED3B4B5ce82e617e0729f75657ddcca51e3b91" },
                "StageName": "prod",
            },
        },
    }}))
}

#[test]
fn rest_api_stage_depends_on_the_cloud_watch_role_when_it_exists() -> TestResult {
    let (_app, stack) = stack()?;
    let deployment = setup(&stack, true)?;
    Stage::new(&stack, "my-stage", &deployment, StageOptions::default())?;
    Template::from_stack(&stack)?.has_resource(
        "AWS::ApiGateway::Stage",
        pattern!({ "DependsOn": ["testapiAccount9B907665"] }),
    )
}

#[test]
fn spec_rest_api_stage_depends_on_the_cloud_watch_role_when_it_exists() -> TestResult {
    let (_app, stack) = stack()?;
    let api = SpecRestApi::new(
        &stack,
        "test-api",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_inline(json!({ "foo": "bar" }))),
    )?;
    let deployment = Deployment::new(&stack, "my-deployment", &api, DeploymentProps::default())?;
    api.root().add_method("GET", None)?;
    Stage::new(&stack, "my-stage", &deployment, StageOptions::default())?;
    Template::from_stack(&stack)?.has_resource(
        "AWS::ApiGateway::Stage",
        pattern!({ "DependsOn": ["testapiAccount9B907665"] }),
    )
}

#[test]
fn common_method_settings_can_be_set_at_the_stage_level() -> TestResult {
    let (_app, stack) = stage_with(
        StageOptions::builder().logging_level(MethodLoggingLevel::Info).throttling_rate_limit(12.0),
    )?;
    stage_props(
        &stack,
        json!({ "MethodSettings": [{
            "DataTraceEnabled": false, "HttpMethod": "*", "LoggingLevel": "INFO", "ResourcePath": "/*", "ThrottlingRateLimit": 12,
        }]}),
    )
}

#[test]
fn stage_resource_arn_returns_the_arn_for_the_stage() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let deployment = Deployment::new(&stack, "test-deploymnet", &api, DeploymentProps::default())?;
    api.root().add_method("GET", None)?;
    let stage = Stage::new(&stack, "test-stage", &deployment, StageOptions::default())?;
    cdk_core::CfnOutput::new(
        &stack,
        "Arn",
        cdk_core::CfnOutputProps::builder().value(stage.stage_arn()?),
    )?;
    Template::from_stack(&stack)?.has_output("Arn", pattern!({ "Value": { "Fn::Join": ["", [
        "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" }, "::/restapis/",
        { "Ref": "testapiD6451F70" }, "/stages/", { "Ref": "teststage8788861E" },
    ]]}}))
}

#[test]
fn custom_method_settings_can_be_set_by_their_path() -> TestResult {
    let (_app, stack) = stage_with(
        StageOptions::builder()
            .logging_level(MethodLoggingLevel::Info)
            .throttling_rate_limit(12.0)
            .method_options([(
                "/goo/bar/GET",
                MethodDeploymentOptions::builder()
                    .logging_level(MethodLoggingLevel::Error)
                    .build()?,
            )]),
    )?;
    stage_props(
        &stack,
        json!({ "MethodSettings": [
            { "DataTraceEnabled": false, "HttpMethod": "*", "LoggingLevel": "INFO", "ResourcePath": "/*", "ThrottlingRateLimit": 12 },
            { "DataTraceEnabled": false, "HttpMethod": "GET", "LoggingLevel": "ERROR", "ResourcePath": "/~1goo~1bar" },
        ]}),
    )
}

#[test]
fn default_cache_cluster_size_is_0_5_if_cache_cluster_is_enabled() -> TestResult {
    let (_app, stack) = stage_with(StageOptions::builder().cache_cluster_enabled(true))?;
    stage_props(&stack, json!({ "CacheClusterEnabled": true, "CacheClusterSize": "0.5" }))
}

#[test]
fn setting_cache_cluster_size_implies_cache_cluster_enabled() -> TestResult {
    let (_app, stack) = stage_with(StageOptions::builder().cache_cluster_size("0.5"))?;
    stage_props(&stack, json!({ "CacheClusterEnabled": true, "CacheClusterSize": "0.5" }))
}

#[test]
fn fails_when_cache_cluster_enabled_is_false_and_cache_cluster_size_is_set() {
    let m = message(stage_with(
        StageOptions::builder().cache_cluster_size("0.5").cache_cluster_enabled(false),
    ));
    assert!(
        m.contains(
            "Cannot set \"cacheClusterSize\" to 0.5 and \"cacheClusterEnabled\" to \"false\""
        ),
        "{m}"
    );
}

#[test]
fn if_caching_enabled_in_method_settings_implicitly_enable_cache_cluster() -> TestResult {
    let (_app, stack) = stage_with(StageOptions::builder().caching_enabled(true))?;
    stage_props(
        &stack,
        json!({
            "CacheClusterEnabled": true,
            "CacheClusterSize": "0.5",
            "MethodSettings": [{ "DataTraceEnabled": false, "CachingEnabled": true, "HttpMethod": "*", "ResourcePath": "/*" }],
            "StageName": "prod",
        }),
    )
}

#[test]
fn if_caching_cluster_is_explicitly_disabled_do_not_auto_enable_cache_cluster_when_caching_enabled_is_set_in_method_options(
) {
    let m = message(stage_with(
        StageOptions::builder().cache_cluster_enabled(false).caching_enabled(true),
    ));
    assert!(
        m.contains(
            "Cannot enable caching for method /*/* since cache cluster is disabled on stage"
        ),
        "{m}"
    );
}

/// A stage with an access log destination `LogGroup` (when `destination`) and `format`.
fn with_log(destination: bool, format: Option<AccessLogFormat>) -> Result<(App, Stack), Error> {
    let (app, stack) = stack()?;
    let deployment = setup(&stack, false)?;
    let mut options = StageOptions::builder();
    if destination {
        let group = LogGroup::new(&stack, "LogGroup", LogGroupProps::default())?;
        options = options.access_log_destination(AccessLogDestination::log_group(&group));
    }
    if let Some(format) = format {
        options = options.access_log_format(format);
    }
    Stage::new(&stack, "my-stage", &deployment, options)?;
    Ok((app, stack))
}

#[test]
fn if_only_the_custom_log_destination_log_group_is_set() -> TestResult {
    let (_app, stack) = with_log(true, None)?;
    stage_props(
        &stack,
        json!({
            "AccessLogSetting": {
                "DestinationArn": { "Fn::GetAtt": ["LogGroupF5B46931", "Arn"] },
                "Format": "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId",
            },
            "StageName": "prod",
        }),
    )
}

#[test]
fn if_the_custom_log_destination_log_group_and_format_is_set() -> TestResult {
    let (_app, stack) = with_log(true, Some(AccessLogFormat::json_with_standard_fields(None)))?;
    stage_props(
        &stack,
        json!({
            "AccessLogSetting": {
                "DestinationArn": { "Fn::GetAtt": ["LogGroupF5B46931", "Arn"] },
                "Format": "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"user\":\"$context.identity.user\",\"caller\":\"$context.identity.caller\",\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\",\"resourcePath\":\"$context.resourcePath\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\"}",
            },
            "StageName": "prod",
        }),
    )
}

mod access_log_check {
    use super::*;

    const NO_REQUEST_ID: &str = "Access log must include either `AccessLogFormat.contextRequestId()` or `AccessLogFormat.contextExtendedRequestId()`";

    #[test]
    fn fails_when_access_log_format_does_not_contain_context_request_id_or_context_extended_request_id(
    ) {
        let m = message(with_log(true, Some(AccessLogFormat::custom(""))));
        assert!(m.contains(NO_REQUEST_ID), "{m}");
    }

    #[test]
    fn succeeds_when_access_log_format_contains_context_request_id() -> Result<(), Error> {
        let format = json!({ "requestId": AccessLogField::context_request_id() }).to_string();
        with_log(true, Some(AccessLogFormat::custom(format))).map(|_| ())
    }

    #[test]
    fn succeeds_when_access_log_format_contains_context_extended_request_id() -> Result<(), Error> {
        let format = json!({ "extendedRequestId": AccessLogField::context_extended_request_id() })
            .to_string();
        with_log(true, Some(AccessLogFormat::custom(format))).map(|_| ())
    }

    #[test]
    fn succeeds_when_access_log_format_contains_both_context_request_id_and_context_extended_request_id(
    ) -> Result<(), Error> {
        let format = json!({
            "requestId": AccessLogField::context_request_id(),
            "extendedRequestId": AccessLogField::context_extended_request_id(),
        })
        .to_string();
        with_log(true, Some(AccessLogFormat::custom(format))).map(|_| ())
    }

    #[test]
    fn fails_when_access_log_format_contains_context_request_id_xxx() {
        let format = json!({ "requestIdXxx": "$context.requestIdXxx" }).to_string();
        let m = message(with_log(true, Some(AccessLogFormat::custom(format))));
        assert!(m.contains(NO_REQUEST_ID), "{m}");
    }

    #[test]
    #[ignore = "departure: `AccessLogFormat` holds a string and tokens are typed values here, so a format cannot be an unresolved token (CDK skips the check for one)"]
    fn does_not_fail_when_access_log_format_is_a_token() {}

    #[test]
    fn fails_when_access_log_destination_is_empty() {
        let m = message(with_log(false, Some(AccessLogFormat::json_with_standard_fields(None))));
        assert!(m.contains("Access log format is specified without a destination"), "{m}");
    }
}

#[test]
fn default_throttling_settings() -> TestResult {
    let (_app, stack) = stack()?;
    SpecRestApi::new(
        &stack,
        "testapi",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_inline(json!({ "openapi": "3.0.2" })))
            .deploy_options(
                StageOptions::builder()
                    .throttling_burst_limit(0)
                    .throttling_rate_limit(0.0)
                    .metrics_enabled(false)
                    .build()?,
            ),
    )?;
    stage_props(
        &stack,
        json!({ "MethodSettings": [{
            "DataTraceEnabled": false, "HttpMethod": "*", "ResourcePath": "/*", "ThrottlingBurstLimit": 0, "ThrottlingRateLimit": 0,
        }]}),
    )
}

#[test]
fn add_api_key_is_supported() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().cloud_watch_role(false))?;
    api.root().add_method("GET", None)?;
    let latest = api.latest_deployment().ok_or_else(|| {
        AssertionError::from(Error::InvalidArgument {
            path: "test-api".into(),
            message: "no deployment".into(),
        })
    })?;
    let stage = Stage::new(&stack, "Stage", &latest, StageOptions::default())?;
    stage.add_api_key("MyKey")?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({ "StageKeys": [{ "RestApiId": { "Ref": "testapiD6451F70" }, "StageName": { "Ref": "Stage0E8C2AF5" } }] }),
    )
}

#[test]
fn add_api_key_is_supported_on_an_imported_stage() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().cloud_watch_role(false))?;
    api.root().add_method("GET", None)?;
    let stage = Stage::from_stage_attributes(
        &stack,
        "Stage",
        StageAttributes::builder().rest_api(&api).stage_name("MyStage"),
    )?;
    stage.add_api_key("MyKey")?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::ApiKey",
        pattern!({ "StageKeys": [{ "RestApiId": { "Ref": "testapiD6451F70" }, "StageName": "MyStage" }] }),
    )
}

mod metrics {
    use super::*;
    use apigw_core::MetricOptions;

    /// `api.deploymentStage.<metric>({ color })`: name, statistic and dimensions.
    fn check(
        get: impl Fn(&Stage) -> Result<apigw_core::Metric, Error>,
        name: &str,
        statistic: &str,
    ) -> Result<(), Error> {
        let (_app, stack) = stack()?;
        let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
        let stage = api.deployment_stage()?;
        let metric = get(&stage)?;
        assert_eq!(metric.namespace(), "AWS/ApiGateway");
        assert_eq!(metric.metric_name(), name);
        assert_eq!(metric.statistic(), statistic);
        let dims: Vec<String> =
            metric.dimensions().iter().map(|(k, v)| format!("{k}={v:?}")).collect();
        assert_eq!(
            dims,
            [
                format!("ApiName={:?}", Value::from("test-api")),
                format!("Stage={:?}", stage.stage_name())
            ]
        );
        Ok(())
    }

    #[test]
    fn metric() -> Result<(), Error> {
        let options = || MetricOptions::builder().statistic("Sum").build();
        check(|s| s.metric("4XXError", options()?), "4XXError", "Sum")
    }

    #[test]
    fn metric_client_error() -> Result<(), Error> {
        check(|s| s.metric_client_error(None), "4XXError", "Sum")
    }

    #[test]
    fn metric_server_error() -> Result<(), Error> {
        check(|s| s.metric_server_error(None), "5XXError", "Sum")
    }

    #[test]
    fn metric_cache_hit_count() -> Result<(), Error> {
        check(|s| s.metric_cache_hit_count(None), "CacheHitCount", "Sum")
    }

    #[test]
    fn metric_cache_miss_count() -> Result<(), Error> {
        check(|s| s.metric_cache_miss_count(None), "CacheMissCount", "Sum")
    }

    #[test]
    fn metric_count() -> Result<(), Error> {
        check(|s| s.metric_count(None), "Count", "SampleCount")
    }

    #[test]
    fn metric_integration_latency() -> Result<(), Error> {
        check(|s| s.metric_integration_latency(None), "IntegrationLatency", "Average")
    }

    #[test]
    fn metric_latency() -> Result<(), Error> {
        check(|s| s.metric_latency(None), "Latency", "Average")
    }
}
