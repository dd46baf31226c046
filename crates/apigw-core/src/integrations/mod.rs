//! Integrations with backends (`integrations/`): HTTP endpoints, AWS services, Lambda functions.

mod aws;
mod http;
mod lambda;
mod sagemaker;

pub use aws::{AwsIntegration, AwsIntegrationProps, AwsIntegrationPropsBuilder};
pub use http::{HttpIntegration, HttpIntegrationProps, HttpIntegrationPropsBuilder};
pub use lambda::{LambdaIntegration, LambdaIntegrationOptions, LambdaIntegrationOptionsBuilder};
pub use sagemaker::{
    SagemakerEndpoint, SagemakerIntegration, SagemakerIntegrationOptions,
    SagemakerIntegrationOptionsBuilder,
};
