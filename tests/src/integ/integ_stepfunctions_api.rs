//! Twin of `integ/integ-stepfunctions-api/app.js` (aws-cdk's `integ.stepfunctions-api.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-stepfunctions-api", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test_case = Stack::new(app, "StepFunctionsRestApiDeploymentStack")?;

    let pass_task = Pass::new(
        &test_case,
        "PassTask",
        // `result: { value: 'Hello' }` is a `sfn.Result` (an object with `value`) of
        // value 'Hello': `Result.fromString('Hello')`.
        PassProps::builder().result("Hello"),
    )?;

    // `definition: passTask`, aws-cdk-lib's deprecated spelling of
    // `definitionBody: DefinitionBody.fromChainable(passTask)` (state-machine.ts).
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
            .deploy(false)
            .cloud_watch_role(true)
            .state_machine(state_machine)
            .headers(true)
            .path(false)
            .querystring(false)
            .request_context(RequestContext::builder().account_id(true).user_arn(true).build()?),
    )?;

    let deployment = Deployment::new(&test_case, "deployment", &*api, DeploymentProps::default())?;
    let stage = Stage::new(&test_case, "stage", &deployment, StageOptions::default())?;
    api.set_deployment_stage(&stage);

    CfnOutput::new(&test_case, "ApiEndpoint", CfnOutputProps::builder().value(api.url()?))?;
    Ok(())
}
