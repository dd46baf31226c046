//! aws-cdk-lib's own unit tests of `aws-apigateway` (first half), ported to Rust: one module
//! per CDK test file of `packages/aws-cdk-lib/aws-apigateway/test/`, each starting with its
//! counts (tests in CDK, ported, passing, ignored, newer than 2.276.0).
//!
//! Each CDK test is a Rust test building the same app and asserting the same properties with
//! `cdk-assertions`; a `toThrow` test expects a typed error saying the same thing. Tests named
//! `regression_*` are not CDK tests: they pin bugs fixed against aws-cdk-lib 2.276.0's output
//! and are left out of the counts.

#[path = "cdk_unit_a/api_definition.rs"]
mod api_definition;
#[path = "cdk_unit_a/deployment.rs"]
mod deployment;
#[path = "cdk_unit_a/exact_optional_property_types.rs"]
mod exact_optional_property_types;
#[path = "cdk_unit_a/gateway_response.rs"]
mod gateway_response;
#[path = "cdk_unit_a/integrations_stepfunctions.rs"]
mod integrations_stepfunctions;
#[path = "cdk_unit_a/lambda_api.rs"]
mod lambda_api;
#[path = "cdk_unit_a/method.rs"]
mod method;
#[path = "cdk_unit_a/model.rs"]
mod model;
#[path = "cdk_unit_a/requestvalidator.rs"]
mod requestvalidator;
#[path = "cdk_unit_a/resource.rs"]
mod resource;
#[path = "cdk_unit_a/restapi.rs"]
mod restapi;
#[path = "cdk_unit_a/stage.rs"]
mod stage;
#[path = "cdk_unit_a/stepfunctions_api.rs"]
mod stepfunctions_api;
#[path = "cdk_unit_a/util.rs"]
mod util;

/// What the ported tests share.
#[allow(dead_code)]
mod support {
    pub use cdk_assertions::{pattern, AssertionError, Capture, Match, Template};
    pub use cdk_core::{App, Construct, Error, Stack, Value};
    pub use serde_json::json;

    /// The result of a ported test.
    pub type TestResult = Result<(), AssertionError>;

    /// CDK's `new cdk.Stack()`: a stack with id `Default` (hidden in unique ids, as the
    /// root-less stack of a CDK test) in a fresh app without feature flags (a CDK test's
    /// stack has none) and without the CLI's metadata (`aws:cdk:path`, which the CLI
    /// turns on). The app is returned to keep it alive.
    pub fn stack() -> Result<(App, Stack), Error> {
        let app = App::with_props(
            cdk_core::AppProps::builder().flags(cdk_core::Flags::None).cli_metadata(false),
        );
        let stack = Stack::new(&app, "Default")?;
        Ok((app, stack))
    }

    /// The logical IDs of the resources of a type.
    pub fn logical_ids(
        template: &Template,
        resource_type: &str,
    ) -> Result<Vec<String>, AssertionError> {
        Ok(template.find_resources(resource_type, pattern!({}))?.keys().cloned().collect())
    }

    /// The logical ID of the element at `path` below the stack (`stack.getLogicalId(...)`),
    /// such as `["test-api", "Resource"]`.
    pub fn lid(path: &[&str]) -> String {
        cdk_core::logical_id::make_unique_id(path).unwrap_or_default()
    }

    /// `{ "Ref": <logical ID of path> }`.
    pub fn ref_(path: &[&str]) -> serde_json::Value {
        json!({ "Ref": lid(path) })
    }

    /// The message of an error (`toThrow(/.../)`), for `contains` checks.
    pub fn message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
        match result {
            Ok(v) => panic!("expected an error, got {v:?}"),
            Err(e) => e.to_string(),
        }
    }
}
