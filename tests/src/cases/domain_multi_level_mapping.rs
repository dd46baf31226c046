//! Twin of `cases/domain-multi-level-mapping/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("domain-multi-level-mapping", build);

const CERTIFICATE_ARN: &str = "arn:aws:acm:us-east-1:111111111111:certificate/abc";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let acm_certificate_for_example_com =
        Certificate::from_certificate_arn(&stack, "Certificate", CERTIFICATE_ARN)?;

    let rest_api = RestApi::new(&stack, "OrdersApi", RestApiProps::default())?;
    rest_api.root().add_method("GET", None)?;
    let second_rest_api = RestApi::new(&stack, "OrdersApiV2", RestApiProps::default())?;
    second_rest_api.root().add_method("GET", None)?;

    let domain = DomainName::new(
        &stack,
        "custom-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&acm_certificate_for_example_com)
            .mapping(&rest_api)
            .base_path("orders/v1/api"),
    )?;

    domain.add_api_mapping(
        &second_rest_api.deployment_stage()?,
        ApiMappingOptions::builder().base_path("orders/v2/api"),
    )?;
    Ok(())
}
