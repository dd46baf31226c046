//! Subnets of a [`Vpc`](crate::Vpc) (`Subnet`, `PublicSubnet` and `PrivateSubnet` of
//! `aws-ec2/lib/vpc.ts`, with `defaultSubnetName` and `subnetId` of `util.ts`): each subnet
//! is an `AWS::EC2::Subnet` with its own route table and association, plus its default route
//! and, for public subnets, a NAT gateway with its Elastic IP.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{BuildError, Construct, Node, TagProps, Tags, Value};
use cfn_ec2::{
    CfnEIP, CfnEIPProps, CfnNatGateway, CfnNatGatewayProps, CfnRoute, CfnRouteProps, CfnRouteTable,
    CfnRouteTableProps, CfnSubnet, CfnSubnetProps, CfnSubnetRouteTableAssociation,
    CfnSubnetRouteTableAssociationProps,
};

use crate::Ec2Error;

/// The `Name` tag aws-cdk-lib puts on a VPC and its subnets (`NAME_TAG`).
pub(crate) const NAME_TAG: &str = "Name";
/// The tag naming a subnet's group (`SUBNETNAME_TAG`).
pub(crate) const SUBNETNAME_TAG: &str = "aws-cdk:subnet-name";
/// The tag naming a subnet's type (`SUBNETTYPE_TAG`).
pub(crate) const SUBNETTYPE_TAG: &str = "aws-cdk:subnet-type";

/// What a subnet can reach (`SubnetType`). aws-cdk-lib's deprecated aliases (`ISOLATED`,
/// `PRIVATE`, `PRIVATE_WITH_NAT`) are not ported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SubnetType {
    /// No route to the internet (`PRIVATE_ISOLATED`).
    #[doc(alias = "PRIVATE_ISOLATED")]
    PrivateIsolated,
    /// Outbound traffic through a NAT gateway (`PRIVATE_WITH_EGRESS`).
    #[doc(alias = "PRIVATE_WITH_EGRESS")]
    PrivateWithEgress,
    /// A route to the internet gateway; instances may get public addresses (`PUBLIC`).
    #[doc(alias = "PUBLIC")]
    Public,
}

impl From<SubnetType> for cdk_core::Value {
    fn from(v: SubnetType) -> cdk_core::Value {
        cdk_core::Value::from(v.as_str())
    }
}

impl SubnetType {
    /// aws-cdk-lib's enum value (`Isolated`, `Private`, `Public`), which error messages show.
    pub fn as_str(self) -> &'static str {
        match self {
            SubnetType::PrivateIsolated => "Isolated",
            SubnetType::PrivateWithEgress => "Private",
            SubnetType::Public => "Public",
        }
    }

    /// The default name of a subnet group of this type (`defaultSubnetName`).
    pub fn default_subnet_name(self) -> &'static str {
        self.as_str()
    }

    /// The value of the `aws-cdk:subnet-type` tag (`subnetTypeTagValue`).
    pub(crate) fn tag_value(self) -> &'static str {
        self.as_str()
    }
}

/// One group of subnets of a VPC, one subnet per availability zone (`SubnetConfiguration`).
///
/// `build()` refuses `map_public_ip_on_launch` on a non-public group (aws-cdk-lib's
/// `MapPublicIpNotAllowed`, checked here without a path; the VPC checks it again with its own).
///
/// ```
/// use cdk_ec2::{SubnetConfiguration, SubnetType};
/// let c = SubnetConfiguration::builder()
///     .name("Ingress")
///     .subnet_type(SubnetType::Public)
///     .cidr_mask(24)
///     .build()?;
/// assert_eq!(c.cidr_mask, Some(24));
/// assert!(SubnetConfiguration::builder().name("Db").subnet_type(SubnetType::PrivateIsolated)
///     .map_public_ip_on_launch(true).build().is_err());
/// # Ok::<(), cdk_core::BuildError>(())
/// ```
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct SubnetConfiguration {
    /// The group's name, the first part of each subnet's construct id (`<name>Subnet<n>`).
    /// Required.
    pub name: String,
    /// What the subnets can reach. Required.
    pub subnet_type: SubnetType,
    /// The prefix length of each subnet's block. Default: the VPC's remaining space shared
    /// equally among the subnets without one.
    #[builder(default, setter(into = false, strip_option))]
    pub cidr_mask: Option<u8>,
    /// Keep the address space but create no subnets. Default: false.
    #[builder(default)]
    pub reserved: bool,
    /// Give instances launched in these (public) subnets a public IPv4 address. Default:
    /// true for public subnets.
    #[builder(default)]
    pub map_public_ip_on_launch: Option<bool>,
}
cdk_core::impl_props!(SubnetConfiguration, SubnetConfigurationBuilder);

impl SubnetConfiguration {
    /// A group with a type and name and the defaults for the rest.
    pub fn new(name: impl Into<String>, subnet_type: SubnetType) -> SubnetConfiguration {
        SubnetConfiguration {
            name: name.into(),
            subnet_type,
            cidr_mask: None,
            reserved: false,
            map_public_ip_on_launch: None,
        }
    }

    /// The configuration as JavaScript would print it in aws-cdk-lib's messages.
    pub(crate) fn to_js_json(&self) -> String {
        let mut out = format!(
            "{{\"name\":{},\"subnetType\":\"{}\"",
            serde_json_string(&self.name),
            self.subnet_type.as_str()
        );
        if let Some(m) = self.cidr_mask {
            out.push_str(&format!(",\"cidrMask\":{m}"));
        }
        if self.reserved {
            out.push_str(",\"reserved\":true");
        }
        if let Some(m) = self.map_public_ip_on_launch {
            out.push_str(&format!(",\"mapPublicIpOnLaunch\":{m}"));
        }
        out.push('}');
        out
    }
}

fn serde_json_string(s: &str) -> String {
    let mut out = String::new();
    cdk_core::json::write_string(&mut out, s);
    out
}

impl SubnetConfigurationBuilder {
    fn validate(&self) -> Result<(), BuildError> {
        if let (Some(t), Some(Some(_))) = (self.subnet_type, self.map_public_ip_on_launch) {
            if t != SubnetType::Public {
                return Err(BuildError::invalid_field(
                    "map_public_ip_on_launch",
                    format!("{} subnet cannot include mapPublicIpOnLaunch parameter", t.as_str()),
                ));
            }
        }
        Ok(())
    }
}

/// The construct id of the `index`-th (from 0) subnet of a group (`subnetId`):
/// `<name>Subnet<index + 1>`.
pub(crate) fn subnet_construct_id(name: &str, index: usize) -> String {
    format!("{name}Subnet{}", index + 1)
}

/// The group name of a subnet from its construct id (`subnetGroupNameFromConstructId`).
pub(crate) fn subnet_group_name(construct_id: &str) -> String {
    let trimmed = construct_id.trim_end_matches(|c: char| c.is_ascii_digit());
    if trimmed.len() < construct_id.len() {
        if let Some(name) = trimmed.strip_suffix("Subnet") {
            return name.to_string();
        }
    }
    construct_id.to_string()
}

/// What a new subnet is made of (`SubnetProps`).
pub(crate) struct SubnetProps {
    pub availability_zone: Value,
    pub vpc_id: Value,
    pub cidr_block: String,
    pub map_public_ip_on_launch: bool,
}

struct SubnetInner {
    node: Node,
    subnet_type: SubnetType,
    resource: CfnSubnet,
    route_table: CfnRouteTable,
    availability_zone: Value,
    ipv4_cidr_block: String,
    /// `internetConnectivityEstablished`: the association, then the routes to the internet.
    internet_connectivity: RefCell<Vec<Node>>,
}

/// A subnet of a VPC (`Subnet`, created as `PublicSubnet` or `PrivateSubnet`).
///
/// Children, in aws-cdk-lib's order: `Subnet` (the `AWS::EC2::Subnet`), `Acl` (the imported
/// network ACL, which renders nothing), `RouteTable`, `RouteTableAssociation`, then
/// `DefaultRoute` and, for a public subnet with a NAT gateway, `EIP` and `NATGateway`.
/// Handles are cheap to clone and compare by construct.
#[derive(Clone)]
pub struct Subnet(Rc<SubnetInner>);

impl std::fmt::Debug for Subnet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subnet")
            .field("path", &self.0.node.path())
            .field("subnet_type", &self.0.subnet_type)
            .field("ipv4_cidr_block", &self.0.ipv4_cidr_block)
            .finish()
    }
}

impl PartialEq for Subnet {
    fn eq(&self, other: &Self) -> bool {
        self.0.node.same(&other.0.node)
    }
}

impl Construct for Subnet {
    fn node(&self) -> &Node {
        &self.0.node
    }
}

impl Subnet {
    /// Defines a subnet with its route table and association under `scope` (the VPC).
    pub(crate) fn new(
        scope: &Node,
        id: &str,
        subnet_type: SubnetType,
        props: SubnetProps,
    ) -> Result<Subnet, Ec2Error> {
        let node = scope.add_child(id)?;
        let class =
            if subnet_type == SubnetType::Public { "PublicSubnet" } else { "PrivateSubnet" };
        node.set_construct_info(&format!("{}.{class}", crate::FQN));
        Tags::of(&node).add(NAME_TAG, &node.path());
        let build = |source| Ec2Error::Core(cdk_core::Error::Build { path: node.path(), source });
        let l1 = CfnSubnetProps::builder()
            .vpc_id(props.vpc_id.clone())
            .cidr_block(props.cidr_block.as_str())
            .availability_zone(props.availability_zone.clone())
            .map_public_ip_on_launch(props.map_public_ip_on_launch)
            .build()
            .map_err(build)?;
        let resource = CfnSubnet::new(&node, "Subnet", l1)?;
        // `NetworkAcl.fromNetworkAclId(this, 'Acl', ...)`: an import, no resource
        node.add_child("Acl")?;
        let route_table = CfnRouteTable::new(
            &node,
            "RouteTable",
            CfnRouteTableProps::builder().vpc_id(props.vpc_id).build().map_err(build)?,
        )?;
        let association = CfnSubnetRouteTableAssociation::new(
            &node,
            "RouteTableAssociation",
            CfnSubnetRouteTableAssociationProps::builder()
                .subnet_id(resource.ref_())
                .route_table_id(route_table.ref_())
                .build()
                .map_err(build)?,
        )?;
        Ok(Subnet(Rc::new(SubnetInner {
            node,
            subnet_type,
            resource,
            route_table,
            availability_zone: props.availability_zone,
            ipv4_cidr_block: props.cidr_block,
            internet_connectivity: RefCell::new(vec![association.node().clone()]),
        })))
    }

    /// Tags the subnet resource with its group name and type (`aws-cdk:subnet-name`,
    /// `aws-cdk:subnet-type`, on `AWS::EC2::Subnet` only).
    pub(crate) fn tag_group(&self, name: &str) {
        for (key, value) in
            [(SUBNETNAME_TAG, name), (SUBNETTYPE_TAG, self.0.subnet_type.tag_value())]
        {
            let mut props = TagProps::default();
            props.include_resource_types = vec![CfnSubnet::CFN_RESOURCE_TYPE_NAME.to_string()];
            Tags::of(&self.0.node).add_with(key, value, props);
        }
    }

    /// The L1 subnet.
    pub fn resource(&self) -> &CfnSubnet {
        &self.0.resource
    }

    /// The subnet's type.
    pub fn subnet_type(&self) -> SubnetType {
        self.0.subnet_type
    }

    /// The subnet id (`Ref`).
    pub fn subnet_id(&self) -> Value {
        self.0.resource.ref_()
    }

    /// The availability zone (a literal or, in environment-agnostic stacks,
    /// `Fn::Select` of `Fn::GetAZs`).
    pub fn availability_zone(&self) -> Value {
        self.0.availability_zone.clone()
    }

    /// The subnet's IPv4 block.
    pub fn ipv4_cidr_block(&self) -> &str {
        &self.0.ipv4_cidr_block
    }

    /// The route table id (`Ref`).
    pub fn route_table_id(&self) -> Value {
        self.0.route_table.ref_()
    }

    /// What must exist before the subnet reaches the internet
    /// (`internetConnectivityEstablished`): its route table association and its routes to
    /// the internet. Depend on these nodes to wait for connectivity.
    pub fn internet_connectivity_established(&self) -> Vec<Node> {
        self.0.internet_connectivity.borrow().clone()
    }

    fn build_err(&self) -> impl Fn(BuildError) -> Ec2Error + '_ {
        move |source| Ec2Error::Core(cdk_core::Error::Build { path: self.0.node.path(), source })
    }

    /// `addDefaultInternetRoute`: `DefaultRoute` to the internet gateway, after the gateway is
    /// attached.
    pub(crate) fn add_default_internet_route(
        &self,
        gateway_id: Value,
        attachment: &Node,
    ) -> Result<(), Ec2Error> {
        let mut l1 = CfnRouteProps::builder()
            .route_table_id(self.route_table_id())
            .build()
            .map_err(self.build_err())?;
        l1.destination_cidr_block = Some("0.0.0.0/0".into());
        l1.gateway_id = Some(gateway_id);
        let route = CfnRoute::new(&self.0.node, "DefaultRoute", l1)?;
        route.node().add_dependency(attachment);
        self.0.internet_connectivity.borrow_mut().push(route.node().clone());
        Ok(())
    }

    /// `addDefaultNatRoute`: `DefaultRoute` to a NAT gateway.
    pub(crate) fn add_default_nat_route(&self, nat_gateway_id: Value) -> Result<(), Ec2Error> {
        let mut l1 = CfnRouteProps::builder()
            .route_table_id(self.route_table_id())
            .build()
            .map_err(self.build_err())?;
        l1.destination_cidr_block = Some("0.0.0.0/0".into());
        l1.nat_gateway_id = Some(nat_gateway_id);
        let route = CfnRoute::new(&self.0.node, "DefaultRoute", l1)?;
        self.0.internet_connectivity.borrow_mut().push(route.node().clone());
        Ok(())
    }

    /// `PublicSubnet.addNatGateway`: an Elastic IP (`EIP`) and a NAT gateway (`NATGateway`)
    /// that waits for the subnet's internet connectivity.
    pub(crate) fn add_nat_gateway(&self) -> Result<CfnNatGateway, Ec2Error> {
        let mut eip = CfnEIPProps::default();
        eip.domain = Some("vpc".into());
        let eip = CfnEIP::new(&self.0.node, "EIP", eip)?;
        let mut l1 = CfnNatGatewayProps::default();
        l1.subnet_id = Some(self.subnet_id());
        l1.allocation_id = Some(eip.attr_allocation_id());
        let gateway = CfnNatGateway::new(&self.0.node, "NATGateway", l1)?;
        for dependency in self.internet_connectivity_established() {
            gateway.node().add_dependency(&dependency);
        }
        Ok(gateway)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn construct_ids_and_group_names() {
        assert_eq!(subnet_construct_id("Public", 0), "PublicSubnet1");
        assert_eq!(subnet_group_name("PublicSubnet1"), "Public");
        assert_eq!(subnet_group_name("my-dbSubnet12"), "my-db");
        assert_eq!(subnet_group_name("Other"), "Other");
        assert_eq!(subnet_group_name("Subnet"), "Subnet");
    }

    #[test]
    fn map_public_ip_only_on_public_groups() {
        let err = SubnetConfiguration::builder()
            .name("Private")
            .subnet_type(SubnetType::PrivateWithEgress)
            .map_public_ip_on_launch(false)
            .build()
            .unwrap_err();
        assert!(err
            .message()
            .contains("Private subnet cannot include mapPublicIpOnLaunch parameter"));
        assert!(SubnetConfiguration::builder()
            .name("Public")
            .subnet_type(SubnetType::Public)
            .map_public_ip_on_launch(false)
            .build()
            .is_ok());
        assert!(SubnetConfiguration::builder().name("x").build().is_err());
    }

    #[test]
    fn configurations_print_as_javascript() {
        let mut c = SubnetConfiguration::new("Db \"x\"", SubnetType::PrivateIsolated);
        c.cidr_mask = Some(24);
        assert_eq!(c.to_js_json(), r#"{"name":"Db \"x\"","subnetType":"Isolated","cidrMask":24}"#);
    }
}
