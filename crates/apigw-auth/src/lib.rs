//! # apigw-auth
//!
//! Authorizers of API Gateway methods, as `aws-apigateway/lib/authorizers/` builds them:
//! [`TokenAuthorizer`] and [`RequestAuthorizer`] (a Lambda function decides, `lambda.ts`),
//! [`CognitoUserPoolsAuthorizer`] (`cognito.ts`), and [`IdentitySource`]
//! (`identity-source.ts`). Give one to a method with `MethodOptions::authorizer`
//! (`apigw_core::Authorizer::new(authorizer.clone())`).
//!
//! ```
//! use apigw_auth::IdentitySource;
//! assert_eq!(IdentitySource::header("Authorization"), "method.request.header.Authorization");
//! ```

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
    TokenAuthorizerProps, TokenAuthorizerPropsBuilder,
};
