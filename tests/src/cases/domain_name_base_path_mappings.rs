//! Twin of `cases/domain-name-base-path-mappings/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("domain-name-base-path-mappings", build);

const CERTIFICATE_ARN: &str = "arn:aws:acm:us-east-1:111111111111:certificate/abc";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let acm_certificate_for_example_com =
        Certificate::from_certificate_arn(&stack, "Certificate", CERTIFICATE_ARN)?;

    let domain = DomainName::new(
        &stack,
        "custom-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&acm_certificate_for_example_com)
            .endpoint_type(EndpointType::Edge) // default is REGIONAL
            .security_policy(SecurityPolicy::Tls12),
    )?;

    let api1 = RestApi::new(&stack, "api1", RestApiProps::default())?;
    api1.root().add_method("GET", None)?;
    let api2 = RestApi::new(&stack, "api2", RestApiProps::default())?;
    api2.root().add_method("GET", None)?;

    domain
        .add_base_path_mapping(&api1, BasePathMappingOptions::builder().base_path("go-to-api1"))?;
    domain.add_base_path_mapping(&api2, BasePathMappingOptions::builder().base_path("boom"))?;

    // A different stage than the deployment stage
    let restapi = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    restapi.root().add_method("GET", None)?;
    let beta_deploy =
        Deployment::new(&stack, "beta-deployment", &restapi, DeploymentProps::default())?;
    let beta_stage =
        Stage::new(&stack, "beta-stage", &beta_deploy, StageOptions::builder().stage_name("beta"))?;
    domain.add_base_path_mapping(
        &restapi,
        BasePathMappingOptions::builder().base_path("beta").stage(&beta_stage),
    )?;

    // Not attached to a stage: the stage name must be part of the URL
    domain.add_base_path_mapping(
        &restapi,
        BasePathMappingOptions::builder().base_path("myapi").attach_to_stage(false),
    )?;

    // Without basePath: the whole domain maps to the API
    let other_domain = DomainName::new(
        &stack,
        "other-domain",
        DomainNameProps::builder()
            .domain_name("other.example.com")
            .certificate(&acm_certificate_for_example_com),
    )?;
    other_domain.add_base_path_mapping(&api1, BasePathMappingOptions::default())?;
    Ok(())
}
