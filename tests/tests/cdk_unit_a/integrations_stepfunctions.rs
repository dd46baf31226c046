//! `test/integrations/stepfunctions.test.ts`: tests in CDK 14, ported 14, passing 14, ignored
//! 0, newer than 2.276.0: 0. Not ported: none.
//!
//! `fails integration if State Machine is not of type EXPRESS` binds through `addMethod`.

use apigw_core::{
    IntegrationResponse, MethodOptions, MethodResponse, RestApi, RestApiAttributes, RestApiProps,
};
use apigw_stepfunctions::{
    RequestContext, StepFunctionsExecutionIntegrationOptions as Options, StepFunctionsIntegration,
};
use cdk_stepfunctions::{
    DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
};

use crate::stepfunctions_api::{integration_response, request_template};
use crate::support::*;

fn given_setup() -> Result<(App, Stack, RestApi, StateMachine), Error> {
    let (app, stack, state_machine) =
        crate::stepfunctions_api::given_setup(StateMachineType::Express)?;
    let api = RestApi::new(&stack, "my-rest-api", RestApiProps::default())?;
    Ok((app, stack, api, state_machine))
}

/// `GET` on the root with `startExecution(stateMachine, options)`.
fn get_with(options: Options) -> Result<(App, Stack), Error> {
    let (app, stack, api, state_machine) = given_setup()?;
    api.root()
        .add_method("GET", StepFunctionsIntegration::start_execution(&state_machine, options)?)?;
    Ok((app, stack))
}

/// The request template's first part matches `first`, its last part `last`.
fn template_parts(
    stack: &Stack,
    first: cdk_assertions::Pattern,
    last: cdk_assertions::Pattern,
) -> TestResult {
    Template::from_stack(stack)?.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "Integration": { "RequestTemplates": { "application/json": { "Fn::Join": ["", [first, { "Ref": "StateMachine2E01A3A5" }, last]] } } },
    }))
}

fn first_is(regexp: &str) -> (cdk_assertions::Pattern, cdk_assertions::Pattern) {
    (Match::string_like_regexp(regexp), Match::any_value())
}

mod start_execution {
    use super::*;

    #[test]
    fn minimal_setup() -> TestResult {
        let (_app, stack) = get_with(Options::default())?;
        Template::from_stack(&stack)?.has_resource_properties("AWS::ApiGateway::Method", pattern!({
            "ResourceId": { "Fn::GetAtt": ["myrestapiBAC2BF45", "RootResourceId"] },
            "RestApiId": { "Ref": "myrestapiBAC2BF45" },
            "AuthorizationType": "NONE",
            "Integration": {
                "IntegrationHttpMethod": "POST",
                "IntegrationResponses": integration_response(),
                "Type": "AWS",
                "Uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" }, ":states:action/StartSyncExecution"]] },
                "PassthroughBehavior": "NEVER",
                "RequestTemplates": { "application/json": request_template() },
            },
        }))
    }

    #[test]
    fn headers_are_not_included_by_default() -> TestResult {
        let (_app, stack) = get_with(Options::default())?;
        let (f, l) = first_is("includeHeaders = false");
        template_parts(&stack, f, l)
    }

    #[test]
    fn headers_are_included_when_specified_by_the_integration() -> TestResult {
        let (_app, stack) = get_with(Options::builder().headers(true).build()?)?;
        let (f, l) = first_is("#set\\(\\$includeHeaders = true\\)");
        template_parts(&stack, f, l)
    }

    #[test]
    fn querystring_and_path_are_included_by_default() -> TestResult {
        let (_app, stack) = get_with(Options::default())?;
        let (f, l) = first_is("#set\\(\\$includeQueryString = true\\)");
        template_parts(&stack, f, l)?;
        let (f, l) = first_is("#set\\(\\$includePath = true\\)");
        template_parts(&stack, f, l)
    }

    #[test]
    fn querystring_and_path_are_false_when_specified_by_the_integration() -> TestResult {
        let (_app, stack) = get_with(Options::builder().querystring(false).path(false).build()?)?;
        let (f, l) = first_is("#set\\(\\$includeQueryString = false\\)");
        template_parts(&stack, f, l)?;
        let (f, l) = first_is("#set\\(\\$includePath = false\\)");
        template_parts(&stack, f, l)
    }

    #[test]
    fn request_context_is_not_included_by_default() -> TestResult {
        let (_app, stack) = get_with(Options::default())?;
        template_parts(
            &stack,
            Match::any_value(),
            Match::string_like_regexp("#set\\(\\$requestContext = \"\"\\)"),
        )
    }

    #[test]
    fn request_context_is_included_when_specified_by_the_integration() -> TestResult {
        let (_app, stack) = get_with(
            Options::builder()
                .request_context(RequestContext::builder().account_id(true).build()?)
                .build()?,
        )?;
        template_parts(
            &stack,
            Match::any_value(),
            Match::string_like_regexp("#set\\(\\$requestContext = \"\\{@@accountId@@:@@\\$context.identity.accountId@@\\}\""),
        )
    }

    #[test]
    fn authorizer_context_is_included_when_specified_by_the_integration() -> TestResult {
        let (_app, stack) = get_with(Options::builder().authorizer(true).build()?)?;
        let (f, l) = first_is("#set\\(\\$includeAuthorizer = true\\)");
        template_parts(&stack, f, l)
    }

    #[test]
    fn works_for_imported_rest_api() -> TestResult {
        let (_app, stack, state_machine) =
            crate::stepfunctions_api::given_setup(StateMachineType::Express)?;
        let api = RestApi::from_rest_api_attributes(
            &stack,
            "RestApi",
            RestApiAttributes::builder()
                .rest_api_id("imported-rest-api-id")
                .root_resource_id("imported-root-resource-id"),
        )?;
        api.root().add_method(
            "ANY",
            StepFunctionsIntegration::start_execution(&state_machine, Options::default())?,
        )?;
        Template::from_stack(&stack)?.has_resource_properties(
            "AWS::ApiGateway::Method",
            pattern!({ "ResourceId": "imported-root-resource-id", "RestApiId": "imported-rest-api-id" }),
        )
    }

    #[test]
    fn fingerprint_is_not_computed_when_state_machine_name_is_not_specified() -> TestResult {
        let (_app, stack) = stack()?;
        let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
        let method = restapi.root().add_method("ANY", None)?;
        let pass = Pass::new(&stack, "passTask", PassProps::builder().input_path("$.somekey"))?;
        let state_machine = StateMachine::new(
            &stack,
            "StateMachine",
            StateMachineProps::builder()
                .definition_body(DefinitionBody::from_chainable(&pass))
                .state_machine_type(StateMachineType::Express)
                .build()?,
        )?;
        let integ = StepFunctionsIntegration::start_execution(&state_machine, Options::default())?;

        let bind_result = integ.bind(&method)?;

        assert_eq!(bind_result.deployment_token, None);
        Ok(())
    }

    #[test]
    fn bind_works_for_integration_with_imported_state_machine() -> TestResult {
        let (_app, stack) = stack()?;
        let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
        let method = restapi.root().add_method("ANY", None)?;
        let state_machine = StateMachine::from_state_machine_arn(
            &stack,
            "MyStateMachine",
            "arn:aws:states:region:account:stateMachine:MyStateMachine",
        )?;
        let integration =
            StepFunctionsIntegration::start_execution(&state_machine, Options::default())?;

        let bind_result = integration.bind(&method)?;

        // the deployment token is defined: the state machine's name is a literal string
        assert_eq!(
            bind_result.deployment_token.as_deref(),
            Some(
                r#"{"stateMachineName":"StateMachine-c8adc83b19e793491b1c6ea0fd8b46cd9f32e592fc"}"#
            )
        );
        Ok(())
    }

    #[test]
    fn fails_integration_if_state_machine_is_not_of_type_express() -> Result<(), Error> {
        let (_app, stack) = stack()?;
        let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
        let pass = Pass::new(&stack, "passTask", PassProps::default())?;
        let state_machine = StateMachine::new(
            &stack,
            "StateMachine",
            StateMachineProps::builder()
                .definition_body(DefinitionBody::from_chainable(&pass))
                .state_machine_type(StateMachineType::Standard)
                .build()?,
        )?;
        let integration =
            StepFunctionsIntegration::start_execution(&state_machine, Options::default())?;
        let m = message(restapi.root().add_method("ANY", integration));
        assert!(m.contains("State Machine must be of type \"EXPRESS\". Please use StateMachineType.EXPRESS as the stateMachineType"), "{m}");
        Ok(())
    }
}

fn allow_origin_response() -> Result<MethodResponse, Error> {
    Ok(MethodResponse::builder()
        .status_code("200")
        .response_parameters([("method.response.header.Access-Control-Allow-Origin", true)])
        .build()?)
}

#[test]
fn add_method_is_not_susceptible_to_false_sharing_of_arrays() -> TestResult {
    let (_app, stack, api, state_machine) = given_setup()?;
    let method_options =
        MethodOptions::builder().method_responses([allow_origin_response()?]).build()?;
    let integ = StepFunctionsIntegration::start_execution(
        &state_machine,
        Options::builder()
            .integration_responses([IntegrationResponse::builder()
                .response_parameters([(
                    "method.response.header.Access-Control-Allow-Origin",
                    "'*'",
                )])
                .status_code("200")
                .build()?])
            .build()?,
    )?;
    api.root().add_method_with("GET", &integ, method_options.clone())?;
    api.root().add_method_with("POST", &integ, method_options)?;
    let t = Template::from_stack(&stack)?;
    t.resource_count_is("AWS::ApiGateway::Method", 2)?;
    for method in ["GET", "POST"] {
        t.has_resource_properties("AWS::ApiGateway::Method", pattern!({
            "HttpMethod": method,
            "MethodResponses": [
                { "ResponseParameters": { "method.response.header.Access-Control-Allow-Origin": true }, "StatusCode": "200" },
                { "ResponseModels": { "application/json": "Empty" }, "StatusCode": "200" },
                { "ResponseModels": { "application/json": "Error" }, "StatusCode": "400" },
                { "ResponseModels": { "application/json": "Error" }, "StatusCode": "500" },
            ],
            "Integration": { "IntegrationResponses": [
                { "ResponseParameters": { "method.response.header.Access-Control-Allow-Origin": "'*'" }, "StatusCode": "200" },
            ]},
        }))?;
    }
    Ok(())
}

#[test]
fn default_method_responses_are_not_created_when_use_default_method_responses_is_false(
) -> TestResult {
    let (_app, stack, api, state_machine) = given_setup()?;
    let integ = StepFunctionsIntegration::start_execution(
        &state_machine,
        Options::builder().use_default_method_responses(false).build()?,
    )?;
    api.root().add_method_with(
        "GET",
        integ,
        MethodOptions::builder().method_responses([allow_origin_response()?]),
    )?;
    let t = Template::from_stack(&stack)?;
    t.resource_count_is("AWS::ApiGateway::Method", 1)?;
    t.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "HttpMethod": "GET",
        "MethodResponses": [{ "ResponseParameters": { "method.response.header.Access-Control-Allow-Origin": true }, "StatusCode": "200" }],
    }))
}
