//! `test/http.test.ts`: tests in CDK 2, ported 2, passing 2, ignored 0, newer than 2.276.0: 0.

use apigw_core::{
    HttpIntegration, HttpIntegrationProps, IntegrationOptions, RestApi, RestApiProps,
};

use crate::support::*;

#[test]
fn minimal_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let integ = HttpIntegration::new("http://foo/bar");
    api.root().add_method("GET", &integ)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "Integration": {
                "IntegrationHttpMethod": "GET",
                "Type": "HTTP_PROXY",
                "Uri": "http://foo/bar",
            },
        }),
    )
}

#[test]
fn options_can_be_passed_via_props() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let integ = HttpIntegration::with_props(
        "http://foo/bar",
        HttpIntegrationProps::builder()
            .http_method("POST")
            .proxy(false)
            .options(IntegrationOptions::builder().cache_namespace("hey").build()?),
    )?;
    api.root().add_method("GET", &integ)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "Integration": {
                "CacheNamespace": "hey",
                "IntegrationHttpMethod": "POST",
                "Type": "HTTP",
                "Uri": "http://foo/bar",
            },
        }),
    )
}
