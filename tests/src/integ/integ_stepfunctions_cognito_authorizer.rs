//! Twin of `integ/integ-stepfunctions-cognito-authorizer/app.js` (aws-cdk's
//! `integ.stepfunctions-cognito-authorizer.ts`).

use crate::cases::prelude::*;
use apigw_stepfunctions::{StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-stepfunctions-cognito-authorizer", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test_case = Stack::new(app, "StepFunctionsAuthorizerStack")?;

    // Cognito User Pool
    let user_pool = UserPool::new(
        &test_case,
        "UserPool",
        UserPoolProps::builder().removal_policy(RemovalPolicy::Destroy),
    )?;

    let user_pool_client = user_pool.add_client("Client")?;

    // Step Functions State Machine
    let pass_task = Pass::new(
        &test_case,
        "PassTask",
        // `result: { value: 'Success' }` is a `sfn.Result` (an object with `value`) of
        // value 'Success': `Result.fromString('Success')`.
        PassProps::builder().result("Success"),
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

    // API Gateway with Cognito Authorizer
    let api = RestApi::new(&test_case, "Api", RestApiProps::builder().cloud_watch_role(true))?;

    let cognito_authorizer = CognitoUserPoolsAuthorizer::new(
        &test_case,
        "Authorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]),
    )?;

    let integration = StepFunctionsIntegration::start_execution(
        &state_machine,
        StepFunctionsExecutionIntegrationOptions::builder().authorizer(true).build()?,
    )?;

    api.root().add_method_with(
        "POST",
        integration,
        MethodOptions::builder()
            .authorizer(&cognito_authorizer)
            .authorization_type(AuthorizationType::Cognito),
    )?;

    CfnOutput::new(&test_case, "ApiEndpoint", CfnOutputProps::builder().value(api.url()?))?;
    CfnOutput::new(
        &test_case,
        "UserPoolId",
        CfnOutputProps::builder().value(user_pool.user_pool_id()),
    )?;
    CfnOutput::new(
        &test_case,
        "ClientId",
        CfnOutputProps::builder().value(user_pool_client.user_pool_client_id()),
    )?;
    Ok(())
}
