//! Custom domain names (`domain-name.ts`): [`DomainName`] (an `AWS::ApiGateway::DomainName`
//! with its certificate, endpoint type, TLS policy and mutual TLS), its base path mappings
//! ([`DomainName::add_base_path_mapping`]) and multi-level API mappings
//! ([`DomainName::add_api_mapping`], `AWS::ApiGatewayV2::ApiMapping`), and domains imported
//! by attributes ([`DomainName::from_domain_name_attributes`]).

use std::cell::RefCell;
use std::rc::Rc;

use apigw_core::{EndpointType, IStage, StageReference};
use cdk_certificatemanager::CertificateReference;
use cdk_core::{Construct, IntoProps, Node, Value};
use cdk_s3::IBucket;
use cfn_apigateway::domain_name::{EndpointConfiguration, MutualTlsAuthentication};
use cfn_apigateway::{CfnDomainName, CfnDomainNameProps};
use cfn_apigatewayv2::{CfnApiMapping, CfnApiMappingProps};

use crate::base_path_mapping::{
    BasePathMapping, BasePathMappingOptions, BasePathMappingProps, RestApiRef,
};
use crate::DomainError;

/// The TLS version and cipher suite of a domain (`SecurityPolicy`).
///
/// The policies whose value starts with `SecurityPolicy_` are *enhanced*: they need an
/// [`EndpointAccessMode`], exclude mutual TLS, and each serves either edge-optimized or
/// regional/private domains only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecurityPolicy {
    /// TLS 1.0 (`TLS_1_0`).
    #[doc(alias = "TLS_1_0")]
    Tls10,
    /// TLS 1.2 (`TLS_1_2`).
    #[doc(alias = "TLS_1_2")]
    Tls12,
    /// TLS 1.3, regional and private endpoints (`SecurityPolicy_TLS13_1_3_2025_09`).
    #[doc(alias = "TLS13_1_3_2025_09")]
    Tls13_1_3_2025_09,
    /// TLS 1.3, FIPS, regional and private endpoints
    /// (`SecurityPolicy_TLS13_1_3_FIPS_2025_09`).
    #[doc(alias = "TLS13_1_3_FIPS_2025_09")]
    Tls13_1_3Fips2025_09,
    /// TLS 1.3 and 1.2 with post-quantum cryptography, regional and private endpoints
    /// (`SecurityPolicy_TLS13_1_2_PQ_2025_09`).
    #[doc(alias = "TLS13_1_2_PQ_2025_09")]
    Tls13_1_2Pq2025_09,
    /// TLS 1.3 and 1.2 with perfect forward secrecy and post-quantum cryptography, regional
    /// and private endpoints (`SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09`).
    #[doc(alias = "TLS13_1_2_PFS_PQ_2025_09")]
    Tls13_1_2PfsPq2025_09,
    /// TLS 1.3, edge-optimized endpoints (`SecurityPolicy_TLS13_2025_EDGE`).
    #[doc(alias = "TLS13_2025_EDGE")]
    Tls13_2025Edge,
    /// TLS 1.2 with perfect forward secrecy, edge-optimized endpoints
    /// (`SecurityPolicy_TLS12_PFS_2025_EDGE`).
    #[doc(alias = "TLS12_PFS_2025_EDGE")]
    Tls12Pfs2025Edge,
    /// TLS 1.2 (legacy suite), edge-optimized endpoints (`SecurityPolicy_TLS12_2018_EDGE`).
    #[doc(alias = "TLS12_2018_EDGE")]
    Tls12_2018Edge,
}

impl SecurityPolicy {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        use SecurityPolicy::*;
        match self {
            Tls10 => "TLS_1_0",
            Tls12 => "TLS_1_2",
            Tls13_1_3_2025_09 => "SecurityPolicy_TLS13_1_3_2025_09",
            Tls13_1_3Fips2025_09 => "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
            Tls13_1_2Pq2025_09 => "SecurityPolicy_TLS13_1_2_PQ_2025_09",
            Tls13_1_2PfsPq2025_09 => "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
            Tls13_2025Edge => "SecurityPolicy_TLS13_2025_EDGE",
            Tls12Pfs2025Edge => "SecurityPolicy_TLS12_PFS_2025_EDGE",
            Tls12_2018Edge => "SecurityPolicy_TLS12_2018_EDGE",
        }
    }

    /// Whether this is an enhanced policy (`isEnhancedSecurityPolicy`: its value starts with
    /// `SecurityPolicy_`).
    pub fn is_enhanced(self) -> bool {
        self.as_str().starts_with("SecurityPolicy_")
    }

    /// Policies of regional and private endpoints only (`NON_EDGE_ONLY_POLICIES`).
    pub const NON_EDGE_ONLY_POLICIES: [SecurityPolicy; 4] = [
        SecurityPolicy::Tls13_1_3_2025_09,
        SecurityPolicy::Tls13_1_3Fips2025_09,
        SecurityPolicy::Tls13_1_2Pq2025_09,
        SecurityPolicy::Tls13_1_2PfsPq2025_09,
    ];

    /// Policies of edge-optimized endpoints only (`EDGE_ONLY_POLICIES`).
    pub const EDGE_ONLY_POLICIES: [SecurityPolicy; 3] = [
        SecurityPolicy::Tls13_2025Edge,
        SecurityPolicy::Tls12Pfs2025Edge,
        SecurityPolicy::Tls12_2018Edge,
    ];
}

/// How strictly an enhanced security policy is enforced (`EndpointAccessMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EndpointAccessMode {
    /// Only clients using the policy (`STRICT`); recommended for production.
    #[doc(alias = "STRICT")]
    Strict,
    /// The migration mode (`BASIC`).
    #[doc(alias = "BASIC")]
    Basic,
}

impl EndpointAccessMode {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointAccessMode::Strict => "STRICT",
            EndpointAccessMode::Basic => "BASIC",
        }
    }
}

impl From<SecurityPolicy> for Value {
    fn from(policy: SecurityPolicy) -> Value {
        Value::from(policy.as_str())
    }
}

impl From<EndpointAccessMode> for Value {
    fn from(mode: EndpointAccessMode) -> Value {
        Value::from(mode.as_str())
    }
}

/// Mutual TLS of a domain: where its truststore is (`MTLSConfig`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct MtlsConfig {
    /// The bucket holding the truststore (`bucket`): any [`IBucket`], created or imported
    /// ([`Bucket::from_bucket_name`](cdk_s3::Bucket::from_bucket_name)). Required.
    #[builder(setter(custom))]
    pub bucket: Rc<dyn IBucket>,
    /// The truststore's key in the bucket. Required.
    pub key: String,
    /// The truststore object's version (the bucket must be versioned). Default: the latest.
    #[builder(default)]
    pub version: Option<String>,
}

cdk_core::impl_props!(MtlsConfig, MtlsConfigBuilder);

impl MtlsConfigBuilder {
    /// The bucket holding the truststore (`bucket`), by reference: a [`Bucket`](cdk_s3::Bucket)
    /// or an imported one. Required.
    pub fn bucket<B: IBucket + Clone + 'static>(mut self, bucket: &B) -> Self {
        self.bucket = Some(Rc::new(bucket.clone()));
        self
    }
}

impl MtlsConfig {
    /// `bucket.s3UrlForObject(key)`: `s3://<bucket name>/<key>` (one leading `/` of the key
    /// dropped, as `urlJoin` does).
    fn truststore_uri(&self) -> Value {
        self.bucket.s3_url_for_object(Some(&self.key))
    }
}

/// Options of an API mapping (`ApiMappingOptions`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ApiMappingOptions {
    /// The path after the domain in callers' URLs (`orders/v1/api`; several levels allowed);
    /// not empty. Default: the domain's root.
    #[builder(default)]
    pub base_path: Option<String>,
}

cdk_core::impl_props!(ApiMappingOptions, ApiMappingOptionsBuilder);

/// Options of a custom domain (`DomainNameOptions`): what [`DomainNameProps`] holds except
/// the API to map, and what the `domain_name` prop of `RestApiProps` takes.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DomainNameOptions {
    /// The domain name (`api.example.com`), without uppercase letters. Required.
    pub domain_name: Value,
    /// The ACM certificate of the domain (in `us-east-1` for edge-optimized domains).
    /// Required.
    pub certificate: CertificateReference,
    /// The endpoint type. Default: [`EndpointType::Regional`].
    #[builder(default)]
    pub endpoint_type: Option<EndpointType>,
    /// The TLS version and cipher suite. Default: none set (API Gateway's `TLS_1_2`).
    #[builder(default)]
    pub security_policy: Option<SecurityPolicy>,
    /// The endpoint access mode; required with an enhanced security policy and refused
    /// otherwise. Default: none.
    #[builder(default)]
    pub endpoint_access_mode: Option<EndpointAccessMode>,
    /// Mutual TLS. Default: off.
    #[builder(default)]
    pub mtls: Option<MtlsConfig>,
    /// The base path of the API given as `mapping`; a path of several levels
    /// (`orders/v1/api`) makes an API mapping instead of a base path mapping. Default: the
    /// domain's root.
    #[builder(default)]
    pub base_path: Option<String>,
}

cdk_core::impl_props!(DomainNameOptions, DomainNameOptionsBuilder);

/// Props of a [`DomainName`] (`DomainNameProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DomainNameProps {
    /// The domain name (`api.example.com`), without uppercase letters. Required.
    pub domain_name: Value,
    /// The ACM certificate of the domain (in `us-east-1` for edge-optimized domains).
    /// Required.
    pub certificate: CertificateReference,
    /// The endpoint type. Default: [`EndpointType::Regional`].
    #[builder(default)]
    pub endpoint_type: Option<EndpointType>,
    /// The TLS version and cipher suite. Default: none set (API Gateway's `TLS_1_2`).
    #[builder(default)]
    pub security_policy: Option<SecurityPolicy>,
    /// The endpoint access mode; required with an enhanced security policy and refused
    /// otherwise. Default: none.
    #[builder(default)]
    pub endpoint_access_mode: Option<EndpointAccessMode>,
    /// Mutual TLS. Default: off.
    #[builder(default)]
    pub mtls: Option<MtlsConfig>,
    /// The base path of `mapping`; a path of several levels (`orders/v1/api`) makes an API
    /// mapping of its deployment stage instead of a base path mapping. Default: the domain's
    /// root.
    #[builder(default)]
    pub base_path: Option<String>,
    /// An API to map at `base_path` (its deployment stage). Default: none; add mappings with
    /// [`DomainName::add_base_path_mapping`] or [`DomainName::add_api_mapping`].
    #[builder(default)]
    pub mapping: Option<RestApiRef>,
}

cdk_core::impl_props!(DomainNameProps, DomainNamePropsBuilder);

impl DomainNameProps {
    /// The props of `options` mapped to `mapping` (what `addDomainName` passes).
    pub fn from_options(options: DomainNameOptions, mapping: Option<RestApiRef>) -> Self {
        DomainNameProps {
            domain_name: options.domain_name,
            certificate: options.certificate,
            endpoint_type: options.endpoint_type,
            security_policy: options.security_policy,
            endpoint_access_mode: options.endpoint_access_mode,
            mtls: options.mtls,
            base_path: options.base_path,
            mapping,
        }
    }
}

/// A domain as base path mappings refer to it (`DomainNameReference`, the `domainNameRef` of
/// an `IDomainNameRef`): its name.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DomainNameReference {
    /// The domain name (the `Ref` of an `AWS::ApiGateway::DomainName`, or the name of an
    /// imported domain).
    pub domain_name: Value,
}

impl DomainNameReference {
    /// A reference to the domain with this name.
    pub fn new(domain_name: impl Into<Value>) -> Self {
        DomainNameReference { domain_name: domain_name.into() }
    }
}

impl<T: IDomainName> From<&T> for DomainNameReference {
    fn from(domain: &T) -> Self {
        domain.domain_name_ref()
    }
}

/// A custom domain, defined here or imported (`IDomainName`).
pub trait IDomainName: Construct {
    /// The domain name (`example.com`; for a [`DomainName`], the `Ref` of its resource).
    fn domain_name(&self) -> Value;

    /// The DNS name Route 53 alias records point at (`domainNameAliasDomainName`).
    fn domain_name_alias_domain_name(&self) -> Value;

    /// The hosted zone of that DNS name (`domainNameAliasHostedZoneId`).
    fn domain_name_alias_hosted_zone_id(&self) -> Value;

    /// The reference base path mappings take (`domainNameRef`).
    fn domain_name_ref(&self) -> DomainNameReference {
        DomainNameReference::new(self.domain_name())
    }
}

/// What identifies an existing custom domain (`DomainNameAttributes`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DomainNameAttributes {
    /// The domain name (`api.example.com`). Required.
    pub domain_name: Value,
    /// The DNS name Route 53 alias records point at
    /// (`d-abcdef1234.execute-api.us-east-1.amazonaws.com`). Required.
    pub domain_name_alias_target: Value,
    /// The hosted zone of that DNS name. Required.
    pub domain_name_alias_hosted_zone_id: Value,
}

cdk_core::impl_props!(DomainNameAttributes, DomainNameAttributesBuilder);

/// A custom domain defined outside this app ([`DomainName::from_domain_name_attributes`]).
#[derive(Clone, Debug)]
pub struct ImportedDomainName {
    node: Node,
    attributes: DomainNameAttributes,
}

impl Construct for ImportedDomainName {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IDomainName for ImportedDomainName {
    fn domain_name(&self) -> Value {
        self.attributes.domain_name.clone()
    }

    fn domain_name_alias_domain_name(&self) -> Value {
        self.attributes.domain_name_alias_target.clone()
    }

    fn domain_name_alias_hosted_zone_id(&self) -> Value {
        self.attributes.domain_name_alias_hosted_zone_id.clone()
    }
}

/// A custom domain name of API Gateway (`DomainName`).
#[derive(Clone, Debug)]
pub struct DomainName {
    node: Node,
    resource: CfnDomainName,
    endpoint_type: EndpointType,
    security_policy: Option<SecurityPolicy>,
    /// Base paths mapped so far, on either kind of mapping (`basePaths`); `None` is the root.
    base_paths: Rc<RefCell<Vec<Option<String>>>>,
}

impl Construct for DomainName {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IDomainName for DomainName {
    fn domain_name(&self) -> Value {
        DomainName::domain_name(self)
    }

    fn domain_name_alias_domain_name(&self) -> Value {
        DomainName::domain_name_alias_domain_name(self)
    }

    fn domain_name_alias_hosted_zone_id(&self) -> Value {
        DomainName::domain_name_alias_hosted_zone_id(self)
    }
}

/// `isMultiLevel`: more than one non-empty segment.
pub(crate) fn is_multi_level(base_path: Option<&str>) -> bool {
    base_path.is_some_and(|p| p.split('/').filter(|s| !s.is_empty()).count() >= 2)
}

impl DomainName {
    /// Defines a custom domain, mapped to `props.mapping` when given; `props` is the props
    /// or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree; [`DomainError::DomainNameDoesNotSupportUppercase`] (naming
    /// `scope`); the security policy rules
    /// ([`DomainError::MtlsNotSupportedWithEnhancedSecurityPolicy`],
    /// [`DomainError::EndpointAccessModeRequiredForEnhancedSecurityPolicy`],
    /// [`DomainError::EndpointAccessModeNotSupportedForLegacySecurityPolicy`],
    /// [`DomainError::SecurityPolicyNotSupportedForEdgeEndpoint`],
    /// [`DomainError::SecurityPolicyOnlySupportedForEdgeEndpoint`]); for a multi-level
    /// `base_path`, [`DomainError::MultiLevelBasePathOnlySupported`] and
    /// [`DomainError::DomainNameRequiresTls12`]; the errors of the mapping.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<DomainNameProps>,
    ) -> Result<DomainName, DomainError> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_apigateway.DomainName");
        let endpoint_type = props.endpoint_type.unwrap_or(EndpointType::Regional);
        let edge = endpoint_type == EndpointType::Edge;
        if let Some(name) = props.domain_name.as_str() {
            if name.chars().any(|c| c.is_ascii_uppercase()) {
                return Err(DomainError::DomainNameDoesNotSupportUppercase {
                    path: scope.node().path(),
                    domain_name: name.to_string(),
                });
            }
        }
        validate_security(
            &node,
            props.security_policy,
            endpoint_type,
            props.endpoint_access_mode,
            props.mtls.is_some(),
        )?;
        let certificate_arn = props.certificate.certificate_arn.clone();
        let mut l1 = CfnDomainNameProps::default();
        l1.domain_name = Some(props.domain_name.clone());
        if edge {
            l1.certificate_arn = Some(certificate_arn);
        } else {
            l1.regional_certificate_arn = Some(certificate_arn);
        }
        let mut endpoint = EndpointConfiguration::default();
        endpoint.types = Some(Value::array([endpoint_type.as_str()]));
        l1.endpoint_configuration = Some(endpoint.into());
        l1.mutual_tls_authentication = props.mtls.as_ref().map(|m| {
            let mut mtls = MutualTlsAuthentication::default();
            mtls.truststore_uri = Some(m.truststore_uri());
            mtls.truststore_version = m.version.clone().map(Value::String);
            mtls.into()
        });
        l1.security_policy = props.security_policy.map(|p| Value::from(p.as_str()));
        l1.endpoint_access_mode = props.endpoint_access_mode.map(|m| Value::from(m.as_str()));
        let resource = CfnDomainName::new(&node, "Resource", l1)?;
        let domain = DomainName {
            node,
            resource,
            endpoint_type,
            security_policy: props.security_policy,
            base_paths: Rc::default(),
        };
        let base_path = props.base_path;
        let multi_level = domain.validate_base_path(base_path.as_deref())?;
        if let Some(api) = props.mapping {
            if multi_level {
                let stage = api.deployment_stage()?;
                domain.add_api_mapping(&stage, ApiMappingOptions { base_path })?;
            } else {
                domain.add_base_path_mapping(
                    api,
                    BasePathMappingOptions { base_path, ..Default::default() },
                )?;
            }
        }
        Ok(domain)
    }

    /// Imports a custom domain (`fromDomainNameAttributes`): a construct without resources.
    /// `attributes` is the attributes or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree.
    pub fn from_domain_name_attributes(
        scope: &impl Construct,
        id: &str,
        attributes: impl IntoProps<DomainNameAttributes>,
    ) -> Result<ImportedDomainName, DomainError> {
        let attributes = attributes.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(ImportedDomainName { node, attributes })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnDomainName {
        &self.resource
    }

    /// The domain name (`Ref`).
    pub fn domain_name(&self) -> Value {
        self.resource.ref_()
    }

    /// The endpoint type.
    pub fn endpoint_type(&self) -> EndpointType {
        self.endpoint_type
    }

    /// The DNS name Route 53 alias records point at: `DistributionDomainName` of an
    /// edge-optimized domain, `RegionalDomainName` otherwise (`domainNameAliasDomainName`).
    pub fn domain_name_alias_domain_name(&self) -> Value {
        match self.endpoint_type {
            EndpointType::Edge => self.resource.attr_distribution_domain_name(),
            _ => self.resource.attr_regional_domain_name(),
        }
    }

    /// The hosted zone of that DNS name: `DistributionHostedZoneId` of an edge-optimized
    /// domain, `RegionalHostedZoneId` otherwise (`domainNameAliasHostedZoneId`).
    pub fn domain_name_alias_hosted_zone_id(&self) -> Value {
        match self.endpoint_type {
            EndpointType::Edge => self.resource.attr_distribution_hosted_zone_id(),
            _ => self.resource.attr_regional_hosted_zone_id(),
        }
    }

    /// `validateBasePath`: whether `base_path` has several levels, which needs a regional
    /// domain without TLS 1.0.
    fn validate_base_path(&self, base_path: Option<&str>) -> Result<bool, DomainError> {
        let Some(path) = base_path.filter(|p| is_multi_level(Some(p))) else {
            return Ok(false);
        };
        if self.endpoint_type == EndpointType::Edge {
            return Err(DomainError::MultiLevelBasePathOnlySupported {
                path: self.node.path(),
                base_path: path.to_string(),
            });
        }
        if self.security_policy == Some(SecurityPolicy::Tls10) {
            return Err(DomainError::DomainNameRequiresTls12 {
                path: self.node.path(),
                base_path: path.to_string(),
            });
        }
        Ok(true)
    }

    /// Refuses a base path mapped before (`basePaths.has`).
    fn check_unmapped(&self, base_path: &Option<String>) -> Result<(), DomainError> {
        if self.base_paths.borrow().contains(base_path) {
            return Err(DomainError::DomainNameAlreadyMappingPath {
                path: self.node.path(),
                id: self.node.id(),
                base_path: base_path.clone(),
            });
        }
        Ok(())
    }

    /// Maps a single-level base path of this domain to an API (`addBasePathMapping`), as the
    /// child `Map:<base path or />=><API's unique id>`; by default to the API's deployment
    /// stage. `target_api` is any API (`&api`); `options` the options or their unfinished
    /// builder ([`BasePathMappingOptions::default()`] for none).
    ///
    /// # Errors
    /// A builder error naming the domain; [`DomainError::DomainNameAlreadyMappingPath`] for a base path mapped before,
    /// [`DomainError::BasePathMappingDoesNotSupportMultiLevel`] for a path of several levels
    /// (use [`DomainName::add_api_mapping`]), and the errors of [`BasePathMapping::new`].
    pub fn add_base_path_mapping(
        &self,
        target_api: impl Into<RestApiRef>,
        options: impl IntoProps<BasePathMappingOptions>,
    ) -> Result<BasePathMapping, DomainError> {
        let target_api = target_api.into();
        let options = options.into_props_at(&self.node.path())?;
        let base_path = options.base_path.clone();
        self.check_unmapped(&base_path)?;
        if is_multi_level(base_path.as_deref()) {
            return Err(DomainError::BasePathMappingDoesNotSupportMultiLevel {
                path: self.node.path(),
                base_path: base_path.unwrap_or_default(),
            });
        }
        self.base_paths.borrow_mut().push(base_path.clone());
        let shown = base_path.as_deref().filter(|p| !p.is_empty()).unwrap_or("/");
        let id = format!("Map:{shown}=>{}", target_api.node().unique_id());
        BasePathMapping::new(
            &self.node,
            &id,
            BasePathMappingProps {
                domain_name: self.into(),
                rest_api: target_api,
                base_path,
                stage: options.stage,
                attach_to_stage: options.attach_to_stage,
            },
        )
    }

    /// Maps a base path of this domain, of one level or several (`orders/v1/api`), to a stage
    /// (`addApiMapping`): an `AWS::ApiGatewayV2::ApiMapping` named
    /// `Map:<base path or none>=><stage's unique id>`. Multi-level paths need a regional
    /// domain without TLS 1.0.
    ///
    /// # Errors
    /// Id errors; [`DomainError::DomainNameAlreadyMappingPath`] for a base path mapped before;
    /// [`DomainError::MultiLevelBasePathOnlySupported`] and
    /// [`DomainError::DomainNameRequiresTls12`] for a multi-level path; a builder error
    /// naming the domain.
    pub fn add_api_mapping(
        &self,
        target_stage: &impl IStage,
        options: impl IntoProps<ApiMappingOptions>,
    ) -> Result<CfnApiMapping, DomainError> {
        let base_path = options.into_props_at(&self.node.path())?.base_path;
        self.check_unmapped(&base_path)?;
        self.validate_base_path(base_path.as_deref())?;
        self.base_paths.borrow_mut().push(base_path.clone());
        let id = format!(
            "Map:{}=>{}",
            base_path.as_deref().unwrap_or("none"),
            target_stage.node().unique_id()
        );
        let stage = StageReference::from(target_stage);
        let mut l1 = CfnApiMappingProps::builder()
            .api_id(stage.rest_api_id)
            .stage(stage.stage_name)
            .domain_name(self.domain_name());
        if let Some(key) = base_path {
            l1 = l1.api_mapping_key(key);
        }
        Ok(CfnApiMapping::new(&self.node, &id, l1)?)
    }
}

/// The security policy rules of the `DomainName` constructor.
fn validate_security(
    node: &Node,
    policy: Option<SecurityPolicy>,
    endpoint_type: EndpointType,
    access_mode: Option<EndpointAccessMode>,
    mtls: bool,
) -> Result<(), DomainError> {
    let path = || node.path();
    let enhanced = policy.filter(|p| p.is_enhanced());
    if let (true, Some(p)) = (mtls, enhanced) {
        return Err(DomainError::MtlsNotSupportedWithEnhancedSecurityPolicy {
            path: path(),
            policy: p.as_str().into(),
        });
    }
    match (enhanced, access_mode) {
        (Some(p), None) => {
            return Err(DomainError::EndpointAccessModeRequiredForEnhancedSecurityPolicy {
                path: path(),
                policy: p.as_str().into(),
            })
        }
        (None, Some(m)) => {
            return Err(DomainError::EndpointAccessModeNotSupportedForLegacySecurityPolicy {
                path: path(),
                endpoint_access_mode: m.as_str().into(),
            })
        }
        _ => {}
    }
    if let Some(p) = policy {
        let edge = endpoint_type == EndpointType::Edge;
        if edge && SecurityPolicy::NON_EDGE_ONLY_POLICIES.contains(&p) {
            return Err(DomainError::SecurityPolicyNotSupportedForEdgeEndpoint {
                path: path(),
                policy: p.as_str().into(),
            });
        }
        if !edge && SecurityPolicy::EDGE_ONLY_POLICIES.contains(&p) {
            return Err(DomainError::SecurityPolicyOnlySupportedForEdgeEndpoint {
                path: path(),
                policy: p.as_str().into(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TestResult;
    use crate::test_support::{api, stack};
    use apigw_core::{RestApiProps, StageOptions};
    use cdk_s3::{Bucket, BucketProps};

    fn props(_stack: &cdk_core::Stack) -> DomainNamePropsBuilder {
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(CertificateReference::from_arn("arn:aws:acm:us-east-1:1:certificate/c"))
    }

    fn dbg(v: Value) -> String {
        format!("{v:?}")
    }

    fn code(r: Result<DomainName, DomainError>) -> (&'static str, String) {
        let e = r.unwrap_err();
        (e.code(), e.path().unwrap_or_default().to_string())
    }

    #[test]
    fn regional_by_default_with_regional_alias_attributes() -> TestResult {
        let (_app, stack) = stack()?;
        let d = DomainName::new(&stack, "D", props(&stack))?;
        assert_eq!(d.endpoint_type(), EndpointType::Regional);
        let r = d.resource();
        assert!(r.property("RegionalCertificateArn").is_some_and(|v| !v.is_absent()));
        assert!(r.property("CertificateArn").is_some_and(|v| v.is_absent()));
        assert_eq!(dbg(d.domain_name_alias_domain_name()), dbg(r.attr_regional_domain_name()));
        assert_eq!(
            dbg(d.domain_name_alias_hosted_zone_id()),
            dbg(r.attr_regional_hosted_zone_id())
        );
        assert_eq!(dbg(IDomainName::domain_name(&d)), dbg(r.ref_()));
        Ok(())
    }

    #[test]
    fn edge_domains_use_distribution_attributes() -> TestResult {
        let (_app, stack) = stack()?;
        let d = DomainName::new(&stack, "D", props(&stack).endpoint_type(EndpointType::Edge))?;
        let r = d.resource();
        assert!(r.property("CertificateArn").is_some_and(|v| !v.is_absent()));
        assert_eq!(dbg(d.domain_name_alias_domain_name()), dbg(r.attr_distribution_domain_name()));
        assert_eq!(
            dbg(d.domain_name_alias_hosted_zone_id()),
            dbg(r.attr_distribution_hosted_zone_id())
        );
        Ok(())
    }

    #[test]
    fn uppercase_names_are_refused_naming_the_scope() -> TestResult {
        let (_app, stack) = stack()?;
        let r = DomainName::new(&stack, "D", props(&stack).domain_name("Example.com"));
        assert_eq!(code(r), ("DomainNameDoesNotSupportUppercase", "Stack".into()));
        Ok(())
    }

    #[test]
    fn security_policy_rules() -> TestResult {
        let (_app, stack) = stack()?;
        let bucket = Bucket::new(&stack, "B", BucketProps::default())?;
        let mtls = MtlsConfig::builder().bucket(&bucket).key("t.pem").build()?;
        let enhanced = SecurityPolicy::Tls13_1_3_2025_09;
        let cases: Vec<(&str, DomainNamePropsBuilder, &str)> = vec![
            (
                "M",
                props(&stack)
                    .security_policy(enhanced)
                    .endpoint_access_mode(EndpointAccessMode::Strict)
                    .mtls(mtls.clone()),
                "MtlsNotSupportedWithEnhancedSecurityPolicy",
            ),
            (
                "R",
                props(&stack).security_policy(enhanced),
                "EndpointAccessModeRequiredForEnhancedSecurityPolicy",
            ),
            (
                "L",
                props(&stack)
                    .security_policy(SecurityPolicy::Tls12)
                    .endpoint_access_mode(EndpointAccessMode::Basic),
                "EndpointAccessModeNotSupportedForLegacySecurityPolicy",
            ),
            (
                "N",
                props(&stack).endpoint_access_mode(EndpointAccessMode::Basic),
                "EndpointAccessModeNotSupportedForLegacySecurityPolicy",
            ),
            (
                "E",
                props(&stack)
                    .endpoint_type(EndpointType::Edge)
                    .security_policy(SecurityPolicy::Tls13_1_2PfsPq2025_09)
                    .endpoint_access_mode(EndpointAccessMode::Strict),
                "SecurityPolicyNotSupportedForEdgeEndpoint",
            ),
            (
                "O",
                props(&stack)
                    .security_policy(SecurityPolicy::Tls12Pfs2025Edge)
                    .endpoint_access_mode(EndpointAccessMode::Strict),
                "SecurityPolicyOnlySupportedForEdgeEndpoint",
            ),
        ];
        for (id, builder, expected) in cases {
            let r = DomainName::new(&stack, id, builder);
            assert_eq!(code(r), (expected, format!("Stack/{id}")));
        }
        // Allowed combinations.
        let ok = DomainName::new(
            &stack,
            "Ok1",
            props(&stack)
                .endpoint_type(EndpointType::Edge)
                .security_policy(SecurityPolicy::Tls13_2025Edge)
                .endpoint_access_mode(EndpointAccessMode::Strict),
        )?;
        let r = ok.resource();
        assert_eq!(
            r.property("SecurityPolicy"),
            Some(Value::from("SecurityPolicy_TLS13_2025_EDGE"))
        );
        assert_eq!(r.property("EndpointAccessMode"), Some(Value::from("STRICT")));
        assert!(DomainName::new(
            &stack,
            "Ok2",
            props(&stack).security_policy(SecurityPolicy::Tls10).mtls(mtls),
        )
        .is_ok());
        Ok(())
    }

    #[test]
    fn policy_groups() -> TestResult {
        assert!(SecurityPolicy::Tls13_1_2Pq2025_09.is_enhanced());
        assert!(!SecurityPolicy::Tls12.is_enhanced());
        assert_eq!(
            SecurityPolicy::Tls13_1_3Fips2025_09.as_str(),
            "SecurityPolicy_TLS13_1_3_FIPS_2025_09"
        );
        assert_eq!(SecurityPolicy::Tls12_2018Edge.as_str(), "SecurityPolicy_TLS12_2018_EDGE");
        Ok(())
    }

    #[test]
    fn multi_level_base_paths_need_regional_and_tls12() -> TestResult {
        let (_app, stack) = stack()?;
        let r = DomainName::new(
            &stack,
            "Edge",
            props(&stack).endpoint_type(EndpointType::Edge).base_path("a/b"),
        );
        assert_eq!(code(r), ("MultiLevelBasePathOnlySupported", "Stack/Edge".into()));
        let r = DomainName::new(
            &stack,
            "Tls10",
            props(&stack).security_policy(SecurityPolicy::Tls10).base_path("a/b"),
        );
        assert_eq!(code(r), ("DomainNameRequiresTLS12", "Stack/Tls10".into()));
        // A single level, or slashes around one segment, are not multi-level.
        assert!(!is_multi_level(Some("/a/")));
        assert!(!is_multi_level(None));
        assert!(is_multi_level(Some("a//b")));
        Ok(())
    }

    #[test]
    fn mapping_maps_the_deployment_stage() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let d = DomainName::new(&stack, "D", props(&stack).mapping(&a))?;
        let id = format!("Map:/=>{}", a.node().unique_id());
        assert!(id.starts_with("Map:/=>StackApi"));
        let map = d.node().try_find_child(&id).ok_or("no such child")?;
        assert!(map.path().starts_with("Stack/D/Map:--=>StackApi"));
        let multi =
            DomainName::new(&stack, "Multi", props(&stack).mapping(&a).base_path("orders/v1"))?;
        let stage_uid = a.deployment_stage()?.node().unique_id();
        let id = format!("Map:orders--v1=>{stage_uid}");
        let mapping = multi.node().try_find_child(&id).ok_or("no such child")?;
        let l1 = cdk_core::CfnResource::from_node(&mapping).ok_or("not an L1")?;
        assert_eq!(l1.resource_type(), "AWS::ApiGatewayV2::ApiMapping");
        assert_eq!(l1.property("ApiMappingKey"), Some(Value::from("orders/v1")));
        Ok(())
    }

    #[test]
    fn multi_level_mapping_needs_a_deployment_stage() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::builder().deploy(false))?;
        let r = DomainName::new(&stack, "D", props(&stack).mapping(&a).base_path("a/b"));
        let e = r.unwrap_err();
        assert_eq!((e.code(), e.path()), ("Core", None));
        let core = cdk_core::Error::from(e);
        assert_eq!(core.path(), Some("Stack/Api"));
        assert!(core.to_string().contains("Cannot determine deployment stage"), "{core}");
        Ok(())
    }

    #[test]
    fn each_base_path_is_mapped_once() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let d = DomainName::new(&stack, "D", props(&stack))?;
        let opts = |p: Option<&str>| {
            let b = BasePathMappingOptions::builder();
            match p {
                Some(p) => b.base_path(p),
                None => b,
            }
        };
        d.add_base_path_mapping(&a, opts(None))?;
        let e = d.add_base_path_mapping(&a, opts(None)).unwrap_err();
        assert_eq!(e.code(), "DomainNameAlreadyMappingPath");
        assert!(e.to_string().ends_with("for path undefined"), "{e}");
        d.add_base_path_mapping(&a, opts(Some("v1")))?;
        // The paths are shared with API mappings.
        let stage = a.deployment_stage()?;
        let e =
            d.add_api_mapping(&stage, ApiMappingOptions::builder().base_path("v1")).unwrap_err();
        assert_eq!(e.code(), "DomainNameAlreadyMappingPath");
        let e = d.add_base_path_mapping(&a, opts(Some("a/b"))).unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            ("BasePathMappingDoesNotSupportMultiLevel", Some("Stack/D"))
        );
        // An API mapping without base path is named `none`.
        let m = d.add_api_mapping(&stage, ApiMappingOptions::default()).unwrap_err();
        assert_eq!(m.code(), "DomainNameAlreadyMappingPath");
        let other = DomainName::new(&stack, "O", props(&stack))?;
        let m = other.add_api_mapping(&stage, ApiMappingOptions::default())?;
        assert!(m.node().id().starts_with("Map:none=>"));
        Ok(())
    }

    #[test]
    fn api_mappings_check_multi_level_rules() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let d = DomainName::new(&stack, "D", props(&stack).endpoint_type(EndpointType::Edge))?;
        let stage = apigw_core::Stage::new(
            &stack,
            "Beta",
            &a.latest_deployment().ok_or("no deployment")?,
            StageOptions::builder().stage_name("beta"),
        )?;
        let e =
            d.add_api_mapping(&stage, ApiMappingOptions::builder().base_path("a/b")).unwrap_err();
        assert_eq!(e.code(), "MultiLevelBasePathOnlySupported");
        // One level is fine on an edge domain.
        assert!(d.add_api_mapping(&stage, ApiMappingOptions::builder().base_path("a")).is_ok());
        Ok(())
    }

    #[test]
    fn imports_have_no_resources() -> TestResult {
        let (_app, stack) = stack()?;
        let d = DomainName::from_domain_name_attributes(
            &stack,
            "Imported",
            DomainNameAttributes::builder()
                .domain_name("api.example.com")
                .domain_name_alias_target("d-1.execute-api.us-east-1.amazonaws.com")
                .domain_name_alias_hosted_zone_id("Z2"),
        )?;
        assert!(d.node().children().is_empty());
        assert_eq!(d.domain_name(), Value::from("api.example.com"));
        assert_eq!(DomainNameReference::from(&d), DomainNameReference::new("api.example.com"));
        assert_eq!(d.domain_name_alias_hosted_zone_id(), Value::from("Z2"));
        Ok(())
    }

    #[test]
    fn truststore_uri_drops_one_leading_slash() -> TestResult {
        let (_app, stack) = stack()?;
        let bucket = Bucket::new(&stack, "B", BucketProps::default())?;
        let m = MtlsConfig::builder().bucket(&bucket).key("/ca/t.pem").build()?;
        assert_eq!(
            format!("{:?}", m.truststore_uri()),
            format!("{:?}", cdk_core::cfn_format!("s3://{}/ca/t.pem", bucket.bucket_name()))
        );
        Ok(())
    }
}
