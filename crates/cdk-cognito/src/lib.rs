//! # cdk-cognito
//!
//! A thin L2 over [`cfn_cognito`]: the [`UserPool`] of `aws-cdk-lib/aws-cognito`
//! (`user-pool.ts`) with its defaults (administrators create users, verification by code,
//! account recovery by phone then email, `Retain` removal policy) and its sign-in aliases,
//! its app clients ([`UserPoolClient`], `UserPool::add_client`) and the [`OAuthScope`]s,
//! which is what an API's Cognito authorizer needs.

mod oauth_scope;
mod user_pool;
mod user_pool_client;

pub use oauth_scope::OAuthScope;
pub use user_pool::{
    SignInAliases, SignInAliasesBuilder, UserPool, UserPoolProps, UserPoolPropsBuilder,
};
pub use user_pool_client::{
    UserPoolClient, UserPoolClientOptions, UserPoolClientOptionsBuilder, DEFAULT_CALLBACK_URL,
    DEFAULT_OAUTH_SCOPES,
};
