//! `test/stepfunctions-api.test.ts`: tests in CDK 5, ported 5, passing 5, ignored 0, newer
//! than 2.276.0: 0.
//!
//! The request template (`RequestTemplates`) is matched by its shape: a `Fn::Join` of the
//! template text up to `"stateMachineArn": "`, the state machine's `Ref`, and the rest; the
//! text itself is aws-cdk-lib's `stepfunctions.vtl`, which apigw-stepfunctions' own tests pin
//! byte for byte. The stored test file predates 2.276.0's `500` response template
//! (`{\n  "error": "$input.path('$.error')"\n}` with its indentation, checked with the
//! 2.276.0 package); the port expects 2.276.0's.

use apigw_core::{HttpIntegration, RestApi, RestApiProps};
use apigw_stepfunctions::{
    StepFunctionsExecutionIntegrationOptions, StepFunctionsIntegration, StepFunctionsRestApi,
    StepFunctionsRestApiProps,
};
use cdk_stepfunctions::{
    DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
};

use crate::support::*;

pub(crate) fn given_setup(kind: StateMachineType) -> Result<(App, Stack, StateMachine), Error> {
    let (app, stack) = stack()?;
    let pass_task =
        Pass::new(&stack, "passTask", PassProps::builder().input_path("$.somekey").build()?)?;
    let state_machine = StateMachine::new(
        &stack,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass_task))
            .state_machine_type(kind)
            .build()?,
    )?;
    Ok((app, stack, state_machine))
}

pub(crate) fn method_response() -> serde_json::Value {
    json!([
        { "StatusCode": "200", "ResponseModels": { "application/json": "Empty" } },
        { "StatusCode": "400", "ResponseModels": { "application/json": "Error" } },
        { "StatusCode": "500", "ResponseModels": { "application/json": "Error" } },
    ])
}

pub(crate) fn integration_response() -> serde_json::Value {
    let ok = [
        "#set($inputRoot = $input.path('$'))",
        "#if($input.path('$.status').toString().equals(\"FAILED\"))",
        "#set($context.responseOverride.status = 500)",
        "{",
        "\"error\": \"$input.path('$.error')\",",
        "\"cause\": \"$input.path('$.cause')\"",
        "}",
        "#else",
        "$input.path('$.output')",
        "#end",
    ]
    .join("\n");
    json!([
        {
            "StatusCode": "200",
            "ResponseTemplates": { "application/json": ok },
        },
        {
            "SelectionPattern": "4\\d{2}",
            "StatusCode": "400",
            "ResponseTemplates": { "application/json": "{\n            \"error\": \"Bad request!\"\n          }" },
        },
        {
            "SelectionPattern": "5\\d{2}",
            "StatusCode": "500",
            "ResponseTemplates": { "application/json": "{\n          \"error\": \"$input.path('$.error')\"\n        }" },
        },
    ])
}

/// The `application/json` request template with the default options (headers and
/// authorizer off, query string and path on).
pub(crate) fn request_template() -> cdk_assertions::Pattern {
    pattern!({ "Fn::Join": ["", [
        Match::string_like_regexp("(?s)^## Velocity Template used for API Gateway request mapping template\\n.*#set\\(\\$includeHeaders = false\\)\\n#set\\(\\$includeQueryString = true\\)\\n#set\\(\\$includePath = true\\)\\n#set\\(\\$includeAuthorizer = false\\)\\n.*\"stateMachineArn\": \"$"),
        { "Ref": "StateMachine2E01A3A5" },
        Match::string_like_regexp("(?s)^\",\\n\\n    #set\\(\\$inputString = \"\\$inputString,@@body@@: \\$input.body\"\\).*#set\\(\\$requestContext = \"\"\\).*\\n}\\n$"),
    ]]})
}

fn uri() -> serde_json::Value {
    json!({ "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" }, ":states:action/StartSyncExecution"]] })
}

#[test]
fn step_functions_rest_api_defines_correct_rest_api_resources() -> TestResult {
    let (_app, stack, state_machine) = given_setup(StateMachineType::Express)?;
    let api = StepFunctionsRestApi::new(
        &stack,
        "StepFunctionsRestApi",
        StepFunctionsRestApiProps::builder().state_machine(&state_machine),
    )
    .map_err(Error::from)?;
    assert!(api.root().add_resource("not allowed").is_err());
    Template::from_stack(&stack)?.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "HttpMethod": "ANY",
        "MethodResponses": method_response(),
        "AuthorizationType": "NONE",
        "RestApiId": { "Ref": "StepFunctionsRestApiC6E3E883" },
        "ResourceId": { "Fn::GetAtt": ["StepFunctionsRestApiC6E3E883", "RootResourceId"] },
        "Integration": {
            "Credentials": { "Fn::GetAtt": ["StepFunctionsRestApiANYStartSyncExecutionRole425C03BB", "Arn"] },
            "IntegrationHttpMethod": "POST",
            "IntegrationResponses": integration_response(),
            "RequestTemplates": { "application/json": request_template() },
            "Type": "AWS",
            "Uri": uri(),
            "PassthroughBehavior": "NEVER",
        },
    }))
}

#[test]
fn step_functions_execution_integration_on_a_method() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
    let pass = Pass::new(&stack, "Pass", PassProps::default())?;
    let state_machine = StateMachine::new(
        &stack,
        "StateMachine",
        StateMachineProps::builder()
            .state_machine_type(StateMachineType::Express)
            .definition_body(DefinitionBody::from_chainable(&pass))
            .build()?,
    )?;
    api.root().add_resource("sfn")?.add_method(
        "POST",
        StepFunctionsIntegration::start_execution(
            &state_machine,
            StepFunctionsExecutionIntegrationOptions::default(),
        )?,
    )?;
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "HttpMethod": "POST",
        "MethodResponses": method_response(),
        "Integration": {
            "Credentials": { "Fn::GetAtt": ["ApisfnPOSTStartSyncExecutionRole8E8879B0", "Arn"] },
            "IntegrationHttpMethod": "POST",
            "IntegrationResponses": integration_response(),
            "RequestTemplates": { "application/json": request_template() },
            "Type": "AWS",
            "Uri": uri(),
            "PassthroughBehavior": "NEVER",
        },
    }))?;
    t.has_resource_properties("AWS::IAM::Policy", pattern!({
        "PolicyDocument": {
            "Statement": [{ "Action": "states:StartSyncExecution", "Effect": "Allow", "Resource": { "Ref": "StateMachine2E01A3A5" } }],
            "Version": "2012-10-17",
        },
        "Roles": [{ "Ref": "ApisfnPOSTStartSyncExecutionRole8E8879B0" }],
    }))
}

#[test]
fn default_method_responses_are_not_created_when_use_default_method_responses_is_false(
) -> TestResult {
    let (_app, stack, state_machine) = given_setup(StateMachineType::Express)?;
    StepFunctionsRestApi::new(
        &stack,
        "StepFunctionsRestApi",
        StepFunctionsRestApiProps::builder()
            .state_machine(&state_machine)
            .use_default_method_responses(false),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "ANY", "MethodResponses": Match::absent() }),
    )
}

#[test]
fn fails_if_options_default_integration_is_set() -> Result<(), Error> {
    let (_app, stack, state_machine) = given_setup(StateMachineType::Express)?;
    let result = StepFunctionsRestApi::new(
        &stack,
        "StepFunctionsRestApi",
        StepFunctionsRestApiProps::builder()
            .state_machine(&state_machine)
            .default_integration(HttpIntegration::new("https://foo/bar")),
    );
    let m = message(result.map_err(Error::from));
    assert!(m.contains("Cannot specify \"defaultIntegration\" since Step Functions integration is automatically defined"), "{m}");
    Ok(())
}

#[test]
fn fails_if_state_machine_is_not_of_type_express() -> Result<(), Error> {
    let (_app, stack, state_machine) = given_setup(StateMachineType::Standard)?;
    let result = StepFunctionsRestApi::new(
        &stack,
        "StepFunctionsRestApi",
        StepFunctionsRestApiProps::builder().state_machine(&state_machine),
    );
    let m = message(result.map_err(Error::from));
    assert!(m.contains("State Machine must be of type \"EXPRESS\". Please use StateMachineType.EXPRESS as the stateMachineType"), "{m}");
    Ok(())
}
