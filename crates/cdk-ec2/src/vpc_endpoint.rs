//! Interface VPC endpoints (`aws-ec2/lib/vpc-endpoint.ts`): an `AWS::EC2::VPCEndpoint` of
//! type `Interface` in subnets of a VPC, with a security group open to the VPC's range on
//! the service's port, and the service names as CDK renders them.

use std::rc::Rc;

use cdk_core::{Construct, Node, Stack, Value};
use cfn_ec2::{CfnVPCEndpoint, CfnVPCEndpointProps};

use crate::connections::ConnectionFlags;
use crate::{
    Connections, Ec2Error, IConnectable, Peer, Port, SecurityGroup, SecurityGroupProps,
    SubnetSelection, Vpc,
};

/// AWS services with interface endpoints (`ec2.InterfaceVpcEndpointAwsService`); the
/// variants are the services API Gateway apps reach for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InterfaceVpcEndpointAwsService {
    /// API Gateway, `execute-api` (`APIGATEWAY`): the endpoint of private REST APIs.
    #[doc(alias = "APIGATEWAY")]
    ApiGateway,
    /// Lambda, `lambda` (`LAMBDA`).
    #[doc(alias = "LAMBDA")]
    Lambda,
    /// SQS, `sqs` (`SQS`).
    #[doc(alias = "SQS")]
    Sqs,
    /// SNS, `sns` (`SNS`).
    #[doc(alias = "SNS")]
    Sns,
    /// STS, `sts` (`STS`).
    #[doc(alias = "STS")]
    Sts,
    /// S3 through an interface endpoint, `s3` (`S3`).
    S3,
    /// Step Functions, `states` (`STEP_FUNCTIONS`).
    #[doc(alias = "STEP_FUNCTIONS")]
    StepFunctions,
}

impl InterfaceVpcEndpointAwsService {
    /// The service's short name (`shortName`): `execute-api`, `lambda`, ...
    pub fn short_name(self) -> &'static str {
        match self {
            InterfaceVpcEndpointAwsService::ApiGateway => "execute-api",
            InterfaceVpcEndpointAwsService::Lambda => "lambda",
            InterfaceVpcEndpointAwsService::Sqs => "sqs",
            InterfaceVpcEndpointAwsService::Sns => "sns",
            InterfaceVpcEndpointAwsService::Sts => "sts",
            InterfaceVpcEndpointAwsService::S3 => "s3",
            InterfaceVpcEndpointAwsService::StepFunctions => "states",
        }
    }

    /// `getDefaultEndpointPrefix`: the service name prefix in a known region, from
    /// aws-cdk-lib 2.276.0's table (for the services of this enum).
    fn prefix(self, region: &str) -> &'static str {
        let name = self.short_name();
        let china = ["execute-api", "lambda", "sqs", "sts", "s3", "states"];
        let iso = ["execute-api", "sqs", "sns"];
        let listed = match region {
            "cn-north-1" | "cn-northwest-1" => china.contains(&name),
            "us-iso-east-1" | "us-iso-west-1" | "us-isob-east-1" => iso.contains(&name),
            "eusc-de-east-1" | "us-isob-west-1" | "us-isof-south-1" | "us-isof-east-1"
            | "eu-isoe-west-1" => name == "execute-api",
            _ => false,
        };
        if !listed {
            return "com.amazonaws";
        }
        match region {
            "eusc-de-east-1" => "eu.amazonaws",
            "us-iso-east-1" | "us-iso-west-1" => "gov.ic.c2s",
            "us-isob-east-1" | "us-isob-west-1" => "gov.sgov.sc2s",
            "us-isof-south-1" | "us-isof-east-1" => "gov.ic.hci.csp",
            "eu-isoe-west-1" => "uk.adc-e.cloud",
            _ => "cn.com.amazonaws",
        }
    }
}

/// The service of an interface endpoint (`IInterfaceVpcEndpointService`): an AWS service
/// or a service by full name (`new InterfaceVpcEndpointService(name, port)`).
///
/// ```
/// use cdk_ec2::{InterfaceVpcEndpointAwsService, InterfaceVpcEndpointService};
/// let s = InterfaceVpcEndpointService::new("com.amazonaws.vpce.us-east-1.vpce-svc-1", 8443);
/// assert_eq!(s.port(), 8443);
/// let api: InterfaceVpcEndpointService = InterfaceVpcEndpointAwsService::ApiGateway.into();
/// assert_eq!(api.port(), 443);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct InterfaceVpcEndpointService {
    kind: ServiceKind,
    port: u16,
    private_dns_default: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum ServiceKind {
    Aws(InterfaceVpcEndpointAwsService),
    Named(Value),
}

impl InterfaceVpcEndpointService {
    /// A service by its full name, on `port` (`new InterfaceVpcEndpointService`); private
    /// DNS is off by default.
    pub fn new(name: impl Into<Value>, port: u16) -> InterfaceVpcEndpointService {
        InterfaceVpcEndpointService {
            kind: ServiceKind::Named(name.into()),
            port,
            private_dns_default: false,
        }
    }

    /// The port the endpoint listens on (`port`). Default for AWS services: 443.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether private DNS is on unless set (`privateDnsDefault`): on for AWS services.
    pub fn private_dns_default(&self) -> bool {
        self.private_dns_default
    }

    /// The service name in `stack` (`name`): for an AWS service
    /// `<prefix>.<region>.<short name>`, with the prefix of the stack's region (CDK's
    /// region table) and `com.amazonaws` when the region is not known at synthesis.
    pub fn name(&self, stack: &Stack) -> Value {
        match &self.kind {
            ServiceKind::Named(n) => n.clone(),
            ServiceKind::Aws(s) => {
                let region = stack.region();
                let prefix = match &region {
                    Value::String(r) => s.prefix(r),
                    _ => "com.amazonaws",
                };
                Value::concat([
                    Value::from(format!("{prefix}.")),
                    region,
                    Value::from(format!(".{}", s.short_name())),
                ])
            }
        }
    }
}

impl From<InterfaceVpcEndpointAwsService> for InterfaceVpcEndpointService {
    fn from(s: InterfaceVpcEndpointAwsService) -> InterfaceVpcEndpointService {
        InterfaceVpcEndpointService {
            kind: ServiceKind::Aws(s),
            port: 443,
            private_dns_default: true,
        }
    }
}

/// Options of [`Vpc::add_interface_endpoint`] (`InterfaceVpcEndpointOptions`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct InterfaceVpcEndpointOptions {
    /// The service. Required.
    pub service: InterfaceVpcEndpointService,
    /// The subnets of the endpoint, one per availability zone. Default: the VPC's private
    /// subnets (else isolated, else public).
    #[builder(default)]
    pub subnets: Option<SubnetSelection>,
    /// Whether private DNS names resolve to the endpoint (`PrivateDnsEnabled`). Default: the
    /// service's default (true for AWS services).
    #[builder(default)]
    pub private_dns_enabled: Option<bool>,
    /// The endpoint's security groups. Default: a new group in the VPC.
    #[builder(default, setter(custom))]
    pub security_groups: Option<Vec<SecurityGroup>>,
    /// Whether the groups allow the service's port from the VPC's range (`open`). Default:
    /// true.
    #[builder(default)]
    pub open: Option<bool>,
}
cdk_core::impl_props!(InterfaceVpcEndpointOptions, InterfaceVpcEndpointOptionsBuilder);

impl InterfaceVpcEndpointOptionsBuilder {
    /// The endpoint's security groups. Default: a new group in the VPC.
    pub fn security_groups<I, S>(mut self, groups: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<SecurityGroup>,
    {
        self.security_groups = Some(Some(groups.into_iter().map(Into::into).collect()));
        self
    }
}

/// Options of an [`InterfaceVpcEndpoint`] (`InterfaceVpcEndpointProps`): the
/// [`InterfaceVpcEndpointOptions`] and the VPC.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct InterfaceVpcEndpointProps {
    /// The VPC. Required.
    pub vpc: Vpc,
    /// The service. Required.
    pub service: InterfaceVpcEndpointService,
    /// The subnets of the endpoint, one per availability zone. Default: the VPC's private
    /// subnets (else isolated, else public).
    #[builder(default)]
    pub subnets: Option<SubnetSelection>,
    /// Whether private DNS names resolve to the endpoint (`PrivateDnsEnabled`). Default: the
    /// service's default (true for AWS services).
    #[builder(default)]
    pub private_dns_enabled: Option<bool>,
    /// The endpoint's security groups. Default: a new group in the VPC.
    #[builder(default, setter(custom))]
    pub security_groups: Option<Vec<SecurityGroup>>,
    /// Whether the groups allow the service's port from the VPC's range (`open`). Default:
    /// true.
    #[builder(default)]
    pub open: Option<bool>,
}
cdk_core::impl_props!(InterfaceVpcEndpointProps, InterfaceVpcEndpointPropsBuilder);

impl InterfaceVpcEndpointPropsBuilder {
    /// The endpoint's security groups. Default: a new group in the VPC.
    pub fn security_groups<I, S>(mut self, groups: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<SecurityGroup>,
    {
        self.security_groups = Some(Some(groups.into_iter().map(Into::into).collect()));
        self
    }
}

/// An interface VPC endpoint (`ec2.InterfaceVpcEndpoint`); its child `Resource` is the
/// `AWS::EC2::VPCEndpoint`.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_ec2::{InterfaceVpcEndpointAwsService, InterfaceVpcEndpointOptions, Vpc, VpcProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
/// let endpoint = vpc.add_interface_endpoint(
///     "ApiEndpoint",
///     InterfaceVpcEndpointOptions::builder().service(InterfaceVpcEndpointAwsService::ApiGateway),
/// )?;
/// let _id = endpoint.vpc_endpoint_id();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct InterfaceVpcEndpoint {
    node: Node,
    resource: CfnVPCEndpoint,
    security_groups: Vec<SecurityGroup>,
    port: Port,
    flags: Rc<ConnectionFlags>,
}

impl Construct for InterfaceVpcEndpoint {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl InterfaceVpcEndpoint {
    /// Defines an interface endpoint.
    ///
    /// # Errors
    /// [`Ec2Error`] for a subnet selection that matches nothing; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<InterfaceVpcEndpointProps>,
    ) -> Result<InterfaceVpcEndpoint, Ec2Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.InterfaceVpcEndpoint", crate::FQN));
        let security_groups = match props.security_groups {
            Some(groups) => groups,
            None => vec![SecurityGroup::new(
                &node,
                "SecurityGroup",
                SecurityGroupProps::builder().vpc(&props.vpc),
            )?],
        };
        let port = Port::tcp(props.service.port());
        let flags: Rc<ConnectionFlags> = Rc::default();
        let connections =
            Connections::with(security_groups.clone(), None, Some(port), flags.clone());
        if props.open != Some(false) {
            connections.allow_default_port_from(&Peer::ipv4(props.vpc.vpc_cidr_block()), None)?;
        }
        let subnets = props.vpc.select_subnets(&props.subnets.unwrap_or_default())?;
        let stack = Stack::of(&node)?;
        let build = |source| Ec2Error::Core(cdk_core::Error::Build { path: node.path(), source });
        let mut l1 = CfnVPCEndpointProps::builder()
            .service_name(props.service.name(&stack))
            .vpc_id(props.vpc.vpc_id())
            .build()
            .map_err(build)?;
        l1.private_dns_enabled =
            Some(props.private_dns_enabled.unwrap_or(props.service.private_dns_default()).into());
        l1.security_group_ids =
            Some(Value::array(security_groups.iter().map(SecurityGroup::security_group_id)));
        l1.subnet_ids = Some(Value::array(subnets.subnet_ids));
        l1.vpc_endpoint_type = Some("Interface".into());
        let resource = CfnVPCEndpoint::new(&node, "Resource", l1)?;
        Ok(InterfaceVpcEndpoint { node, resource, security_groups, port, flags })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnVPCEndpoint {
        &self.resource
    }

    /// The endpoint's id (`vpcEndpointId`, `Ref`).
    pub fn vpc_endpoint_id(&self) -> Value {
        IVpcEndpoint::vpc_endpoint_id(self)
    }

    /// Imports an existing interface endpoint (`fromInterfaceVpcEndpointAttributes`): a
    /// construct at `scope/id` that adds nothing to the template.
    ///
    /// ```
    /// use cdk_core::{App, Stack};
    /// use cdk_ec2::{InterfaceVpcEndpoint, InterfaceVpcEndpointAttributes, IVpcEndpoint};
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let endpoint = InterfaceVpcEndpoint::from_interface_vpc_endpoint_attributes(
    ///     &stack,
    ///     "Endpoint",
    ///     InterfaceVpcEndpointAttributes::builder().vpc_endpoint_id("vpce-0123").port(443u16),
    /// )?;
    /// assert_eq!(endpoint.vpc_endpoint_id(), "vpce-0123".into());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// A builder error for missing attributes; id errors from the tree.
    pub fn from_interface_vpc_endpoint_attributes(
        scope: &impl Construct,
        id: &str,
        attrs: impl cdk_core::IntoProps<InterfaceVpcEndpointAttributes>,
    ) -> Result<ImportedInterfaceVpcEndpoint, Ec2Error> {
        let attrs = attrs.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.InterfaceVpcEndpoint", crate::FQN));
        Ok(ImportedInterfaceVpcEndpoint {
            node,
            vpc_endpoint_id: attrs.vpc_endpoint_id,
            security_groups: attrs.security_groups.unwrap_or_default(),
            port: Port::tcp(attrs.port),
            flags: Rc::default(),
        })
    }

    /// The endpoint's security groups.
    pub fn security_groups(&self) -> &[SecurityGroup] {
        &self.security_groups
    }
}

impl IVpcEndpoint for InterfaceVpcEndpoint {
    fn vpc_endpoint_id(&self) -> Value {
        self.resource.ref_()
    }
}

impl IConnectable for InterfaceVpcEndpoint {
    /// The endpoint's connections: its security groups, the service's port as default port.
    fn connections(&self) -> Connections {
        Connections::with(self.security_groups.clone(), None, Some(self.port), self.flags.clone())
    }
}

impl From<&InterfaceVpcEndpoint> for InterfaceVpcEndpoint {
    fn from(x: &InterfaceVpcEndpoint) -> InterfaceVpcEndpoint {
        x.clone()
    }
}

/// A VPC endpoint (`ec2.IVpcEndpoint`): created ([`InterfaceVpcEndpoint`]) or imported
/// ([`ImportedInterfaceVpcEndpoint`]).
pub trait IVpcEndpoint {
    /// The endpoint's id (`vpcEndpointId`).
    fn vpc_endpoint_id(&self) -> Value;
}

impl<T: IVpcEndpoint + ?Sized> IVpcEndpoint for &T {
    fn vpc_endpoint_id(&self) -> Value {
        (**self).vpc_endpoint_id()
    }
}

/// What [`InterfaceVpcEndpoint::from_interface_vpc_endpoint_attributes`] imports
/// (`ec2.InterfaceVpcEndpointAttributes`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct InterfaceVpcEndpointAttributes {
    /// The endpoint's id (`vpcEndpointId`). Required.
    pub vpc_endpoint_id: Value,
    /// The port of the endpoint's service (`port`). Required.
    pub port: u16,
    /// The endpoint's security groups (`securityGroups`). Default: none.
    #[builder(default, setter(custom))]
    pub security_groups: Option<Vec<SecurityGroup>>,
}
cdk_core::impl_props!(InterfaceVpcEndpointAttributes, InterfaceVpcEndpointAttributesBuilder);

impl InterfaceVpcEndpointAttributesBuilder {
    /// The endpoint's security groups (`securityGroups`). Default: none.
    pub fn security_groups<I, S>(mut self, groups: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<SecurityGroup>,
    {
        self.security_groups = Some(Some(groups.into_iter().map(Into::into).collect()));
        self
    }
}

/// An interface endpoint imported by
/// [`InterfaceVpcEndpoint::from_interface_vpc_endpoint_attributes`] (CDK's
/// `IInterfaceVpcEndpoint`): its id, security groups and port.
#[derive(Clone, Debug)]
pub struct ImportedInterfaceVpcEndpoint {
    node: Node,
    vpc_endpoint_id: Value,
    security_groups: Vec<SecurityGroup>,
    port: Port,
    flags: Rc<ConnectionFlags>,
}

impl Construct for ImportedInterfaceVpcEndpoint {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IVpcEndpoint for ImportedInterfaceVpcEndpoint {
    fn vpc_endpoint_id(&self) -> Value {
        self.vpc_endpoint_id.clone()
    }
}

impl IConnectable for ImportedInterfaceVpcEndpoint {
    /// The endpoint's connections: the imported security groups, the port as default port.
    fn connections(&self) -> Connections {
        Connections::with(self.security_groups.clone(), None, Some(self.port), self.flags.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, StackProps};

    fn name_in(region: &str, service: InterfaceVpcEndpointAwsService) -> Value {
        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::with_props(
            &app,
            "S",
            StackProps::builder()
                .env(cdk_core::Environment::new("111111111111", region))
                .build()
                .unwrap(),
        )
        .unwrap();
        InterfaceVpcEndpointService::from(service).name(&stack)
    }

    #[test]
    fn region_prefixes_follow_cdk_table() {
        use InterfaceVpcEndpointAwsService as S;
        assert_eq!(
            name_in("us-east-1", S::ApiGateway),
            Value::from("com.amazonaws.us-east-1.execute-api")
        );
        assert_eq!(
            name_in("cn-north-1", S::ApiGateway),
            Value::from("cn.com.amazonaws.cn-north-1.execute-api")
        );
        assert_eq!(name_in("cn-north-1", S::Sns), Value::from("com.amazonaws.cn-north-1.sns"));
        assert_eq!(name_in("us-iso-east-1", S::Sns), Value::from("gov.ic.c2s.us-iso-east-1.sns"));
        assert_eq!(
            name_in("us-isob-west-1", S::Sqs),
            Value::from("com.amazonaws.us-isob-west-1.sqs")
        );
        assert_eq!(
            name_in("eu-isoe-west-1", S::ApiGateway),
            Value::from("uk.adc-e.cloud.eu-isoe-west-1.execute-api")
        );
        assert_eq!(
            name_in("eusc-de-east-1", S::ApiGateway),
            Value::from("eu.amazonaws.eusc-de-east-1.execute-api")
        );
    }
}
