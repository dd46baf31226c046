//! # apigw-stepfunctions
//!
//! REST APIs that run Step Functions executions, as `aws-cdk-lib/aws-apigateway` builds them:
//! [`StepFunctionsRestApi`] ([`stepfunctions_api`], `stepfunctions-api.ts`), a REST API whose
//! root `ANY` method runs a synchronous execution of an express state machine, and the
//! integration it uses, [`StepFunctionsIntegration`] ([`integrations`],
//! `integrations/stepfunctions.ts` and its request template `stepfunctions.vtl`), which any
//! method can use; [`RequestContext`] ([`request_context`], `integrations/request-context.ts`)
//! chooses the `$context` variables the execution receives. Errors are [`Error`]s naming the
//! construct path.
//!
//! ```
//! use apigw_stepfunctions::{RequestContext, StepFunctionsRestApi, StepFunctionsRestApiProps};
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_stepfunctions::{
//!     DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
//! };
//!
//! let dir = std::env::temp_dir().join("apigw-stepfunctions-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
//! let stack = Stack::new(&app, "Stack")?;
//! let pass = Pass::new(&stack, "PassState", PassProps::default())?;
//! let machine = StateMachine::new(&stack, "StateMachine", StateMachineProps::builder()
//!     .definition_body(DefinitionBody::from_chainable(&pass))
//!     .state_machine_type(StateMachineType::Express)
//!     .build()?)?;
//! StepFunctionsRestApi::new(&stack, "StepFunctionsRestApi", StepFunctionsRestApiProps::builder()
//!     .state_machine(machine)
//!     .headers(true)
//!     .request_context(RequestContext::builder().caller(true).user(true).build()?)
//!     .build()?)?;
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
//! assert!(template.contains("#set($includeHeaders = true)"));
//! assert!(template.contains("\"states:StartSyncExecution\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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
