//! How a VPC gets its IPv4 range and splits it among subnets (`aws-ec2/lib/ip-addresses.ts`):
//! [`IpAddresses::cidr`], a fixed block divided by [`NetworkBuilder`]. aws-cdk-lib's IPAM
//! allocation (`IpAddresses.awsIpamAllocation`) and IPv6 are not ported.

use crate::network_util::NetworkBuilder;
use crate::Ec2Error;

/// Where a VPC's IPv4 addresses come from (`IpAddresses`).
///
/// ```
/// use cdk_ec2::IpAddresses;
/// let ip = IpAddresses::cidr("10.1.0.0/16");
/// assert_eq!(ip.cidr_block(), "10.1.0.0/16");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IpAddresses {
    cidr_block: String,
}

impl IpAddresses {
    /// A fixed block (`IpAddresses.cidr`), checked when the VPC is created.
    pub fn cidr(cidr_block: impl Into<String>) -> IpAddresses {
        IpAddresses { cidr_block: cidr_block.into() }
    }

    /// The block as given.
    pub fn cidr_block(&self) -> &str {
        &self.cidr_block
    }

    /// The builder that allocates the block (`new Cidr(...)`); errors name `path` (the VPC).
    pub(crate) fn network_builder(&self, path: &str) -> Result<NetworkBuilder, Ec2Error> {
        NetworkBuilder::new(path, &self.cidr_block)
    }
}

/// `Cidr.allocateSubnetsCidr`: one block per requested subnet, given each subnet's mask
/// (`None` when its configuration sets no `cidrMask`).
///
/// As in aws-cdk-lib, subnets with a mask are allocated first, in order; the others then share
/// what is left equally (the largest mask that fits them all) and are inserted back at their
/// index. The result lists the blocks in that order, which is the order aws-cdk-lib assigns
/// them to the requested subnets.
///
/// # Errors
/// The errors of [`NetworkBuilder::add_subnet`].
pub(crate) fn allocate_subnets_cidr(
    builder: &mut NetworkBuilder,
    masks: &[Option<u8>],
) -> Result<Vec<String>, Ec2Error> {
    let mut allocated: Vec<String> = Vec::with_capacity(masks.len());
    let mut without_mask: Vec<usize> = Vec::new();
    for (index, mask) in masks.iter().enumerate() {
        match mask {
            Some(m) => allocated.push(builder.add_subnet(i64::from(*m))?),
            None => without_mask.push(index),
        }
    }
    let remaining_mask = builder.mask_for_remaining_subnets(without_mask.len());
    for index in without_mask {
        let cidr = builder.add_subnet(remaining_mask)?;
        // `Array.prototype.splice` appends when the index is past the end.
        let at = index.min(allocated.len());
        allocated.insert(at, cidr);
    }
    Ok(allocated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allocate(cidr: &str, masks: &[Option<u8>]) -> Result<Vec<String>, Ec2Error> {
        let mut b = IpAddresses::cidr(cidr).network_builder("Stack/VPC")?;
        allocate_subnets_cidr(&mut b, masks)
    }

    #[test]
    fn default_layout_splits_the_range_in_four() {
        assert_eq!(
            allocate("10.0.0.0/16", &[None, None, None, None]).unwrap(),
            ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"]
        );
    }

    #[test]
    fn three_azs_leave_a_gap() {
        // six subnets of a /16: 65536 / 6 = 10922 addresses each, rounded down to /19
        let cidrs = allocate("10.0.0.0/16", &[None; 6]).unwrap();
        assert_eq!(cidrs[0], "10.0.0.0/19");
        assert_eq!(cidrs[5], "10.0.160.0/19");
    }

    #[test]
    fn fixed_masks_first_then_the_rest() {
        let cidrs = allocate("10.0.0.0/16", &[Some(24), None, Some(24), None]).unwrap();
        // the fixed ones take the first blocks; the rest share what is left (/18s after the
        // two /24s) and are spliced back at their index
        assert_eq!(cidrs, ["10.0.0.0/24", "10.0.64.0/18", "10.0.1.0/24", "10.0.128.0/18"]);
    }

    #[test]
    fn errors_name_the_vpc() {
        let err = allocate("10.0.0.0/16", &[Some(30)]).unwrap_err();
        assert_eq!(err.path(), Some("Stack/VPC"));
        assert_eq!(err.code(), "InvalidCidrRange");
        let err = allocate("10.0.0.0/24", &[None; 32]).unwrap_err();
        assert_eq!(err.code(), "InvalidCidrRange");
        assert!(matches!(allocate("10.0.0/16", &[None]), Err(Ec2Error::InvalidIpAddress { .. })));
    }
}
