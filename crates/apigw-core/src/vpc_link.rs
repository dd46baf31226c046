//! VPC links (`vpc-link.ts`): an `AWS::ApiGateway::VpcLink` to network load balancers, through
//! which a private integration reaches a VPC ([`IntegrationOptions::vpc_link`]), and links
//! imported by id (`VpcLink.fromVpcLinkId`).
//!
//! Targets are network load balancers ([`VpcLinkTarget`]: `&NetworkLoadBalancer` converts
//! into one), given to [`VpcLinkPropsBuilder::targets`] or [`VpcLink::add_targets`]:
//!
//! ```
//! use apigw_core::{VpcLink, VpcLinkProps};
//! use cdk_core::{App, Stack};
//! use cdk_ec2::{Vpc, VpcProps};
//! use cdk_elasticloadbalancingv2::{NetworkLoadBalancer, NetworkLoadBalancerProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
//! let nlb = NetworkLoadBalancer::new(&stack, "NLB", NetworkLoadBalancerProps::builder().vpc(vpc).build()?)?;
//! let link = VpcLink::new(&stack, "link", VpcLinkProps::builder().targets([&nlb]))?;
//! assert_eq!(link.targets().len(), 1);
//! let imported = VpcLink::from_vpc_link_id(&stack, "imported", "us-east-1_oiuR12Abd")?;
//! assert!(imported.is_imported());
//! # Ok::<(), cdk_core::Error>(())
//! ```
//!
//! [`IntegrationOptions::vpc_link`]: crate::IntegrationOptions::vpc_link

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{cfn_format, Construct, Error, IntoProps, Node, Value};
use cfn_apigateway::{CfnVpcLink, CfnVpcLinkProps};

/// The validation message of a link without targets (`validateVpcLink`).
pub const NO_TARGETS_MESSAGE: &str = "No targets added to vpc link";

/// A network load balancer a VPC link sends traffic to (`INetworkLoadBalancer` as the link
/// uses it): its ARN (`TargetArns`) and, to derive an integration's URI, its DNS name.
///
/// ```
/// use apigw_core::VpcLinkTarget;
/// let t = VpcLinkTarget::from_arn("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x/1");
/// assert!(t.load_balancer_dns_name().is_none());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct VpcLinkTarget {
    arn: Value,
    dns_name: Option<Value>,
}

impl From<&cdk_elasticloadbalancingv2::NetworkLoadBalancer> for VpcLinkTarget {
    fn from(nlb: &cdk_elasticloadbalancingv2::NetworkLoadBalancer) -> Self {
        VpcLinkTarget { arn: nlb.load_balancer_arn(), dns_name: Some(nlb.load_balancer_dns_name()) }
    }
}

impl VpcLinkTarget {
    /// A load balancer by ARN and DNS name (what a `NetworkLoadBalancer` converts into).
    #[cfg(test)]
    pub(crate) fn network_load_balancer(arn: impl Into<Value>, dns_name: impl Into<Value>) -> Self {
        VpcLinkTarget { arn: arn.into(), dns_name: Some(dns_name.into()) }
    }

    /// A load balancer known by its ARN only (an imported one,
    /// `NetworkLoadBalancer.fromNetworkLoadBalancerAttributes` without a DNS name);
    /// integrations through a link to it must give their URI.
    pub fn from_arn(arn: impl Into<Value>) -> Self {
        VpcLinkTarget { arn: arn.into(), dns_name: None }
    }

    /// The load balancer's ARN.
    pub fn load_balancer_arn(&self) -> Value {
        self.arn.clone()
    }

    /// The load balancer's DNS name, if known.
    pub fn load_balancer_dns_name(&self) -> Option<Value> {
        self.dns_name.clone()
    }
}

/// Options of a [`VpcLink`] (`VpcLinkProps`).
///
/// ```
/// use apigw_core::{VpcLinkProps, VpcLinkTarget};
/// let props = VpcLinkProps::builder()
///     .vpc_link_name("my-link")
///     .targets([VpcLinkTarget::from_arn("arn:aws:elasticloadbalancing:::loadbalancer/net/a/1")])
///     .build()?;
/// assert_eq!(props.targets.len(), 1);
/// # Ok::<(), cdk_core::BuildError>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct VpcLinkProps {
    /// The link's name (`Name`). Default: the construct's unique id (`Names.nodeUniqueId`).
    #[builder(default)]
    pub vpc_link_name: Option<Value>,
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// The network load balancers the link targets; more can be added with
    /// [`VpcLink::add_targets`]. A link must have at least one when synthesized. Default:
    /// none.
    #[builder(default, setter(custom))]
    pub targets: Vec<VpcLinkTarget>,
}

cdk_core::impl_props!(VpcLinkProps, VpcLinkPropsBuilder);

impl VpcLinkPropsBuilder {
    /// The network load balancers of the link (`targets`): any iterator of
    /// `&NetworkLoadBalancer` or [`VpcLinkTarget`]. Default: none (more can be added with
    /// [`VpcLink::add_targets`]; a link without any fails validation).
    pub fn targets<T: Into<VpcLinkTarget>>(mut self, targets: impl IntoIterator<Item = T>) -> Self {
        self.targets.get_or_insert_with(Vec::new).extend(targets.into_iter().map(Into::into));
        self
    }
}

struct VpcLinkInner {
    node: Node,
    vpc_link_id: Value,
    resource: Option<CfnVpcLink>,
    /// `None` for an imported link.
    targets: Option<Rc<RefCell<Vec<VpcLinkTarget>>>>,
}

/// A VPC link (`VpcLink`), defined here or imported by id.
///
/// A defined link's child `Resource` is the `AWS::ApiGateway::VpcLink`; its `TargetArns` are
/// rendered when the template is written, so targets added later count. Synthesis fails when
/// a defined link has no targets. Handles are cheap to clone and compare by construct.
#[derive(Clone)]
pub struct VpcLink(Rc<VpcLinkInner>);

impl std::fmt::Debug for VpcLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VpcLink")
            .field("path", &self.0.node.path())
            .field("imported", &self.is_imported())
            .finish()
    }
}

impl PartialEq for VpcLink {
    /// Two handles are equal when they are the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.0.node.same(&other.0.node)
    }
}

impl Construct for VpcLink {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

/// A VPC link, defined in this app or imported (`IVpcLink`).
pub trait IVpcLink: Construct {
    /// The link id (`vpcLinkId`).
    fn vpc_link_id(&self) -> Value;

    /// A reference to the link (`vpcLinkRef`: `{ vpcLinkId }`).
    fn vpc_link_ref(&self) -> VpcLinkReference {
        VpcLinkReference { vpc_link_id: self.vpc_link_id() }
    }
}

/// A reference to a VPC link (`VpcLinkReference`), what [`IVpcLink::vpc_link_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct VpcLinkReference {
    /// The link id (`vpcLinkId`).
    pub vpc_link_id: Value,
}

impl IVpcLink for VpcLink {
    fn vpc_link_id(&self) -> Value {
        VpcLink::vpc_link_id(self)
    }
}

impl VpcLink {
    /// Defines a VPC link.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<VpcLinkProps>,
    ) -> Result<VpcLink, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.VpcLink", crate::FQN));
        let name = props.vpc_link_name.unwrap_or_else(|| Value::String(node.unique_id()));
        let targets: Rc<RefCell<Vec<VpcLinkTarget>>> = Rc::new(RefCell::new(props.targets));
        let rendered = targets.clone();
        let mut l1 = CfnVpcLinkProps::builder()
            .name(name)
            .target_arns(Value::lazy_uncached(move |_| {
                Some(Value::Array(
                    rendered.borrow().iter().map(VpcLinkTarget::load_balancer_arn).collect(),
                ))
            }))
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.description = props.description;
        let resource = CfnVpcLink::new(&node, "Resource", l1)?;
        let checked = targets.clone();
        node.add_validation(move || {
            if checked.borrow().is_empty() {
                vec![NO_TARGETS_MESSAGE.to_string()]
            } else {
                Vec::new()
            }
        });
        Ok(VpcLink(Rc::new(VpcLinkInner {
            node,
            vpc_link_id: resource.ref_(),
            resource: Some(resource),
            targets: Some(targets),
        })))
    }

    /// A link defined elsewhere, by id (`VpcLink.fromVpcLinkId`). Integrations through it must
    /// give their URI.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_vpc_link_id(
        scope: &impl Construct,
        id: &str,
        vpc_link_id: impl Into<Value>,
    ) -> Result<VpcLink, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(VpcLink(Rc::new(VpcLinkInner {
            node,
            vpc_link_id: vpc_link_id.into(),
            resource: None,
            targets: None,
        })))
    }

    /// The link's id (`Ref` of a defined link, the given id of an imported one).
    pub fn vpc_link_id(&self) -> Value {
        self.0.vpc_link_id.clone()
    }

    /// The L1 resource of a defined link.
    pub fn resource(&self) -> Option<&CfnVpcLink> {
        self.0.resource.as_ref()
    }

    /// Whether the link was imported with [`VpcLink::from_vpc_link_id`].
    pub fn is_imported(&self) -> bool {
        self.0.targets.is_none()
    }

    /// The targets so far (none for an imported link).
    pub fn targets(&self) -> Vec<VpcLinkTarget> {
        self.0.targets.as_ref().map(|t| t.borrow().clone()).unwrap_or_default()
    }

    /// Adds targets (`addTargets`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an imported link, whose targets are not managed here.
    pub fn add_targets<T: Into<VpcLinkTarget>>(
        &self,
        targets: impl IntoIterator<Item = T>,
    ) -> Result<(), Error> {
        match &self.0.targets {
            Some(list) => {
                list.borrow_mut().extend(targets.into_iter().map(Into::into));
                Ok(())
            }
            None => Err(Error::InvalidArgument {
                path: self.0.node.path(),
                message: "cannot add targets to an imported VPC link".into(),
            }),
        }
    }

    /// The URI of a private integration bound to `method` that gives none (the `Lazy` of
    /// `Integration.bind`): `http://<DNS name of the link's load balancer>`, rendered when the
    /// template is written. Synthesis fails, naming the method, when the link is imported,
    /// has several targets, or its target's DNS name is not known: the integration must then
    /// give its URI.
    pub(crate) fn integration_uri(&self, method: &Node) -> Value {
        let link = self.clone();
        method.add_validation(move || match link.uri_problem() {
            Some(message) => vec![message.to_string()],
            None => Vec::new(),
        });
        let link = self.clone();
        Value::lazy(move |_| {
            let targets = link.targets();
            match targets.as_slice() {
                [only] => only.load_balancer_dns_name().map(|dns| cfn_format!("http://{}", dns)),
                _ => None,
            }
        })
    }

    /// Why [`VpcLink::integration_uri`] cannot be derived, if it cannot.
    fn uri_problem(&self) -> Option<&'static str> {
        if self.is_imported() {
            return Some("'uri' is required when the 'connectionType' is VPC_LINK");
        }
        let targets = self.targets();
        if targets.len() > 1 {
            return Some("'uri' is required when there are more than one NLBs in the VPC Link");
        }
        if targets.iter().any(|t| t.dns_name.is_none()) {
            return Some("'uri' is required when the VPC Link's load balancer has no DNS name");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, AppProps, Stack};

    fn arn(n: &str) -> VpcLinkTarget {
        VpcLinkTarget::network_load_balancer(format!("arn:{n}"), format!("{n}.elb.example.com"))
    }

    #[test]
    fn renders_name_and_targets_late() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let link = VpcLink::new(
            &stack,
            "link",
            VpcLinkProps::builder().targets([arn("a")]).build().unwrap(),
        )
        .unwrap();
        link.add_targets([arn("b")]).unwrap();
        let r = link.resource().unwrap();
        assert_eq!(r.property("Name"), Some(Value::from("StacklinkC160B2EF")));
        assert_eq!(link.targets().len(), 2);
        assert!(!link.is_imported());
        assert_eq!(format!("{:?}", link.vpc_link_id()), "Ref(Stack/link/Resource)");
    }

    #[test]
    fn imported_links() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let link = VpcLink::from_vpc_link_id(&stack, "imported", "abc123").unwrap();
        assert!(link.is_imported());
        assert_eq!(link.vpc_link_id(), Value::from("abc123"));
        assert!(link.resource().is_none());
        let err = link.add_targets([arn("a")]).unwrap_err();
        assert!(err.to_string().starts_with("Stack/imported: "), "{err}");
        assert_eq!(
            link.uri_problem(),
            Some("'uri' is required when the 'connectionType' is VPC_LINK")
        );
    }

    #[test]
    fn uri_needs_exactly_one_target_with_a_dns_name() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let link = VpcLink::new(&stack, "a", VpcLinkProps::default()).unwrap();
        assert_eq!(link.uri_problem(), None, "no targets is the link's own error");
        link.add_targets([arn("a")]).unwrap();
        assert_eq!(link.uri_problem(), None);
        link.add_targets([arn("b")]).unwrap();
        assert_eq!(
            link.uri_problem(),
            Some("'uri' is required when there are more than one NLBs in the VPC Link")
        );
        let by_arn = VpcLink::new(
            &stack,
            "b",
            VpcLinkProps::builder().targets([VpcLinkTarget::from_arn("arn:x")]).build().unwrap(),
        )
        .unwrap();
        assert!(by_arn.uri_problem().unwrap().contains("no DNS name"));
    }

    use crate::test_support::{resources_of_type, synth};
    use crate::{
        ConnectionType, HttpIntegration, HttpIntegrationProps, Integration, IntegrationOptions,
        IntegrationProps, IntegrationType, RestApi, RestApiProps,
    };

    fn props(options: IntegrationOptions) -> crate::integration::IntegrationPropsBuilder {
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("ANY")
            .options(options)
    }

    fn link_options(link: &VpcLink, connection_type: Option<ConnectionType>) -> IntegrationOptions {
        let mut b = IntegrationOptions::builder().vpc_link(link.clone());
        if let Some(c) = connection_type {
            b = b.connection_type(c);
        }
        b.build().unwrap()
    }

    /// The `Integration` property of the template's only method.
    fn method_integration(template: &serde_json::Value) -> serde_json::Value {
        let methods = resources_of_type(template, "AWS::ApiGateway::Method");
        assert_eq!(methods.len(), 1);
        methods.values().next().unwrap()["Properties"]["Integration"].clone()
    }

    #[test]
    fn integration_props_rules() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let link = VpcLink::from_vpc_link_id(&stack, "l", "id").unwrap();
        let message = |r: Result<IntegrationProps, cdk_core::BuildError>| {
            r.unwrap_err().message().to_string()
        };
        let vpc_link_without_link =
            IntegrationOptions::builder().connection_type(ConnectionType::VpcLink).build().unwrap();
        assert!(message(props(vpc_link_without_link).build())
            .contains("'connectionType' of VPC_LINK requires 'vpcLink' prop to be set"));
        assert!(message(props(link_options(&link, Some(ConnectionType::Internet))).build())
            .contains("cannot set 'vpcLink' where 'connectionType' is INTERNET"));
        let quick = IntegrationOptions {
            timeout: Some(std::time::Duration::from_millis(49)),
            ..IntegrationOptions::default()
        };
        assert!(message(props(quick).build())
            .contains("Integration timeout must be greater than 50 milliseconds"));
        assert!(message(IntegrationProps::builder().type_(IntegrationType::Aws).build())
            .contains("integrationHttpMethod is required for non-mock integration types."));
        assert!(IntegrationProps::builder().type_(IntegrationType::Mock).build().is_ok());
        assert!(message(IntegrationProps::builder().build()).contains("type_"));
        assert!(props(link_options(&link, Some(ConnectionType::VpcLink))).build().is_ok());
    }

    #[test]
    fn private_integration_renders_the_link_and_the_derived_uri() {
        let template = synth("vpc-link-derived-uri", |stack| {
            let link = VpcLink::new(
                stack,
                "link",
                VpcLinkProps::builder().targets([arn("nlb")]).build().unwrap(),
            )?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let options = link_options(&link, Some(ConnectionType::VpcLink));
            api.root().add_method("ANY", Some(Integration::new(props(options))?))?;
            Ok(())
        });
        let integration = method_integration(&template);
        assert_eq!(integration["ConnectionType"], "VPC_LINK");
        assert_eq!(integration["ConnectionId"], serde_json::json!({"Ref": "linkDE1D876D"}));
        assert_eq!(integration["Uri"], "http://nlb.elb.example.com");
    }

    #[test]
    fn a_link_without_connection_type_derives_no_uri() {
        let warnings = Rc::new(RefCell::new(Vec::new()));
        let seen = warnings.clone();
        let template = synth("vpc-link-no-connection-type", move |stack| {
            let link = VpcLink::new(
                stack,
                "link",
                VpcLinkProps::builder().targets([arn("nlb")]).build().unwrap(),
            )?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let options = link_options(&link, None);
            api.root().add_method("ANY", Some(Integration::new(props(options))?))?;
            *seen.borrow_mut() = stack.node().warnings();
            Ok(())
        });
        let integration = method_integration(&template);
        assert_eq!(integration["ConnectionType"], "VPC_LINK");
        assert!(integration.get("Uri").is_none());
        // which API Gateway refuses: a warning of ours (`APIGW-4`)
        let warnings = warnings.borrow();
        assert!(warnings[0].1.starts_with("HTTP_PROXY integration without a URI"), "{warnings:?}");
    }

    fn synth_error(name: &str, build: impl FnOnce(&Stack) -> Result<(), Error>) -> String {
        let dir = std::env::temp_dir().join(format!("apigw-core-test-{name}"));
        let app = App::with_props(AppProps::builder().outdir(dir).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        match build(&stack) {
            Err(e) => e.to_string(),
            Ok(()) => app.synth().unwrap_err().to_string(),
        }
    }

    #[test]
    fn a_uri_that_cannot_be_derived_fails_synthesis_at_the_method() {
        let imported = synth_error("vpc-link-imported-no-uri", |stack| {
            let link = VpcLink::from_vpc_link_id(stack, "link", "abc")?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let options = link_options(&link, Some(ConnectionType::VpcLink));
            api.root().add_method("GET", Some(Integration::new(props(options))?))?;
            Ok(())
        });
        assert!(
            imported.contains(
                "[Stack/api/Default/GET] 'uri' is required when the 'connectionType' is VPC_LINK"
            ),
            "{imported}"
        );
        let two = synth_error("vpc-link-two-targets-no-uri", |stack| {
            let link = VpcLink::new(
                stack,
                "link",
                VpcLinkProps::builder().targets([arn("a"), arn("b")]).build().unwrap(),
            )?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let options = link_options(&link, Some(ConnectionType::VpcLink));
            api.root().add_method("GET", Some(Integration::new(props(options))?))?;
            Ok(())
        });
        assert!(
            two.contains("'uri' is required when there are more than one NLBs in the VPC Link"),
            "{two}"
        );
    }

    #[test]
    fn options_rules_are_checked_when_bound() {
        let err = synth_error("vpc-link-internet", |stack| {
            let link = VpcLink::from_vpc_link_id(stack, "link", "abc")?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let integration = HttpIntegration::with_props(
                "http://example.com",
                HttpIntegrationProps::builder()
                    .options(link_options(&link, Some(ConnectionType::Internet)))
                    .build()
                    .unwrap(),
            )?;
            api.root().add_method("GET", Some(integration))?;
            Ok(())
        });
        assert_eq!(
            err,
            "Stack/api/Default/GET: cannot set 'vpcLink' where 'connectionType' is INTERNET"
        );
    }

    #[test]
    fn a_link_without_targets_fails_validation() {
        let dir = std::env::temp_dir().join("apigw-core-vpc-link-no-targets");
        let app = App::with_props(AppProps::builder().outdir(dir).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        VpcLink::new(&stack, "link", VpcLinkProps::default()).unwrap();
        let err = app.synth().unwrap_err();
        assert!(err.to_string().contains("[Stack/link] No targets added to vpc link"), "{err}");
    }
}
