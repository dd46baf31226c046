//! Twin of `integ/integ-stepfunctions-startexecution-without-default-method-responses/app.js`
//! (aws-cdk's `integ.stepfunctions-startexecution-without-default-method-responses.ts`).

use crate::cases::prelude::*;
use apigw_stepfunctions::{StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration};

/// The case.
pub(crate) const CASE: Case =
    Case::integ("integ-stepfunctions-startexecution-without-default-method-responses", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(
        app,
        "aws-cdk-aws-apigateway-stepfunctions-startexecution-without-default-method-responses",
    )?;

    let api = RestApi::new(&stack, "my-rest-api", RestApiProps::default())?;
    let pass_task = Pass::new(&stack, "passTask", PassProps::builder().input_path("$.somekey"))?;

    let state_machine = StateMachine::new(
        &stack,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass_task))
            .state_machine_type(StateMachineType::Express)
            .build()?,
    )?;

    let method_options = MethodOptions::builder().method_responses([MethodResponse::builder()
        .status_code("200")
        .response_parameters([("method.response.header.Access-Control-Allow-Origin", true)])
        .build()?]);

    let integration_options = StepFunctionsExecutionIntegrationOptions::builder()
        .use_default_method_responses(false)
        .build()?;

    let integ = StepFunctionsIntegration::start_execution(&state_machine, integration_options)?;

    api.root().add_method_with("GET", integ, method_options)?;
    Ok(())
}
