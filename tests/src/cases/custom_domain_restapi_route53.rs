//! Twin of `cases/custom-domain-restapi-route53/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("custom-domain-restapi-route53", build);

const CERTIFICATE_ARN: &str = "arn:aws:acm:us-east-1:111111111111:certificate/abc";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let acm_certificate_for_example_com =
        Certificate::from_certificate_arn(&stack, "Certificate", CERTIFICATE_ARN)?;
    let hosted_zone_for_example_com = HostedZone::from_hosted_zone_attributes(
        &stack,
        "Zone",
        HostedZoneAttributes::builder().hosted_zone_id("Z1234567890ABC").zone_name("example.com"),
    )?;

    let api = RestApi::new(
        &stack,
        "MyDomain",
        RestApiProps::builder().domain_name(
            DomainNameOptions::builder()
                .domain_name("example.com")
                .certificate(&acm_certificate_for_example_com),
        ),
    )?;
    api.root().add_method("GET", None)?;

    ARecord::new(
        &stack,
        "CustomDomainAliasRecord",
        ARecordProps::builder()
            .zone(hosted_zone_for_example_com.clone())
            .target(RecordTarget::from_alias(ApiGateway::new(&api)?)),
    )?;

    // Base path mappings on an imported domain, and an alias record for it.
    let api2 = RestApi::new(&stack, "SecondApi", RestApiProps::default())?;
    api2.root().add_method("GET", None)?;

    let domain_name = DomainName::from_domain_name_attributes(
        &stack,
        "DomainName",
        DomainNameAttributes::builder()
            .domain_name("api.example.com")
            .domain_name_alias_hosted_zone_id("Z2FDTNDATAQYW2")
            .domain_name_alias_target("d-abcdef1234.execute-api.us-east-1.amazonaws.com"),
    )?;

    BasePathMapping::new(
        &stack,
        "BasePathMapping",
        BasePathMappingProps::builder().domain_name(&domain_name).rest_api(&api2),
    )?;

    ARecord::new(
        &stack,
        "ImportedDomainAliasRecord",
        ARecordProps::builder()
            .zone(hosted_zone_for_example_com)
            .record_name("api")
            .target(RecordTarget::from_alias(ApiGatewayDomain::new(&domain_name))),
    )?;
    Ok(())
}
