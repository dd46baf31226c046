//! The hash in the logical ID of a function's current version
//! (`aws-lambda/lib/function-hash.ts`), as computed under
//! `@aws-cdk/aws-lambda:recognizeVersionProps` (always on in aws-cdk-lib v2) and
//! `@aws-cdk/aws-lambda:recognizeLayerVersion`.

use cdk_core::json::to_json_string;
use cdk_core::logical_id::md5_hex;
use cdk_core::resolve::ResolveContext;
use cdk_core::{Construct, Error, Map, Value};
use cfn_lambda::CfnFunction;

/// `@aws-cdk/aws-lambda:recognizeLayerVersion`: the layers' hash is part of the version's
/// logical ID.
pub const LAMBDA_RECOGNIZE_LAYER_VERSION: &str = "@aws-cdk/aws-lambda:recognizeLayerVersion";

/// `VERSION_LOCKED`: each property of `AWS::Lambda::Function`, and whether a change of it
/// needs a new version.
pub(crate) const VERSION_LOCKED: [(&str, bool); 31] = [
    ("Architectures", true),
    ("Code", true),
    ("DeadLetterConfig", true),
    ("Description", true),
    ("Environment", true),
    ("EphemeralStorage", true),
    ("FileSystemConfigs", true),
    ("FunctionName", true),
    ("Handler", true),
    ("ImageConfig", true),
    ("KmsKeyArn", true),
    ("Layers", true),
    ("MemorySize", true),
    ("PackageType", true),
    ("RecursiveLoop", true),
    ("Role", true),
    ("Runtime", true),
    ("RuntimeManagementConfig", true),
    ("SnapStart", true),
    ("Timeout", true),
    ("TracingConfig", true),
    ("VpcConfig", true),
    ("LoggingConfig", true),
    ("CapacityProviderConfig", true),
    ("FunctionScalingConfig", true),
    ("PublishToLatestPublished", true),
    ("DurableConfig", true),
    ("CodeSigningConfigArn", false),
    ("ReservedConcurrentExecutions", false),
    ("Tags", false),
    ("TenancyConfig", false),
];

/// `sortFunctionProperties`: the order of aws-cdk-lib 2.87 first, other keys after, sorted.
const KNOWN_ORDER: [&str; 24] = [
    "Code",
    "Handler",
    "Role",
    "Runtime",
    "Architectures",
    "CodeSigningConfigArn",
    "DeadLetterConfig",
    "Description",
    "Environment",
    "EphemeralStorage",
    "FileSystemConfigs",
    "FunctionName",
    "ImageConfig",
    "KmsKeyArn",
    "Layers",
    "MemorySize",
    "PackageType",
    "ReservedConcurrentExecutions",
    "RuntimeManagementConfig",
    "SnapStart",
    "Tags",
    "Timeout",
    "TracingConfig",
    "VpcConfig",
];

/// `calculateFunctionHash(fn, additional)`: md5 (hex) of the function's version-locked,
/// resolved properties in a fixed order, plus the layers' hash.
pub(crate) fn calculate_function_hash(
    ctx: &ResolveContext<'_>,
    function: &CfnFunction,
    additional: &str,
) -> Result<String, Error> {
    let fragment = function.to_cloudformation(ctx)?;
    let properties = fragment
        .as_object()
        .and_then(|f| f.get("Resources"))
        .and_then(Value::as_object)
        .and_then(|r| r.values().next())
        .and_then(Value::as_object)
        .and_then(|r| r.get("Properties"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let useful = filter_useful_keys(&properties)
        .map_err(|message| Error::InvalidArgument { path: function.node().path(), message })?;
    let sorted = sort_function_properties(&useful);
    let mut config = to_json_string(&Value::Object(sorted), 0);
    if function.node().feature_flag(LAMBDA_RECOGNIZE_LAYER_VERSION) {
        // `calculateLayersHash` of no layers: md5 of `{}`.
        config.push_str(&md5_hex(b"{}"));
    }
    config.push_str(additional);
    Ok(md5_hex(config.as_bytes()))
}

/// `filterUsefulKeys`: the version-locked properties, in their order; an error naming
/// properties not classified.
fn filter_useful_keys(properties: &Map) -> Result<Map, String> {
    let locked = |k: &str| VERSION_LOCKED.iter().find(|(name, _)| *name == k).map(|(_, l)| *l);
    let unclassified: Vec<&str> = properties
        .iter()
        .filter(|(k, v)| !matches!(v, Value::Null) && locked(k).is_none())
        .map(|(k, _)| k)
        .collect();
    if !unclassified.is_empty() {
        return Err(format!(
            "The following properties are not recognized as version properties: [{}]. See the README of the aws-lambda module to learn more about this and to fix it.",
            unclassified.join(",")
        ));
    }
    Ok(properties
        .iter()
        .filter(|(k, _)| locked(k) == Some(true))
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect())
}

/// `sortFunctionProperties`.
fn sort_function_properties(properties: &Map) -> Map {
    let mut out = Map::new();
    for key in KNOWN_ORDER {
        if let Some(v) = properties.get(key) {
            out.insert(key.to_string(), v.clone());
        }
    }
    let mut rest: Vec<&str> = properties.keys().filter(|k| !KNOWN_ORDER.contains(k)).collect();
    rest.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    for key in rest {
        out.insert(key.to_string(), properties[key].clone());
    }
    out
}

/// `trimFromStart`: the last `max` characters of `s`.
pub(crate) fn trim_from_start(s: &str, max: usize) -> String {
    let len = s.chars().count();
    s.chars().skip(len.saturating_sub(max)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_and_sort() {
        let props: Map = [
            ("Runtime", Value::from("r")),
            ("ReservedConcurrentExecutions", Value::from(5)),
            ("LoggingConfig", Value::from("l")),
            ("Code", Value::from("c")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let sorted = sort_function_properties(&filter_useful_keys(&props).unwrap());
        assert_eq!(sorted.keys().collect::<Vec<_>>(), ["Code", "Runtime", "LoggingConfig"]);
        let mut bad = props.clone();
        bad.insert("Unknown".into(), Value::from(1));
        assert!(filter_useful_keys(&bad).unwrap_err().contains("[Unknown]"));
    }

    #[test]
    fn trims_from_start() {
        assert_eq!(trim_from_start("abcdef", 3), "def");
        assert_eq!(trim_from_start("ab", 3), "ab");
    }
}
