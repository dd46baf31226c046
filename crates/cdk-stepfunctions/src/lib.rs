//! # cdk-stepfunctions
//!
//! A thin L2 over [`cfn_stepfunctions`] with what API Gateway constructs need of
//! `aws-cdk-lib/aws-stepfunctions`, rendered as aws-cdk-lib 2.276.0 renders it:
//! [`StateMachine`] (`state-machine.ts`) with its role, [`StateMachineType`], its definition
//! ([`DefinitionBody`]) and the grants of `state-machine-grants.ts` ([`IStateMachine`]);
//! state machines imported by ARN or name ([`ImportedStateMachine`]); the flow states
//! ([`Pass`], [`Succeed`], [`Fail`], [`Wait`], [`Choice`] with its [`Condition`]s,
//! [`Parallel`], [`Map`]; `states/*.ts`), [`Chain`]s of states (`chain.ts`) and the state
//! graph they form (`state-graph.ts`).
//!
//! ```
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_stepfunctions::{
//!     DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
//! };
//!
//! let dir = std::env::temp_dir().join("cdk-stepfunctions-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()));
//! let stack = Stack::new(&app, "Stack")?;
//! let pass = Pass::new(&stack, "PassState", PassProps::default())?;
//! StateMachine::new(&stack, "StateMachine", StateMachineProps::builder()
//!     .definition_body(DefinitionBody::from_chainable(&pass))
//!     .state_machine_type(StateMachineType::Express))?;
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
//! assert!(template.contains(r#""DefinitionString": "{\"StartAt\":\"PassState\""#));
//! assert!(template.contains(r#""StateMachineType": "EXPRESS""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chain;
mod condition;
mod state_graph;
mod state_machine;
mod states;

pub use chain::Chain;
pub use condition::Condition;
pub use state_machine::{
    DefinitionBody, IStateMachine, ImportedStateMachine, StateMachine, StateMachineProps,
    StateMachinePropsBuilder, StateMachineType,
};
pub use states::{
    Choice, ChoiceProps, ChoicePropsBuilder, Fail, FailProps, FailPropsBuilder, Map, MapProps,
    MapPropsBuilder, Parallel, ParallelProps, ParallelPropsBuilder, Pass, PassProps,
    PassPropsBuilder, State, Succeed, SucceedProps, SucceedPropsBuilder, Wait, WaitProps,
    WaitPropsBuilder, WaitTime,
};
