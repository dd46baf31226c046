//! `test/requestvalidator.test.ts`: tests in CDK 2, ported 2, passing 2, ignored 0, newer
//! than 2.276.0: 0.

use apigw_core::{
    Method, MethodProps, RequestValidator, RequestValidatorProps, RestApi, RestApiProps,
};

use crate::support::*;

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(true),
    )?;
    Method::new(
        &stack,
        "my-method",
        MethodProps::builder().http_method("POST").resource(api.root()),
    )?;
    RequestValidator::new(
        &stack,
        "my-model",
        RequestValidatorProps::builder()
            .rest_api(&api)
            .validate_request_body(true)
            .validate_request_parameters(false),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::RequestValidator",
        pattern!({
            "RestApiId": ref_(&["test-api", "Resource"]),
            "ValidateRequestBody": true,
            "ValidateRequestParameters": false,
        }),
    )
}

#[test]
fn no_deployment() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(false),
    )?;
    Method::new(
        &stack,
        "my-method",
        MethodProps::builder().http_method("POST").resource(api.root()),
    )?;
    RequestValidator::new(
        &stack,
        "my-model",
        RequestValidatorProps::builder()
            .rest_api(&api)
            .request_validator_name("my-model")
            .validate_request_body(false)
            .validate_request_parameters(true),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::RequestValidator",
        pattern!({
            "RestApiId": ref_(&["test-api", "Resource"]),
            "Name": "my-model",
            "ValidateRequestBody": false,
            "ValidateRequestParameters": true,
        }),
    )
}
