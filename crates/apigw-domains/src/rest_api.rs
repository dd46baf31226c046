//! The custom domain of an API (`addDomainName`, the `domainName` prop and attribute of
//! `RestApiBase` in `restapi.ts`).
//!
//! `apigw-core` cannot depend on this crate, so the method and the attribute come as the
//! extension trait [`AddDomainName`], implemented for every API (`RestApi`, `SpecRestApi`,
//! imports, ...), and the prop (`RestApiProps::domain_name`, `SpecRestApiProps::domain_name`)
//! takes a [`DomainNameOptions`] (or its unfinished builder) through `From<..> for
//! DomainNameHook`: the API runs that hook where aws-cdk-lib adds `CustomDomain` (right after
//! its deployment stage and `Endpoint` output), so the template keeps aws-cdk-lib's order.

use std::rc::Rc;

use apigw_core::{DomainNameHook, IRestApi};
use cdk_core::IntoProps;

use crate::{
    DomainError, DomainName, DomainNameOptions, DomainNameOptionsBuilder, DomainNameProps,
    RestApiRef,
};

/// Custom domains of an API (`RestApiBase.addDomainName`, `RestApiBase.domainName`).
pub trait AddDomainName {
    /// Defines a custom domain as the child `id` of the API, mapped to the API's root (or to
    /// `options.base_path`), and makes it the API's [`domain_name`](Self::domain_name) if it
    /// has none yet (`addDomainName`). `options` is the options or their unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new domain's path; the errors of [`DomainName::new`].
    fn add_domain_name(
        &self,
        id: &str,
        options: impl IntoProps<DomainNameOptions>,
    ) -> Result<DomainName, DomainError>;

    /// The API's default custom domain: the first one added, by the `domain_name` prop or
    /// [`add_domain_name`](Self::add_domain_name) (`domainName`).
    fn domain_name(&self) -> Option<DomainName>;
}

impl<T: IRestApi> AddDomainName for T {
    fn add_domain_name(
        &self,
        id: &str,
        options: impl IntoProps<DomainNameOptions>,
    ) -> Result<DomainName, DomainError> {
        let options = options.into_props_at(&self.node().child_path(id))?;
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

/// The `domainName` prop given as an unfinished builder: it is finished when the API adds
/// `CustomDomain`, and a builder error names that path.
impl From<DomainNameOptionsBuilder> for DomainNameHook {
    fn from(options: DomainNameOptionsBuilder) -> DomainNameHook {
        let options = options.build();
        DomainNameHook::new(move |node, handle| {
            let path = node.child_path("CustomDomain");
            let options = options.clone().map_err(|e| cdk_core::Error::build(path, e))?;
            let api = RestApiRef::new(node.clone(), handle.clone());
            add_domain_name(api, "CustomDomain", options)?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TestResult;
    use crate::test_support::{api, stack, synth};
    use apigw_core::{ApiDefinition, RestApi, RestApiProps, SpecRestApi, SpecRestApiProps};
    use cdk_certificatemanager::CertificateReference;
    use cdk_core::Construct;
    use cdk_core::Value;

    fn options(_stack: &cdk_core::Stack) -> Result<DomainNameOptions, cdk_core::BuildError> {
        DomainNameOptions::builder()
            .domain_name("example.com")
            .certificate(CertificateReference::from_arn("arn:aws:acm:us-east-1:1:certificate/c"))
            .build()
    }

    #[test]
    fn the_prop_adds_custom_domain_before_the_root_resource() -> TestResult {
        let template = synth("prop-order", |stack| {
            let api =
                RestApi::new(stack, "Api", RestApiProps::builder().domain_name(options(stack)?))?;
            api.root().add_method("GET", None)?;
            assert!(api.domain_name().is_some());
            Ok(())
        })?;
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
        Ok(())
    }

    #[test]
    fn the_first_domain_is_the_default_one() -> TestResult {
        let (_app, stack) = stack()?;
        let a = api(&stack, "Api", RestApiProps::default())?;
        assert!(a.domain_name().is_none());
        let first = a.add_domain_name("First", options(&stack)?)?;
        let mut other = options(&stack)?;
        other.domain_name = Value::from("other.example.com");
        other.base_path = Some("v2".into());
        let second = a.add_domain_name("Second", other)?;
        assert_eq!(second.node().path(), "Stack/Api/Second");
        assert_eq!(a.domain_name().ok_or("no domain")?.node().path(), first.node().path());
        // Errors of the domain come back typed.
        let mut bad = options(&stack)?;
        bad.domain_name = Value::from("Upper.example.com");
        let e = a.add_domain_name("Bad", bad).unwrap_err();
        assert_eq!((e.code(), e.path()), ("DomainNameDoesNotSupportUppercase", Some("Stack/Api")));
        Ok(())
    }

    #[test]
    fn spec_rest_apis_take_the_prop_too() -> TestResult {
        let (_app, stack) = stack()?;
        let definition = Value::from(serde_json::json!({ "openapi": "3.0.2" }));
        let a = SpecRestApi::new(
            &stack,
            "Spec",
            SpecRestApiProps::builder()
                .api_definition(ApiDefinition::from_inline(definition))
                .domain_name(options(&stack)?),
        )?;
        let d = a.domain_name().ok_or("no domain")?;
        assert_eq!(d.node().path(), "Stack/Spec/CustomDomain");
        let children: Vec<String> = a.node().children().iter().map(|c| c.id()).collect();
        assert_eq!(children.last().map(String::as_str), Some("CustomDomain"));
        Ok(())
    }

    #[test]
    fn the_prop_takes_an_unfinished_builder() -> TestResult {
        let (_app, stack) = stack()?;
        let cert = CertificateReference::from_arn("arn:aws:acm:us-east-1:1:certificate/c");
        let options = DomainNameOptions::builder().domain_name("example.com").certificate(cert);
        let a = api(&stack, "Api", RestApiProps::builder().domain_name(options))?;
        assert_eq!(a.domain_name().ok_or("no domain")?.node().path(), "Stack/Api/CustomDomain");
        let e = RestApi::new(
            &stack,
            "Bad",
            RestApiProps::builder().domain_name(DomainNameOptions::builder().base_path("v1")),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/Bad/CustomDomain: DomainNameOptions: required property 'domain_name' is not set"
        );
        Ok(())
    }

    #[test]
    fn prop_errors_fail_the_api() -> TestResult {
        let (_app, stack) = stack()?;
        let mut bad = options(&stack)?;
        bad.base_path = Some("/v1".into());
        let e = RestApi::new(&stack, "Api", RestApiProps::builder().domain_name(bad)).unwrap_err();
        assert_eq!(
            e,
            cdk_core::Error::InvalidArgument {
                path: "Stack/Api/CustomDomain".into(),
                message: "A base path cannot start or end with /, received: /v1".into(),
            }
        );
        Ok(())
    }
}
