//! # cdk-kinesis
//!
//! A thin L2 over [`cfn_kinesis`]: the [`Stream`] construct of `aws-cdk-lib/aws-kinesis`
//! (`stream.ts`), streams imported by ARN ([`ImportedStream`]) and the [`IStream`] trait
//! with the grants, rendered as aws-cdk-lib 2.276.0 renders them: one shard and
//! 24 hours of retention by default, removal policy `Retain`, and, without an explicit
//! [`StreamEncryption`], the Kinesis managed key behind the stack condition
//! [`ENCRYPTED_STREAMS_UNSUPPORTED_REGIONS_CONDITION`] (no encryption in the China regions).
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_iam::{Principal, Role, RoleProps};
//! use cdk_kinesis::{IStream, Stream, StreamProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let stream = Stream::new(&stack, "Stream", StreamProps::builder().shard_count(2u32))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! stream.grant_write(&role)?;
//! let _name = stream.stream_name();
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod encryption;
mod metrics;
mod mode;
mod stream;

pub use encryption::StreamEncryption;
pub use metrics::ShardLevelMetrics;
pub use mode::StreamMode;
pub use stream::{
    IStream, ImportedStream, Stream, StreamProps, StreamPropsBuilder,
    ENCRYPTED_STREAMS_UNSUPPORTED_REGIONS_CONDITION, READ_OPERATIONS, WRITE_OPERATIONS,
};
