//! # cdk-s3
//!
//! A thin L2 over [`cfn_s3`]: the [`Bucket`] construct of `aws-cdk-lib/aws-s3` (`bucket.ts`)
//! with versioning, encryption ([`BucketEncryption`], with a KMS key of `cdk-kms`), public
//! access blocks ([`BlockPublicAccess`]), lifecycle rules ([`LifecycleRule`], `rule.ts`),
//! CORS ([`CorsRule`]), static website documents, the bucket policy ([`BucketPolicy`],
//! `enforce_ssl`, `public_read_access`), `auto_delete_objects` (a `Custom::S3AutoDeleteObjects`
//! resource with aws-cdk-lib's handler) and the grants of `bucket-grants.ts` with
//! the action lists of `perms.ts` ([`perms`]), rendered as aws-cdk-lib 2.276.0 renders them
//! under the recommended feature flags. Its default removal policy is `Retain`, as in
//! aws-cdk-lib.
//!
//! ```
//! use cdk_core::{App, RemovalPolicy, Stack};
//! use cdk_iam::{User, UserProps};
//! use cdk_s3::{BlockPublicAccess, Bucket, BucketEncryption, BucketProps};
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let bucket = Bucket::new(&stack, "Data", BucketProps::builder()
//!     .versioned(true)
//!     .encryption(BucketEncryption::S3Managed)
//!     .block_public_access(BlockPublicAccess::BLOCK_ALL)
//!     .removal_policy(RemovalPolicy::Destroy))?;
//! let reader = User::new(&stack, "Reader", UserProps::default())?;
//! bucket.grant_read(&reader, None)?;
//! bucket.grant_write(&reader, "uploads/*")?;
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod bucket;
mod bucket_policy;
pub mod perms;
mod rule;

pub use bucket::{
    BlockPublicAccess, Bucket, BucketEncryption, BucketProps, BucketPropsBuilder, IBucket,
    ImportedBucket,
};
pub use bucket_policy::BucketPolicy;
pub use rule::{CorsRule, CorsRuleBuilder, HttpMethods, LifecycleRule, LifecycleRuleBuilder};
