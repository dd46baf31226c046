//! Twin of `cases/stepfunctions-rest-api/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("stepfunctions-rest-api", build);

fn express_machine(scope: &Stack) -> Result<StateMachine, Error> {
    let state_machine_definition = Pass::new(scope, "PassState", PassProps::default())?;
    StateMachine::new(
        scope,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&state_machine_definition))
            .state_machine_type(StateMachineType::Express)
            .build()?,
    )
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "DefaultStack")?;
        StepFunctionsRestApi::new(
            &stack,
            "StepFunctionsRestApi",
            StepFunctionsRestApiProps::builder()
                .deploy(true)
                .state_machine(express_machine(&stack)?),
        )?;
    }

    {
        let stack = Stack::new(app, "NoDefaultResponsesStack")?;
        StepFunctionsRestApi::new(
            &stack,
            "StepFunctionsRestApi",
            StepFunctionsRestApiProps::builder()
                .state_machine(express_machine(&stack)?)
                .use_default_method_responses(false),
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
                .request_context(RequestContext::builder().caller(true).user(true).build()?),
        )?;
    }
    Ok(())
}
