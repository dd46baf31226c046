//! IPv4 arithmetic for the automatic subnet layout (`aws-ec2/lib/network-util.ts`):
//! [`CidrBlock`] and [`NetworkBuilder`], which hands out consecutive subnet blocks of a VPC's
//! range. The arithmetic is aws-cdk-lib's, quirks included (a block given with host bits set
//! is rounded up to the next block of its size, as `new CidrBlock('10.0.0.5/16')` does).

use crate::Ec2Error;

/// `Math.pow(2, 32 - mask)`: the number of addresses of a block.
fn netsize(mask: u32) -> u64 {
    1u64 << (32 - mask.min(32))
}

/// `parseInt(s, 10)` for the small inputs an address has: leading white space, an optional
/// sign, then at least one digit (what follows the digits is ignored); `None` for `NaN`.
fn js_parse_int(s: &str) -> Option<i64> {
    let s = s.trim_start();
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let end = digits.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    // Long digit runs saturate: they are out of range for an octet or a mask anyway.
    let value = digits[..end].parse::<i64>().unwrap_or(i64::MAX);
    Some(if negative { -value } else { value })
}

/// `NetworkUtils.validIp`: four dot-separated decimal octets from 0 to 255.
pub(crate) fn valid_ip(ip: &str) -> bool {
    let octets: Vec<&str> = ip.split('.').collect();
    octets.len() == 4
        && octets.iter().all(|o| js_parse_int(o).is_some_and(|n| (0..=255).contains(&n)))
}

/// `NetworkUtils.ipToNum`.
pub(crate) fn ip_to_num(path: &str, ip: &str) -> Result<u64, Ec2Error> {
    if !valid_ip(ip) {
        return Err(Ec2Error::InvalidIpAddress { path: path.to_string(), ip: ip.to_string() });
    }
    Ok(ip.split('.').enumerate().fold(0u64, |acc, (i, octet)| {
        let n = js_parse_int(octet).unwrap_or(0).unsigned_abs();
        acc + n * 256u64.pow(3 - i as u32)
    }))
}

/// `NetworkUtils.numToIp`.
pub(crate) fn num_to_ip(path: &str, num: u64) -> Result<String, Ec2Error> {
    let mut remaining = num;
    let mut parts = Vec::with_capacity(4);
    for i in 0..4u32 {
        let unit = 256u64.pow(3 - i);
        parts.push(remaining / unit);
        remaining %= unit;
    }
    let ip = parts.iter().map(u64::to_string).collect::<Vec<_>>().join(".");
    if !valid_ip(&ip) {
        return Err(Ec2Error::InvalidIpAddressFormat { path: path.to_string(), ip });
    }
    Ok(ip)
}

/// An IPv4 block (`CidrBlock`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CidrBlock {
    cidr: String,
    mask: u32,
    network_address: u64,
}

impl CidrBlock {
    /// A block from its `a.b.c.d/n` notation (`new CidrBlock('10.0.0.0/16')`).
    ///
    /// # Errors
    /// [`Ec2Error::InvalidCidr`] when the prefix length is not a number from 0 to 32,
    /// [`Ec2Error::InvalidIpAddress`] when the address does not parse; both name `path`.
    pub fn parse(path: &str, cidr: &str) -> Result<CidrBlock, Ec2Error> {
        let invalid = || Ec2Error::InvalidCidr { path: path.to_string(), cidr: cidr.to_string() };
        let mut parts = cidr.split('/');
        let ip = parts.next().unwrap_or_default();
        let mask = parts
            .next()
            .and_then(js_parse_int)
            .filter(|m| (0..=32).contains(m))
            .ok_or_else(invalid)? as u32;
        let network_address = ip_to_num(path, ip)? + netsize(mask) - 1;
        Self::finish(path, mask, network_address)
    }

    /// The block of `mask` that contains `address` (`new CidrBlock(num, mask)`).
    fn at(path: &str, address: u64, mask: u32) -> Result<CidrBlock, Ec2Error> {
        Self::finish(path, mask, address + netsize(mask) - 1)
    }

    fn finish(path: &str, mask: u32, network_address: u64) -> Result<CidrBlock, Ec2Error> {
        let mut block = CidrBlock { cidr: String::new(), mask, network_address };
        block.cidr = format!("{}/{mask}", num_to_ip(path, block.min_address())?);
        Ok(block)
    }

    /// The block in `a.b.c.d/n` notation, with the host bits cleared.
    pub fn cidr(&self) -> &str {
        &self.cidr
    }

    /// The prefix length.
    pub fn mask(&self) -> u32 {
        self.mask
    }

    /// The first address, as a number.
    pub fn min_address(&self) -> u64 {
        self.network_address - self.network_address % netsize(self.mask)
    }

    /// The last address, as a number.
    pub fn max_address(&self) -> u64 {
        self.min_address() + netsize(self.mask) - 1
    }
}

/// Hands out consecutive subnet blocks of a VPC's range (`NetworkBuilder`).
#[derive(Clone, Debug)]
pub struct NetworkBuilder {
    path: String,
    network: CidrBlock,
    subnets: Vec<CidrBlock>,
    next_available_ip: u64,
}

impl NetworkBuilder {
    /// A builder over the block `cidr`; errors name `path` (the VPC).
    ///
    /// # Errors
    /// The errors of [`CidrBlock::parse`].
    pub fn new(path: &str, cidr: &str) -> Result<NetworkBuilder, Ec2Error> {
        let network = CidrBlock::parse(path, cidr)?;
        let next_available_ip = network.min_address();
        Ok(NetworkBuilder {
            path: path.to_string(),
            network,
            subnets: Vec::new(),
            next_available_ip,
        })
    }

    /// The VPC's block.
    pub fn network(&self) -> &CidrBlock {
        &self.network
    }

    /// The blocks handed out so far.
    pub fn subnet_cidrs(&self) -> Vec<String> {
        self.subnets.iter().map(|s| s.cidr.clone()).collect()
    }

    /// The next block of size `mask` (`addSubnet`).
    ///
    /// # Errors
    /// The errors of [`NetworkBuilder::add_subnets`].
    pub fn add_subnet(&mut self, mask: i64) -> Result<String, Ec2Error> {
        let mut cidrs = self.add_subnets(mask, 1)?;
        Ok(cidrs.pop().unwrap_or_default())
    }

    /// The next `count` blocks of size `mask` (`addSubnets`).
    ///
    /// # Errors
    /// [`Ec2Error::InvalidCidrRange`] for a mask outside /16../28,
    /// [`Ec2Error::SubnetCountExceedsRemainingSpace`] when they do not fit.
    pub fn add_subnets(&mut self, mask: i64, count: usize) -> Result<Vec<String>, Ec2Error> {
        if !(16..=28).contains(&mask) {
            let shown = if mask == i64::MAX { "Infinity".to_string() } else { mask.to_string() };
            return Err(Ec2Error::InvalidCidrRange {
                path: self.path.clone(),
                cidr: format!("x.x.x.x/{shown}"),
            });
        }
        let mask = mask as u32;
        let max_ip = self.next_available_ip + netsize(mask) * count as u64;
        if self.network.max_address() + 1 < max_ip {
            return Err(Ec2Error::SubnetCountExceedsRemainingSpace {
                path: self.path.clone(),
                count,
                mask,
                cidr: self.network.cidr.clone(),
            });
        }
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let subnet = CidrBlock::at(&self.path, self.next_available_ip, mask)?;
            self.next_available_ip = subnet.max_address() + 1;
            out.push(subnet.cidr.clone());
            self.subnets.push(subnet);
        }
        Ok(out)
    }

    /// The largest mask that fits `count` equal blocks in what is left
    /// (`maskForRemainingSubnets`): `32 - floor(log2(floor(remaining / count)))`. When no
    /// address is left per block the result is `i64::MAX` (JavaScript's `Infinity`), which
    /// [`NetworkBuilder::add_subnets`] refuses.
    pub fn mask_for_remaining_subnets(&self, count: usize) -> i64 {
        let remaining = (self.network.max_address() + 1).saturating_sub(self.next_available_ip);
        let per_subnet = remaining / count.max(1) as u64;
        if per_subnet == 0 {
            return i64::MAX;
        }
        32 - i64::from(per_subnet.ilog2())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_addresses_as_javascript_does() {
        assert!(valid_ip("10.0.0.0"));
        assert!(valid_ip("255.255.255.255"));
        assert!(valid_ip("10.0.0.1x"), "parseInt ignores trailing characters");
        assert!(!valid_ip("10.0.0"));
        assert!(!valid_ip("10.0.0.256"));
        assert!(!valid_ip("a.b.c.d"));
        assert_eq!(ip_to_num("p", "10.0.0.1").unwrap(), 167_772_161);
        assert_eq!(num_to_ip("p", 167_772_161).unwrap(), "10.0.0.1");
        let err = ip_to_num("Stack/VPC", "10.0.0").unwrap_err();
        assert_eq!(err.to_string(), "Stack/VPC: 10.0.0 is not valid");
        assert!(matches!(num_to_ip("p", 1u64 << 32), Err(Ec2Error::InvalidIpAddressFormat { .. })));
    }

    #[test]
    fn cidr_blocks() {
        let b = CidrBlock::parse("p", "10.0.0.0/16").unwrap();
        assert_eq!(b.cidr(), "10.0.0.0/16");
        assert_eq!(b.max_address() - b.min_address() + 1, 65_536);
        // host bits set: aws-cdk-lib rounds up to the next block
        assert_eq!(CidrBlock::parse("p", "10.0.0.5/16").unwrap().cidr(), "10.1.0.0/16");
        for bad in ["10.0.0.0", "10.0.0.0/33", "10.0.0.0/x"] {
            assert!(
                matches!(CidrBlock::parse("p", bad), Err(Ec2Error::InvalidCidr { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn allocates_consecutive_blocks() {
        let mut b = NetworkBuilder::new("p", "10.0.0.0/16").unwrap();
        assert_eq!(b.mask_for_remaining_subnets(4), 18);
        let cidrs: Vec<String> = (0..4).map(|_| b.add_subnet(18).unwrap()).collect();
        assert_eq!(cidrs, ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18", "10.0.192.0/18"]);
        assert_eq!(b.subnet_cidrs(), cidrs);
        let mut b = NetworkBuilder::new("p", "10.0.0.0/16").unwrap();
        assert_eq!(b.add_subnet(24).unwrap(), "10.0.0.0/24");
        assert_eq!(b.mask_for_remaining_subnets(3), 18);
        assert_eq!(b.add_subnet(18).unwrap(), "10.0.64.0/18");
        assert_eq!(b.mask_for_remaining_subnets(6), 20);
    }

    #[test]
    fn refuses_bad_masks_and_overflow() {
        let mut b = NetworkBuilder::new("Stack/VPC", "10.0.0.0/16").unwrap();
        assert_eq!(
            b.add_subnet(29).unwrap_err().to_string(),
            "Stack/VPC: x.x.x.x/29 is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28."
        );
        assert!(matches!(b.add_subnet(15), Err(Ec2Error::InvalidCidrRange { .. })));
        assert_eq!(
            b.add_subnets(17, 3).unwrap_err().to_string(),
            "Stack/VPC: 3 of /17 exceeds remaining space of 10.0.0.0/16"
        );
        assert_eq!(b.add_subnets(17, 2).unwrap().len(), 2);
        assert_eq!(b.mask_for_remaining_subnets(1), i64::MAX);
        assert!(b
            .add_subnet(b.mask_for_remaining_subnets(1))
            .unwrap_err()
            .to_string()
            .contains("x.x.x.x/Infinity"));
    }
}
