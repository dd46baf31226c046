//! Integrations with backends (`integrations/`): HTTP endpoints and AWS services.

mod aws;
mod http;

pub use aws::{AwsIntegration, AwsIntegrationProps, AwsIntegrationPropsBuilder};
pub use http::{HttpIntegration, HttpIntegrationProps, HttpIntegrationPropsBuilder};
