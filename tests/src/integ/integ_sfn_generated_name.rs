//! Twin of `integ/integ-sfn-generated-name/app.js` (aws-cdk's `integ.sfn-generated-name.ts`).

use crate::cases::prelude::*;
use apigw_stepfunctions::{StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration};
use cdk_core::PhysicalName;
use cdk_ssm::{StringParameter, StringParameterProps};
use cdk_stepfunctions::IStateMachine;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-sfn-generated-name", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::with_props(
        app,
        "SfnGeneratedNameStack",
        StackProps::builder().env(Environment::new("111111111111", "us-east-1")),
    )?;

    let state_machine = StateMachine::new(
        &stack,
        "Machine",
        StateMachineProps::builder()
            .state_machine_name(PhysicalName::GENERATE_IF_NEEDED)
            .state_machine_type(StateMachineType::Express)
            .definition_body(DefinitionBody::from_chainable(&Pass::new(
                &stack,
                "Pass",
                PassProps::default(),
            )?))
            .build()?,
    )?;

    let api = RestApi::new(&stack, "Api", RestApiProps::builder().cloud_watch_role(true))?;
    api.root().add_method(
        "POST",
        StepFunctionsIntegration::start_execution(
            &state_machine,
            StepFunctionsExecutionIntegrationOptions::default(),
        )?,
    )?;

    let other = Stack::with_props(
        app,
        "SfnGeneratedNameOtherStack",
        StackProps::builder().env(Environment::new("999999999999", "eu-west-1")),
    )?;
    StringParameter::new(
        &other,
        "StateMachineArn",
        StringParameterProps::builder().string_value(state_machine.state_machine_arn()),
    )?;
    Ok(())
}
