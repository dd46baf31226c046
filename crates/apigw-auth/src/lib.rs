#![doc = include_str!("../docs/guide.md")]

mod cognito;
mod identity_source;
mod lambda;

pub use cognito::{
    CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps,
    CognitoUserPoolsAuthorizerPropsBuilder,
};
pub use identity_source::{default_token_identity_source, IdentitySource};
pub use lambda::{
    RequestAuthorizer, RequestAuthorizerProps, RequestAuthorizerPropsBuilder, TokenAuthorizer,
    TokenAuthorizerProps, TokenAuthorizerPropsBuilder, DEFAULT_RESULTS_CACHE_TTL,
    MAX_RESULTS_CACHE_TTL,
};
