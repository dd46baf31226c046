//! # apigw-core
//!
//! Amazon API Gateway REST APIs as aws-cdk-lib's `aws-apigateway` builds them: a [`RestApi`]
//! with its resource tree ([`Resource`]), [`Method`]s and their [`Integration`]s, the automatic
//! [`Deployment`] (whose logical ID carries a hash of the API, so that any change redeploys) and
//! its `prod` [`Stage`], and the `Endpoint` output.
//!
//! ```
//! use apigw_core::{RestApi, RestApiProps};
//! use cdk_core::{App, AppProps, Stack};
//!
//! let dir = std::env::temp_dir().join("apigw-core-doctest");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
//! let stack = Stack::new(&app, "Stack")?;
//! let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
//! api.root().add_method("ANY", None)?;
//! let books = api.root().add_resource("books")?;
//! books.add_method("GET", None)?;
//! app.synth()?;
//! assert!(dir.join("Stack.template.json").exists());
//! # Ok::<(), cdk_core::Error>(())
//! ```
//!
//! Modules port the files of `aws-cdk-lib/aws-apigateway/lib`: [`rest_api`] (`restapi.ts`),
//! [`resource`] (`resource.ts`), [`method`] (`method.ts`), [`integration`]
//! (`integration.ts`, `integrations/mock.ts`), [`deployment`] (`deployment.ts`), [`stage`]
//! (`stage.ts`), [`api_key`] and [`rate_limited_api_key`] (`api-key.ts`), [`usage_plan`]
//! (`usage-plan.ts`), [`imported_stage`] (`Stage.fromStageAttributes`), [`gateway_response`]
//! (`gateway-response.ts`), [`model`] (`model.ts`), [`json_schema`] (`json-schema.ts`),
//! [`request_validator`] (`requestvalidator.ts`), [`method_response`] (`methodresponse.ts`),
//! [`integration_response`] (`IntegrationResponse` of `integration.ts`), [`cors`] (`cors.ts`),
//! [`metrics`] (the `metric*` methods of `restapi.ts`, `stage.ts` and `method.ts`), [`vpc_link`]
//! (`vpc-link.ts`).

pub mod api_key;
pub mod authorizer;
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
    ApiKey, ApiKeyOptions, ApiKeyOptionsBuilder, ApiKeyProps, ApiKeyPropsBuilder, IApiKey,
    ImportedApiKey,
};
pub use authorizer::{Authorizer, IAuthorizer};
pub use cors::{Cors, CorsOptions, CorsOptionsBuilder};
pub use deployment::{Deployment, DeploymentProps, DeploymentPropsBuilder};
pub use gateway_response::{
    GatewayResponse, GatewayResponseOptions, GatewayResponseOptionsBuilder, GatewayResponseProps,
    GatewayResponsePropsBuilder, ResponseType,
};
pub use imported_rest_api::{ImportedRestApi, RestApiAttributes, RestApiAttributesBuilder};
pub use imported_stage::{ImportedStage, StageAttributes, StageAttributesBuilder, StageReference};
pub use integration::{
    BindContext, BindFn, BindResult, Binder, ConnectionType, ContentHandling, Integration,
    IntegrationOptions, IntegrationOptionsBuilder, IntegrationProps, IntegrationPropsBuilder,
    IntegrationType, MockIntegration, PassthroughBehavior,
};
pub use integration_response::{IntegrationResponse, IntegrationResponseBuilder};
pub use integrations::{
    AwsIntegration, AwsIntegrationProps, AwsIntegrationPropsBuilder, HttpIntegration,
    HttpIntegrationProps, HttpIntegrationPropsBuilder, LambdaIntegration, LambdaIntegrationOptions,
    LambdaIntegrationOptionsBuilder, SagemakerEndpoint, SagemakerIntegration,
};
pub use json_schema::{JsonSchema, JsonSchemaDependency, JsonSchemaType, JsonSchemaVersion};
pub use lambda_api::{LambdaRestApi, LambdaRestApiProps, LambdaRestApiPropsBuilder};
pub use method::{AuthorizationType, Method, MethodOptions, MethodOptionsBuilder};
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
    RequestValidatorProps, RequestValidatorPropsBuilder,
};
pub use resource::{
    ProxyResourceOptions, ProxyResourceOptionsBuilder, Resource, ResourceOptions,
    ResourceOptionsBuilder,
};
/// The former name of [`IRestApi`], kept while the other `apigw-*` crates move to the new
/// one.
#[doc(hidden)]
pub use rest_api::IRestApi as RestApiBase;
pub use rest_api::{
    ApiHandle, DomainNameHook, EndpointConfiguration, EndpointConfigurationBuilder, EndpointType,
    IRestApi, RestApi, RestApiProps, RestApiPropsBuilder,
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
    UsagePlanPerApiStageBuilder, UsagePlanProps, UsagePlanPropsBuilder,
};
pub use vpc_link::{VpcLink, VpcLinkProps, VpcLinkPropsBuilder, VpcLinkTarget};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_apigateway";
