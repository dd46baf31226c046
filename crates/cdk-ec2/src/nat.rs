//! NAT gateways (`NatGatewayProvider` and `PrefSet` of `aws-ec2/lib/nat.ts`): one gateway
//! per selected public subnet, and a default route from each private subnet to the gateway
//! of its availability zone (else the gateways in turn). NAT instances and regional NAT
//! gateways are not ported.

use cdk_core::Value;

use crate::subnet::Subnet;
use crate::Ec2Error;

/// Values by preferred key, picking another in turn when a key is missing (`PrefSet`).
///
/// Keys are availability zones, compared as values: a literal zone by its name, an
/// `Fn::Select` of `Fn::GetAZs` by its index (aws-cdk-lib compares the token strings of the
/// stack's zone list, which are shared the same way).
#[derive(Debug, Default)]
pub(crate) struct PrefSet {
    values: Vec<(Value, Value)>,
    next: usize,
}

impl PrefSet {
    pub(crate) fn add(&mut self, pref: Value, value: Value) {
        self.values.push((pref, value));
    }

    /// The value added last for `pref`, else the next value in turn; `None` when empty.
    pub(crate) fn pick(&mut self, pref: &Value) -> Option<Value> {
        if let Some((_, v)) = self.values.iter().rev().find(|(k, _)| k == pref) {
            return Some(v.clone());
        }
        if self.values.is_empty() {
            return None;
        }
        let v = self.values[self.next % self.values.len()].1.clone();
        self.next += 1;
        Some(v)
    }
}

/// `NatGatewayProvider.configureNat`: a NAT gateway in each of `nat_subnets`, then a default
/// route from each of `private_subnets`.
pub(crate) fn configure_nat_gateways(
    nat_subnets: &[Subnet],
    private_subnets: &[Subnet],
) -> Result<(), Ec2Error> {
    let mut gateways = PrefSet::default();
    for subnet in nat_subnets {
        let gateway = subnet.add_nat_gateway()?;
        gateways.add(subnet.availability_zone(), gateway.ref_());
    }
    for subnet in private_subnets {
        // aws-cdk-lib throws "Cannot pick, set is empty"; the VPC only gets here with gateways
        if let Some(gateway_id) = gateways.pick(&subnet.availability_zone()) {
            subnet.add_default_nat_route(gateway_id)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_by_zone_then_in_turn() {
        let mut set = PrefSet::default();
        assert_eq!(set.pick(&"a".into()), None);
        set.add("a".into(), "gw-a".into());
        set.add("b".into(), "gw-b".into());
        assert_eq!(set.pick(&"b".into()), Some("gw-b".into()));
        assert_eq!(set.pick(&"c".into()), Some("gw-a".into()));
        assert_eq!(set.pick(&"d".into()), Some("gw-b".into()));
        assert_eq!(set.pick(&"e".into()), Some("gw-a".into()));
    }

    #[test]
    fn intrinsic_zones_match_by_index() {
        let az = |i| cdk_core::Fn::select(i, cdk_core::Fn::get_azs(None));
        let mut set = PrefSet::default();
        set.add(az(0), "gw-0".into());
        set.add(az(1), "gw-1".into());
        assert_eq!(set.pick(&az(1)), Some("gw-1".into()));
        assert_eq!(set.pick(&az(0)), Some("gw-0".into()));
    }
}
