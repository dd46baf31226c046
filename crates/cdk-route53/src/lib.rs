//! # cdk-route53
//!
//! A thin L2 of `aws-cdk-lib/aws-route53`: hosted zones imported by id or by attributes
//! ([`HostedZone`], `hosted-zone.ts`), record sets with values or alias targets
//! ([`RecordSet`], [`ARecord`], [`AaaaRecord`], [`RecordTarget`], `record-set.ts`) and the
//! interface alias targets implement ([`IAliasRecordTarget`], `alias-record-target.ts`).
//! Alias targets of other services live beside those services (API Gateway's are in
//! `apigw-domains`).
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_route53::{ARecord, ARecordProps, HostedZone, HostedZoneAttributes, RecordTarget};
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let zone = HostedZone::from_hosted_zone_attributes(&stack, "Zone",
//!     HostedZoneAttributes::builder().hosted_zone_id("Z1234567890ABC").zone_name("example.com"))?;
//! let record = ARecord::new(&stack, "Www", ARecordProps::builder()
//!     .zone(zone)
//!     .record_name("www")
//!     .target(RecordTarget::from_ip_addresses(["192.0.2.1"])))?;
//! let _name = record.domain_name();
//! # Ok::<(), cdk_core::Error>(())
//! ```

pub mod alias_record_target;
pub mod hosted_zone;
pub mod record_set;

pub use alias_record_target::{AliasRecordTargetConfig, IAliasRecordTarget};
pub use hosted_zone::{HostedZone, HostedZoneAttributes, HostedZoneAttributesBuilder};
pub use record_set::{
    ARecord, ARecordProps, ARecordPropsBuilder, AaaaRecord, AaaaRecordProps,
    AaaaRecordPropsBuilder, RecordSet, RecordSetProps, RecordSetPropsBuilder, RecordTarget,
    RecordType,
};

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
pub(crate) const FQN: &str = "aws-cdk-lib.aws_route53";
