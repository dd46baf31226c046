//! aws-cdk-lib's own unit tests of `aws-apigateway` (second half), ported to Rust: one module
//! per CDK test file of `packages/aws-cdk-lib/aws-apigateway/test/`, each starting with its
//! counts (tests in CDK, ported, passing, ignored, newer than 2.276.0).
//!
//! Each CDK test is a Rust test building the same app and asserting the same properties with
//! `cdk-assertions`; a `toThrow` test expects a typed error saying the same thing.

#[path = "cdk_unit_b/access_log.rs"]
mod access_log;
#[path = "cdk_unit_b/api_key.rs"]
mod api_key;
#[path = "cdk_unit_b/authorizer.rs"]
mod authorizer;
#[path = "cdk_unit_b/authorizers_cognito.rs"]
mod authorizers_cognito;
#[path = "cdk_unit_b/authorizers_lambda.rs"]
mod authorizers_lambda;
#[path = "cdk_unit_b/base_path_mapping.rs"]
mod base_path_mapping;
#[path = "cdk_unit_b/cors.rs"]
mod cors;
#[path = "cdk_unit_b/domains.rs"]
mod domains;
#[path = "cdk_unit_b/http.rs"]
mod http;
#[path = "cdk_unit_b/integration.rs"]
mod integration;
#[path = "cdk_unit_b/integrations_alb.rs"]
mod integrations_alb;
#[path = "cdk_unit_b/integrations_lambda.rs"]
mod integrations_lambda;
#[path = "cdk_unit_b/integrations_sagemaker.rs"]
mod integrations_sagemaker;
#[path = "cdk_unit_b/routing_rule.rs"]
mod routing_rule;
#[path = "cdk_unit_b/usage_plan.rs"]
mod usage_plan;
#[path = "cdk_unit_b/vpc_link.rs"]
mod vpc_link;

/// What the ported tests share.
mod support {
    pub use cdk_assertions::{pattern, AssertionError, Capture, Match, Template};
    pub use cdk_core::{App, Construct, Error, Stack, Value};
    pub use serde_json::json;

    /// The result of a ported test.
    pub type TestResult = Result<(), AssertionError>;

    /// The result of a ported test that also meets errors of neighbour crates (a VPC's).
    pub type AnyResult = Result<(), Box<dyn std::error::Error>>;

    /// CDK's `new cdk.Stack()`: a stack with id `Default` (hidden in unique ids, as the
    /// root-less stack of a CDK test) in a fresh app without feature flags and without the
    /// CLI's path metadata (a CDK test's stack has neither; the metadata is hashed into
    /// deployment logical IDs). The app is returned to keep it alive.
    pub fn stack() -> Result<(App, Stack), Error> {
        let app = App::with_props(
            cdk_core::AppProps::builder().flags(cdk_core::Flags::None).cli_metadata(false),
        );
        let stack = Stack::new(&app, "Default")?;
        Ok((app, stack))
    }

    /// `new lambda.Function(scope, id, { runtime, handler, code: Code.fromInline(code) })`.
    pub fn function(
        scope: &impl Construct,
        id: &str,
        runtime: cdk_lambda::Runtime,
        handler: &str,
        code: &str,
    ) -> Result<cdk_lambda::Function, Error> {
        cdk_lambda::Function::new(
            scope,
            id,
            cdk_lambda::FunctionProps::builder()
                .runtime(runtime)
                .handler(handler)
                .code(cdk_lambda::Code::from_inline(code)),
        )
    }

    /// `{ 'Fn::Join': ['', parts] }`.
    pub fn join(parts: serde_json::Value) -> serde_json::Value {
        json!({ "Fn::Join": ["", parts] })
    }

    /// The ARN prefix `arn:<partition>:execute-api:<region>:<account>:` of CDK's ARNs, as the
    /// first parts of a `Fn::Join`, followed by `rest`.
    pub fn execute_api_arn(rest: &[serde_json::Value]) -> serde_json::Value {
        let mut parts = vec![
            json!("arn:"),
            json!({ "Ref": "AWS::Partition" }),
            json!(":execute-api:"),
            json!({ "Ref": "AWS::Region" }),
            json!(":"),
            json!({ "Ref": "AWS::AccountId" }),
            json!(":"),
        ];
        parts.extend(rest.iter().cloned());
        join(serde_json::Value::Array(parts))
    }
}
