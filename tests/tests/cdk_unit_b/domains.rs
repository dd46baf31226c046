//! `test/domains.test.ts`: tests in CDK 41, ported 41, passing 37, ignored 4, newer than
//! 2.276.0: 0.
//!
//! Ignored: the four `token handling` tests that pass a token `as any` where CDK types an enum
//! (`endpointAccessMode`, `securityPolicy`, `endpointType`: Rust enums hold no tokens).
//!
//! `new acm.Certificate(stack, 'Cert', { domainName })` is not in cdk-certificatemanager;
//! [`certificate`] stands in with the same `AWS::CertificateManager::Certificate` resource at
//! the same path (so the same logical ID and `Ref`).

use apigw_core::{ApiDefinition, RestApi, RestApiProps, SpecRestApi, SpecRestApiProps};
use apigw_core::{Deployment, DeploymentProps, Stage, StageOptions};
use apigw_domains::{
    AddDomainName, ApiMappingOptions, BasePathMappingOptions, DomainName, DomainNameOptions,
    DomainNameProps, EndpointAccessMode, EndpointType, SecurityPolicy,
};
use cdk_certificatemanager::{Certificate, CertificateReference};
use cdk_s3::Bucket;

use crate::support::*;

const CERT_ARN: &str =
    "arn:aws:acm:us-east-1:1111111:certificate/11-3336f1-44483d-adc7-9cd375c5169d";

/// Stands in for `new acm.Certificate(stack, id, { domainName })`: its resource at
/// `<id>/Resource`, referenced by `Ref`.
fn certificate(stack: &Stack, id: &str, domain_name: &str) -> Result<CertificateReference, Error> {
    let node = stack.node().add_child(id)?;
    let props = Value::object([
        ("DomainName", Value::from(domain_name)),
        ("ValidationMethod", Value::from("DNS")),
    ]);
    let cert = cdk_core::CfnResource::new(
        &node,
        "Resource",
        "AWS::CertificateManager::Certificate",
        props,
    )?;
    Ok(CertificateReference::from_arn(cert.ref_()))
}

/// `acm.Certificate.fromCertificateArn(stack, id, CERT_ARN)`.
fn imported_cert(stack: &Stack, id: &str) -> Result<Certificate, Error> {
    Certificate::from_certificate_arn(stack, id, CERT_ARN)
}

/// `new apigw.RestApi(stack, id)` with a `GET` method.
fn api_with_get(stack: &Stack, id: &str) -> Result<RestApi, Error> {
    let api = RestApi::new(stack, id, RestApiProps::default())?;
    api.root().add_method("GET", None)?;
    Ok(api)
}

/// The message of the error of `f`, or `"no error"`.
fn error_of<T>(f: impl FnOnce() -> Result<T, Error>) -> String {
    match f() {
        Ok(_) => "no error".into(),
        Err(e) => e.to_string(),
    }
}

/// `{ Ref: id }`.
fn r(id: &str) -> serde_json::Value {
    json!({ "Ref": id })
}

#[test]
fn can_define_either_an_edge_or_regional_domain_name() -> TestResult {
    let (_app, stack) = stack()?;
    let cert = certificate(&stack, "Cert", "example.com")?;
    let regional_domain = DomainName::new(
        &stack,
        "my-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(cert.clone())
            .endpoint_type(EndpointType::Regional),
    )
    .map_err(Error::from)?;
    let edge_domain = DomainName::new(
        &stack,
        "your-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(cert)
            .endpoint_type(EndpointType::Edge),
    )
    .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "example.com",
            "EndpointConfiguration": { "Types": ["REGIONAL"] },
            "RegionalCertificateArn": r("Cert5C9FAEC1"),
        }),
    )?;
    template.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "example.com",
            "EndpointConfiguration": { "Types": ["EDGE"] },
            "CertificateArn": r("Cert5C9FAEC1"),
        }),
    )?;
    // `stack.resolve(...)`: the values rendered in an output.
    let outputs = [
        (
            regional_domain.domain_name_alias_domain_name(),
            ["mydomain592C948B", "RegionalDomainName"],
        ),
        (
            regional_domain.domain_name_alias_hosted_zone_id(),
            ["mydomain592C948B", "RegionalHostedZoneId"],
        ),
        (
            edge_domain.domain_name_alias_domain_name(),
            ["yourdomain5FE30C81", "DistributionDomainName"],
        ),
        (
            edge_domain.domain_name_alias_hosted_zone_id(),
            ["yourdomain5FE30C81", "DistributionHostedZoneId"],
        ),
    ];
    for (i, (value, _)) in outputs.iter().enumerate() {
        let props = cdk_core::CfnOutputProps::builder().value(value.clone());
        cdk_core::CfnOutput::new(&stack, &format!("Out{i}"), props)?;
    }
    let template = Template::from_stack(&stack)?;
    for (i, (_, expected)) in outputs.iter().enumerate() {
        template.has_output(
            &format!("Out{i}"),
            pattern!({ "Value": { "Fn::GetAtt": [expected[0], expected[1]] } }),
        )?;
    }
    Ok(())
}

#[test]
fn default_endpoint_type_is_regional() -> TestResult {
    let (_app, stack) = stack()?;
    let cert = certificate(&stack, "Cert", "example.com")?;
    DomainName::new(
        &stack,
        "my-domain",
        DomainNameProps::builder().domain_name("example.com").certificate(cert),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "example.com",
            "EndpointConfiguration": { "Types": ["REGIONAL"] },
            "RegionalCertificateArn": r("Cert5C9FAEC1"),
        }),
    )
}

#[test]
fn accepts_different_security_policies() -> TestResult {
    let (_app, stack) = stack()?;
    let cert = certificate(&stack, "Cert", "example.com")?;
    DomainName::new(
        &stack,
        "my-domain",
        DomainNameProps::builder()
            .domain_name("old.example.com")
            .certificate(cert.clone())
            .security_policy(SecurityPolicy::Tls12),
    )
    .map_err(Error::from)?;
    DomainName::new(
        &stack,
        "your-domain",
        DomainNameProps::builder()
            .domain_name("new.example.com")
            .certificate(cert.clone())
            .security_policy(SecurityPolicy::Tls13_1_3_2025_09)
            .endpoint_access_mode(EndpointAccessMode::Strict),
    )
    .map_err(Error::from)?;
    DomainName::new(
        &stack,
        "default-domain",
        DomainNameProps::builder().domain_name("default.example.com").certificate(cert),
    )
    .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    let expect = |name: &str, policy: cdk_assertions::Pattern| {
        template.has_resource_properties(
            "AWS::ApiGateway::DomainName",
            pattern!({
                "DomainName": name,
                "EndpointConfiguration": { "Types": ["REGIONAL"] },
                "RegionalCertificateArn": r("Cert5C9FAEC1"),
                "SecurityPolicy": policy,
            }),
        )
    };
    expect("old.example.com", pattern!("TLS_1_2"))?;
    expect("new.example.com", pattern!("SecurityPolicy_TLS13_1_3_2025_09"))?;
    expect("default.example.com", Match::absent())
}

/// A domain `id` for `name` with `policy`, access mode `STRICT` and `endpoint_type`, whose
/// `SecurityPolicy` and `EndpointAccessMode` are then checked.
fn strict_domain(
    id: &str,
    name: &str,
    policy: SecurityPolicy,
    endpoint_type: Option<EndpointType>,
) -> Result<Template, AssertionError> {
    let (_app, stack) = stack()?;
    let cert = certificate(&stack, "Cert", "example.com")?;
    let mut props = DomainNameProps::builder()
        .domain_name(name)
        .certificate(cert)
        .security_policy(policy)
        .endpoint_access_mode(EndpointAccessMode::Strict);
    if let Some(t) = endpoint_type {
        props = props.endpoint_type(t);
    }
    DomainName::new(&stack, id, props).map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": name,
            "SecurityPolicy": policy.as_str(),
            "EndpointAccessMode": "STRICT",
        }),
    )?;
    Ok(template)
}

#[test]
fn accepts_tls_1_3_security_policies() -> TestResult {
    strict_domain("tls13-domain", "tls13.example.com", SecurityPolicy::Tls13_1_3_2025_09, None)
        .map(|_| ())
}

/// A domain `domain` for `api.example.com` mapping `api` at `v1/users`, with `policy`.
fn multi_level(policy: Option<SecurityPolicy>) -> String {
    error_of(|| {
        let (_app, stack) = stack()?;
        let cert = certificate(&stack, "Cert", "example.com")?;
        let api = api_with_get(&stack, "api")?;
        let mut props = DomainNameProps::builder()
            .domain_name("api.example.com")
            .certificate(cert)
            .mapping(&api)
            .base_path("v1/users");
        if let Some(p) = policy {
            props = props.security_policy(p).endpoint_access_mode(EndpointAccessMode::Strict);
        }
        DomainName::new(&stack, "domain", props).map_err(Error::from)
    })
}

#[test]
fn allows_tls_1_3_for_multi_level_base_paths() {
    assert_eq!(multi_level(Some(SecurityPolicy::Tls13_1_3_2025_09)), "no error");
}

#[test]
fn allows_multi_level_base_paths_without_security_policy() {
    assert_eq!(multi_level(None), "no error");
}

#[test]
fn accepts_tls_1_3_with_post_quantum_cryptography_security_policy() -> TestResult {
    strict_domain("pq-domain", "pq.example.com", SecurityPolicy::Tls13_1_2PfsPq2025_09, None)
        .map(|_| ())
}

#[test]
fn accepts_endpoint_access_mode_property() -> TestResult {
    strict_domain(
        "tls13-strict-domain",
        "strict.example.com",
        SecurityPolicy::Tls13_1_3_2025_09,
        None,
    )
    .map(|_| ())
}

/// The message of the error of a domain `domain` for `name` with the given settings.
fn domain_error(
    name: &str,
    endpoint_type: Option<EndpointType>,
    policy: SecurityPolicy,
    mode: Option<EndpointAccessMode>,
    mtls: bool,
) -> String {
    error_of(|| {
        let (_app, stack) = stack()?;
        let cert = certificate(&stack, "Cert", "example.com")?;
        let mut props =
            DomainNameProps::builder().domain_name(name).certificate(cert).security_policy(policy);
        if let Some(t) = endpoint_type {
            props = props.endpoint_type(t);
        }
        if let Some(m) = mode {
            props = props.endpoint_access_mode(m);
        }
        if mtls {
            let bucket = Bucket::from_bucket_name(&stack, "testBucket", "example-bucket")?;
            props = props.mtls(
                apigw_domains::MtlsConfig::builder().bucket(&bucket).key("someca.pem").build()?,
            );
        }
        DomainName::new(&stack, "domain", props).map_err(Error::from)
    })
}

#[test]
fn throws_if_enhanced_security_policy_is_used_without_endpoint_access_mode() {
    let err = domain_error("example.com", None, SecurityPolicy::Tls13_1_3_2025_09, None, false);
    assert!(
        err.contains("Enhanced security policies require endpointAccessMode to be specified"),
        "{err}"
    );
}

#[test]
fn throws_if_endpoint_access_mode_is_set_with_a_legacy_security_policy() {
    let err = domain_error(
        "example.com",
        None,
        SecurityPolicy::Tls12,
        Some(EndpointAccessMode::Strict),
        false,
    );
    assert!(
        err.contains("endpointAccessMode is not supported for legacy security policies"),
        "{err}"
    );
}

#[test]
fn throws_if_mtls_is_used_with_enhanced_security_policy() {
    let err = domain_error("mtls.example.com", None, SecurityPolicy::Tls13_1_3_2025_09, None, true);
    assert!(
        err.contains("Mutual TLS (mTLS) cannot be enabled on a domain name that uses an enhanced security policy"),
        "{err}"
    );
}

#[test]
fn allows_mtls_with_legacy_security_policy_tls_1_2() -> TestResult {
    let (_app, stack) = stack()?;
    let cert = certificate(&stack, "Cert", "example.com")?;
    let bucket = Bucket::from_bucket_name(&stack, "testBucket", "example-bucket")?;
    DomainName::new(
        &stack,
        "domain",
        DomainNameProps::builder()
            .domain_name("mtls.example.com")
            .certificate(cert)
            .security_policy(SecurityPolicy::Tls12)
            .mtls(apigw_domains::MtlsConfig::builder().bucket(&bucket).key("someca.pem").build()?),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "mtls.example.com",
            "SecurityPolicy": "TLS_1_2",
            "MutualTlsAuthentication": { "TruststoreUri": "s3://example-bucket/someca.pem" },
        }),
    )
}

#[test]
fn throws_if_regional_only_security_policy_is_used_with_edge_endpoint() {
    let err = domain_error(
        "example.com",
        Some(EndpointType::Edge),
        SecurityPolicy::Tls13_1_3_2025_09,
        Some(EndpointAccessMode::Strict),
        false,
    );
    assert!(
        err.contains("Security policy SecurityPolicy_TLS13_1_3_2025_09 is not supported for edge-optimized endpoints"),
        "{err}"
    );
}

#[test]
fn throws_if_edge_only_security_policy_is_used_with_regional_endpoint() {
    let err = domain_error(
        "example.com",
        Some(EndpointType::Regional),
        SecurityPolicy::Tls13_2025Edge,
        Some(EndpointAccessMode::Strict),
        false,
    );
    assert!(
        err.contains("Security policy SecurityPolicy_TLS13_2025_EDGE is only supported for edge-optimized endpoints"),
        "{err}"
    );
}

#[test]
fn allows_tls_1_3_edge_policy_with_edge_endpoint() -> TestResult {
    let template = strict_domain(
        "domain",
        "edge.example.com",
        SecurityPolicy::Tls13_2025Edge,
        Some(EndpointType::Edge),
    )?;
    template.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({ "DomainName": "edge.example.com", "EndpointConfiguration": { "Types": ["EDGE"] } }),
    )
}

#[test]
fn mapping_can_be_used_to_automatically_map_this_domain_to_the_deployment_stage_of_an_api(
) -> TestResult {
    let (_app, stack) = stack()?;
    let api = api_with_get(&stack, "api")?;
    DomainName::new(
        &stack,
        "Domain",
        DomainNameProps::builder()
            .domain_name("foo.com")
            .certificate(&imported_cert(&stack, "cert")?)
            .endpoint_type(EndpointType::Edge)
            .mapping(&api),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({
            "DomainName": r("Domain66AC69E0"),
            "RestApiId": r("apiC8550315"),
            "Stage": r("apiDeploymentStageprod896C8101"),
        }),
    )
}

mod multi_level_mapping {
    use super::*;

    /// `{ DomainName, ApiId, Stage }` of an `AWS::ApiGatewayV2::ApiMapping` of `api` on
    /// `domain`, with `key` as `ApiMappingKey` when given.
    fn api_mapping(domain: &str, key: Option<&str>) -> serde_json::Value {
        let mut m = json!({
            "DomainName": r(domain),
            "ApiId": r("apiC8550315"),
            "Stage": r("apiDeploymentStageprod896C8101"),
        });
        if let Some(k) = key {
            m["ApiMappingKey"] = json!(k);
        }
        m
    }

    #[test]
    fn can_add_a_multi_level_path() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api_with_get(&stack, "api")?;
        DomainName::new(
            &stack,
            "Domain",
            DomainNameProps::builder()
                .domain_name("foo.com")
                .certificate(&imported_cert(&stack, "cert")?)
                .endpoint_type(EndpointType::Regional)
                .mapping(&api)
                .base_path("v1/api"),
        )
        .map_err(Error::from)?;
        Template::from_stack(&stack)?.has_resource_properties(
            "AWS::ApiGatewayV2::ApiMapping",
            api_mapping("Domain66AC69E0", Some("v1/api")),
        )
    }

    /// The message of the error of a domain mapping an API at `v1/api`.
    fn error_with(endpoint_type: Option<EndpointType>, policy: Option<SecurityPolicy>) -> String {
        error_of(|| {
            let (_app, stack) = stack()?;
            let api = api_with_get(&stack, "api")?;
            let mut props = DomainNameProps::builder()
                .domain_name("foo.com")
                .certificate(&imported_cert(&stack, "cert")?)
                .mapping(&api)
                .base_path("v1/api");
            if let Some(t) = endpoint_type {
                props = props.endpoint_type(t);
            }
            if let Some(p) = policy {
                props = props.security_policy(p);
            }
            DomainName::new(&stack, "Domain", props).map_err(Error::from)
        })
    }

    #[test]
    fn throws_if_endpoint_type_is_not_regional() {
        let err = error_with(Some(EndpointType::Edge), None);
        assert!(
            err.contains(
                "multi-level basePath is only supported when endpointType is EndpointType.REGIONAL"
            ),
            "{err}"
        );
    }

    #[test]
    fn throws_if_security_policy_is_tls_1_0() {
        let err = error_with(None, Some(SecurityPolicy::Tls10));
        assert!(
            err.contains("securityPolicy must be TLS 1.2 or higher for multi-level basePath"),
            "{err}"
        );
    }

    #[test]
    fn can_use_add_api_mapping() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api_with_get(&stack, "api")?;
        let domain = DomainName::new(
            &stack,
            "Domain",
            DomainNameProps::builder()
                .domain_name("foo.com")
                .certificate(&imported_cert(&stack, "cert")?),
        )
        .map_err(Error::from)?;
        let stage = api.deployment_stage()?;
        domain.add_api_mapping(&stage, ApiMappingOptions::default()).map_err(Error::from)?;
        for path in ["//", "v1/my-api", "v1//my-api"] {
            domain
                .add_api_mapping(&stage, ApiMappingOptions::builder().base_path(path))
                .map_err(Error::from)?;
        }
        let template = Template::from_stack(&stack)?;
        template.has_resource_properties(
            "AWS::ApiGatewayV2::ApiMapping",
            api_mapping("Domain66AC69E0", None),
        )?;
        for key in ["//", "v1/my-api", "v1//my-api"] {
            template.has_resource_properties(
                "AWS::ApiGatewayV2::ApiMapping",
                api_mapping("Domain66AC69E0", Some(key)),
            )?;
        }
        Ok(())
    }

    #[test]
    fn can_use_add_domain_name() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api_with_get(&stack, "api")?;
        let domain = api
            .add_domain_name(
                "Domain",
                DomainNameOptions::builder()
                    .domain_name("foo.com")
                    .certificate(&imported_cert(&stack, "cert")?),
            )
            .map_err(Error::from)?;
        domain
            .add_api_mapping(
                &api.deployment_stage()?,
                ApiMappingOptions::builder().base_path("v1/my-api"),
            )
            .map_err(Error::from)?;
        let template = Template::from_stack(&stack)?;
        template.has_resource_properties(
            "AWS::ApiGateway::BasePathMapping",
            pattern!({
                "DomainName": r("apiDomain6D60CEFD"),
                "RestApiId": r("apiC8550315"),
                "Stage": r("apiDeploymentStageprod896C8101"),
            }),
        )?;
        template.has_resource_properties(
            "AWS::ApiGatewayV2::ApiMapping",
            api_mapping("apiDomain6D60CEFD", Some("v1/my-api")),
        )
    }

    #[test]
    fn throws_if_add_base_path_mapping_tries_to_add_a_mapping_for_a_path_that_is_already_mapped(
    ) -> TestResult {
        let (_app, stack) = stack()?;
        let api = api_with_get(&stack, "api")?;
        let domain = DomainName::new(
            &stack,
            "Domain",
            DomainNameProps::builder()
                .domain_name("foo.com")
                .certificate(&imported_cert(&stack, "cert")?)
                .mapping(&api)
                .base_path("v1/path"),
        )
        .map_err(Error::from)?;
        let stage = api.deployment_stage()?;
        let err = error_of(|| {
            domain
                .add_api_mapping(&stage, ApiMappingOptions::builder().base_path("v1/path"))
                .map_err(Error::from)
        });
        assert!(err.contains("DomainName Domain already has a mapping for path v1/path"), "{err}");
        Ok(())
    }
}

/// `my-domain` (regional, imported certificate) and two APIs with a `GET` method.
fn two_apis(stack: &Stack) -> Result<(DomainName, RestApi, RestApi), Error> {
    let api1 = RestApi::new(stack, "api1", RestApiProps::default())?;
    let api2 = RestApi::new(stack, "api2", RestApiProps::default())?;
    let domain = DomainName::new(
        stack,
        "my-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .certificate(&imported_cert(stack, "cert")?)
            .endpoint_type(EndpointType::Regional),
    )
    .map_err(Error::from)?;
    api1.root().add_method("GET", None)?;
    api2.root().add_method("GET", None)?;
    Ok((domain, api1, api2))
}

/// The mapping of `base_path` on `my-domain` to `api` at `stage`.
fn mapping_of(base_path: &str, api: &str, stage: serde_json::Value) -> serde_json::Value {
    json!({
        "DomainName": r("mydomain592C948B"),
        "BasePath": base_path,
        "RestApiId": r(api),
        "Stage": stage,
    })
}

#[test]
fn add_base_path_mapping_can_be_used_to_add_base_path_mapping_to_the_domain() -> TestResult {
    let (_app, stack) = stack()?;
    let (domain, api1, api2) = two_apis(&stack)?;
    domain
        .add_base_path_mapping(&api1, BasePathMappingOptions::builder().base_path("api1"))
        .map_err(Error::from)?;
    domain
        .add_base_path_mapping(&api2, BasePathMappingOptions::builder().base_path("api2"))
        .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        mapping_of("api1", "api1A91238E2", r("api1DeploymentStageprod362746F6")),
    )?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        mapping_of("api2", "api2C4850CEA", r("api2DeploymentStageprod4120D74E")),
    )
}

/// The domain `my.domain.com` with the certificate `cert`, regional.
fn regional_domain(name: &str) -> serde_json::Value {
    json!({
        "DomainName": name,
        "EndpointConfiguration": { "Types": ["REGIONAL"] },
        "RegionalCertificateArn": r("cert56CA94EB"),
    })
}

/// The mapping of the root of `domain` to the deployment stage of `api`.
fn root_mapping(domain: &str) -> serde_json::Value {
    json!({
        "DomainName": r(domain),
        "RestApiId": r("apiC8550315"),
        "Stage": r("apiDeploymentStageprod896C8101"),
    })
}

#[test]
fn a_domain_name_can_be_defined_with_the_api() -> TestResult {
    let (_app, stack) = stack()?;
    let certificate = certificate(&stack, "cert", "my.domain.com")?;
    let api = RestApi::new(
        &stack,
        "api",
        RestApiProps::builder().domain_name(
            DomainNameOptions::builder().domain_name("my.domain.com").certificate(certificate),
        ),
    )?;
    api.root().add_method("GET", None)?;
    let template = Template::from_stack(&stack)?;
    template
        .has_resource_properties("AWS::ApiGateway::DomainName", regional_domain("my.domain.com"))?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        root_mapping("apiCustomDomain64773C4F"),
    )
}

#[test]
fn a_domain_name_can_be_added_later() -> TestResult {
    let (_app, stack) = stack()?;
    let certificate = certificate(&stack, "cert", "my.domain.com")?;
    let api = api_with_get(&stack, "api")?;
    api.add_domain_name(
        "domainId",
        DomainNameOptions::builder().domain_name("my.domain.com").certificate(certificate),
    )
    .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    template
        .has_resource_properties("AWS::ApiGateway::DomainName", regional_domain("my.domain.com"))?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        root_mapping("apidomainId102F8DAA"),
    )
}

#[test]
fn a_base_path_can_be_defined_when_adding_a_domain_name() -> TestResult {
    let (_app, stack) = stack()?;
    let certificate = certificate(&stack, "cert", "my.domain.com")?;
    let api = api_with_get(&stack, "api")?;
    api.add_domain_name(
        "domainId",
        DomainNameOptions::builder()
            .domain_name("my.domain.com")
            .certificate(certificate)
            .base_path("users"),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({ "BasePath": "users", "RestApiId": r("apiC8550315") }),
    )
}

#[test]
fn additional_base_paths_can_added_if_add_domain_name_was_called_with_a_non_empty_base_path(
) -> TestResult {
    let (_app, stack) = stack()?;
    let certificate = certificate(&stack, "cert", "my.domain.com")?;
    let api = api_with_get(&stack, "api")?;
    let dn = api
        .add_domain_name(
            "domainId",
            DomainNameOptions::builder()
                .domain_name("my.domain.com")
                .certificate(certificate)
                .base_path("users"),
        )
        .map_err(Error::from)?;
    dn.add_base_path_mapping(&api, BasePathMappingOptions::builder().base_path("books"))
        .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    for base_path in ["users", "books"] {
        template.has_resource_properties(
            "AWS::ApiGateway::BasePathMapping",
            pattern!({ "BasePath": base_path, "RestApiId": r("apiC8550315") }),
        )?;
    }
    Ok(())
}

#[test]
fn domain_name_cannot_contain_uppercase_letters() {
    let err = error_of(|| {
        let (_app, stack) = stack()?;
        let certificate = certificate(&stack, "cert", "someDomainWithUpercase.domain.com")?;
        DomainName::new(
            &stack,
            "someDomain",
            DomainNameProps::builder()
                .domain_name("someDomainWithUpercase.domain.com")
                .certificate(certificate),
        )
        .map_err(Error::from)
    });
    assert!(err.contains("uppercase"), "{err}");
}

#[test]
fn multiple_domain_names_can_be_added() -> TestResult {
    let (_app, stack) = stack()?;
    let certificate = certificate(&stack, "cert", "my.domain.com")?;
    let api = api_with_get(&stack, "api")?;
    let options = |name: &str| {
        DomainNameOptions::builder().domain_name(name).certificate(certificate.clone())
    };
    let domain_name1 =
        api.add_domain_name("domainId", options("my.domain.com")).map_err(Error::from)?;
    api.add_domain_name("domainId1", options("your.domain.com")).map_err(Error::from)?;
    api.add_domain_name("domainId2", options("our.domain.com")).map_err(Error::from)?;
    let default = api.domain_name().map(|d| d.node().path());
    assert_eq!(default, Some(domain_name1.node().path()));
    let template = Template::from_stack(&stack)?;
    for name in ["my.domain.com", "your.domain.com", "our.domain.com"] {
        template.has_resource_properties("AWS::ApiGateway::DomainName", regional_domain(name))?;
    }
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        root_mapping("apidomainId102F8DAA"),
    )
}

#[test]
fn add_base_path_mapping_can_be_used_to_add_base_path_mapping_to_the_domain_with_specific_stage(
) -> TestResult {
    let (_app, stack) = stack()?;
    let (domain, api1, api2) = two_apis(&stack)?;
    let test_deploy =
        Deployment::new(&stack, "test-deployment", &api1, DeploymentProps::default())?;
    let test_stage = Stage::new(&stack, "test-stage", &test_deploy, StageOptions::default())?;
    domain
        .add_base_path_mapping(
            &api1,
            BasePathMappingOptions::builder().base_path("api1").stage(&test_stage),
        )
        .map_err(Error::from)?;
    domain
        .add_base_path_mapping(&api2, BasePathMappingOptions::builder().base_path("api2"))
        .map_err(Error::from)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        mapping_of("api1", "api1A91238E2", r("teststage8788861E")),
    )?;
    template.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        mapping_of("api2", "api2C4850CEA", r("api2DeploymentStageprod4120D74E")),
    )
}

/// `accepts a mutual TLS configuration` and `mTLS should allow versions to be set on the s3
/// bucket`: the domain `another-domain` with the truststore of an imported bucket.
fn mtls_domain(cert_id: &str, version: Option<&str>) -> Result<Template, AssertionError> {
    let (_app, stack) = stack()?;
    let bucket = Bucket::from_bucket_name(&stack, "testBucket", "example-bucket")?;
    let mut mtls = apigw_domains::MtlsConfig::builder().bucket(&bucket).key("someca.pem");
    if let Some(v) = version {
        mtls = mtls.version(v);
    }
    DomainName::new(
        &stack,
        "another-domain",
        DomainNameProps::builder()
            .domain_name("example.com")
            .mtls(mtls.build()?)
            .certificate(&Certificate::from_certificate_arn(&stack, cert_id, CERT_ARN)?),
    )
    .map_err(Error::from)?;
    Template::from_stack(&stack)
}

#[test]
fn accepts_a_mutual_tls_configuration() -> TestResult {
    mtls_domain("cert", None)?.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "example.com",
            "EndpointConfiguration": { "Types": ["REGIONAL"] },
            "RegionalCertificateArn": CERT_ARN,
            "MutualTlsAuthentication": { "TruststoreUri": "s3://example-bucket/someca.pem" },
        }),
    )
}

#[test]
fn mtls_should_allow_versions_to_be_set_on_the_s3_bucket() -> TestResult {
    mtls_domain("cert2", Some("version"))?.has_resource_properties(
        "AWS::ApiGateway::DomainName",
        pattern!({
            "DomainName": "example.com",
            "EndpointConfiguration": { "Types": ["REGIONAL"] },
            "RegionalCertificateArn": CERT_ARN,
            "MutualTlsAuthentication": {
                "TruststoreUri": "s3://example-bucket/someca.pem",
                "TruststoreVersion": "version",
            },
        }),
    )
}

#[test]
fn base_path_mapping_configures_stage_for_rest_api_creation() -> TestResult {
    let (_app, stack) = stack()?;
    RestApi::new(
        &stack,
        "restApiWithStage",
        RestApiProps::builder().domain_name(
            DomainNameOptions::builder()
                .domain_name("example.com")
                .certificate(&imported_cert(&stack, "cert")?)
                .endpoint_type(EndpointType::Regional),
        ),
    )?
    .root()
    .add_method("GET", None)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({
            "DomainName": r("restApiWithStageCustomDomainC4749625"),
            "RestApiId": r("restApiWithStageD4F931D0"),
            "Stage": r("restApiWithStageDeploymentStageprodC82A6648"),
        }),
    )
}

#[test]
fn base_path_mapping_configures_stage_for_spec_rest_api_creation() -> TestResult {
    let (_app, stack) = stack()?;
    SpecRestApi::new(
        &stack,
        "specRestApiWithStage",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_inline(Value::object([("key1", "val1")])))
            .domain_name(
                DomainNameOptions::builder()
                    .domain_name("example.com")
                    .certificate(&imported_cert(&stack, "cert")?)
                    .endpoint_type(EndpointType::Regional),
            ),
    )?
    .root()
    .add_method("GET", None)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::BasePathMapping",
        pattern!({
            "DomainName": r("specRestApiWithStageCustomDomain8A36A5C9"),
            "RestApiId": r("specRestApiWithStageC1492575"),
            "Stage": r("specRestApiWithStageDeploymentStageprod2D3037ED"),
        }),
    )
}

#[test]
fn allows_rest_api_to_be_mapped_with_enhanced_security_policy_and_multi_level_base_path(
) -> TestResult {
    let (_app, stack) = stack()?;
    let api = api_with_get(&stack, "api")?;
    let domain = DomainName::new(
        &stack,
        "Domain",
        DomainNameProps::builder()
            .domain_name("foo.com")
            .certificate(&imported_cert(&stack, "cert")?)
            .security_policy(SecurityPolicy::Tls13_1_3_2025_09)
            .endpoint_access_mode(EndpointAccessMode::Strict),
    )
    .map_err(Error::from)?;
    domain
        .add_api_mapping(
            &api.deployment_stage()?,
            ApiMappingOptions::builder().base_path("v1/my-api"),
        )
        .map_err(Error::from)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGatewayV2::ApiMapping",
        pattern!({ "ApiMappingKey": "v1/my-api" }),
    )
}

mod token_handling {
    use super::*;

    #[test]
    #[ignore = "passes a token `as any` for the enum endpointAccessMode; Rust enums hold no tokens"]
    fn allows_token_based_endpoint_access_mode_with_enhanced_security_policy() {}

    #[test]
    #[ignore = "passes a token `as any` for the enum securityPolicy; Rust enums hold no tokens"]
    fn allows_token_based_security_policy_with_endpoint_access_mode() {}

    #[test]
    #[ignore = "passes a token `as any` for the enum endpointType; Rust enums hold no tokens"]
    fn allows_token_based_endpoint_type_with_security_policy_validation() {}

    #[test]
    #[ignore = "passes a token `as any` for the enum endpointType; Rust enums hold no tokens"]
    fn allows_token_based_endpoint_type_with_edge_only_security_policy() {}

    #[test]
    fn accepts_basic_endpoint_access_mode_with_enhanced_security_policy() {
        let err = error_of(|| {
            let (_app, stack) = stack()?;
            let cert = certificate(&stack, "Cert", "example.com")?;
            DomainName::new(
                &stack,
                "domain",
                DomainNameProps::builder()
                    .domain_name("example.com")
                    .certificate(cert)
                    .security_policy(SecurityPolicy::Tls13_1_3_2025_09)
                    .endpoint_access_mode(EndpointAccessMode::Basic),
            )
            .map_err(Error::from)
        });
        assert_eq!(err, "no error");
    }

    #[test]
    fn still_validates_non_token_endpoint_type_with_incompatible_security_policy() {
        let err = domain_error(
            "example.com",
            Some(EndpointType::Edge),
            SecurityPolicy::Tls13_1_3_2025_09,
            Some(EndpointAccessMode::Strict),
            false,
        );
        assert!(
            err.contains("Security policy SecurityPolicy_TLS13_1_3_2025_09 is not supported for edge-optimized endpoints"),
            "{err}"
        );
    }
}
