//! # cdk-sqs
//!
//! A thin L2 over [`cfn_sqs`]: the [`Queue`] construct of `aws-cdk-lib/aws-sqs` (`queue.ts`,
//! `queue-base.ts`), queues imported by ARN ([`ImportedQueue`]), the [`IQueue`] trait with
//! the grants, and [`QueuePolicy`] (`policy.ts`), rendered as aws-cdk-lib 2.276.0 renders
//! them: removal policy `Destroy` by default, no encryption property unless
//! [`QueueEncryption`] is chosen (SQS then applies SSE-SQS; a customer managed key comes
//! from `cdk-kms`), grants as statements on the grantee's default policy (merged by
//! `@aws-cdk/aws-iam:minimizePolicies`), key grants after them.
//!
//! ```
//! use std::time::Duration;
//! use cdk_core::{App, Stack};
//! use cdk_iam::{Principal, Role, RoleProps};
//! use cdk_sqs::{IQueue, Queue, QueueProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let queue = Queue::new(&stack, "Queue",
//!     QueueProps::builder().visibility_timeout(Duration::from_secs(60)))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! queue.grant_send_messages(&role)?;
//! let _url = queue.queue_url();
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod arn;
mod encryption;
mod fifo;
mod policy;
mod queue;
mod redrive;

pub use encryption::QueueEncryption;
pub use fifo::{DeduplicationScope, FifoThroughputLimit};
pub use policy::QueuePolicy;
pub use queue::{
    DeadLetterQueue, DeadLetterQueueBuilder, IQueue, ImportedQueue, Queue, QueueProps,
    QueuePropsBuilder, CONSUME_MESSAGES_ACTIONS, PURGE_ACTIONS, SEND_MESSAGES_ACTIONS,
};
pub use redrive::{RedriveAllowPolicy, RedriveAllowPolicyBuilder, RedrivePermission};
