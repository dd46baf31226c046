//! The twins, one module per case, each a line-by-line port of its `app.js`. To add a case:
//! copy its goldens into `goldens/<case>/`, write `cases/<case>.rs` with its `CASE`, and add
//! `mod <case>;` and `<case>::CASE,` below (one line each, in alphabetical order).

use crate::Case;

mod access_logging;
mod api_keys_import_and_multiple;
mod cognito_authorizer;
mod core_logical_ids;
mod core_multi_stack;
mod core_nested_assets;
mod core_overrides_deps;
mod core_tokens;
mod core_values;
mod cors;
mod custom_domain_restapi_route53;
mod default_integration_and_options;
mod defining_apis;
mod deployment_options;
mod domain_multi_level_mapping;
mod domain_name_base_path_mappings;
mod endpoint_configuration;
mod gateway_response;
mod iam_authorizer;
mod integration_sagemaker;
mod integration_targets;
mod lambda_rest_api;
mod legacy_no_flags;
mod manual_deployment;
mod metrics_alarms;
mod models_validators_hello;
mod mtls_domain;
mod nested_stacks_split;
mod private_integration_vpc_link;
mod proxy_routes;
mod rate_limited_api_key;
mod request_authorizer;
mod request_validator_unique_id;
mod spec_rest_api;
mod spec_rest_api_existing_stage;
mod stage_method_throttling;
mod stepfunctions_rest_api;
mod token_authorizer;
mod usage_plan_api_key;

/// What the twins share: imports and small helpers.
pub(crate) mod prelude {
    pub(crate) use std::path::Path;
    pub(crate) use std::time::Duration;

    pub(crate) use crate::Case;
    pub(crate) use cdk_core::Flags;

    pub(crate) use apigw_core::{
        AddApiKeyOptions, ApiDefinition, ApiKey, ApiKeyOptions, ApiKeyProps, AuthorizationType,
        AwsIntegration, AwsIntegrationProps, Cors, CorsOptions, Deployment, DeploymentProps,
        EndpointConfiguration, EndpointType, GatewayResponseOptions, HttpIntegration,
        HttpIntegrationProps, IApiKey, IntegrationOptions, IntegrationResponse, JsonSchema,
        JsonSchemaType, JsonSchemaVersion, LambdaIntegration, LambdaIntegrationOptions,
        MethodDeploymentOptions, MethodLoggingLevel, MethodOptions, MethodResponse,
        MockIntegration, ModelOptions, PassthroughBehavior, Period, ProxyResourceOptions,
        QuotaSettings, RateLimitedApiKey, RateLimitedApiKeyProps, RequestValidatorOptions,
        ResourceOptions, ResponseType, RestApi, RestApiProps, SpecRestApi, SpecRestApiProps, Stage,
        StageAttributes, StageOptions, ThrottleSettings, ThrottlingPerMethod, UsagePlan,
        UsagePlanPerApiStage, UsagePlanProps,
    };
    pub(crate) use cdk_core::{
        cfn_format, App, ArnComponents, Aws, CfnCondition, CfnMapping, CfnOutput, CfnOutputProps,
        CfnParameter, CfnParameterProps, Construct, Environment, Error, Fn, NestedStack,
        NestedStackProps, RemovalPolicy, Stack, StackProps, TagProps, Tags, Value,
    };
    pub(crate) use cdk_iam::{
        Effect, Policy, PolicyProps, PolicyStatement, Principal, Role, RoleProps, User, UserProps,
    };
    pub(crate) use cdk_lambda::{Code, Function, FunctionProps, Runtime};
    pub(crate) use cdk_logs::{LogGroup, LogGroupProps, RetentionDays};
    pub(crate) use cdk_s3::{Bucket, BucketProps};
    pub(crate) use cdk_s3_assets::{Asset, AssetProps};
    pub(crate) use cfn_apigateway::{CfnRestApi, CfnRestApiProps};
    pub(crate) use cfn_iam::{CfnRole, CfnRoleProps};
    pub(crate) use cfn_logs::{CfnLogGroup, CfnLogGroupProps};
    pub(crate) use cfn_s3::{CfnBucket, CfnBucketProps};
    // The authorizer, logging, domain and Step Functions cases.
    pub(crate) use apigw_auth::{
        CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps, IdentitySource,
        RequestAuthorizer, RequestAuthorizerProps, TokenAuthorizer, TokenAuthorizerProps,
    };
    pub(crate) use apigw_domains::{
        ApiGateway, ApiGatewayDomain, ApiMappingOptions, BasePathMapping, BasePathMappingOptions,
        BasePathMappingProps, DomainName, DomainNameAttributes, DomainNameOptions, DomainNameProps,
        MtlsConfig, SecurityPolicy,
    };
    pub(crate) use apigw_logging::{
        AccessLogField, AccessLogFormat, FirehoseLogDestination, JsonWithStandardFieldProps,
        LogGroupLogDestination,
    };
    pub(crate) use apigw_stepfunctions::{
        RequestContext, StepFunctionsRestApi, StepFunctionsRestApiProps,
    };
    pub(crate) use cdk_certificatemanager::Certificate;
    pub(crate) use cdk_cognito::{UserPool, UserPoolProps};
    pub(crate) use cdk_route53::{
        ARecord, ARecordProps, HostedZone, HostedZoneAttributes, RecordTarget,
    };
    pub(crate) use cdk_stepfunctions::{
        DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
    };
    pub(crate) use cfn_kinesisfirehose::delivery_stream::S3DestinationConfiguration;
    pub(crate) use cfn_kinesisfirehose::{CfnDeliveryStream, CfnDeliveryStreamProps};

    /// A Node.js 20 function with inline code (what the Lambda-backed cases use).
    pub(crate) fn inline_function(
        scope: &impl Construct,
        id: &str,
        source: &str,
    ) -> Result<cdk_lambda::Function, Error> {
        cdk_lambda::Function::new(
            scope,
            id,
            cdk_lambda::FunctionProps::builder()
                .runtime(cdk_lambda::Runtime::NODEJS_20_X)
                .handler("index.handler")
                .code(cdk_lambda::Code::from_inline(source)),
        )
    }

    /// `JSON.parse(fs.readFileSync(file, 'utf8'))`.
    pub(crate) fn read_json(file: &Path) -> Result<Value, Error> {
        let io = |reason: String| Error::Io { dir: file.display().to_string(), reason };
        let text = std::fs::read_to_string(file).map_err(|e| io(e.to_string()))?;
        let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| io(e.to_string()))?;
        Ok(json.into())
    }

    pub(crate) fn bucket(scope: &impl Construct, id: &str) -> Result<CfnBucket, Error> {
        CfnBucket::new(scope, id, CfnBucketProps::default())
    }

    pub(crate) fn tag(key: &str, value: impl Into<Value>) -> Value {
        Value::object([("Key", Value::from(key)), ("Value", value.into())])
    }
}

pub(crate) fn all() -> Vec<Case> {
    vec![
        access_logging::CASE,
        api_keys_import_and_multiple::CASE,
        cognito_authorizer::CASE,
        core_logical_ids::CASE,
        core_multi_stack::CASE,
        core_nested_assets::CASE,
        core_overrides_deps::CASE,
        core_tokens::CASE,
        core_values::CASE,
        cors::CASE,
        custom_domain_restapi_route53::CASE,
        default_integration_and_options::CASE,
        defining_apis::CASE,
        deployment_options::CASE,
        domain_multi_level_mapping::CASE,
        domain_name_base_path_mappings::CASE,
        endpoint_configuration::CASE,
        gateway_response::CASE,
        iam_authorizer::CASE,
        integration_sagemaker::CASE,
        integration_targets::CASE,
        lambda_rest_api::CASE,
        legacy_no_flags::CASE,
        manual_deployment::CASE,
        metrics_alarms::CASE,
        models_validators_hello::CASE,
        mtls_domain::CASE,
        nested_stacks_split::CASE,
        private_integration_vpc_link::CASE,
        proxy_routes::CASE,
        rate_limited_api_key::CASE,
        request_authorizer::CASE,
        request_validator_unique_id::CASE,
        spec_rest_api::CASE,
        spec_rest_api_existing_stage::CASE,
        stage_method_throttling::CASE,
        stepfunctions_rest_api::CASE,
        token_authorizer::CASE,
        usage_plan_api_key::CASE,
    ]
}
