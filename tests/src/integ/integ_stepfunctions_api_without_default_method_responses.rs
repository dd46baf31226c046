//! Twin of `integ/integ-stepfunctions-api-without-default-method-responses/app.js` (aws-cdk's
//! `integ.stepfunctions-api-without-default-method-responses.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case =
    Case::integ("integ-stepfunctions-api-without-default-method-responses", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test_case = Stack::new(app, "SfnRestApiWithoutDefaultMethodResponses")?;

    let pass_task = Pass::new(
        &test_case,
        "PassTask",
        // `result: { value: 'Hello' }` is a `sfn.Result` (an object with `value`) of
        // value 'Hello': `Result.fromString('Hello')`.
        PassProps::builder().result("Hello"),
    )?;

    let state_machine = StateMachine::new(
        &test_case,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass_task))
            .state_machine_type(StateMachineType::Express)
            .build()?,
    )?;

    let api = StepFunctionsRestApi::new(
        &test_case,
        "StepFunctionsRestApi",
        StepFunctionsRestApiProps::builder()
            .state_machine(state_machine)
            .use_default_method_responses(false),
    )?;

    CfnOutput::new(&test_case, "ApiEndpoint", CfnOutputProps::builder().value(api.url()?))?;
    Ok(())
}
