//! # cdk-ec2
//!
//! A thin L2 over [`cfn_ec2`] with what private API integrations need of
//! `aws-cdk-lib/aws-ec2`, rendered as aws-cdk-lib 2.276.0 renders it under the recommended
//! feature flags: a [`Vpc`] with aws-cdk-lib's default layout (public and private
//! [`Subnet`]s in each availability zone, their share of the range, an internet gateway, NAT
//! gateways, routes, `Name` and `aws-cdk:subnet-*` tags, and the custom resource that
//! restricts the default security group), a [`SecurityGroup`] with ingress and egress rules
//! ([`Peer`], [`Port`], [`Connections`]) and [`InterfaceVpcEndpoint`]s.
//!
//! ```
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_ec2::{SecurityGroup, SecurityGroupProps, Vpc, VpcProps};
//!
//! let dir = std::env::temp_dir().join("cdk-ec2-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()));
//! let stack = Stack::new(&app, "Stack")?;
//! let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
//! SecurityGroup::new(&stack, "Sg", SecurityGroupProps::builder().vpc(vpc.clone()))?;
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
//! assert!(template.contains("\"10.0.192.0/18\""));
//! assert!(template.contains("\"Custom::VpcRestrictDefaultSG\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules port the files of `aws-cdk-lib/aws-ec2/lib`: [`vpc`] (`vpc.ts`: `Vpc`, the subnet
//! selection), [`subnet`] (the subnet classes of `vpc.ts`), [`ip_addresses`]
//! (`ip-addresses.ts`), [`network_util`] (`network-util.ts`), [`security_group`]
//! (`security-group.ts`), [`peer`] (`peer.ts`), [`port`] (`port.ts`), [`connections`]
//! (`connections.ts`), [`vpc_endpoint`] (`vpc-endpoint.ts`: interface endpoints); `nat` (`nat.ts`) and `restrict_default_sg_provider` (the provider
//! of `custom-resource-handlers` with core's `CustomResourceProviderBase` and
//! `CustomResource`) are internal. [`error`] holds the crate's errors.

pub mod connections;
pub mod error;
pub mod ip_addresses;
mod nat;
pub mod network_util;
pub mod peer;
pub mod port;
mod restrict_default_sg_provider;
pub mod security_group;
pub mod subnet;
pub mod vpc;
pub mod vpc_endpoint;

pub use connections::{Connections, IConnectable};
pub use error::Ec2Error;
pub use ip_addresses::IpAddresses;
pub use network_util::{CidrBlock, NetworkBuilder};
pub use peer::Peer;
pub use port::Port;
pub use security_group::{SecurityGroup, SecurityGroupProps, SecurityGroupPropsBuilder};
pub use subnet::{Subnet, SubnetConfiguration, SubnetConfigurationBuilder, SubnetType};
pub use vpc::{
    SelectedSubnets, SubnetSelection, Vpc, VpcProps, VpcPropsBuilder,
    AVAILABILITY_ZONE_FALLBACK_CONTEXT_KEY, DEFAULT_CIDR_RANGE, DEFAULT_MAX_AZS,
    EC2_RESTRICT_DEFAULT_SECURITY_GROUP,
};
pub use vpc_endpoint::{
    IVpcEndpoint, ImportedInterfaceVpcEndpoint, InterfaceVpcEndpoint,
    InterfaceVpcEndpointAttributes, InterfaceVpcEndpointAttributesBuilder,
    InterfaceVpcEndpointAwsService, InterfaceVpcEndpointOptions,
    InterfaceVpcEndpointOptionsBuilder, InterfaceVpcEndpointProps,
    InterfaceVpcEndpointPropsBuilder, InterfaceVpcEndpointService,
};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_ec2";
