//! Twin of `cases/domain-multi-level-mapping/app.js`.

use super::prelude::*;
use apigw_domains::{ApiMappingOptions, DomainName, DomainNameProps};
use cdk_certificatemanager::Certificate;

/// The case.
pub(crate) const CASE: Case = Case::new("domain-multi-level-mapping", build);

fn build(app: &App, _inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let acm_certificate_for_example_com = Certificate::from_certificate_arn(
        &stack,
        "Certificate",
        "arn:aws:acm:us-east-1:111111111111:certificate/abc",
    )?;

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
            .base_path("orders/v1/api")
            .build()
            .map_err(build_err("Stack/custom-domain"))?,
    )?;

    let stage = second_rest_api.deployment_stage().ok_or_else(|| Error::InvalidArgument {
        path: "Stack/OrdersApiV2".into(),
        message: "no deployment stage".into(),
    })?;
    domain.add_api_mapping(
        &stage,
        ApiMappingOptions::builder()
            .base_path("orders/v2/api")
            .build()
            .map_err(build_err("Stack/custom-domain"))?,
    )?;
    Ok(())
}
