#![doc = include_str!("../docs/guide.md")]

mod error;
pub mod integrations;
pub mod request_context;
pub mod stepfunctions_api;

pub use error::Error;
pub use integrations::{
    integration_responses, method_responses, StepFunctionsExecutionIntegrationOptions,
    StepFunctionsExecutionIntegrationOptionsBuilder, StepFunctionsIntegration,
};
pub use request_context::{RequestContext, RequestContextBuilder};
pub use stepfunctions_api::{
    StepFunctionsRestApi, StepFunctionsRestApiProps, StepFunctionsRestApiPropsBuilder,
};
