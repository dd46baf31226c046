//! `test/gateway-response.test.ts`: tests in CDK 4, ported 4, passing 4, ignored 0, newer
//! than 2.276.0: 0.
//!
//! `deployment changes when gateway response is updated` compares
//! `calculateLogicalId()` of the deployment before and after; the port synthesizes before
//! and after, so the API gets a `GET` method (synthesis refuses an API without methods).

use apigw_core::{GatewayResponseOptions, ResponseType, RestApi, RestApiProps};

use crate::support::*;

fn api(stack: &Stack) -> Result<RestApi, Error> {
    let api = RestApi::new(
        stack,
        "restapi",
        RestApiProps::builder().deploy(false).cloud_watch_role(false),
    )?;
    api.root().add_method("GET", None)?;
    Ok(api)
}

#[test]
fn gateway_response_resource_is_created() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    api.add_gateway_response(
        "test-response",
        GatewayResponseOptions::builder().type_(ResponseType::AccessDenied),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::GatewayResponse",
        pattern!({
            "ResponseType": "ACCESS_DENIED",
            "RestApiId": ref_(&["restapi", "Resource"]),
            "StatusCode": Match::absent(),
            "ResponseParameters": Match::absent(),
            "ResponseTemplates": Match::absent(),
        }),
    )
}

#[test]
fn gateway_response_resource_is_created_with_parameters() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    api.add_gateway_response(
        "test-response",
        GatewayResponseOptions::builder()
            .type_(ResponseType::AuthorizerFailure)
            .status_code("500")
            .response_headers([
                ("Access-Control-Allow-Origin", "test.com"),
                ("test-key", "test-value"),
            ]),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::GatewayResponse",
        pattern!({
            "ResponseType": "AUTHORIZER_FAILURE",
            "RestApiId": ref_(&["restapi", "Resource"]),
            "StatusCode": "500",
            "ResponseParameters": {
                "gatewayresponse.header.Access-Control-Allow-Origin": "test.com",
                "gatewayresponse.header.test-key": "test-value",
            },
            "ResponseTemplates": Match::absent(),
        }),
    )
}

#[test]
fn gateway_response_resource_is_created_with_templates() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    let template = "{ \"message\": $context.error.messageString, \"statusCode\": \"488\" }";
    api.add_gateway_response(
        "test-response",
        GatewayResponseOptions::builder()
            .type_(ResponseType::AuthorizerFailure)
            .status_code("500")
            .templates([("application/json", template)]),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::GatewayResponse",
        pattern!({
            "ResponseType": "AUTHORIZER_FAILURE",
            "RestApiId": ref_(&["restapi", "Resource"]),
            "StatusCode": "500",
            "ResponseParameters": Match::absent(),
            "ResponseTemplates": { "application/json": template },
        }),
    )
}

#[test]
fn deployment_changes_when_gateway_response_is_updated() -> TestResult {
    let (_app, stack) = stack()?;
    let rest_api = RestApi::new(&stack, "restapi", RestApiProps::builder().deploy(true))?;
    rest_api.root().add_method("GET", None)?;
    let before = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Deployment")?;
    rest_api.add_gateway_response(
        "gatewayResponse",
        GatewayResponseOptions::builder().type_(ResponseType::AuthorizerConfigurationError),
    )?;
    let after = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Deployment")?;
    assert_ne!(before, after);
    Ok(())
}
