//! Target groups of network load balancers (`nlb/network-target-group.ts` over
//! `shared/base-target-group.ts`), their health checks and targets (IP addresses and
//! instances, from `aws-elasticloadbalancingv2-targets`).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use cdk_core::{Construct, Map, Node, Value};
use cdk_ec2::Vpc;
use cfn_elasticloadbalancingv2::{CfnTargetGroup, CfnTargetGroupProps};

use crate::base_load_balancer::Attributes;
use crate::Elbv2Error;

/// The protocol of a listener or target group (`elbv2.Protocol`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Protocol {
    /// `TCP`.
    #[doc(alias = "TCP")]
    Tcp,
    /// `TLS`.
    #[doc(alias = "TLS")]
    Tls,
    /// `UDP`.
    #[doc(alias = "UDP")]
    Udp,
    /// `TCP_UDP`.
    #[doc(alias = "TCP_UDP")]
    TcpUdp,
    /// `HTTP` (health checks).
    #[doc(alias = "HTTP")]
    Http,
    /// `HTTPS` (health checks).
    #[doc(alias = "HTTPS")]
    Https,
}

impl Protocol {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Tls => "TLS",
            Protocol::Udp => "UDP",
            Protocol::TcpUdp => "TCP_UDP",
            Protocol::Http => "HTTP",
            Protocol::Https => "HTTPS",
        }
    }
}

impl From<Protocol> for Value {
    fn from(p: Protocol) -> Value {
        Value::from(p.as_str())
    }
}

/// How targets are registered (`elbv2.TargetType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TargetType {
    /// By instance id, `instance`.
    #[doc(alias = "INSTANCE")]
    Instance,
    /// By IP address, `ip`.
    #[doc(alias = "IP")]
    Ip,
    /// An application load balancer, `alb`.
    #[doc(alias = "ALB")]
    Alb,
}

impl TargetType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetType::Instance => "instance",
            TargetType::Ip => "ip",
            TargetType::Alb => "alb",
        }
    }
}

/// A health check of a target group (`elbv2.HealthCheck`). Every field is optional; unset
/// fields are not rendered (Elastic Load Balancing's defaults apply).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct HealthCheck {
    /// Whether health checks are on (`HealthCheckEnabled`). Default: not rendered.
    #[builder(default)]
    pub enabled: Option<bool>,
    /// Time between checks, whole seconds (`HealthCheckIntervalSeconds`). Default: not
    /// rendered (30 seconds).
    #[builder(default)]
    pub interval: Option<Duration>,
    /// The HTTP path checked (`HealthCheckPath`). Default: not rendered.
    #[builder(default)]
    pub path: Option<String>,
    /// The port checked (`HealthCheckPort`). Default: not rendered (the traffic port).
    #[builder(default)]
    pub port: Option<String>,
    /// The protocol of the check (`HealthCheckProtocol`). Default: not rendered.
    #[builder(default)]
    pub protocol: Option<Protocol>,
    /// Time to wait for a response, whole seconds (`HealthCheckTimeoutSeconds`). Default:
    /// not rendered.
    #[builder(default)]
    pub timeout: Option<Duration>,
    /// Successes before a target is healthy (`HealthyThresholdCount`). Default: not
    /// rendered.
    #[builder(default)]
    pub healthy_threshold_count: Option<u32>,
    /// Failures before a target is unhealthy (`UnhealthyThresholdCount`). Default: not
    /// rendered.
    #[builder(default)]
    pub unhealthy_threshold_count: Option<u32>,
}
cdk_core::impl_props!(HealthCheck, HealthCheckBuilder);

/// A target of a network target group (`INetworkLoadBalancerTarget`): what it registers
/// (`attachToNetworkTargetGroup`).
pub trait INetworkLoadBalancerTarget {
    /// The target's type and its entry of `Targets` (`LoadBalancerTargetProps`).
    fn attach_to_network_target_group(&self) -> (TargetType, Value);
}

/// An IP address as a target (`targets.IpTarget`).
#[derive(Clone, Debug, PartialEq)]
pub struct IpTarget {
    ip: Value,
    port: Option<u16>,
    availability_zone: Option<Value>,
}

impl IpTarget {
    /// The address, with a port (default: the group's port) and an availability zone
    /// (default: none, for addresses in the VPC; `all` for addresses outside it).
    pub fn new(
        ip: impl Into<Value>,
        port: impl Into<Option<u16>>,
        availability_zone: impl Into<Option<Value>>,
    ) -> IpTarget {
        IpTarget { ip: ip.into(), port: port.into(), availability_zone: availability_zone.into() }
    }
}

fn target_json(id: &Value, port: Option<u16>, az: Option<&Value>) -> Value {
    let mut m = Map::new();
    if let Some(az) = az {
        m.insert("AvailabilityZone".into(), az.clone());
    }
    m.insert("Id".into(), id.clone());
    if let Some(p) = port {
        m.insert("Port".into(), Value::from(p));
    }
    Value::Object(m)
}

impl INetworkLoadBalancerTarget for IpTarget {
    fn attach_to_network_target_group(&self) -> (TargetType, Value) {
        (TargetType::Ip, target_json(&self.ip, self.port, self.availability_zone.as_ref()))
    }
}

/// An EC2 instance by id as a target (`targets.InstanceIdTarget`).
#[derive(Clone, Debug, PartialEq)]
pub struct InstanceTarget {
    instance_id: Value,
    port: Option<u16>,
}

impl InstanceTarget {
    /// The instance, with a port (default: the group's port).
    #[doc(alias = "InstanceIdTarget")]
    pub fn new(instance_id: impl Into<Value>, port: impl Into<Option<u16>>) -> InstanceTarget {
        InstanceTarget { instance_id: instance_id.into(), port: port.into() }
    }
}

impl INetworkLoadBalancerTarget for InstanceTarget {
    fn attach_to_network_target_group(&self) -> (TargetType, Value) {
        (TargetType::Instance, target_json(&self.instance_id, self.port, None))
    }
}

/// A target, boxed so that lists of several target kinds can be passed.
pub type NetworkTarget = Rc<dyn INetworkLoadBalancerTarget>;

impl From<IpTarget> for NetworkTarget {
    fn from(t: IpTarget) -> NetworkTarget {
        Rc::new(t)
    }
}

impl From<InstanceTarget> for NetworkTarget {
    fn from(t: InstanceTarget) -> NetworkTarget {
        Rc::new(t)
    }
}

/// Options of a [`NetworkTargetGroup`] (`NetworkTargetGroupProps`).
#[derive(Clone, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct NetworkTargetGroupProps {
    /// The port targets receive traffic on (`Port`). Required.
    pub port: u16,
    /// The protocol (`Protocol`). Default: TCP.
    #[builder(default)]
    pub protocol: Option<Protocol>,
    /// The VPC of the targets (`VpcId`). Default: none (needed for IP and instance
    /// targets).
    #[builder(default)]
    pub vpc: Option<Vpc>,
    /// How targets are registered (`TargetType`). Default: the type of the first target.
    #[builder(default)]
    pub target_type: Option<TargetType>,
    /// The group's name (`Name`). Default: generated by CloudFormation.
    #[builder(default)]
    pub target_group_name: Option<String>,
    /// The health check. Default: Elastic Load Balancing's.
    #[builder(default)]
    pub health_check: Option<HealthCheck>,
    /// Time to drain a deregistered target (`deregistration_delay.timeout_seconds`).
    /// Default: not rendered (300 seconds).
    #[builder(default)]
    pub deregistration_delay: Option<Duration>,
    /// Whether to send the proxy protocol v2 header (`proxy_protocol_v2.enabled`).
    /// Default: not rendered (false).
    #[builder(default)]
    pub proxy_protocol_v2: Option<bool>,
    /// Whether to keep the client's IP address (`preserve_client_ip.enabled`). Default: not
    /// rendered.
    #[builder(default)]
    pub preserve_client_ip: Option<bool>,
    /// The targets. Default: none (more with [`NetworkTargetGroup::add_target`]).
    #[builder(default, setter(custom))]
    pub targets: Vec<NetworkTarget>,
}
cdk_core::impl_props!(NetworkTargetGroupProps, NetworkTargetGroupPropsBuilder);

impl NetworkTargetGroupPropsBuilder {
    /// The targets. Default: none.
    pub fn targets<I, T>(mut self, targets: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<NetworkTarget>,
    {
        self.targets = Some(targets.into_iter().map(Into::into).collect());
        self
    }
}

impl std::fmt::Debug for NetworkTargetGroupProps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NetworkTargetGroupProps")
            .field("port", &self.port)
            .field("protocol", &self.protocol)
            .field("targets", &self.targets.len())
            .finish_non_exhaustive()
    }
}

struct GroupState {
    target_type: RefCell<Option<TargetType>>,
    targets: RefCell<Vec<Value>>,
}

/// A target group of a network load balancer (`elbv2.NetworkTargetGroup`); its child
/// `Resource` is the `AWS::ElasticLoadBalancingV2::TargetGroup`.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_ec2::{Vpc, VpcProps};
/// use cdk_elasticloadbalancingv2::{IpTarget, NetworkTargetGroup, NetworkTargetGroupProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
/// let group = NetworkTargetGroup::new(&stack, "Group", NetworkTargetGroupProps::builder()
///     .port(8080u16).vpc(&vpc).targets([IpTarget::new("10.0.0.10", None, None)]))?;
/// let _arn = group.target_group_arn();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct NetworkTargetGroup {
    node: Node,
    resource: CfnTargetGroup,
    state: Rc<GroupState>,
}

impl std::fmt::Debug for NetworkTargetGroup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NetworkTargetGroup({})", self.node.path())
    }
}

impl Construct for NetworkTargetGroup {
    fn node(&self) -> &Node {
        &self.node
    }
}

fn whole_seconds(d: Duration) -> Value {
    Value::from(d.as_secs())
}

impl NetworkTargetGroup {
    /// Defines a target group.
    ///
    /// # Errors
    /// [`Elbv2Error::Core`] for a target of another type than the group's, and id errors.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<NetworkTargetGroupProps>,
    ) -> Result<NetworkTargetGroup, Elbv2Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.NetworkTargetGroup", crate::FQN));
        let state = Rc::new(GroupState {
            target_type: RefCell::new(props.target_type),
            targets: RefCell::new(Vec::new()),
        });
        let attributes = Attributes::default();
        if let Some(d) = props.deregistration_delay {
            attributes.set("deregistration_delay.timeout_seconds", Some(d.as_secs().to_string()));
        }
        if let Some(p) = props.proxy_protocol_v2 {
            attributes.set("proxy_protocol_v2.enabled", Some(p.to_string()));
        }
        if let Some(p) = props.preserve_client_ip {
            attributes.set("preserve_client_ip.enabled", Some(p.to_string()));
        }
        let mut l1 = CfnTargetGroupProps::default();
        if let Some(h) = &props.health_check {
            l1.health_check_enabled = h.enabled.map(Value::from);
            l1.health_check_interval_seconds = h.interval.map(whole_seconds);
            l1.health_check_path = h.path.clone().map(Value::from);
            l1.health_check_port = h.port.clone().map(Value::from);
            l1.health_check_protocol = h.protocol.map(Value::from);
            l1.health_check_timeout_seconds = h.timeout.map(whole_seconds);
            l1.healthy_threshold_count = h.healthy_threshold_count.map(Value::from);
            l1.unhealthy_threshold_count = h.unhealthy_threshold_count.map(Value::from);
        }
        l1.name = props.target_group_name.clone().map(Value::from);
        l1.port = Some(Value::from(props.port));
        l1.protocol = Some(props.protocol.unwrap_or(Protocol::Tcp).into());
        l1.target_group_attributes = Some(attributes.render());
        let s = state.clone();
        l1.target_type =
            Some(Value::lazy(move |_| s.target_type.borrow().map(|t| Value::from(t.as_str()))));
        let s = state.clone();
        l1.targets = Some(Value::lazy(move |_| {
            let targets = s.targets.borrow().clone();
            (!targets.is_empty()).then(|| Value::array(targets))
        }));
        l1.vpc_id = props.vpc.as_ref().map(Vpc::vpc_id);
        let resource = CfnTargetGroup::new(&node, "Resource", l1)?;
        let group = NetworkTargetGroup { node, resource, state };
        for target in &props.targets {
            group.add_target(target.as_ref())?;
        }
        Ok(group)
    }

    /// Registers a target (`addTarget`).
    ///
    /// # Errors
    /// [`Elbv2Error::Core`] when the target's type differs from the group's.
    pub fn add_target(&self, target: &dyn INetworkLoadBalancerTarget) -> Result<(), Elbv2Error> {
        let (target_type, json) = target.attach_to_network_target_group();
        let current = *self.state.target_type.borrow();
        if let Some(t) = current {
            if t != target_type {
                return Err(Elbv2Error::Core(cdk_core::Error::InvalidArgument {
                    path: self.node.path(),
                    message: format!(
                        "Already have a of type '{}', adding '{}'; make all targets the same type.",
                        t.as_str(),
                        target_type.as_str()
                    ),
                }));
            }
        }
        *self.state.target_type.borrow_mut() = Some(target_type);
        self.state.targets.borrow_mut().push(json);
        Ok(())
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnTargetGroup {
        &self.resource
    }

    /// The group's ARN (`targetGroupArn`, `Ref`).
    pub fn target_group_arn(&self) -> Value {
        self.resource.ref_()
    }

    /// The group's full name (`targetGroupFullName`, `Fn::GetAtt TargetGroupFullName`).
    pub fn target_group_full_name(&self) -> Value {
        self.resource.get_att("TargetGroupFullName")
    }
}

impl From<&NetworkTargetGroup> for NetworkTargetGroup {
    fn from(x: &NetworkTargetGroup) -> NetworkTargetGroup {
        x.clone()
    }
}
