#![doc = include_str!("../docs/guide.md")]

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
