//! Connections between constructs with security groups (`aws-ec2/lib/connections.ts`):
//! `allow_from` / `allow_to` add the rule on both sides.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::{Ec2Error, Peer, Port, SecurityGroup};

/// Something with [`Connections`] (`ec2.IConnectable`): security groups, interface VPC
/// endpoints, peers.
pub trait IConnectable {
    /// The object's connections (`connections`).
    fn connections(&self) -> Connections;
}

/// The flags a construct's connections share (`skip`, `remoteRule`).
#[derive(Debug, Default)]
pub(crate) struct ConnectionFlags {
    skip: Cell<bool>,
    remote_rule: Cell<bool>,
}

/// The security groups of a construct and its default port (`ec2.Connections`); adding a
/// rule adds it to every group, and the matching rule on the other side.
///
/// ```
/// use cdk_core::{App, Stack};
/// use cdk_ec2::{IConnectable, Port, SecurityGroup, SecurityGroupProps, Vpc, VpcProps};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
/// let a = SecurityGroup::new(&stack, "A", SecurityGroupProps::builder().vpc(&vpc))?;
/// let b = SecurityGroup::new(&stack, "B", SecurityGroupProps::builder().vpc(&vpc))?;
/// a.connections().allow_from(&b, &Port::tcp(5432), None)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Connections {
    security_groups: Rc<RefCell<Vec<SecurityGroup>>>,
    peer: Option<Peer>,
    default_port: Option<Port>,
    flags: Rc<ConnectionFlags>,
}

impl Connections {
    pub(crate) fn with(
        security_groups: Vec<SecurityGroup>,
        peer: Option<Peer>,
        default_port: Option<Port>,
        flags: Rc<ConnectionFlags>,
    ) -> Connections {
        let security_groups = Rc::new(RefCell::new(security_groups));
        Connections { security_groups, peer, default_port, flags }
    }

    /// Connections of `security_groups` with a default port (`new Connections({
    /// securityGroups, defaultPort })`), for constructs of other crates. Clones share the
    /// groups and the state that stops the two sides of a rule from recursing.
    pub fn new(
        security_groups: impl IntoIterator<Item = SecurityGroup>,
        default_port: impl Into<Option<Port>>,
    ) -> Connections {
        Connections::with(
            security_groups.into_iter().collect(),
            None,
            default_port.into(),
            Rc::default(),
        )
    }

    /// Adds security groups (`addSecurityGroup`); rules added later apply to them.
    pub fn add_security_group(&self, groups: impl IntoIterator<Item = SecurityGroup>) {
        self.security_groups.borrow_mut().extend(groups);
    }

    /// The security groups (`securityGroups`).
    pub fn security_groups(&self) -> Vec<SecurityGroup> {
        self.security_groups.borrow().clone()
    }

    /// The default port (`defaultPort`), if any.
    pub fn default_port(&self) -> Option<&Port> {
        self.default_port.as_ref()
    }

    /// The peers rules about this object name (`_securityGroupRules`): its groups, then its
    /// peer.
    fn rule_peers(&self) -> Vec<Peer> {
        let mut peers: Vec<Peer> = self.security_groups().iter().map(Peer::from).collect();
        peers.extend(self.peer.clone());
        peers
    }

    /// Allows traffic on `port` from `other` (`allowFrom`): an ingress rule on each of this
    /// object's groups, and an egress rule on each of `other`'s.
    ///
    /// `description` default: `from <peer>:<port>`.
    ///
    /// # Errors
    /// The errors of [`SecurityGroup::add_ingress_rule`] and
    /// [`SecurityGroup::add_egress_rule`].
    pub fn allow_from<'a>(
        &self,
        other: &impl IConnectable,
        port: &Port,
        description: impl Into<Option<&'a str>>,
    ) -> Result<(), Ec2Error> {
        let description = description.into();
        if self.flags.skip.get() {
            return Ok(());
        }
        let remote_rule = self.flags.remote_rule.get();
        let other = other.connections();
        self.flags.skip.set(true);
        other.flags.remote_rule.set(true);
        let result = (|| {
            for sg in &self.security_groups() {
                for peer in other.rule_peers() {
                    sg.add_rule(true, &peer, port, description, remote_rule)?;
                }
            }
            other.allow_to(self, port, description)
        })();
        self.flags.skip.set(false);
        other.flags.remote_rule.set(false);
        result
    }

    /// Allows traffic on `port` to `other` (`allowTo`): an egress rule on each of this
    /// object's groups, and an ingress rule on each of `other`'s.
    ///
    /// `description` default: `to <peer>:<port>`.
    ///
    /// # Errors
    /// The errors of [`SecurityGroup::add_ingress_rule`] and
    /// [`SecurityGroup::add_egress_rule`].
    pub fn allow_to<'a>(
        &self,
        other: &impl IConnectable,
        port: &Port,
        description: impl Into<Option<&'a str>>,
    ) -> Result<(), Ec2Error> {
        let description = description.into();
        if self.flags.skip.get() {
            return Ok(());
        }
        let remote_rule = self.flags.remote_rule.get();
        let other = other.connections();
        self.flags.skip.set(true);
        other.flags.remote_rule.set(true);
        let result = (|| {
            for sg in &self.security_groups() {
                for peer in other.rule_peers() {
                    sg.add_rule(false, &peer, port, description, remote_rule)?;
                }
            }
            other.allow_from(self, port, description)
        })();
        self.flags.skip.set(false);
        other.flags.remote_rule.set(false);
        result
    }

    /// Allows traffic on this object's default port from `other` (`allowDefaultPortFrom`).
    ///
    /// # Errors
    /// [`cdk_core::Error::InvalidArgument`] when there is no default port; the errors of
    /// [`Connections::allow_from`].
    pub fn allow_default_port_from<'a>(
        &self,
        other: &impl IConnectable,
        description: impl Into<Option<&'a str>>,
    ) -> Result<(), Ec2Error> {
        let port = self.require_default_port("allowDefaultPortFrom")?;
        self.allow_from(other, &port, description)
    }

    /// Allows traffic to `other` on this object's default port (`allowDefaultPortTo`).
    ///
    /// # Errors
    /// As [`Connections::allow_default_port_from`].
    pub fn allow_default_port_to<'a>(
        &self,
        other: &impl IConnectable,
        description: impl Into<Option<&'a str>>,
    ) -> Result<(), Ec2Error> {
        let port = self.require_default_port("allowDefaultPortTo")?;
        self.allow_to(other, &port, description)
    }

    /// Allows traffic on this object's default port from any IPv4 address
    /// (`allowDefaultPortFromAnyIpv4`).
    ///
    /// # Errors
    /// As [`Connections::allow_default_port_from`].
    pub fn allow_default_port_from_any_ipv4<'a>(
        &self,
        description: impl Into<Option<&'a str>>,
    ) -> Result<(), Ec2Error> {
        let port = self.require_default_port("allowDefaultPortFromAnyIpv4")?;
        self.allow_from(&Peer::any_ipv4(), &port, description)
    }

    fn require_default_port(&self, method: &str) -> Result<Port, Ec2Error> {
        self.default_port.ok_or_else(|| {
            let path = self
                .security_groups()
                .first()
                .map(|sg| cdk_core::Construct::node(sg).path())
                .unwrap_or_default();
            Ec2Error::Core(cdk_core::Error::InvalidArgument {
                path,
                message: format!("Cannot call {method}(): this resource has no default port"),
            })
        })
    }
}

impl IConnectable for Connections {
    fn connections(&self) -> Connections {
        self.clone()
    }
}

impl IConnectable for Peer {
    /// A peer's connections: no security groups, the peer itself (`new Connections({ peer })`).
    fn connections(&self) -> Connections {
        Connections::with(Vec::new(), Some(self.clone()), None, Rc::default())
    }
}
