//! Integrations with Step Functions (`aws-apigateway/lib/integrations/stepfunctions.ts`).

mod stepfunctions;

pub(crate) use stepfunctions::MUST_BE_EXPRESS;
pub use stepfunctions::{
    integration_responses, method_responses, StepFunctionsExecutionIntegrationOptions,
    StepFunctionsExecutionIntegrationOptionsBuilder, StepFunctionsIntegration, STEPFUNCTIONS_VTL,
};
