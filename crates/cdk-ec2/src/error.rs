//! Errors of this crate: one variant per rule of `vpc.ts`, `network-util.ts`,
//! `ip-addresses.ts` and `security-group.ts` that this port checks, named after aws-cdk-lib's
//! error codes. Each names the construct path it is about (the path aws-cdk-lib's
//! `ValidationError` carries, or the VPC's path where aws-cdk-lib's error is unscoped) and the
//! offending value; the message reads `<path>: <what is wrong>`.

/// An error from defining a VPC, its subnets or a security group.
///
/// Converts into [`cdk_core::Error`] (as [`cdk_core::Error::InvalidArgument`], or the core
/// error it wraps), so `?` works in functions returning either.
///
/// ```
/// use cdk_ec2::Ec2Error;
/// let e = Ec2Error::InvalidIpAddress { path: "Stack/VPC".into(), ip: "10.0.0".into() };
/// assert_eq!(e.to_string(), "Stack/VPC: 10.0.0 is not valid");
/// assert_eq!(e.code(), "InvalidIpAddress");
/// ```
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Ec2Error {
    /// DNS hostnames without DNS support (`Hostnames`).
    #[error("{path}: To use DNS Hostnames, DNS Support must be enabled, however, it was explicitly disabled.")]
    DnsHostnamesWithoutDnsSupport {
        /// Path of the VPC.
        path: String,
    },
    /// Both `availability_zones` and `max_azs` (`VpcSupportsAvailabilityZonesMax`).
    #[error("{path}: Vpc supports 'availabilityZones' or 'maxAzs', but not both.")]
    AvailabilityZonesAndMaxAzs {
        /// Path of the VPC.
        path: String,
    },
    /// No availability zones are known for an environment-specific stack (this port does not
    /// run context lookups; aws-cdk-lib would report missing context and use dummy zones).
    #[error("{path}: no availability zones are known for {environment}: set the context key '{context_key}' to the list of zones, or give the VPC 'availabilityZones'")]
    AvailabilityZonesUnknown {
        /// Path of the VPC.
        path: String,
        /// `aws://<account>/<region>`.
        environment: String,
        /// The context key aws-cdk-lib's lookup fills.
        context_key: String,
    },
    /// An IPv4 address that does not parse (`InvalidIpAddress`).
    #[error("{path}: {ip} is not valid")]
    InvalidIpAddress {
        /// Path of the VPC.
        path: String,
        /// The address.
        ip: String,
    },
    /// An address computed out of range (`InvalidIpAddressFormat`).
    #[error("{path}: {ip} is not a valid IP Address")]
    InvalidIpAddressFormat {
        /// Path of the VPC.
        path: String,
        /// The address.
        ip: String,
    },
    /// A CIDR block whose prefix length is not a number from 0 to 32 (aws-cdk-lib fails on it
    /// later, with a less direct message).
    #[error("{path}: '{cidr}' is not a valid CIDR block")]
    InvalidCidr {
        /// Path of the VPC.
        path: String,
        /// The block.
        cidr: String,
    },
    /// A subnet mask outside /16../28 (`InvalidCidrRange`).
    #[error("{path}: {cidr} is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28.")]
    InvalidCidrRange {
        /// Path of the VPC.
        path: String,
        /// `x.x.x.x/<mask>`.
        cidr: String,
    },
    /// The subnets do not fit in the VPC's block (`SubnetCountExceedsRemainingSpace`).
    #[error("{path}: {count} of /{mask} exceeds remaining space of {cidr}")]
    SubnetCountExceedsRemainingSpace {
        /// Path of the VPC.
        path: String,
        /// How many subnets were asked for.
        count: usize,
        /// Their mask.
        mask: u32,
        /// The VPC's block.
        cidr: String,
    },
    /// `nat_gateways: 0` with private subnets that need them (`WantGatewaysNatgateways0`).
    #[error("{path}: If you do not want NAT gateways (natGateways=0), make sure you don't configure any PRIVATE(_WITH_NAT) subnets in 'subnetConfiguration' (make them PUBLIC or ISOLATED instead)")]
    PrivateSubnetsWithoutNatGateways {
        /// Path of the VPC.
        path: String,
    },
    /// NAT gateways without a public subnet to put them in
    /// (`ConfigureSubnetsSubnetConfigurationConfigu`).
    #[error("{path}: If you configure PRIVATE subnets in 'subnetConfiguration', you must also configure PUBLIC subnets to put the NAT gateways into (got {configuration}.")]
    NatGatewaysWithoutPublicSubnets {
        /// Path of the VPC.
        path: String,
        /// The subnet configuration, as JSON.
        configuration: String,
    },
    /// `map_public_ip_on_launch` on a non-public subnet group (`MapPublicIpNotAllowed`).
    #[error("{path}: {subnet_type} subnet cannot include mapPublicIpOnLaunch parameter")]
    MapPublicIpNotAllowed {
        /// Path of the VPC.
        path: String,
        /// The subnet type (`Private`, `Isolated`).
        subnet_type: String,
    },
    /// A selection of a subnet type the VPC does not have (`ThereSubnetGroups`).
    #[error("{path}: There are no '{subnet_type}' subnet groups in this VPC. Available types: {available}")]
    NoSubnetGroupsOfType {
        /// Path of the VPC.
        path: String,
        /// The type asked for.
        subnet_type: String,
        /// The types it has, comma-separated.
        available: String,
    },
    /// A selection of a subnet group name the VPC does not have (`ThereSubnetGroupsName`).
    #[error("{path}: There are no subnet groups with name '{name}' in this VPC. Available names: {available}")]
    NoSubnetGroupsNamed {
        /// Path of the VPC.
        path: String,
        /// The name asked for.
        name: String,
        /// The names it has, comma-separated.
        available: String,
    },
    /// A selection giving both a type and a group name (`OnlySuppliedSubnetSelection`).
    #[error("{path}: Only one of '{provided}' can be supplied to subnet selection.")]
    OnlyOneSubnetSelection {
        /// Path of the VPC.
        path: String,
        /// The keys given, comma-separated.
        provided: String,
    },
    /// An error of the construct tree or core (duplicate ids, assets, ...).
    #[error(transparent)]
    Core(#[from] cdk_core::Error),
}

impl Ec2Error {
    /// aws-cdk-lib's error code for this rule (or a descriptive code where aws-cdk-lib has
    /// none); `Core` for wrapped core errors.
    pub fn code(&self) -> &'static str {
        match self {
            Ec2Error::DnsHostnamesWithoutDnsSupport { .. } => "Hostnames",
            Ec2Error::AvailabilityZonesAndMaxAzs { .. } => "VpcSupportsAvailabilityZonesMax",
            Ec2Error::AvailabilityZonesUnknown { .. } => "AvailabilityZonesUnknown",
            Ec2Error::InvalidIpAddress { .. } => "InvalidIpAddress",
            Ec2Error::InvalidIpAddressFormat { .. } => "InvalidIpAddressFormat",
            Ec2Error::InvalidCidr { .. } => "InvalidCidr",
            Ec2Error::InvalidCidrRange { .. } => "InvalidCidrRange",
            Ec2Error::SubnetCountExceedsRemainingSpace { .. } => "SubnetCountExceedsRemainingSpace",
            Ec2Error::PrivateSubnetsWithoutNatGateways { .. } => "WantGatewaysNatgateways0",
            Ec2Error::NatGatewaysWithoutPublicSubnets { .. } => {
                "ConfigureSubnetsSubnetConfigurationConfigu"
            }
            Ec2Error::MapPublicIpNotAllowed { .. } => "MapPublicIpNotAllowed",
            Ec2Error::NoSubnetGroupsOfType { .. } => "ThereSubnetGroups",
            Ec2Error::NoSubnetGroupsNamed { .. } => "ThereSubnetGroupsName",
            Ec2Error::OnlyOneSubnetSelection { .. } => "OnlySuppliedSubnetSelection",
            Ec2Error::Core(_) => "Core",
        }
    }

    /// The construct path the error is about (`None` for wrapped core errors, which carry
    /// their own).
    pub fn path(&self) -> Option<&str> {
        match self {
            Ec2Error::DnsHostnamesWithoutDnsSupport { path }
            | Ec2Error::AvailabilityZonesAndMaxAzs { path }
            | Ec2Error::AvailabilityZonesUnknown { path, .. }
            | Ec2Error::InvalidIpAddress { path, .. }
            | Ec2Error::InvalidIpAddressFormat { path, .. }
            | Ec2Error::InvalidCidr { path, .. }
            | Ec2Error::InvalidCidrRange { path, .. }
            | Ec2Error::SubnetCountExceedsRemainingSpace { path, .. }
            | Ec2Error::PrivateSubnetsWithoutNatGateways { path }
            | Ec2Error::NatGatewaysWithoutPublicSubnets { path, .. }
            | Ec2Error::MapPublicIpNotAllowed { path, .. }
            | Ec2Error::NoSubnetGroupsOfType { path, .. }
            | Ec2Error::NoSubnetGroupsNamed { path, .. }
            | Ec2Error::OnlyOneSubnetSelection { path, .. } => Some(path),
            Ec2Error::Core(_) => None,
        }
    }
}

impl From<Ec2Error> for cdk_core::Error {
    fn from(e: Ec2Error) -> cdk_core::Error {
        match e {
            Ec2Error::Core(core) => core,
            other => {
                let path = other.path().unwrap_or_default().to_string();
                let text = other.to_string();
                let message = text.strip_prefix(&format!("{path}: ")).unwrap_or(&text).to_string();
                cdk_core::Error::InvalidArgument { path, message }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_into_core_errors_keeping_path_and_message() {
        let e = Ec2Error::PrivateSubnetsWithoutNatGateways { path: "Stack/VPC".into() };
        assert_eq!(e.code(), "WantGatewaysNatgateways0");
        let core: cdk_core::Error = e.into();
        let cdk_core::Error::InvalidArgument { path, message } = core else {
            panic!("not an InvalidArgument");
        };
        assert_eq!(path, "Stack/VPC");
        assert!(message.starts_with("If you do not want NAT gateways"));
        let inner = cdk_core::Error::NoStack { path: "x".into() };
        let wrapped = Ec2Error::from(inner.clone());
        assert_eq!(wrapped.path(), None);
        assert_eq!(cdk_core::Error::from(wrapped), inner);
    }
}
