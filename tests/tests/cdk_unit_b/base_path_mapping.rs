//! `test/base-path-mapping.test.ts`: tests in CDK 9, ported 9, passing 9, ignored 0, newer
//! than 2.276.0: 0.

use apigw_core::{Deployment, DeploymentProps, RestApi, RestApiProps, Stage, StageOptions};
use apigw_domains::{
    BasePathMapping, BasePathMappingProps, DomainName, DomainNameProps, EndpointType,
};
use cdk_certificatemanager::Certificate;

use crate::support::*;

const CERT: &str = "arn:aws:acm:us-east-1:1111111:certificate/11-3336f1-44483d-adc7-9cd375c5169d";

/// `MyApi` with a `GET` method and the regional domain `MyDomain` (`example.com`).
fn api_and_domain(stack: &Stack) -> Result<(RestApi, DomainName), Error> {
    let api = RestApi::new(stack, "MyApi", RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    let domain = DomainName::new(
        stack,
        "MyDomain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&Certificate::from_certificate_arn(stack, "cert", CERT)?)
            .endpoint_type(EndpointType::Regional),
    )?;
    Ok((api, domain))
}

/// The mapping `MyBasePath` of `MyApi` on `MyDomain` with `base_path`.
fn mapping(base_path: Option<&str>) -> Result<(cdk_core::App, Stack), Error> {
    let (app, stack) = stack()?;
    let (api, domain) = api_and_domain(&stack)?;
    let mut props = BasePathMappingProps::builder().rest_api(&api).domain_name(&domain);
    if let Some(p) = base_path {
        props = props.base_path(p);
    }
    BasePathMapping::new(&stack, "MyBasePath", props)?;
    Ok((app, stack))
}

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = mapping(None)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({
            "DomainName": { "Ref": "MyDomainE4943FBC" },
            "RestApiId": { "Ref": "MyApi49610EDF" },
            "Stage": { "Ref": "MyApiDeploymentStageprodE1054AF0" },
        }),
    )
}

#[test]
fn specify_base_path_property() -> TestResult {
    let (_app, stack) = mapping(Some("My_B45E-P4th"))?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({ "BasePath": "My_B45E-P4th" }),
    )
}

#[test]
fn specify_multi_level_base_path_property() -> TestResult {
    let (_app, stack) = mapping(Some("api/v1/example"))?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({ "BasePath": "api/v1/example" }),
    )
}

/// The message of the error of mapping with `base_path`.
fn error_of(base_path: &str) -> String {
    mapping(Some(base_path)).err().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn throws_when_base_path_contains_an_invalid_character() {
    let err = error_of("invalid-/base-path?");
    assert!(err.contains("base path may only contain"), "{err}");
}

#[test]
fn throw_error_for_base_path_starting_with_slash() {
    let err = error_of("/invalid-base-path");
    assert!(err.contains("A base path cannot start or end with"), "{err}");
}

#[test]
fn throw_error_for_base_path_ending_with_slash() {
    let err = error_of("invalid-base-path/");
    assert!(err.contains("A base path cannot start or end with"), "{err}");
}

#[test]
fn throw_error_for_base_path_containing_more_than_one_consecutive_slash() {
    let err = error_of("in//valid-base-path");
    assert!(err.contains("A base path cannot have more than one consecutive /"), "{err}");
}

#[test]
fn specify_stage_property() -> AnyResult {
    let (_app, stack) = stack()?;
    let (api, domain) = api_and_domain(&stack)?;
    let deployment = Deployment::new(&stack, "MyDeplouyment", &api, DeploymentProps::default())?;
    let stage = Stage::new(&stack, "MyStage", &deployment, StageOptions::default())?;
    BasePathMapping::new(
        &stack,
        "MyBasePathMapping",
        BasePathMappingProps::builder()
            .rest_api(&api)
            .domain_name(&domain)
            .stage(&stage)
            .attach_to_stage(true),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({ "Stage": { "Ref": "MyStage572B0482" } }),
    )?;
    Ok(())
}

#[test]
fn specify_attach_to_stage_property() -> AnyResult {
    let (_app, stack) = stack()?;
    let (api, domain) = api_and_domain(&stack)?;
    BasePathMapping::new(
        &stack,
        "MyBasePath",
        BasePathMappingProps::builder().rest_api(&api).domain_name(&domain).attach_to_stage(false),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({ "Stage": Match::absent() }),
    )?;
    Ok(())
}
