//! The VPC construct (`Vpc` and the subnet selection of `VpcBase` in `aws-ec2/lib/vpc.ts`):
//! an `AWS::EC2::VPC` with aws-cdk-lib's default layout, one public and one private subnet
//! per availability zone (up to three; two in an environment-agnostic stack), the range split
//! among them, an internet gateway, a NAT gateway per zone, and, under
//! `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup`, the custom resource that strips the
//! default security group's rules.
//!
//! Not ported: IPv6 and dual stack, IPAM pools, NAT instances and regional NAT gateways,
//! VPN gateways, gateway and interface endpoints, flow logs, imports and lookups.

use std::rc::Rc;

use cdk_core::{BuildError, Construct, Fn, Node, Stack, Tags, Value};
use cfn_ec2::{
    CfnInternetGateway, CfnInternetGatewayProps, CfnVPC, CfnVPCGatewayAttachment,
    CfnVPCGatewayAttachmentProps, CfnVPCProps,
};

use crate::ip_addresses::allocate_subnets_cidr;
use crate::subnet::{subnet_construct_id, subnet_group_name, SubnetProps, NAME_TAG};
use crate::{Ec2Error, IpAddresses, Subnet, SubnetConfiguration, SubnetType};

/// `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup`: a new VPC's default security group loses
/// its rules (through a custom resource).
pub const EC2_RESTRICT_DEFAULT_SECURITY_GROUP: &str =
    "@aws-cdk/aws-ec2:restrictDefaultSecurityGroup";
/// `AVAILABILITY_ZONE_FALLBACK_CONTEXT_KEY`: the zones of an environment-agnostic stack, when
/// set in the context.
pub const AVAILABILITY_ZONE_FALLBACK_CONTEXT_KEY: &str = "aws:cdk:availability-zones:fallback";

/// `Vpc.DEFAULT_CIDR_RANGE`.
pub const DEFAULT_CIDR_RANGE: &str = "10.0.0.0/16";
/// The default `maxAzs`.
pub const DEFAULT_MAX_AZS: usize = 3;

/// Options of a [`Vpc`] (`VpcProps`). Every option has aws-cdk-lib's default.
///
/// `build()` checks the rules that need no construct tree (DNS hostnames need DNS support;
/// `availability_zones` and `max_azs` exclude each other); [`Vpc::new`] checks them again,
/// with the VPC's path.
///
/// ```
/// use cdk_ec2::{IpAddresses, VpcProps};
/// let props = VpcProps::builder()
///     .ip_addresses(IpAddresses::cidr("10.1.0.0/16"))
///     .max_azs(2usize)
///     .nat_gateways(1usize)
///     .build()?;
/// assert_eq!(props.nat_gateways, Some(1));
/// assert!(VpcProps::builder().enable_dns_support(false).enable_dns_hostnames(true).build().is_err());
/// # Ok::<(), cdk_core::BuildError>(())
/// ```
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_unvalidated", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct VpcProps {
    /// Where the VPC's IPv4 range comes from. Default: [`IpAddresses::cidr`] of
    /// [`DEFAULT_CIDR_RANGE`] (`10.0.0.0/16`).
    #[builder(default)]
    pub ip_addresses: Option<IpAddresses>,
    /// How many of the stack's availability zones to use. Default: 3 (environment-agnostic
    /// stacks know two zones, `Fn::Select` 0 and 1 of `Fn::GetAZs`).
    #[builder(default, setter(into = false, strip_option))]
    pub max_azs: Option<usize>,
    /// The availability zones to use, instead of the stack's. Default: the stack's, up to
    /// `max_azs`.
    #[builder(default, setter(custom))]
    pub availability_zones: Option<Vec<String>>,
    /// How many NAT gateways to create (at most one per zone). Default: one per zone when
    /// there are private subnets.
    #[builder(default, setter(into = false, strip_option))]
    pub nat_gateways: Option<usize>,
    /// The subnet groups, each with one subnet per zone. Default: a `Public` and a `Private`
    /// ([`SubnetType::PrivateWithEgress`]) group, or `Public` and `Isolated` when
    /// `nat_gateways` is 0.
    #[builder(default, setter(custom))]
    pub subnet_configuration: Option<Vec<SubnetConfiguration>>,
    /// Instances get DNS host names (`EnableDnsHostnames`). Default: true.
    #[builder(default)]
    pub enable_dns_hostnames: Option<bool>,
    /// The Amazon DNS server answers in the VPC (`EnableDnsSupport`). Default: true.
    #[builder(default)]
    pub enable_dns_support: Option<bool>,
    /// The value of the `Name` tag of the VPC and its resources. Default: the VPC's path.
    #[builder(default)]
    pub vpc_name: Option<String>,
    /// Create an internet gateway when there are public or private subnets. Default: true.
    #[builder(default)]
    pub create_internet_gateway: Option<bool>,
    /// Remove the rules of the default security group. Default: the
    /// `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` flag (on in new projects).
    #[builder(default)]
    pub restrict_default_security_group: Option<bool>,
}
cdk_core::impl_props!(VpcProps, VpcPropsBuilder);

impl VpcProps {
    /// The rules that need no construct tree; errors name `path`.
    fn check(&self, path: &str) -> Result<(), Ec2Error> {
        if self.enable_dns_hostnames == Some(true) && self.enable_dns_support == Some(false) {
            return Err(Ec2Error::DnsHostnamesWithoutDnsSupport { path: path.into() });
        }
        if self.availability_zones.is_some() && self.max_azs.is_some() {
            return Err(Ec2Error::AvailabilityZonesAndMaxAzs { path: path.into() });
        }
        Ok(())
    }
}

impl VpcPropsBuilder {
    /// The availability zones to use, instead of the stack's (any list of strings).
    /// Default: the stack's, up to `max_azs`.
    pub fn availability_zones<I>(mut self, zones: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.availability_zones = Some(Some(zones.into_iter().map(Into::into).collect()));
        self
    }

    /// The subnet groups, each with one subnet per zone (any list). Default: a `Public` and
    /// a `Private` group, or `Public` and `Isolated` when `nat_gateways` is 0.
    pub fn subnet_configuration(
        mut self,
        groups: impl IntoIterator<Item = SubnetConfiguration>,
    ) -> Self {
        self.subnet_configuration = Some(Some(groups.into_iter().collect()));
        self
    }

    /// Builds the props.
    ///
    /// # Errors
    /// DNS host names with DNS support disabled, or both `availability_zones` and `max_azs`.
    fn build_fields(self) -> Result<VpcProps, BuildError> {
        let props = self.build_unvalidated()?;
        props.check("").map_err(|e| {
            let text = e.to_string();
            let field = match e {
                Ec2Error::DnsHostnamesWithoutDnsSupport { .. } => "enable_dns_hostnames",
                _ => "availability_zones",
            };
            BuildError::invalid_field(field, text.trim_start_matches(": "))
        })?;
        Ok(props)
    }
}

/// Which subnets of a VPC to use (`SubnetSelection`): by type or by group name.
///
/// ```
/// use cdk_ec2::{SubnetSelection, SubnetType};
/// let s = SubnetSelection::subnet_type(SubnetType::Public);
/// assert_eq!(s.subnet_type, Some(SubnetType::Public));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct SubnetSelection {
    /// The subnets of this type. Default (with no group name either): the private subnets,
    /// else the isolated ones, else the public ones.
    pub subnet_type: Option<SubnetType>,
    /// The subnets of the group with this name. Default: none.
    pub subnet_group_name: Option<String>,
}

impl SubnetSelection {
    /// The subnets of a type.
    pub fn subnet_type(subnet_type: SubnetType) -> SubnetSelection {
        SubnetSelection { subnet_type: Some(subnet_type), subnet_group_name: None }
    }

    /// The subnets of a named group.
    pub fn subnet_group_name(name: impl Into<String>) -> SubnetSelection {
        SubnetSelection { subnet_type: None, subnet_group_name: Some(name.into()) }
    }
}

/// The result of [`Vpc::select_subnets`] (`SelectedSubnets`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SelectedSubnets {
    /// The subnets.
    pub subnets: Vec<Subnet>,
    /// Their ids, in order.
    pub subnet_ids: Vec<Value>,
    /// Whether any of them is public.
    pub has_public: bool,
}

impl SelectedSubnets {
    /// Their availability zones, in order.
    pub fn availability_zones(&self) -> Vec<Value> {
        self.subnets.iter().map(Subnet::availability_zone).collect()
    }

    /// What must exist before they all reach the internet (`internetConnectivityEstablished`).
    pub fn internet_connectivity_established(&self) -> Vec<Node> {
        self.subnets.iter().flat_map(Subnet::internet_connectivity_established).collect()
    }
}

#[derive(Debug)]
struct VpcInner {
    node: Node,
    resource: CfnVPC,
    availability_zones: Vec<Value>,
    public_subnets: Vec<Subnet>,
    private_subnets: Vec<Subnet>,
    isolated_subnets: Vec<Subnet>,
    internet_gateway_id: Option<Value>,
}

/// A VPC (`ec2.Vpc`).
///
/// Children, in aws-cdk-lib's order: `Resource` (the `AWS::EC2::VPC`), the subnets
/// (`PublicSubnet1`, `PublicSubnet2`, ..., `PrivateSubnet1`, ...: group by group, zone by zone),
/// `IGW` and `VPCGW` (the internet gateway and its attachment), then
/// `RestrictDefaultSecurityGroupCustomResource`; the custom resource's provider is a child
/// of the stack, shared by its VPCs. Every taggable resource below the VPC gets the `Name`
/// tag. Handles are cheap to clone and compare by construct.
///
/// ```
/// use cdk_core::{App, Construct, Stack};
/// use cdk_ec2::{Vpc, VpcProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
/// assert_eq!(vpc.public_subnets().len(), 2);
/// assert_eq!(vpc.private_subnets()[1].ipv4_cidr_block(), "10.0.192.0/18");
/// assert!(stack.node().try_find_child("Custom::VpcRestrictDefaultSGCustomResourceProvider").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Vpc(Rc<VpcInner>);

impl Construct for Vpc {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

impl PartialEq for Vpc {
    /// Two handles are equal when they are the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.0.node.same(&other.0.node)
    }
}

/// One subnet to create: its zone, construct id and group (`requestedSubnets`).
struct RequestedSubnet<'a> {
    availability_zone: Value,
    construct_id: String,
    configuration: &'a SubnetConfiguration,
}

impl Vpc {
    /// Defines a VPC with its subnets, gateways and routes.
    ///
    /// # Errors
    /// The rules of [`VpcProps`] and of the subnet layout, each naming the VPC's path:
    /// an invalid range or subnet mask, subnets that do not fit, NAT gateways without public
    /// subnets or private subnets without NAT gateways, `map_public_ip_on_launch` on a
    /// non-public group, unknown availability zones of an environment-specific stack;
    /// [`Ec2Error::Core`] for id and asset errors.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<VpcProps>,
    ) -> Result<Vpc, Ec2Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let path = format!("{}/{}", scope.node().path(), cdk_core::tree::sanitize_id(id));
        let path = path.trim_start_matches('/').to_string();
        props.check(&path)?;
        let ip_addresses =
            props.ip_addresses.clone().unwrap_or_else(|| IpAddresses::cidr(DEFAULT_CIDR_RANGE));
        let mut network = ip_addresses.network_builder(&path)?;
        let stack = Stack::of(scope)?;
        let subnet_configuration = props
            .subnet_configuration
            .clone()
            .unwrap_or_else(|| default_subnets(props.nat_gateways == Some(0)));
        for c in &subnet_configuration {
            if c.subnet_type != SubnetType::Public && c.map_public_ip_on_launch.is_some() {
                return Err(Ec2Error::MapPublicIpNotAllowed {
                    path,
                    subnet_type: c.subnet_type.as_str().into(),
                });
            }
        }
        let availability_zones = match &props.availability_zones {
            Some(zones) => zones.iter().map(|z| Value::from(z.as_str())).collect(),
            None => {
                let mut zones = stack_availability_zones(&stack, &path)?;
                zones.truncate(props.max_azs.unwrap_or(DEFAULT_MAX_AZS));
                zones
            }
        };
        let nat_gateway_count = nat_gateway_count(
            &path,
            props.nat_gateways,
            &subnet_configuration,
            availability_zones.len(),
        )?;

        // createSubnets: every group in every zone
        let requested: Vec<RequestedSubnet<'_>> = subnet_configuration
            .iter()
            .flat_map(|configuration| {
                availability_zones.iter().enumerate().map(move |(index, az)| RequestedSubnet {
                    availability_zone: az.clone(),
                    construct_id: subnet_construct_id(&configuration.name, index),
                    configuration,
                })
            })
            .collect();
        let masks: Vec<Option<u8>> = requested.iter().map(|r| r.configuration.cidr_mask).collect();
        let cidrs = allocate_subnets_cidr(&mut network, &masks)?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Vpc", crate::FQN));
        let mut l1 = CfnVPCProps::default();
        l1.cidr_block = Some(network.network().cidr().into());
        l1.enable_dns_hostnames = Some(props.enable_dns_hostnames.unwrap_or(true).into());
        l1.enable_dns_support = Some(props.enable_dns_support.unwrap_or(true).into());
        l1.instance_tenancy = Some("default".into());
        let resource = CfnVPC::new(&node, "Resource", l1)?;
        Tags::of(&node).add(NAME_TAG, props.vpc_name.as_deref().unwrap_or(&node.path()));
        let vpc_id = resource.ref_();

        let (mut public, mut private, mut isolated) = (Vec::new(), Vec::new(), Vec::new());
        for (request, cidr) in requested.iter().zip(cidrs) {
            let configuration = request.configuration;
            if configuration.reserved {
                continue;
            }
            let subnet_type = configuration.subnet_type;
            let subnet = Subnet::new(
                &node,
                &request.construct_id,
                subnet_type,
                SubnetProps {
                    availability_zone: request.availability_zone.clone(),
                    vpc_id: vpc_id.clone(),
                    cidr_block: cidr,
                    map_public_ip_on_launch: subnet_type == SubnetType::Public
                        && configuration.map_public_ip_on_launch.unwrap_or(true),
                },
            )?;
            subnet.tag_group(&configuration.name);
            match subnet_type {
                SubnetType::Public => public.push(subnet),
                SubnetType::PrivateWithEgress => private.push(subnet),
                SubnetType::PrivateIsolated => isolated.push(subnet),
            }
        }

        let mut internet_gateway_id = None;
        let needs_gateway = subnet_configuration
            .iter()
            .any(|c| c.subnet_type != SubnetType::PrivateIsolated && !c.reserved);
        if needs_gateway && props.create_internet_gateway.unwrap_or(true) {
            let igw = CfnInternetGateway::new(&node, "IGW", CfnInternetGatewayProps::default())?;
            let attachment = CfnVPCGatewayAttachment::new(
                &node,
                "VPCGW",
                CfnVPCGatewayAttachmentProps::builder()
                    .internet_gateway_id(igw.ref_())
                    .vpc_id(vpc_id.clone())
                    .build()
                    .map_err(|source| cdk_core::Error::Build { path: node.path(), source })?,
            )?;
            for subnet in &public {
                subnet.add_default_internet_route(igw.ref_(), attachment.node())?;
            }
            if nat_gateway_count > 0 {
                let nat_subnets: Vec<Subnet> =
                    public.iter().take(nat_gateway_count).cloned().collect();
                crate::nat::configure_nat_gateways(&nat_subnets, &private)?;
            }
            internet_gateway_id = Some(igw.ref_());
        }

        let restrict = props
            .restrict_default_security_group
            .unwrap_or_else(|| node.feature_flag(EC2_RESTRICT_DEFAULT_SECURITY_GROUP));
        if restrict {
            crate::restrict_default_sg_provider::restrict_default_security_group(
                &node,
                resource.attr_default_security_group(),
            )?;
        }
        Ok(Vpc(Rc::new(VpcInner {
            node,
            resource,
            availability_zones,
            public_subnets: public,
            private_subnets: private,
            isolated_subnets: isolated,
            internet_gateway_id,
        })))
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnVPC {
        &self.0.resource
    }

    /// The VPC id (`Ref`).
    pub fn vpc_id(&self) -> Value {
        self.0.resource.ref_()
    }

    /// The VPC's IPv4 block (`Fn::GetAtt CidrBlock`).
    pub fn vpc_cidr_block(&self) -> Value {
        self.0.resource.get_att("CidrBlock")
    }

    /// The id of the VPC's default security group (`Fn::GetAtt DefaultSecurityGroup`).
    pub fn vpc_default_security_group(&self) -> Value {
        self.0.resource.attr_default_security_group()
    }

    /// The id of the internet gateway, if the VPC has one.
    pub fn internet_gateway_id(&self) -> Option<Value> {
        self.0.internet_gateway_id.clone()
    }

    /// The availability zones of the VPC's subnets.
    pub fn availability_zones(&self) -> &[Value] {
        &self.0.availability_zones
    }

    /// The public subnets, group by group, zone by zone.
    pub fn public_subnets(&self) -> &[Subnet] {
        &self.0.public_subnets
    }

    /// The private subnets (with egress through NAT gateways).
    pub fn private_subnets(&self) -> &[Subnet] {
        &self.0.private_subnets
    }

    /// The isolated subnets.
    pub fn isolated_subnets(&self) -> &[Subnet] {
        &self.0.isolated_subnets
    }

    /// Adds an interface endpoint to the VPC (`addInterfaceEndpoint`), as a child of the VPC.
    ///
    /// # Errors
    /// As [`crate::InterfaceVpcEndpoint::new`].
    pub fn add_interface_endpoint(
        &self,
        id: &str,
        options: impl cdk_core::IntoProps<crate::InterfaceVpcEndpointOptions>,
    ) -> Result<crate::InterfaceVpcEndpoint, Ec2Error> {
        let o = options.into_props_at(&self.0.node.child_path(id))?;
        let mut props = crate::InterfaceVpcEndpointProps::builder().vpc(self).service(o.service);
        if let Some(s) = o.subnets {
            props = props.subnets(s);
        }
        if let Some(p) = o.private_dns_enabled {
            props = props.private_dns_enabled(p);
        }
        if let Some(g) = o.security_groups {
            props = props.security_groups(g);
        }
        if let Some(open) = o.open {
            props = props.open(open);
        }
        crate::InterfaceVpcEndpoint::new(self, id, props)
    }

    /// The subnets a selection names (`selectSubnets`).
    ///
    /// # Errors
    /// [`Ec2Error::OnlyOneSubnetSelection`] when both a type and a group name are given;
    /// [`Ec2Error::NoSubnetGroupsOfType`] and [`Ec2Error::NoSubnetGroupsNamed`] when nothing
    /// matches. Each names the VPC's path.
    pub fn select_subnets(&self, selection: &SubnetSelection) -> Result<SelectedSubnets, Ec2Error> {
        let subnets = self.select_subnet_objects(selection)?;
        let has_public = subnets.iter().any(|s| s.subnet_type() == SubnetType::Public);
        Ok(SelectedSubnets {
            subnet_ids: subnets.iter().map(Subnet::subnet_id).collect(),
            subnets,
            has_public,
        })
    }

    fn select_subnet_objects(&self, selection: &SubnetSelection) -> Result<Vec<Subnet>, Ec2Error> {
        let path = self.0.node.path();
        if let (Some(_), Some(_)) = (&selection.subnet_type, &selection.subnet_group_name) {
            return Err(Ec2Error::OnlyOneSubnetSelection {
                path,
                provided: "subnetType,subnetGroupName".into(),
            });
        }
        if let Some(name) = &selection.subnet_group_name {
            let all: Vec<&Subnet> = self
                .0
                .public_subnets
                .iter()
                .chain(&self.0.private_subnets)
                .chain(&self.0.isolated_subnets)
                .collect();
            let selected: Vec<Subnet> = all
                .iter()
                .filter(|s| subnet_group_name(&s.node().id()) == *name)
                .map(|s| (*s).clone())
                .collect();
            if selected.is_empty() {
                let mut names: Vec<String> = Vec::new();
                for s in &all {
                    let n = subnet_group_name(&s.node().id());
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                return Err(Ec2Error::NoSubnetGroupsNamed {
                    path,
                    name: name.clone(),
                    available: names.join(","),
                });
            }
            return Ok(selected);
        }
        let subnet_type = selection.subnet_type.unwrap_or(if !self.0.private_subnets.is_empty() {
            SubnetType::PrivateWithEgress
        } else if !self.0.isolated_subnets.is_empty() {
            SubnetType::PrivateIsolated
        } else {
            SubnetType::Public
        });
        let subnets = self.subnets_of_type(subnet_type);
        if subnets.is_empty() {
            // the keys of aws-cdk-lib's lookup table, deprecated aliases included
            let table: [(&str, &[Subnet]); 6] = [
                ("Isolated", &self.0.isolated_subnets),
                ("Deprecated_Isolated", &self.0.isolated_subnets),
                ("Deprecated_Private_NAT", &self.0.private_subnets),
                ("Private", &self.0.private_subnets),
                ("Deprecated_Private", &self.0.private_subnets),
                ("Public", &self.0.public_subnets),
            ];
            let available: Vec<&str> =
                table.iter().filter(|(_, s)| !s.is_empty()).map(|(name, _)| *name).collect();
            return Err(Ec2Error::NoSubnetGroupsOfType {
                path,
                subnet_type: subnet_type.as_str().into(),
                available: available.join(","),
            });
        }
        Ok(subnets.to_vec())
    }

    fn subnets_of_type(&self, subnet_type: SubnetType) -> &[Subnet] {
        match subnet_type {
            SubnetType::Public => &self.0.public_subnets,
            SubnetType::PrivateWithEgress => &self.0.private_subnets,
            SubnetType::PrivateIsolated => &self.0.isolated_subnets,
        }
    }
}

/// `DEFAULT_SUBNETS` (or `DEFAULT_SUBNETS_NO_NAT`).
fn default_subnets(no_nat: bool) -> Vec<SubnetConfiguration> {
    let private = if no_nat { SubnetType::PrivateIsolated } else { SubnetType::PrivateWithEgress };
    vec![
        SubnetConfiguration::new(SubnetType::Public.default_subnet_name(), SubnetType::Public),
        SubnetConfiguration::new(private.default_subnet_name(), private),
    ]
}

/// `Stack.availabilityZones`: in an environment-agnostic stack, the context's fallback list
/// or `Fn::Select` 0 and 1 of `Fn::GetAZs ""`; else the zones of the context lookup
/// (`availability-zones:account=<account>:region=<region>`).
fn stack_availability_zones(stack: &Stack, path: &str) -> Result<Vec<Value>, Ec2Error> {
    let from_context = |key: &str| -> Option<Vec<Value>> {
        let list = stack.node().try_get_context(key)?;
        list.as_array()?.iter().map(|z| z.as_str().map(Value::from)).collect()
    };
    let env = stack.environment();
    match (&env.account, &env.region) {
        (Some(account), Some(region)) => {
            let key = format!("availability-zones:account={account}:region={region}");
            from_context(&key).ok_or_else(|| Ec2Error::AvailabilityZonesUnknown {
                path: path.into(),
                environment: format!("aws://{account}/{region}"),
                context_key: key,
            })
        }
        _ => Ok(from_context(AVAILABILITY_ZONE_FALLBACK_CONTEXT_KEY).unwrap_or_else(|| {
            let azs = Fn::get_azs(None);
            vec![Fn::select(0, azs.clone()), Fn::select(1, azs)]
        })),
    }
}

/// `determineNatGatewayCount`.
fn nat_gateway_count(
    path: &str,
    requested: Option<usize>,
    configuration: &[SubnetConfiguration],
    az_count: usize,
) -> Result<usize, Ec2Error> {
    let has_private =
        configuration.iter().any(|c| c.subnet_type == SubnetType::PrivateWithEgress && !c.reserved);
    let has_public =
        configuration.iter().any(|c| c.subnet_type == SubnetType::Public && !c.reserved);
    // `hasCustomEgress`: only `PRIVATE_WITH_EGRESS` groups, whose egress may come from
    // elsewhere; every private group of this port is one
    let has_custom_egress =
        configuration.iter().any(|c| c.subnet_type == SubnetType::PrivateWithEgress);
    let count = match requested {
        Some(n) => n.min(az_count),
        None if has_private => az_count,
        None => 0,
    };
    if count == 0 && has_private && !has_custom_egress {
        return Err(Ec2Error::PrivateSubnetsWithoutNatGateways { path: path.into() });
    }
    if count > 0 && !has_public {
        let configs: Vec<String> = configuration.iter().map(|c| c.to_js_json()).collect();
        return Err(Ec2Error::NatGatewaysWithoutPublicSubnets {
            path: path.into(),
            configuration: format!("[{}]", configs.join(",")),
        });
    }
    Ok(count)
}

impl From<&Vpc> for Vpc {
    /// A handle to the same Vpc (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Vpc) -> Vpc {
        x.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, AppProps, Environment, StackProps};

    fn stack() -> (App, Stack) {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        (app, stack)
    }

    fn ids(node: &Node) -> Vec<String> {
        node.children().iter().map(Node::id).collect()
    }

    #[test]
    fn default_layout() {
        let (_app, stack) = stack();
        let vpc = Vpc::new(&stack, "VPC", VpcProps::default()).unwrap();
        assert_eq!(
            ids(vpc.node()),
            [
                "Resource",
                "PublicSubnet1",
                "PublicSubnet2",
                "PrivateSubnet1",
                "PrivateSubnet2",
                "IGW",
                "VPCGW",
                "RestrictDefaultSecurityGroupCustomResource"
            ]
        );
        assert_eq!(
            ids(vpc.public_subnets()[0].node()),
            [
                "Subnet",
                "Acl",
                "RouteTable",
                "RouteTableAssociation",
                "DefaultRoute",
                "EIP",
                "NATGateway"
            ]
        );
        assert_eq!(
            ids(vpc.private_subnets()[0].node()),
            ["Subnet", "Acl", "RouteTable", "RouteTableAssociation", "DefaultRoute"]
        );
        let cidrs: Vec<&str> = vpc
            .public_subnets()
            .iter()
            .chain(vpc.private_subnets())
            .map(Subnet::ipv4_cidr_block)
            .collect();
        assert_eq!(cidrs, ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"]);
        assert_eq!(vpc.availability_zones().len(), 2);
        assert!(vpc.internet_gateway_id().is_some());
    }

    #[test]
    fn max_azs_cidr_and_nat_gateways() {
        let app = App::with_props(
            AppProps::builder()
                .context(
                    AVAILABILITY_ZONE_FALLBACK_CONTEXT_KEY,
                    serde_json::json!(["z-a", "z-b", "z-c"]),
                )
                .build()
                .unwrap(),
        );
        let stack = Stack::new(&app, "Stack").unwrap();
        let vpc = Vpc::new(
            &stack,
            "VPC",
            VpcProps::builder()
                .ip_addresses(IpAddresses::cidr("10.5.0.0/16"))
                .nat_gateways(1usize)
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(vpc.availability_zones(), [Value::from("z-a"), "z-b".into(), "z-c".into()]);
        assert_eq!(vpc.private_subnets()[2].ipv4_cidr_block(), "10.5.160.0/19");
        let nat_gateways = vpc
            .public_subnets()
            .iter()
            .filter(|s| s.node().try_find_child("NATGateway").is_some())
            .count();
        assert_eq!(nat_gateways, 1);
        // every private subnet routes through the one gateway
        for s in vpc.private_subnets() {
            assert!(s.node().try_find_child("DefaultRoute").is_some());
        }
        let vpc2 =
            Vpc::new(&stack, "Two", VpcProps::builder().max_azs(1usize).build().unwrap()).unwrap();
        assert_eq!(vpc2.public_subnets().len(), 1);
        assert_eq!(vpc2.private_subnets()[0].ipv4_cidr_block(), "10.0.128.0/17");
    }

    #[test]
    fn no_nat_gateways_gives_isolated_subnets() {
        let (_app, stack) = stack();
        let vpc =
            Vpc::new(&stack, "VPC", VpcProps::builder().nat_gateways(0usize).build().unwrap())
                .unwrap();
        assert!(vpc.private_subnets().is_empty());
        assert_eq!(vpc.isolated_subnets().len(), 2);
        assert!(vpc.public_subnets()[0].node().try_find_child("NATGateway").is_none());
        assert!(vpc.isolated_subnets()[0].node().try_find_child("DefaultRoute").is_none());
    }

    #[test]
    fn isolated_only_has_no_internet_gateway_and_flag_off_no_custom_resource() {
        let (_app, stack) = stack();
        let vpc = Vpc::new(
            &stack,
            "VPC",
            VpcProps::builder()
                .subnet_configuration(vec![SubnetConfiguration::new(
                    "Db",
                    SubnetType::PrivateIsolated,
                )])
                .restrict_default_security_group(false)
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(ids(vpc.node()), ["Resource", "DbSubnet1", "DbSubnet2"]);
        assert!(vpc.internet_gateway_id().is_none());
    }

    #[test]
    fn validation_errors_name_the_vpc() {
        let (_app, stack) = stack();
        let props = VpcProps {
            enable_dns_support: Some(false),
            enable_dns_hostnames: Some(true),
            ..Default::default()
        };
        let err = Vpc::new(&stack, "A", props).unwrap_err();
        assert_eq!(err.code(), "Hostnames");
        assert_eq!(err.path(), Some("Stack/A"));
        assert!(stack.node().try_find_child("A").is_none());

        let props = VpcProps {
            max_azs: Some(2),
            availability_zones: Some(vec!["a".into()]),
            ..Default::default()
        };
        assert_eq!(
            Vpc::new(&stack, "B", props).unwrap_err().code(),
            "VpcSupportsAvailabilityZonesMax"
        );

        let err = Vpc::new(
            &stack,
            "C",
            VpcProps::builder().ip_addresses(IpAddresses::cidr("10.0.0/16")).build().unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "Stack/C: 10.0.0 is not valid");

        let err = Vpc::new(
            &stack,
            "D",
            VpcProps::builder()
                .subnet_configuration(vec![SubnetConfiguration::new(
                    "Private",
                    SubnetType::PrivateWithEgress,
                )])
                .build()
                .unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "ConfigureSubnetsSubnetConfigurationConfigu");
        assert!(err.to_string().contains(r#"(got [{"name":"Private","subnetType":"Private"}]."#));

        let mut private = SubnetConfiguration::new("Private", SubnetType::PrivateWithEgress);
        private.map_public_ip_on_launch = Some(true);
        let err = Vpc::new(
            &stack,
            "E",
            VpcProps::builder().subnet_configuration(vec![private]).build().unwrap(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Stack/E: Private subnet cannot include mapPublicIpOnLaunch parameter"
        );

        let mut big = SubnetConfiguration::new("Public", SubnetType::Public);
        big.cidr_mask = Some(16);
        let err = Vpc::new(
            &stack,
            "F",
            VpcProps::builder().subnet_configuration(vec![big]).build().unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "SubnetCountExceedsRemainingSpace");
        for id in ["B", "C", "D", "E", "F"] {
            assert!(stack.node().try_find_child(id).is_none(), "{id}");
        }
    }

    #[test]
    fn nat_gateway_rules() {
        let private = [SubnetConfiguration::new("Private", SubnetType::PrivateWithEgress)];
        let both = default_subnets(false);
        assert_eq!(nat_gateway_count("p", None, &both, 2).unwrap(), 2);
        assert_eq!(nat_gateway_count("p", Some(5), &both, 2).unwrap(), 2);
        assert_eq!(nat_gateway_count("p", Some(0), &both, 2).unwrap(), 0);
        assert_eq!(nat_gateway_count("p", None, &default_subnets(true), 2).unwrap(), 0);
        assert!(nat_gateway_count("p", None, &private, 2).is_err());
        // private-with-egress subnets may get their egress elsewhere: no error with 0
        assert_eq!(nat_gateway_count("p", Some(0), &private, 2).unwrap(), 0);
    }

    #[test]
    fn environment_specific_stacks_need_known_zones() {
        let app = App::new();
        let stack = Stack::with_props(
            &app,
            "Stack",
            StackProps::builder()
                .env(Environment::new("123456789012", "eu-west-1"))
                .build()
                .unwrap(),
        )
        .unwrap();
        let err = Vpc::new(&stack, "VPC", VpcProps::default()).unwrap_err();
        assert_eq!(err.code(), "AvailabilityZonesUnknown");
        assert!(err
            .to_string()
            .contains("availability-zones:account=123456789012:region=eu-west-1"));
        let vpc = Vpc::new(
            &stack,
            "Given",
            VpcProps::builder().availability_zones(vec!["eu-west-1a".to_string()]).build().unwrap(),
        )
        .unwrap();
        assert_eq!(vpc.public_subnets()[0].availability_zone(), "eu-west-1a".into());
    }

    #[test]
    fn subnet_selection() {
        let (_app, stack) = stack();
        let vpc = Vpc::new(&stack, "VPC", VpcProps::default()).unwrap();
        let default = vpc.select_subnets(&SubnetSelection::default()).unwrap();
        assert_eq!(default.subnets, vpc.private_subnets());
        assert!(!default.has_public);
        let public = vpc.select_subnets(&SubnetSelection::subnet_type(SubnetType::Public)).unwrap();
        assert!(public.has_public);
        assert_eq!(public.internet_connectivity_established().len(), 4);
        let by_name = vpc.select_subnets(&SubnetSelection::subnet_group_name("Public")).unwrap();
        assert_eq!(by_name.subnets, vpc.public_subnets());
        let err = vpc
            .select_subnets(&SubnetSelection::subnet_type(SubnetType::PrivateIsolated))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Stack/VPC: There are no 'Isolated' subnet groups in this VPC. Available types: Deprecated_Private_NAT,Private,Deprecated_Private,Public"
        );
        let err = vpc.select_subnets(&SubnetSelection::subnet_group_name("Db")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Stack/VPC: There are no subnet groups with name 'Db' in this VPC. Available names: Public,Private"
        );
        let mut both = SubnetSelection::subnet_type(SubnetType::Public);
        both.subnet_group_name = Some("Public".into());
        assert_eq!(vpc.select_subnets(&both).unwrap_err().code(), "OnlySuppliedSubnetSelection");
    }
}
