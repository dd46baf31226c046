//! # cdk-sns
//!
//! A thin L2 over [`cfn_sns`]: the [`Topic`] construct of `aws-cdk-lib/aws-sns` (`topic.ts`,
//! `topic-base.ts`), topics imported by ARN ([`ImportedTopic`]), the [`ITopic`] trait with
//! the grants, and [`TopicPolicy`] (`policy.ts`), rendered as aws-cdk-lib 2.276.0 renders
//! them: no removal policy, a FIFO topic's name ending in `.fifo` (generated from the
//! construct path when not given), grants as statements on the grantee's default policy,
//! statement ids assigned in topic policies.
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_iam::{Principal, Role, RoleProps};
//! use cdk_sns::{ITopic, Topic, TopicProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let topic = Topic::new(&stack, "Topic", TopicProps::builder().display_name("Orders"))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! topic.grant_publish(&role)?;
//! let _arn = topic.topic_arn();
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod policy;
mod throughput;
mod topic;
mod unique_name;

pub use policy::TopicPolicy;
pub use throughput::FifoThroughputScope;
pub use topic::{
    ITopic, ImportedTopic, Topic, TopicProps, TopicPropsBuilder, PUBLISH_ACTIONS,
    PUBLISH_KEY_ACTIONS, SUBSCRIBE_ACTIONS,
};
