//! # cdk-cognito
//!
//! A thin L2 over [`cfn_cognito`]: the [`UserPool`] of `aws-cdk-lib/aws-cognito`
//! (`user-pool.ts`) with its defaults (administrators create users, verification by code,
//! account recovery by phone then email, `Retain` removal policy), which is what an API's
//! Cognito authorizer needs.

mod user_pool;

pub use user_pool::{UserPool, UserPoolProps, UserPoolPropsBuilder};
