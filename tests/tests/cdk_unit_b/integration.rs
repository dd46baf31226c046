//! `test/integration.test.ts`: tests in CDK 12, ported 12, passing 12, ignored 0, newer than
//! 2.276.0: 0.
//!
//! `new Integration(props)` throws in CDK; here [`Integration::new`] returns the error of
//! finishing its props (the rules of `Integration`'s constructor are checked by `build()`).

use std::time::Duration;

use apigw_core::{
    ConnectionType, Integration, IntegrationOptions, IntegrationProps, IntegrationType, RestApi,
    RestApiProps, VpcLink, VpcLinkProps,
};
use cdk_ec2::{Vpc, VpcProps};
use cdk_elasticloadbalancingv2::{NetworkLoadBalancer, NetworkLoadBalancerProps};
use cdk_iam::{Principal, Role, RoleProps};

use crate::support::*;

/// The message of the error of `f`, or `"no error"`.
fn error_of<T>(f: impl FnOnce() -> Result<T, Error>) -> String {
    match f() {
        Ok(_) => "no error".into(),
        Err(e) => e.to_string(),
    }
}

/// `new apigw.Integration({ type: HTTP_PROXY, integrationHttpMethod: 'ANY', options })`.
fn http_proxy_any(options: IntegrationOptions) -> Result<Integration, Error> {
    Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("ANY")
            .options(options),
    )
}

/// A VPC, a network load balancer in it for each of `ids`, and a VPC link to them.
fn link_to_nlbs(stack: &Stack, ids: &[&str]) -> Result<VpcLink, Box<dyn std::error::Error>> {
    let vpc = Vpc::new(stack, "VPC", VpcProps::default())?;
    let mut nlbs = Vec::new();
    for id in ids {
        let props = NetworkLoadBalancerProps::builder().vpc(vpc.clone());
        nlbs.push(NetworkLoadBalancer::new(stack, id, props)?);
    }
    Ok(VpcLink::new(stack, "link", VpcLinkProps::builder().targets(nlbs.iter()))?)
}

#[test]
fn integration_credentials_role_and_credentials_passthrough_are_mutually_exclusive() -> TestResult {
    let (_app, stack) = stack()?;
    let role =
        Role::new(&stack, "MyRole", RoleProps::builder().assumed_by(Principal::service("foo")))?;
    let err = error_of(|| {
        Integration::new(
            IntegrationProps::builder()
                .type_(IntegrationType::AwsProxy)
                .integration_http_method("ANY")
                .options(
                    IntegrationOptions::builder()
                        .credentials_passthrough(true)
                        .credentials_role(role)
                        .build()?,
                ),
        )
    });
    assert!(
        err.contains("'credentialsPassthrough' and 'credentialsRole' are mutually exclusive"),
        "{err}"
    );
    Ok(())
}

#[test]
fn integration_connection_type_vpc_link_requires_vpc_link_to_be_set() {
    let err = error_of(|| {
        http_proxy_any(
            IntegrationOptions::builder().connection_type(ConnectionType::VpcLink).build()?,
        )
    });
    assert!(
        err.contains("'connectionType' of VPC_LINK requires 'vpcLink' prop to be set"),
        "{err}"
    );
}

#[test]
fn uri_is_self_determined_from_the_nlb() -> AnyResult {
    let (_app, stack) = stack()?;
    let link = link_to_nlbs(&stack, &["NLB"])?;
    let api = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    let integration = http_proxy_any(
        IntegrationOptions::builder()
            .connection_type(ConnectionType::VpcLink)
            .vpc_link(link)
            .build()?,
    )?;
    api.root().add_method("GET", &integration)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "Integration": {
                "Uri": join(json!(["http://", { "Fn::GetAtt": ["NLB55158F82", "DNSName"] }])),
            },
        }),
    )?;
    Ok(())
}

/// Adding a `GET` method with a VPC link integration without URI to a new API, then
/// synthesizing the app, fails with the message returned.
fn vpc_link_without_uri(app: &App, stack: &Stack, link: VpcLink) -> String {
    error_of(|| {
        let api = RestApi::new(stack, "restapi", RestApiProps::default())?;
        let integration = http_proxy_any(
            IntegrationOptions::builder()
                .connection_type(ConnectionType::VpcLink)
                .vpc_link(link)
                .build()?,
        )?;
        api.root().add_method("GET", &integration)?;
        app.synth()
    })
}

#[test]
fn uri_must_be_set_for_vpc_link_with_multiple_nlbs() -> AnyResult {
    let app = App::new();
    let stack = Stack::new(&app, "Default")?;
    let link = link_to_nlbs(&stack, &["NLB1", "NLB2"])?;
    let err = vpc_link_without_uri(&app, &stack, link);
    assert!(
        err.contains("'uri' is required when there are more than one NLBs in the VPC Link"),
        "{err}"
    );
    Ok(())
}

#[test]
fn uri_must_be_set_when_using_an_imported_vpc_link() -> TestResult {
    let app = App::new();
    let stack = Stack::new(&app, "Default")?;
    let link = VpcLink::from_vpc_link_id(&stack, "link", "vpclinkid")?;
    let err = vpc_link_without_uri(&app, &stack, link);
    assert!(err.contains("'uri' is required when the 'connectionType' is VPC_LINK"), "{err}");
    Ok(())
}

#[test]
fn connection_type_of_internet_and_vpc_link_are_mutually_exclusive() -> AnyResult {
    let (_app, stack) = stack()?;
    let link = link_to_nlbs(&stack, &["NLB"])?;
    let err = error_of(|| {
        http_proxy_any(
            IntegrationOptions::builder()
                .connection_type(ConnectionType::Internet)
                .vpc_link(link)
                .build()?,
        )
    });
    assert!(err.contains("cannot set 'vpcLink' where 'connectionType' is INTERNET"), "{err}");
    Ok(())
}

#[test]
fn connection_type_is_absent_when_vpc_link_is_not_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    let integration = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("ANY"),
    )?;
    api.root().add_method("ANY", &integration)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "ANY", "Integration": { "ConnectionType": Match::absent() } }),
    )
}

#[test]
fn connection_type_defaults_to_vpc_link_if_vpc_link_is_configured() -> AnyResult {
    let (_app, stack) = stack()?;
    let link = link_to_nlbs(&stack, &["NLB"])?;
    let api = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    let integration = http_proxy_any(IntegrationOptions::builder().vpc_link(link).build()?)?;
    api.root().add_method("ANY", &integration)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "ANY", "Integration": { "ConnectionType": "VPC_LINK" } }),
    )?;
    Ok(())
}

#[test]
fn validates_timeout_is_valid() {
    let err = error_of(|| {
        http_proxy_any(IntegrationOptions::builder().timeout(Duration::from_millis(2)).build()?)
    });
    assert!(err.contains("Integration timeout must be greater than 50 milliseconds"), "{err}");
    let ok = error_of(|| {
        http_proxy_any(IntegrationOptions::builder().timeout(Duration::from_secs(50)).build()?)
    });
    assert_eq!(ok, "no error");
}

#[test]
fn sets_timeout() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "restapi", RestApiProps::default())?;
    let integration =
        http_proxy_any(IntegrationOptions::builder().timeout(Duration::from_secs(1)).build()?)?;
    api.root().add_method("ANY", &integration)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "ANY", "Integration": { "TimeoutInMillis": 1000 } }),
    )
}

#[test]
fn validates_integration_http_method_is_required_for_non_mock_integration_types() {
    let err = error_of(|| {
        Integration::new(
            IntegrationProps::builder()
                .type_(IntegrationType::HttpProxy)
                .options(IntegrationOptions::builder().timeout(Duration::from_secs(15)).build()?),
        )
    });
    assert!(
        err.contains("integrationHttpMethod is required for non-mock integration types"),
        "{err}"
    );
}

#[test]
fn integration_http_method_can_be_omitted_for_mock_integration_type() {
    let ok = error_of(|| {
        Integration::new(
            IntegrationProps::builder()
                .type_(IntegrationType::Mock)
                .options(IntegrationOptions::builder().timeout(Duration::from_secs(15)).build()?),
        )
    });
    assert_eq!(ok, "no error");
}
