//! Twin of `cases/mtls-domain/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("mtls-domain", build);

const CERTIFICATE_ARN: &str =
    "arn:aws:acm:us-east-1:1111111:certificate/11-3336f1-44483d-adc7-9cd375c5169d";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let domain = DomainName::new(
        &stack,
        "domain-name",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&Certificate::from_certificate_arn(&stack, "cert", CERTIFICATE_ARN)?)
            .mtls(
                MtlsConfig::builder()
                    .bucket(&Bucket::new(&stack, "bucket", BucketProps::default())?)
                    .key("truststore.pem")
                    .version("version")
                    .build()?,
            ),
    )?;

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    domain.add_base_path_mapping(&api, BasePathMappingOptions::default())?;
    Ok(())
}
