//! The custom domain of an API (`addDomainName`, the `domainName` prop and attribute of
//! `RestApiBase` in `restapi.ts`).
//!
//! `apigw-core` cannot depend on this crate, so the method and the attribute come as the
//! extension trait [`AddDomainName`], implemented for every API (`RestApi`, `SpecRestApi`,
//! imports, ...), and the prop (`RestApiProps::domain_name`, `SpecRestApiProps::domain_name`)
//! takes a [`DomainNameOptions`] through `From<DomainNameOptions> for DomainNameHook`: the API
//! runs that hook where aws-cdk-lib adds `CustomDomain` (right after its deployment stage and
//! `Endpoint` output), so the template keeps aws-cdk-lib's order.

use std::rc::Rc;

use apigw_core::{DomainNameHook, RestApiBase};
use cdk_core::Construct;

use crate::{DomainError, DomainName, DomainNameOptions, DomainNameProps, RestApiRef};

/// Custom domains of an API (`RestApiBase.addDomainName`, `RestApiBase.domainName`).
pub trait AddDomainName {
    /// Defines a custom domain as the child `id` of the API, mapped to the API's root (or to
    /// `options.base_path`), and makes it the API's [`domain_name`](Self::domain_name) if it
    /// has none yet (`addDomainName`).
    ///
    /// # Errors
    /// The errors of [`DomainName::new`].
    fn add_domain_name(
        &self,
        id: &str,
        options: DomainNameOptions,
    ) -> Result<DomainName, DomainError>;

    /// The API's default custom domain: the first one added, by the `domain_name` prop or
    /// [`add_domain_name`](Self::add_domain_name) (`domainName`).
    fn domain_name(&self) -> Option<DomainName>;
}

impl<T: RestApiBase + Construct> AddDomainName for T {
    fn add_domain_name(
        &self,
        id: &str,
        options: DomainNameOptions,
    ) -> Result<DomainName, DomainError> {
        add_domain_name(RestApiRef::from(self), id, options)
    }

    fn domain_name(&self) -> Option<DomainName> {
        default_domain_name(&RestApiRef::from(self))
    }
}

/// `addDomainName` on the API `api`.
fn add_domain_name(
    api: RestApiRef,
    id: &str,
    options: DomainNameOptions,
) -> Result<DomainName, DomainError> {
    let scope = api.node().clone();
    let handle = api.handle().clone();
    let domain = DomainName::new(&scope, id, DomainNameProps::from_options(options, Some(api)))?;
    handle.set_default_domain_name(Rc::new(domain.clone()));
    Ok(domain)
}

/// The `_domainName` of `api`, if it is a [`DomainName`].
pub(crate) fn default_domain_name(api: &RestApiRef) -> Option<DomainName> {
    let any = api.handle().default_domain_name()?;
    any.downcast::<DomainName>().ok().map(|d| (*d).clone())
}

/// The `domainName` prop: `CustomDomain`, added while the API is defined.
impl From<DomainNameOptions> for DomainNameHook {
    fn from(options: DomainNameOptions) -> DomainNameHook {
        DomainNameHook::new(move |node, handle| {
            let api = RestApiRef::new(node.clone(), handle.clone());
            add_domain_name(api, "CustomDomain", options.clone())?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{api, stack, synth};
    use apigw_core::{ApiDefinition, RestApi, RestApiProps, SpecRestApi, SpecRestApiProps};
    use cdk_certificatemanager::CertificateReference;
    use cdk_core::Value;

    fn options(_stack: &cdk_core::Stack) -> DomainNameOptions {
        DomainNameOptions::builder()
            .domain_name("example.com")
            .certificate(CertificateReference::from_arn("arn:aws:acm:us-east-1:1:certificate/c"))
            .build()
            .unwrap()
    }

    #[test]
    fn the_prop_adds_custom_domain_before_the_root_resource() {
        let template = synth("prop-order", |stack| {
            let api = RestApi::new(
                stack,
                "Api",
                RestApiProps::builder().domain_name(options(stack)).build().unwrap(),
            )?;
            api.root().add_method("GET", None)?;
            assert!(api.domain_name().is_some());
            Ok(())
        });
        let types: Vec<&str> = template["Resources"]
            .as_object()
            .unwrap()
            .values()
            .map(|r| r["Type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "AWS::ApiGateway::RestApi",
                "AWS::ApiGateway::Deployment",
                "AWS::ApiGateway::Stage",
                "AWS::ApiGateway::DomainName",
                "AWS::ApiGateway::BasePathMapping",
                "AWS::ApiGateway::Method",
            ]
        );
    }

    #[test]
    fn the_first_domain_is_the_default_one() {
        let (_app, stack) = stack();
        let a = api(&stack, "Api", RestApiProps::default());
        assert!(a.domain_name().is_none());
        let first = a.add_domain_name("First", options(&stack)).unwrap();
        let mut other = options(&stack);
        other.domain_name = Value::from("other.example.com");
        other.base_path = Some("v2".into());
        let second = a.add_domain_name("Second", other).unwrap();
        assert_eq!(second.node().path(), "Stack/Api/Second");
        assert_eq!(a.domain_name().unwrap().node().path(), first.node().path());
        // Errors of the domain come back typed.
        let mut bad = options(&stack);
        bad.domain_name = Value::from("Upper.example.com");
        let e = a.add_domain_name("Bad", bad).unwrap_err();
        assert_eq!((e.code(), e.path()), ("DomainNameDoesNotSupportUppercase", Some("Stack/Api")));
    }

    #[test]
    fn spec_rest_apis_take_the_prop_too() {
        let (_app, stack) = stack();
        let definition = Value::from(serde_json::json!({ "openapi": "3.0.2" }));
        let a = SpecRestApi::new(
            &stack,
            "Spec",
            SpecRestApiProps::builder()
                .api_definition(ApiDefinition::from_inline(definition))
                .domain_name(options(&stack))
                .build()
                .unwrap(),
        )
        .unwrap();
        let d = a.domain_name().unwrap();
        assert_eq!(d.node().path(), "Stack/Spec/CustomDomain");
        let children: Vec<String> = a.node().children().iter().map(|c| c.id()).collect();
        assert_eq!(children.last().map(String::as_str), Some("CustomDomain"));
    }

    #[test]
    fn prop_errors_fail_the_api() {
        let (_app, stack) = stack();
        let mut bad = options(&stack);
        bad.base_path = Some("/v1".into());
        let e =
            RestApi::new(&stack, "Api", RestApiProps::builder().domain_name(bad).build().unwrap())
                .unwrap_err();
        assert_eq!(
            e,
            cdk_core::Error::InvalidArgument {
                path: "Stack/Api/CustomDomain".into(),
                message: "A base path cannot start or end with /, received: /v1".into(),
            }
        );
    }
}
