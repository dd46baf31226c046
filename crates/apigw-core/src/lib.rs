#![doc = include_str!("../docs/guide.md")]

pub mod api_key;
pub mod authorizer;
pub mod checks;
pub mod cors;
pub mod deployment;
pub mod gateway_response;
pub mod imported_rest_api;
pub mod imported_stage;
pub mod integration;
pub mod integration_response;
pub mod integrations;
pub mod json_schema;
pub mod lambda_api;
pub mod method;
pub mod method_response;
pub mod metrics;
pub mod model;
pub mod openapi;
pub mod rate_limited_api_key;
pub mod request_validator;
pub mod resource;
pub mod rest_api;
pub mod spec_rest_api;
pub mod stage;
#[cfg(test)]
mod test_support;
pub mod usage_plan;
pub mod vpc_link;

pub use api_key::{
    ApiKey, ApiKeyGrants, ApiKeyOptions, ApiKeyOptionsBuilder, ApiKeyProps, ApiKeyPropsBuilder,
    ApiKeyReference, IApiKey, ImportedApiKey,
};
pub use authorizer::{Authorizer, IAuthorizer};
pub use checks::Check;
pub use cors::{Cors, CorsOptions, CorsOptionsBuilder};
pub use deployment::{Deployment, DeploymentProps, DeploymentPropsBuilder};
pub use gateway_response::{
    GatewayResponse, GatewayResponseOptions, GatewayResponseOptionsBuilder, GatewayResponseProps,
    GatewayResponsePropsBuilder, GatewayResponseReference, IGatewayResponse,
    ImportedGatewayResponse, ResponseType,
};
pub use imported_rest_api::{ImportedRestApi, RestApiAttributes, RestApiAttributesBuilder};
pub use imported_stage::{ImportedStage, StageAttributes, StageAttributesBuilder, StageReference};
pub use integration::{
    BindContext, BindFn, BindResult, Binder, ConnectionType, ContentHandling, Integration,
    IntegrationOptions, IntegrationOptionsBuilder, IntegrationProps, IntegrationPropsBuilder,
    IntegrationType, MockIntegration, PassthroughBehavior, ResponseTransferMode,
};
pub use integration_response::{IntegrationResponse, IntegrationResponseBuilder};
pub use integrations::{
    AwsIntegration, AwsIntegrationProps, AwsIntegrationPropsBuilder, HttpIntegration,
    HttpIntegrationProps, HttpIntegrationPropsBuilder, LambdaIntegration, LambdaIntegrationOptions,
    LambdaIntegrationOptionsBuilder, SagemakerEndpoint, SagemakerIntegration,
    SagemakerIntegrationOptions, SagemakerIntegrationOptionsBuilder,
};
pub use json_schema::{JsonSchema, JsonSchemaDependency, JsonSchemaType, JsonSchemaVersion};
pub use lambda_api::{LambdaRestApi, LambdaRestApiProps, LambdaRestApiPropsBuilder};
pub use method::{
    AuthorizationType, Method, MethodOptions, MethodOptionsBuilder, MethodProps, MethodPropsBuilder,
};
pub use method_response::{MethodResponse, MethodResponseBuilder};
pub use metrics::{Metric, MetricOptions, MetricOptionsBuilder};
pub use model::{
    Model, ModelOptions, ModelOptionsBuilder, ModelProps, ModelPropsBuilder, ModelRef,
};
pub use rate_limited_api_key::{
    RateLimitedApiKey, RateLimitedApiKeyProps, RateLimitedApiKeyPropsBuilder,
};
pub use request_validator::{
    RequestValidator, RequestValidatorOptions, RequestValidatorOptionsBuilder,
    RequestValidatorProps, RequestValidatorPropsBuilder, RequestValidatorReference,
};
pub use resource::{
    ProxyResource, ProxyResourceOptions, ProxyResourceOptionsBuilder, ProxyResourceProps,
    ProxyResourcePropsBuilder, Resource, ResourceAttributes, ResourceAttributesBuilder,
    ResourceOptions, ResourceOptionsBuilder, ResourceProps, ResourcePropsBuilder,
    ResourceReference,
};
pub use rest_api::{
    ApiHandle, ApiKeySourceType, DomainNameHook, EndpointConfiguration,
    EndpointConfigurationBuilder, EndpointType, IRestApi, IpAddressType, RestApi, RestApiProps,
    RestApiPropsBuilder, RestApiReference,
};
pub use spec_rest_api::{
    ApiDefinition, RestApiMode, SpecRestApi, SpecRestApiProps, SpecRestApiPropsBuilder,
};
pub use stage::{
    IStage, MethodDeploymentOptions, MethodDeploymentOptionsBuilder, MethodLoggingLevel, Stage,
    StageOptions, StageOptionsBuilder,
};
pub use usage_plan::{
    AddApiKeyOptions, AddApiKeyOptionsBuilder, IUsagePlan, ImportedUsagePlan, Period,
    QuotaSettings, QuotaSettingsBuilder, ThrottleSettings, ThrottleSettingsBuilder,
    ThrottlingPerMethod, ThrottlingPerMethodBuilder, UsagePlan, UsagePlanPerApiStage,
    UsagePlanPerApiStageBuilder, UsagePlanProps, UsagePlanPropsBuilder, UsagePlanReference,
};
pub use vpc_link::{
    IVpcLink, VpcLink, VpcLinkProps, VpcLinkPropsBuilder, VpcLinkReference, VpcLinkTarget,
};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_apigateway";
