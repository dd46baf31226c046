//! Peers of security group rules (`aws-ec2/lib/peer.ts`): IPv4 ranges, security groups by id
//! and security groups of this app.

use cdk_core::{Construct, Value};

use crate::SecurityGroup;

/// The other side of a security group rule (`ec2.Peer`, CDK's `IPeer`).
///
/// ```
/// use cdk_ec2::Peer;
/// let p = Peer::ipv4("10.0.0.0/16");
/// assert_eq!(p.unique_id(), cdk_core::Value::from("10.0.0.0/16"));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Peer {
    /// An IPv4 CIDR range (`Peer.ipv4`, `Peer.anyIpv4`); the range may be a token such as
    /// `vpc.vpc_cidr_block()`.
    Ipv4(Value),
    /// An IPv6 CIDR range (`Peer.ipv6`, `Peer.anyIpv6`).
    Ipv6(Value),
    /// A security group by id (`Peer.securityGroupId`), optionally of another account.
    SecurityGroupId {
        /// The group's id (`sg-...`).
        id: Value,
        /// The account owning the group. Default: this account.
        owner_id: Option<Value>,
    },
    /// A security group of this app (`SecurityGroup` as an `IPeer`).
    SecurityGroup(SecurityGroup),
}

impl Peer {
    /// An IPv4 CIDR range (`Peer.ipv4`); a literal range is checked when the rule is added.
    pub fn ipv4(cidr: impl Into<Value>) -> Peer {
        Peer::Ipv4(cidr.into())
    }

    /// Any IPv4 address, `0.0.0.0/0` (`Peer.anyIpv4`).
    pub fn any_ipv4() -> Peer {
        Peer::Ipv4(Value::from("0.0.0.0/0"))
    }

    /// An IPv6 CIDR range (`Peer.ipv6`); a literal range is checked when the rule is added.
    pub fn ipv6(cidr: impl Into<Value>) -> Peer {
        Peer::Ipv6(cidr.into())
    }

    /// Any IPv6 address, `::/0` (`Peer.anyIpv6`).
    pub fn any_ipv6() -> Peer {
        Peer::Ipv6(Value::from("::/0"))
    }

    /// A security group by id (`Peer.securityGroupId`); a literal id is checked when the rule
    /// is added.
    pub fn security_group_id(id: impl Into<Value>, owner_id: impl Into<Option<Value>>) -> Peer {
        Peer::SecurityGroupId { id: id.into(), owner_id: owner_id.into() }
    }

    /// Whether a rule with this peer can be written inline in the group
    /// (`canInlineRule`): IPv4 ranges always, group ids when literal, groups never.
    pub fn can_inline_rule(&self) -> bool {
        match self {
            Peer::Ipv4(_) | Peer::Ipv6(_) => true,
            Peer::SecurityGroupId { id, owner_id } => {
                !is_token(id) && !owner_id.as_ref().is_some_and(is_token)
            }
            Peer::SecurityGroup(_) => false,
        }
    }

    /// The peer's id in descriptions and construct ids (`uniqueId`): the range, the group
    /// id, or the unique id of the group's construct.
    pub fn unique_id(&self) -> Value {
        match self {
            Peer::Ipv4(c) | Peer::Ipv6(c) => c.clone(),
            Peer::SecurityGroupId { id, .. } => id.clone(),
            Peer::SecurityGroup(sg) => Value::from(sg.node().unique_id()),
        }
    }

    /// The checks CDK makes when building the peer.
    pub(crate) fn validate(&self) -> Result<(), String> {
        match self {
            Peer::Ipv4(Value::String(cidr)) => {
                let (ip, mask) = match cidr.split_once('/') {
                    Some((ip, mask)) => (ip, Some(mask)),
                    None => (cidr.as_str(), None),
                };
                let parts: Vec<&str> = ip.split('.').collect();
                let ip_ok = parts.len() == 4
                    && parts.iter().all(|p| {
                        (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
                    });
                let mask_ok =
                    mask.is_none_or(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
                if !ip_ok || !mask_ok {
                    return Err(format!("Invalid IPv4 CIDR: \"{cidr}\""));
                }
                if mask.is_none() {
                    return Err(format!(
                        "CIDR mask is missing in IPv4: \"{cidr}\". Did you mean \"{cidr}/32\"?"
                    ));
                }
                Ok(())
            }
            Peer::Ipv6(Value::String(cidr)) => {
                let (ip, mask) = match cidr.split_once('/') {
                    Some((ip, mask)) => (ip, Some(mask)),
                    None => (cidr.as_str(), None),
                };
                let groups: Vec<&str> = ip.split(':').collect();
                let ip_ok = (3..=8).contains(&groups.len())
                    && groups.iter().all(|g| {
                        g.len() <= 4
                            && g.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                    });
                let mask_ok =
                    mask.is_none_or(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
                if !ip_ok || !mask_ok {
                    return Err(format!("Invalid IPv6 CIDR: \"{cidr}\""));
                }
                if mask.is_none() {
                    return Err(format!(
                        "CIDR mask is missing in IPv6: \"{cidr}\". Did you mean \"{cidr}/128\"?"
                    ));
                }
                Ok(())
            }
            Peer::SecurityGroupId { id: Value::String(id), .. } => {
                let rest = id.strip_prefix("sg-").unwrap_or("");
                let ok = (8..=17).contains(&rest.len())
                    && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
                if ok {
                    Ok(())
                } else {
                    Err(format!("Invalid security group ID: \"{id}\""))
                }
            }
            _ => Ok(()),
        }
    }
}

fn is_token(v: &Value) -> bool {
    !matches!(v, Value::String(_))
}

impl From<&SecurityGroup> for Peer {
    fn from(sg: &SecurityGroup) -> Peer {
        Peer::SecurityGroup(sg.clone())
    }
}

impl From<SecurityGroup> for Peer {
    fn from(sg: SecurityGroup) -> Peer {
        Peer::SecurityGroup(sg)
    }
}

impl From<&Peer> for Peer {
    fn from(p: &Peer) -> Peer {
        p.clone()
    }
}
