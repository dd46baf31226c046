//! Route 53 alias targets of API Gateway (`aws-route53-targets`: `api-gateway-domain-name.ts`):
//! [`ApiGatewayDomain`] points a record at a custom domain, [`ApiGateway`] at the default
//! custom domain of an API.

use apigw_core::IRestApi;
use cdk_core::{Error, Node, Value};
use cdk_route53::{AliasRecordTargetConfig, HostedZone, IAliasRecordTarget};

use crate::rest_api::default_domain_name;
use crate::{DomainError, IDomainName, RestApiRef};

/// An alias target for a custom domain (`targets.ApiGatewayDomain`): its
/// `domainNameAliasDomainName` in its `domainNameAliasHostedZoneId`.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiGatewayDomain {
    dns_name: Value,
    hosted_zone_id: Value,
}

impl ApiGatewayDomain {
    /// The target of `domain` (a [`DomainName`](crate::DomainName) or an import).
    pub fn new(domain: &impl IDomainName) -> Self {
        ApiGatewayDomain {
            dns_name: domain.domain_name_alias_domain_name(),
            hosted_zone_id: domain.domain_name_alias_hosted_zone_id(),
        }
    }
}

impl IAliasRecordTarget for ApiGatewayDomain {
    fn bind(
        &self,
        _record: &Node,
        _zone: Option<&HostedZone>,
    ) -> Result<AliasRecordTargetConfig, Error> {
        Ok(AliasRecordTargetConfig::new(self.dns_name.clone(), self.hosted_zone_id.clone()))
    }
}

/// An alias target for the default custom domain of an API (`targets.ApiGateway`).
#[derive(Clone, Debug, PartialEq)]
pub struct ApiGateway(ApiGatewayDomain);

impl ApiGateway {
    /// The target of `api`'s custom domain (its `domain_name` prop, or the first one added
    /// with [`AddDomainName::add_domain_name`](crate::AddDomainName::add_domain_name)).
    ///
    /// # Errors
    /// [`DomainError::DefineDefaultDomainName`] naming the API when it has no custom domain.
    pub fn new(api: &impl IRestApi) -> Result<Self, DomainError> {
        match default_domain_name(&RestApiRef::from(api)) {
            Some(domain) => Ok(ApiGateway(ApiGatewayDomain::new(&domain))),
            None => Err(DomainError::DefineDefaultDomainName { path: api.node().path() }),
        }
    }
}

impl IAliasRecordTarget for ApiGateway {
    fn bind(
        &self,
        record: &Node,
        zone: Option<&HostedZone>,
    ) -> Result<AliasRecordTargetConfig, Error> {
        self.0.bind(record, zone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TestResult;
    use crate::test_support::{api, cert, stack};
    use crate::{AddDomainName, DomainNameOptions};
    use apigw_core::{EndpointType, RestApiProps};
    use cdk_core::Construct;

    #[test]
    fn api_gateway_needs_a_default_domain() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        let e = ApiGateway::new(&a).unwrap_err();
        assert_eq!((e.code(), e.path()), ("DefineDefaultDomainName", Some("Stack/Api")));
        let d = a.add_domain_name(
            "Domain",
            DomainNameOptions::builder()
                .domain_name("example.com")
                .certificate(&cert(&stack)?)
                .endpoint_type(EndpointType::Edge),
        )?;
        let target = ApiGateway::new(&a)?;
        let config = target.bind(a.node(), None)?;
        let dbg = |v: &Value| format!("{v:?}");
        assert_eq!(dbg(&config.dns_name), dbg(&d.domain_name_alias_domain_name()));
        assert_eq!(dbg(&config.hosted_zone_id), dbg(&d.domain_name_alias_hosted_zone_id()));
        assert!(dbg(&config.dns_name).contains("DistributionDomainName"));
        assert_eq!(config.evaluate_target_health, None);
        Ok(())
    }
}
