//! Twin of `cases/mtls-domain/app.js`.

use super::prelude::*;
use apigw_domains::{BasePathMappingOptions, DomainName, DomainNameProps, MtlsConfig};
use cdk_certificatemanager::Certificate;

/// The case.
pub(crate) const CASE: Case = Case::new("mtls-domain", build);

fn build(app: &App, _inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let certificate = Certificate::from_certificate_arn(
        &stack,
        "cert",
        "arn:aws:acm:us-east-1:1111111:certificate/11-3336f1-44483d-adc7-9cd375c5169d",
    )?;
    let domain = DomainName::new(
        &stack,
        "domain-name",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&certificate)
            .mtls(
                MtlsConfig::builder()
                    .bucket(Bucket::new(&stack, "bucket", BucketProps::default())?)
                    .key("truststore.pem")
                    .version("version")
                    .build()
                    .map_err(build_err("Stack/domain-name"))?,
            )
            .build()
            .map_err(build_err("Stack/domain-name"))?,
    )?;

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    domain.add_base_path_mapping(&api, BasePathMappingOptions::default())?;
    Ok(())
}
