//! Feature flags: the recommended set a new app gets, defaults when unset, and the report
//! that `manifest.json` carries.
//!
//! Ports `cx-api/lib/features.ts`. The flag table (`data/feature-flags.json`: recommended
//! value, explanation, how an unset flag behaves in v2) and the recommended set
//! (`data/recommended-flags.json`, as `cdk init` writes it) are those of aws-cdk-lib 2.276.0.

use std::sync::OnceLock;

use indexmap::IndexMap;

use crate::value::Value;

/// `aws:cdk:enable-path-metadata`: resources get `Metadata["aws:cdk:path"]` (the CLI sets it).
pub const PATH_METADATA_ENABLE: &str = "aws:cdk:enable-path-metadata";
/// `aws:cdk:enable-asset-metadata`: asset-backed resources get `aws:asset:*` metadata.
pub const ASSET_RESOURCE_METADATA_ENABLED: &str = "aws:cdk:enable-asset-metadata";
/// Cross-stack references are `weak` (`Fn::GetStackOutput`) or `strong` (exports).
pub const DEFAULT_CROSS_STACK_REFERENCES: &str = "@aws-cdk/core:defaultCrossStackReferences";
/// Stack tags are only the ones given to the stack itself.
pub const EXPLICIT_STACK_TAGS: &str = "@aws-cdk/core:explicitStackTags";
/// API Gateway: no CloudWatch role by default.
pub const APIGATEWAY_DISABLE_CLOUDWATCH_ROLE: &str =
    "@aws-cdk/aws-apigateway:disableCloudWatchRole";
/// API Gateway: authorizers change the deployment logical ID.
pub const APIGATEWAY_AUTHORIZER_CHANGE_DEPLOYMENT_LOGICAL_ID: &str =
    "@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId";
/// API Gateway: request validators get unique ids.
pub const APIGATEWAY_REQUEST_VALIDATOR_UNIQUE_ID: &str =
    "@aws-cdk/aws-apigateway:requestValidatorUniqueId";
/// API Gateway: access log destination ARN without `:*`.
pub const APIGATEWAY_LOG_GROUP_DESTINATION_ARN_WITHOUT_WILDCARD: &str =
    "@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard";
/// IAM: merge policy statements.
pub const IAM_MINIMIZE_POLICIES: &str = "@aws-cdk/aws-iam:minimizePolicies";
/// Core: a stack in a known region writes its partition as a literal (`aws`) instead of
/// `{"Ref": "AWS::Partition"}`.
pub const ENABLE_PARTITION_LITERALS: &str = "@aws-cdk/core:enablePartitionLiterals";
/// Lambda: a managed log group per function.
pub const LAMBDA_USE_CDK_MANAGED_LOG_GROUP: &str = "@aws-cdk/aws-lambda:useCdkManagedLogGroup";

struct Tables {
    flags: IndexMap<String, serde_json::Value>,
    recommended: IndexMap<String, serde_json::Value>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        flags: serde_json::from_str(include_str!("../data/feature-flags.json")).unwrap_or_default(),
        recommended: serde_json::from_str(include_str!("../data/recommended-flags.json"))
            .unwrap_or_default(),
    })
}

/// The flags a new project gets from `cdk init` (`CURRENTLY_RECOMMENDED_FLAGS`), in order.
pub fn recommended() -> IndexMap<String, serde_json::Value> {
    tables().recommended.clone()
}

/// How a boolean flag behaves when it is not set: its `unconfiguredBehavesLike.v2`, else off.
pub fn unconfigured_default(flag: &str) -> bool {
    tables()
        .flags
        .get(flag)
        .and_then(|f| f.get("unconfiguredBehavesLike"))
        .and_then(|u| u.get("v2"))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Whether a flag's context value enables it: JavaScript's `Boolean(value)`, as
/// `FeatureFlags.isEnabled` reads a set flag (`false`, `0`, `""` and `null` are off; any
/// other string, `"false"` included, any other number, lists and objects are on).
///
/// ```
/// use cdk_core::feature_flags::is_truthy;
/// use serde_json::json;
/// assert!(!is_truthy(&json!(0)) && !is_truthy(&json!(null)) && !is_truthy(&json!("")));
/// assert!(is_truthy(&json!("false")) && is_truthy(&json!([])) && is_truthy(&json!(-1)));
/// ```
pub fn is_truthy(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => false,
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        serde_json::Value::String(s) => !s.is_empty(),
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => true,
    }
}

/// JavaScript's `String(value)` of a context value (`${value}` in a message).
pub(crate) fn js_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "null".into(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => {
            n.as_f64().map(crate::json::format_number).unwrap_or_else(|| n.to_string())
        }
        serde_json::Value::String(s) => s.clone(),
        // `Array.prototype.toString`: items joined by `,`, null items empty.
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| if x.is_null() { String::new() } else { js_string(x) })
            .collect::<Vec<_>>()
            .join(","),
        serde_json::Value::Object(_) => "[object Object]".into(),
    }
}

/// `FeatureFlags.isEnabled`: a set flag by [`is_truthy`], an unset one by
/// [`unconfigured_default`].
pub fn is_enabled(value: Option<&serde_json::Value>, flag: &str) -> bool {
    match value {
        Some(v) => is_truthy(v),
        None => unconfigured_default(flag),
    }
}

/// The `aws-cdk-lib/feature-flag-report` artifact's `flags`: every known flag with the
/// app's value (when set), the recommended value and the explanation.
pub(crate) fn report(context: &IndexMap<String, serde_json::Value>) -> Value {
    let mut out = crate::value::Map::new();
    for (name, info) in &tables().flags {
        let mut entry = crate::value::Map::new();
        if let Some(v) = context.get(name) {
            entry.insert("userValue".into(), v.clone().into());
        }
        if let Some(o) = info.as_object() {
            for (k, v) in o {
                entry.insert(k.clone(), v.clone().into());
            }
        }
        out.insert(name.clone(), Value::Object(entry));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(recommended().len(), 89);
        assert!(unconfigured_default("@aws-cdk/core:newStyleStackSynthesis"));
        assert!(!unconfigured_default(APIGATEWAY_DISABLE_CLOUDWATCH_ROLE));
        let mut ctx = IndexMap::new();
        ctx.insert(EXPLICIT_STACK_TAGS.to_string(), serde_json::Value::Bool(true));
        let r = report(&ctx);
        let e = r.as_object().unwrap()[EXPLICIT_STACK_TAGS].as_object().unwrap();
        assert_eq!(e.keys().next(), Some("userValue"));
    }
}
