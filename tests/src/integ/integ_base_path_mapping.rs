//! Twin of `integ/integ-base-path-mapping/app.js` (aws-cdk's `integ.base-path-mapping.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-base-path-mapping", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test_stack = Stack::new(app, "test-stack")?;

    let rest_api = RestApi::new(&test_stack, "Api", RestApiProps::default())?;

    rest_api.root().add_method("GET", None)?;

    let domain_name = DomainName::from_domain_name_attributes(
        &test_stack,
        "Domain",
        DomainNameAttributes::builder()
            .domain_name("domainName")
            .domain_name_alias_hosted_zone_id("domainNameAliasHostedZoneId")
            .domain_name_alias_target("domainNameAliasTarget"),
    )?;

    BasePathMapping::new(
        &test_stack,
        "MappingOne",
        BasePathMappingProps::builder().domain_name(&domain_name).rest_api(&rest_api),
    )?;

    BasePathMapping::new(
        &test_stack,
        "MappingTwo",
        BasePathMappingProps::builder()
            .domain_name(&domain_name)
            .rest_api(&rest_api)
            .base_path("path")
            .attach_to_stage(false),
    )?;

    BasePathMapping::new(
        &test_stack,
        "MappingThree",
        BasePathMappingProps::builder()
            .domain_name(&domain_name)
            .rest_api(&rest_api)
            .base_path("api/v1/multi-level-path")
            .attach_to_stage(false),
    )?;
    Ok(())
}
