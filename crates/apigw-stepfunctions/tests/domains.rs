//! A `StepFunctionsRestApi` is an API like any other (`IRestApi`): custom domains map it
//! without `&*api`.

use apigw_core::IRestApi;
use apigw_domains::{
    AddDomainName, ApiGateway, ApiMappingOptions, BasePathMappingOptions, DomainName,
    DomainNameOptions, DomainNameProps,
};
use apigw_stepfunctions::{StepFunctionsRestApi, StepFunctionsRestApiProps};
use cdk_certificatemanager::Certificate;
use cdk_core::{App, Construct, Error, Stack, Value};
use cdk_stepfunctions::{
    DefinitionBody, Pass, PassProps, StateMachine, StateMachineProps, StateMachineType,
};

fn api(stack: &Stack) -> Result<StepFunctionsRestApi, Error> {
    let pass = Pass::new(stack, "PassState", PassProps::default())?;
    let machine = StateMachine::new(
        stack,
        "StateMachine",
        StateMachineProps::builder()
            .definition_body(DefinitionBody::from_chainable(&pass))
            .state_machine_type(StateMachineType::Express)
            .build()?,
    )?;
    Ok(StepFunctionsRestApi::new(
        stack,
        "Api",
        StepFunctionsRestApiProps::builder().state_machine(&machine),
    )?)
}

#[test]
fn domains_map_a_step_functions_rest_api() -> Result<(), Error> {
    let app = App::new();
    let stack = Stack::new(&app, "Stack")?;
    let api = api(&stack)?;
    let cert = Certificate::from_certificate_arn(&stack, "Cert", "arn:aws:acm:us-east-1:1:c/c")?;
    let domain = DomainName::new(
        &stack,
        "Domain",
        DomainNameProps::builder().domain_name("example.com").certificate(&cert).mapping(&api),
    )?;
    let id = format!("Map:/=>{}", api.node().unique_id());
    let mapping = domain.node().try_find_child(&id).map(|n| n.path());
    assert_eq!(mapping.as_deref(), Some("Stack/Domain/Map:--=>StackApiDBBEC0DB"));
    let other = DomainName::new(
        &stack,
        "Other",
        DomainNameProps::builder().domain_name("other.example.com").certificate(&cert),
    )?;
    let m = other.add_base_path_mapping(&api, BasePathMappingOptions::builder().base_path("v1"))?;
    let stage = m.resource().property("Stage");
    assert_eq!(format!("{stage:?}"), format!("{:?}", Some(api.deployment_stage()?.stage_name())));
    let stage = IRestApi::deployment_stage(&api)?;
    other.add_api_mapping(&stage, ApiMappingOptions::builder().base_path("v2"))?;
    assert!(ApiGateway::new(&api).is_err());
    let custom = api.add_domain_name(
        "Custom",
        DomainNameOptions::builder().domain_name("api.example.com").certificate(&cert),
    )?;
    assert_eq!(custom.node().path(), "Stack/Api/Custom");
    assert!(ApiGateway::new(&api).is_ok());
    assert_eq!(custom.resource().property("DomainName"), Some(Value::from("api.example.com")));
    Ok(())
}
