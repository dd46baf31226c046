//! Twin of `cases/stepfunctions-rest-api/app.js`.

use super::prelude::*;

use apigw_stepfunctions::{RequestContext, StepFunctionsRestApi, StepFunctionsRestApiProps};
use cdk_stepfunctions::{
    DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
};

/// The case.
pub(crate) const CASE: Case = Case::new("stepfunctions-rest-api", build);

/// `expressMachine(scope)`: a single Pass state in an express state machine.
fn express_machine(scope: &Stack) -> Result<StateMachine, Error> {
    let state_machine_definition = Pass::new(scope, "PassState", PassProps::default())?;
    StateMachine::new(
        scope,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&state_machine_definition))
            .state_machine_type(StateMachineType::Express)
            .build()
            .map_err(build_err("StateMachine"))?,
    )
}

/// cases/stepfunctions-rest-api
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "DefaultStack")?;
        StepFunctionsRestApi::new(
            &stack,
            "StepFunctionsRestApi",
            StepFunctionsRestApiProps::builder()
                .rest_api_props(
                    RestApiProps::builder()
                        .deploy(true)
                        .build()
                        .map_err(build_err("DefaultStack"))?,
                )
                .state_machine(express_machine(&stack)?)
                .build()
                .map_err(build_err("DefaultStack"))?,
        )?;
    }

    {
        let stack = Stack::new(app, "NoDefaultResponsesStack")?;
        StepFunctionsRestApi::new(
            &stack,
            "StepFunctionsRestApi",
            StepFunctionsRestApiProps::builder()
                .state_machine(express_machine(&stack)?)
                .use_default_method_responses(false)
                .build()
                .map_err(build_err("NoDefaultResponsesStack"))?,
        )?;
    }

    {
        let stack = Stack::new(app, "RequestOptionsStack")?;
        StepFunctionsRestApi::new(
            &stack,
            "StepFunctionsRestApi",
            StepFunctionsRestApiProps::builder()
                .state_machine(express_machine(&stack)?)
                .headers(true)
                .path(false)
                .querystring(false)
                .authorizer(false)
                .request_context(
                    RequestContext::builder()
                        .caller(true)
                        .user(true)
                        .build()
                        .map_err(build_err("RequestOptionsStack"))?,
                )
                .build()
                .map_err(build_err("RequestOptionsStack"))?,
        )?;
    }
    Ok(())
}
