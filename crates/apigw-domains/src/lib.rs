//! # apigw-domains
//!
//! Custom domain names of API Gateway REST APIs, as aws-cdk-lib's `aws-apigateway` defines
//! them: [`DomainName`] (`domain-name.ts`) with its certificate, endpoint type, TLS policy and
//! mutual TLS; [`BasePathMapping`] (`base-path-mapping.ts`); API mappings for multi-level base
//! paths (`AWS::ApiGatewayV2::ApiMapping`); the `domainName` prop and `addDomainName` of APIs
//! ([`AddDomainName`]); and the Route 53 alias targets [`ApiGateway`] and
//! [`ApiGatewayDomain`] (`aws-route53-targets`).
//!
//! ```
//! use apigw_core::{IRestApi, RestApi, RestApiProps};
//! use apigw_domains::{AddDomainName, ApiGateway, DomainNameOptions};
//! use cdk_certificatemanager::Certificate;
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_route53::{ARecord, ARecordProps, HostedZone, HostedZoneAttributes, RecordTarget};
//!
//! let dir = std::env::temp_dir().join("apigw-domains-doctest");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()).build()?);
//! let stack = Stack::new(&app, "Stack")?;
//! let cert = Certificate::from_certificate_arn(&stack, "Certificate",
//!     "arn:aws:acm:us-east-1:111111111111:certificate/abc")?;
//! let api = RestApi::new(&stack, "Api", RestApiProps::builder()
//!     .domain_name(DomainNameOptions::builder()
//!         .domain_name("api.example.com")
//!         .certificate(&cert)
//!         .build()?))?;
//! api.root().add_method("GET", None)?;
//! assert!(api.domain_name().is_some());
//! let zone = HostedZone::from_hosted_zone_attributes(&stack, "Zone",
//!     HostedZoneAttributes::builder().hosted_zone_id("Z1234567890ABC").zone_name("example.com"))?;
//! ARecord::new(&stack, "Alias", ARecordProps::builder()
//!     .zone(zone)
//!     .record_name("api")
//!     .target(RecordTarget::from_alias(ApiGateway::new(&api)?))
//!     .build()?)?;
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))
//!     .map_err(|e| cdk_core::Error::Io { dir: dir.display().to_string(), reason: e.to_string() })?;
//! assert!(template.contains("AWS::ApiGateway::BasePathMapping"));
//! # Ok::<(), cdk_core::Error>(())
//! ```
//!
//! Modules: [`domain_name`] (`domain-name.ts`), [`base_path_mapping`]
//! (`base-path-mapping.ts`), [`rest_api`] (`addDomainName` and the `domainName` prop of
//! `restapi.ts`), [`route53_targets`] (`aws-route53-targets/lib/api-gateway-domain-name.ts`),
//! [`error`].
//!
//! aws-cdk-lib checks the security policy, endpoint access mode and mTLS combination when the
//! domain is constructed, naming its path; so does this port ([`DomainName::new`]), rather than
//! in the props builders, so that the errors carry the path.

pub mod base_path_mapping;
pub mod domain_name;
pub mod error;
pub mod rest_api;
pub mod route53_targets;
#[cfg(test)]
mod test_support;

pub use apigw_core::EndpointType;
pub use base_path_mapping::{
    validate_base_path, BasePathMapping, BasePathMappingOptions, BasePathMappingOptionsBuilder,
    BasePathMappingProps, BasePathMappingPropsBuilder, RestApiRef,
};
pub use domain_name::{
    ApiMappingOptions, ApiMappingOptionsBuilder, DomainName, DomainNameAttributes,
    DomainNameAttributesBuilder, DomainNameOptions, DomainNameOptionsBuilder, DomainNameProps,
    DomainNamePropsBuilder, DomainNameReference, EndpointAccessMode, IDomainName,
    ImportedDomainName, MtlsConfig, MtlsConfigBuilder, SecurityPolicy,
};
pub use error::DomainError;
pub use rest_api::AddDomainName;
pub use route53_targets::{ApiGateway, ApiGatewayDomain};
