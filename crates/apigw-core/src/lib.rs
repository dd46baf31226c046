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
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
//! let stack = Stack::new(&app, "Stack").unwrap();
//! let api = RestApi::new(&stack, "books-api", RestApiProps::default()).unwrap();
//! api.root().add_method("ANY", None).unwrap();
//! let books = api.root().add_resource("books").unwrap();
//! books.add_method("GET", None).unwrap();
//! app.synth().unwrap();
//! assert!(dir.join("Stack.template.json").exists());
//! ```
//!
//! Modules port the files of `aws-cdk-lib/aws-apigateway/lib`: [`rest_api`] (`restapi.ts`),
//! [`resource`] (`resource.ts`), [`method`] (`method.ts`), [`integration`]
//! (`integration.ts`, `integrations/mock.ts`), [`deployment`] (`deployment.ts`), [`stage`]
//! (`stage.ts`).

pub mod deployment;
pub mod integration;
pub mod integrations;
pub mod method;
pub mod resource;
pub mod rest_api;
pub mod spec_rest_api;
pub mod stage;

pub use deployment::{Deployment, DeploymentProps};
pub use integration::{
    BindContext, BindFn, BindResult, Binder, Integration, IntegrationOptions, IntegrationType,
    MockIntegration,
};
pub use integrations::{
    AwsIntegration, AwsIntegrationProps, AwsIntegrationPropsBuilder, HttpIntegration,
    HttpIntegrationProps, HttpIntegrationPropsBuilder,
};
pub use method::{AuthorizationType, Method, MethodOptions};
pub use resource::Resource;
pub use rest_api::{
    ApiHandle, EndpointConfiguration, EndpointConfigurationBuilder, EndpointType, RestApi,
    RestApiBase, RestApiProps, RestApiPropsBuilder,
};
pub use spec_rest_api::{ApiDefinition, SpecRestApi, SpecRestApiProps, SpecRestApiPropsBuilder};
pub use stage::{MethodDeploymentOptions, MethodLoggingLevel, Stage, StageOptions};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_apigateway";
