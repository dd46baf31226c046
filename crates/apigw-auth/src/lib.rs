//! # apigw-auth
//!
//! Authorizers of API Gateway methods, as `aws-apigateway/lib/authorizers/` builds them:
//! [`TokenAuthorizer`] and [`RequestAuthorizer`] (a Lambda function decides, `lambda.ts`),
//! [`CognitoUserPoolsAuthorizer`] (`cognito.ts`), and [`IdentitySource`]
//! (`identity-source.ts`). Give one to a method by reference, as CDK does:
//! `MethodOptions::builder().authorizer(&authorizer)`.
//!
//! ```
//! use apigw_auth::{IdentitySource, TokenAuthorizer, TokenAuthorizerProps};
//! use apigw_core::{HttpIntegration, MethodOptions, RestApi, RestApiProps};
//! use cdk_core::{App, Stack};
//! use cdk_lambda::{Code, Function, FunctionProps, Runtime};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let handler = Function::new(&stack, "AuthFn", FunctionProps::builder()
//!     .runtime(Runtime::NODEJS_20_X)
//!     .handler("index.handler")
//!     .code(Code::from_inline("exports.handler = async () => ({})"))
//!     .build()?)?;
//! let auth = TokenAuthorizer::new(&stack, "Auth", TokenAuthorizerProps::builder()
//!     .handler(&handler)
//!     .identity_source(IdentitySource::header("X-Token")))?;
//! let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
//! api.root().add_method_with("GET", HttpIntegration::new("http://amazon.com"),
//!     MethodOptions::builder().authorizer(&auth))?;
//! # Ok::<(), cdk_core::Error>(())
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
    TokenAuthorizerProps, TokenAuthorizerPropsBuilder, DEFAULT_RESULTS_CACHE_TTL,
    MAX_RESULTS_CACHE_TTL,
};
