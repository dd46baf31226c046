//! The twins, one module per case, each a line-by-line port of its `app.js`. To add a case:
//! copy its goldens into `goldens/<case>/`, write `cases/<case>.rs`, and register it below.

use crate::Case;
use cdk_core::Flags;

mod core_logical_ids;
mod core_multi_stack;
mod core_nested_assets;
mod core_overrides_deps;
mod core_tokens;
mod core_values;
mod defining_apis;
mod deployment_options;
mod manual_deployment;
mod stage_method_throttling;

/// What the twins share: imports and small helpers.
pub(crate) mod prelude {
    pub(crate) use std::path::Path;

    pub(crate) use apigw_core::{
        Deployment, DeploymentProps, MethodDeploymentOptions, MethodLoggingLevel, RestApi,
        RestApiProps, RestApiPropsBuilder, Stage, StageOptions,
    };
    pub(crate) use cdk_core::{
        cfn_format, App, ArnComponents, Aws, CfnCondition, CfnMapping, CfnOutput, CfnOutputProps,
        CfnParameter, CfnParameterProps, Construct, Environment, Error, Fn, Map, NestedStack,
        RemovalPolicy, Stack, StackProps, TagProps, Tags, Value,
    };
    pub(crate) use cdk_logs::{LogGroup, LogGroupProps, RetentionDays};
    pub(crate) use cdk_s3::{Bucket, BucketProps};
    pub(crate) use cdk_s3_assets::{Asset, AssetProps};
    pub(crate) use cfn_apigateway::{CfnRestApi, CfnRestApiProps};
    pub(crate) use cfn_iam::{CfnRole, CfnRoleProps};
    pub(crate) use cfn_logs::{CfnLogGroup, CfnLogGroupProps};
    pub(crate) use cfn_s3::{CfnBucket, CfnBucketProps};

    pub(crate) fn build_err(path: &str) -> impl std::ops::Fn(cdk_core::BuildError) -> Error + '_ {
        move |source| Error::Build {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn bucket(scope: &impl Construct, id: &str) -> Result<CfnBucket, Error> {
        CfnBucket::new(scope, id, CfnBucketProps::default())
    }

    pub(crate) fn tag(key: &str, value: impl Into<Value>) -> Value {
        Value::object([("Key", Value::from(key)), ("Value", value.into())])
    }
}

pub(crate) fn all() -> Vec<Case> {
    let case = |name, group, build| Case {
        name,
        group,
        flags: Flags::Recommended,
        build,
    };
    vec![
        case(
            "core-logical-ids",
            "core-cases",
            core_logical_ids::core_logical_ids,
        ),
        case(
            "core-multi-stack",
            "core-cases",
            core_multi_stack::core_multi_stack,
        ),
        case(
            "core-nested-assets",
            "core-cases",
            core_nested_assets::core_nested_assets,
        ),
        case(
            "core-overrides-deps",
            "core-cases",
            core_overrides_deps::core_overrides_deps,
        ),
        case("core-tokens", "core-cases", core_tokens::core_tokens),
        case("core-values", "core-cases", core_values::core_values),
        case("defining-apis", "cases", defining_apis::defining_apis),
        case(
            "deployment-options",
            "cases",
            deployment_options::deployment_options,
        ),
        case(
            "manual-deployment",
            "cases",
            manual_deployment::manual_deployment,
        ),
        case(
            "stage-method-throttling",
            "cases",
            stage_method_throttling::stage_method_throttling,
        ),
    ]
}
