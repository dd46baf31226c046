//! Twin of `cases/domain-name-base-path-mappings/app.js`.

use super::prelude::*;
use apigw_domains::{BasePathMappingOptions, DomainName, DomainNameProps, SecurityPolicy};
use cdk_certificatemanager::Certificate;

/// The case.
pub(crate) const CASE: Case = Case::new("domain-name-base-path-mappings", build);

fn build(app: &App, _inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let options = |path: &'static str| BasePathMappingOptions::builder().base_path(path);

    let acm_certificate_for_example_com = Certificate::from_certificate_arn(
        &stack,
        "Certificate",
        "arn:aws:acm:us-east-1:111111111111:certificate/abc",
    )?;

    let domain = DomainName::new(
        &stack,
        "custom-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&acm_certificate_for_example_com)
            .endpoint_type(EndpointType::Edge) // default is REGIONAL
            .security_policy(SecurityPolicy::Tls12)
            .build()
            .map_err(build_err("Stack/custom-domain"))?,
    )?;

    let api1 = RestApi::new(&stack, "api1", RestApiProps::default())?;
    api1.root().add_method("GET", None)?;
    let api2 = RestApi::new(&stack, "api2", RestApiProps::default())?;
    api2.root().add_method("GET", None)?;

    let err = build_err("Stack/custom-domain");
    domain.add_base_path_mapping(&api1, options("go-to-api1").build().map_err(&err)?)?;
    domain.add_base_path_mapping(&api2, options("boom").build().map_err(&err)?)?;

    // A different stage than the deployment stage
    let restapi = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    restapi.root().add_method("GET", None)?;
    let beta_deploy =
        Deployment::new(&stack, "beta-deployment", &restapi, DeploymentProps::default())?;
    let beta_stage = Stage::new(
        &stack,
        "beta-stage",
        &beta_deploy,
        StageOptions::builder()
            .stage_name("beta")
            .build()
            .map_err(build_err("Stack/beta-stage"))?,
    )?;
    domain.add_base_path_mapping(
        &restapi,
        options("beta").stage(beta_stage).build().map_err(&err)?,
    )?;

    // Not attached to a stage: the stage name must be part of the URL
    domain.add_base_path_mapping(
        &restapi,
        options("myapi").attach_to_stage(false).build().map_err(&err)?,
    )?;

    // Without basePath: the whole domain maps to the API
    let other_domain = DomainName::new(
        &stack,
        "other-domain",
        DomainNameProps::builder()
            .domain_name("other.example.com")
            .certificate(&acm_certificate_for_example_com)
            .build()
            .map_err(build_err("Stack/other-domain"))?,
    )?;
    other_domain.add_base_path_mapping(&api1, BasePathMappingOptions::default())?;
    Ok(())
}
