//! # cdk-elasticloadbalancingv2
//!
//! A thin L2 over [`cfn_elasticloadbalancingv2`] with what private API integrations need of
//! `aws-cdk-lib/aws-elasticloadbalancingv2`, rendered as aws-cdk-lib 2.276.0 renders it under
//! the recommended feature flags: the [`NetworkLoadBalancer`] that an API Gateway VPC link
//! targets, in a [`cdk_ec2::Vpc`], with its own security group; its listeners
//! ([`NetworkListener`], `nlb/network-listener.ts`) and target groups
//! ([`NetworkTargetGroup`], `nlb/network-target-group.ts`) with [`IpTarget`] and
//! [`InstanceTarget`] targets (`aws-elasticloadbalancingv2-targets`).
//!
//! ```
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_ec2::{Vpc, VpcProps};
//! use cdk_elasticloadbalancingv2::{NetworkLoadBalancer, NetworkLoadBalancerProps};
//!
//! let dir = std::env::temp_dir().join("cdk-elbv2-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()));
//! let stack = Stack::new(&app, "Stack")?;
//! let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
//! let nlb = NetworkLoadBalancer::new(&stack, "NLB",
//!     NetworkLoadBalancerProps::builder().vpc(vpc))?;
//! let _arn = nlb.load_balancer_arn();
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
//! assert!(template.contains("\"Scheme\": \"internal\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Modules port the files of `aws-cdk-lib/aws-elasticloadbalancingv2/lib`:
//! [`network_load_balancer`] (`nlb/network-load-balancer.ts`) and [`base_load_balancer`]
//! (`shared/base-load-balancer.ts`); [`error`] holds the crate's errors.

pub mod base_load_balancer;
pub mod error;
pub mod network_listener;
pub mod network_load_balancer;
pub mod network_target_group;

pub use base_load_balancer::MAX_LOAD_BALANCER_NAME_LEN;
pub use error::Elbv2Error;
pub use network_listener::{
    AddNetworkTargetsProps, AddNetworkTargetsPropsBuilder, NetworkListener, NetworkListenerOptions,
    NetworkListenerOptionsBuilder,
};
pub use network_load_balancer::{
    NetworkLoadBalancer, NetworkLoadBalancerProps, NetworkLoadBalancerPropsBuilder,
    NETWORK_LOAD_BALANCER_WITH_SECURITY_GROUP_BY_DEFAULT,
};
pub use network_target_group::{
    HealthCheck, HealthCheckBuilder, INetworkLoadBalancerTarget, InstanceTarget, IpTarget,
    NetworkTarget, NetworkTargetGroup, NetworkTargetGroupProps, NetworkTargetGroupPropsBuilder,
    Protocol, TargetType,
};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_elasticloadbalancingv2";
