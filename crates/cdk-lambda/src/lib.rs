//! # cdk-lambda
//!
//! A thin L2 over [`cfn_lambda`] with what API Gateway constructs need of
//! `aws-cdk-lib/aws-lambda`, rendered as aws-cdk-lib 2.276.0 renders it under the recommended
//! feature flags: [`Function`] (`function.ts`, `function-base.ts`) with its execution role,
//! CDK-managed log group and VPC placement (security groups, [`Function::connections`]), [`Code`] (`code.ts`), [`Runtime`] (`runtime.ts`),
//! [`Architecture`] (`architecture.ts`), [`Permission`] (`permission.ts`), the [`IFunction`]
//! trait with imported functions (`function-base.ts`), [`Version`] and
//! [`Function::current_version`] (`lambda-version.ts`, `function-hash.ts`) and [`Alias`]
//! (`alias.ts`).
//!
//! ```
//! use cdk_core::{App, AppProps, Stack};
//! use cdk_iam::Principal;
//! use cdk_lambda::{Code, Function, FunctionProps, Permission, Runtime};
//!
//! let dir = std::env::temp_dir().join("cdk-lambda-doctest-lib");
//! let app = App::with_props(AppProps::builder().outdir(dir.clone()));
//! let stack = Stack::new(&app, "Stack")?;
//! let handler = Function::new(&stack, "Handler", FunctionProps::builder()
//!     .runtime(Runtime::NODEJS_20_X)
//!     .handler("index.handler")
//!     .code(Code::from_inline("exports.handler = async () => ({ statusCode: 200 });")))?;
//! handler.add_permission("S3", Permission::builder()
//!     .principal(Principal::service("s3.amazonaws.com"))
//!     .source_account("123456789012"))?;
//! app.synth()?;
//! let template = std::fs::read_to_string(dir.join("Stack.template.json"))?;
//! assert!(template.contains("\"AWS::Lambda::Function\""));
//! assert!(template.contains("\"AWS::Lambda::Permission\""));
//! assert!(template.contains("\"AWS::Logs::LogGroup\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod alias;
mod architecture;
mod code;
mod function;
mod function_base;
mod function_hash;
mod lambda_version;
mod permission;
mod runtime;

pub use alias::{
    Alias, AliasOptions, AliasOptionsBuilder, AliasProps, AliasPropsBuilder, VersionWeight,
};
pub use architecture::Architecture;
/// The options [`Code::from_asset_with`] takes (`s3_assets.AssetOptions`).
pub use cdk_s3_assets::{AssetOptions, AssetOptionsBuilder};
pub use code::Code;
pub use function::{
    ApplicationLogLevel, Function, FunctionProps, FunctionPropsBuilder, LoggingFormat,
    SystemLogLevel, Tracing, LAMBDA_CREATE_NEW_POLICIES_WITH_ADD_TO_ROLE_POLICY,
    RESERVED_ENVIRONMENT_VARIABLES,
};
pub use function_base::{
    FunctionAttributes, FunctionAttributesBuilder, IFunction, ImportedFunction,
};
pub use function_hash::LAMBDA_RECOGNIZE_LAYER_VERSION;
pub use lambda_version::{
    Version, VersionOptions, VersionOptionsBuilder, VersionProps, VersionPropsBuilder,
};
pub use permission::{Permission, PermissionBuilder, DEFAULT_ACTION};
pub use runtime::{Runtime, RuntimeFamily};
