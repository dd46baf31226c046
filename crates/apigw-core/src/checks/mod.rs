//! Synth-time API Gateway checks: mistakes aws-cdk-lib, cfn-lint and CloudFormation's
//! template validation all accept, that API Gateway (or Lambda) refuses minutes into a
//! deployment. Each is a [`cdk_core::Error`] naming the construct path, the offending value,
//! the rule the service enforces and how to fix it; its message ends with the check's code
//! (`[APIGW-3]`, see [`Check`]). Values that are tokens (unknown until deployment) are never
//! checked. `docs/synth-checks.md` lists every check with the service's own message.
//!
//! Checks run when the construct is created, where everything they need is known then, else
//! when the app is synthesized (a validation of the construct). Where aws-cdk-lib throws
//! already, its message and timing are kept and no check of ours repeats it.

mod documents;
mod lambda_policy;
mod paths;
mod values;

use cdk_core::{Error, Value};

pub(crate) use documents::{check_model_schema, check_openapi_asset, check_openapi_inline};
pub(crate) use lambda_policy::LambdaPolicies;
pub use lambda_policy::MAX_POLICY_BYTES;
pub(crate) use paths::{check_method, check_new_child};
pub(crate) use values::{
    check_api_key_value, check_edge_timeout, check_stage_name, check_stage_ttl,
    check_usage_plan_stage,
};
pub use values::{
    check_authorizer_ttl, MAX_API_KEY_LENGTH, MAX_AUTHORIZER_TTL, MAX_CACHE_TTL,
    MAX_EDGE_INTEGRATION_TIMEOUT, MAX_STAGE_NAME_LENGTH, MIN_API_KEY_LENGTH,
};

/// The namespace of [`Check::acknowledgement_id`].
pub const ACKNOWLEDGEMENT_NAMESPACE: &str = "apigw-checks";

/// A synth-time check of this crate (and of `apigw-domains`), with the code its messages end
/// with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Check {
    /// `APIGW-1`: two sibling resources with different path variables (`/{id}` next to
    /// `/{name}`).
    SiblingPathVariables,
    /// `APIGW-2`: a resource under a greedy path variable (`{proxy+}`).
    ChildOfGreedyPath,
    /// `APIGW-3`: a method request parameter or an integration mapping naming a path
    /// parameter the resource path lacks.
    UnknownPathParameter,
    /// `APIGW-4`: an HTTP or AWS integration with an empty or malformed URI.
    IntegrationUri,
    /// `APIGW-5`: an API key value outside 20–128 characters.
    ApiKeyValueLength,
    /// `APIGW-6`: a usage plan API stage without a stage.
    UsagePlanStageMissing,
    /// `APIGW-7`: a cache TTL, throttle rate or burst, or quota outside its range.
    OutOfRange,
    /// `APIGW-8`: a stage name with characters API Gateway refuses.
    StageName,
    /// `APIGW-9`: two stages of one API with the same name.
    DuplicateStageName,
    /// `APIGW-10`: stage method settings for a path and HTTP method the API does not have.
    MethodSettingsPath,
    /// `APIGW-11`: per-method Lambda permissions that push one function's resource policy
    /// over 20,480 bytes.
    LambdaPolicySize,
    /// `APIGW-12`: a `SpecRestApi` definition that is not an OpenAPI 2.0 or 3.0 document.
    OpenApiDefinition,
    /// `APIGW-13`: a model schema that is not a valid JSON Schema draft 4 document.
    ModelSchema,
    /// `APIGW-14`: two base path mappings of one custom domain with the same base path
    /// (made with `BasePathMapping::new`; `add_base_path_mapping` refuses it already).
    DuplicateBasePath,
}

impl Check {
    /// The code messages end with (`APIGW-<n>`).
    pub fn code(self) -> &'static str {
        match self {
            Check::SiblingPathVariables => "APIGW-1",
            Check::ChildOfGreedyPath => "APIGW-2",
            Check::UnknownPathParameter => "APIGW-3",
            Check::IntegrationUri => "APIGW-4",
            Check::ApiKeyValueLength => "APIGW-5",
            Check::UsagePlanStageMissing => "APIGW-6",
            Check::OutOfRange => "APIGW-7",
            Check::StageName => "APIGW-8",
            Check::DuplicateStageName => "APIGW-9",
            Check::MethodSettingsPath => "APIGW-10",
            Check::LambdaPolicySize => "APIGW-11",
            Check::OpenApiDefinition => "APIGW-12",
            Check::ModelSchema => "APIGW-13",
            Check::DuplicateBasePath => "APIGW-14",
        }
    }

    /// The id that acknowledges a synth-time check on a construct and everything below it
    /// (`apigw-checks::APIGW-11`, for `cdk_core::Validations::acknowledge`). Only the
    /// checks run at synthesis can be acknowledged (the Lambda policy size); the others are
    /// refused where the construct is made.
    pub fn acknowledgement_id(self) -> String {
        format!("{ACKNOWLEDGEMENT_NAMESPACE}::{}", self.code())
    }

    /// The message of a failed check: what was found, the rule, how to fix it, the code
    /// (`<found>: <rule>. Fix: <fix> [APIGW-n]`).
    pub fn message(self, found: &str, rule: &str, fix: &str) -> String {
        format!("{found}: {rule}. Fix: {fix} [{}]", self.code())
    }

    /// The error of a failed check, naming the construct `path`.
    pub(crate) fn error(self, path: &str, found: &str, rule: &str, fix: &str) -> Error {
        Error::InvalidArgument { path: path.to_string(), message: self.message(found, rule, fix) }
    }
}

/// The string a value holds, when it holds no token.
pub(crate) fn literal(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) if !value.is_unresolved() => Some(s.as_str()),
        _ => None,
    }
}

/// The number a value holds, when it is a literal number.
pub(crate) fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        _ => None,
    }
}

/// What the checks of one API remember: its methods and stages (for the stage checks run
/// at synthesis) and its Lambda permissions.
#[derive(Default)]
pub(crate) struct ApiRecord {
    /// (resource path, HTTP method) of each method.
    pub methods: std::cell::RefCell<Vec<(String, std::borrow::Cow<'static, str>)>>,
    /// (stage name, construct path) of each stage.
    pub stages: std::cell::RefCell<Vec<(String, String)>>,
    /// Permissions of the API's Lambda integrations, per function.
    pub lambda: LambdaPolicies,
}

impl ApiRecord {
    /// Records a method.
    pub fn add_method(&self, resource_path: &str, http_method: &str) {
        let method = crate::method::static_http_method(http_method);
        self.methods.borrow_mut().push((resource_path.to_string(), method));
    }

    /// Records the stage at `node`: a warning for a second stage with the same name on the
    /// API (a warning: aws-cdk-lib's own tests make such stages).
    pub fn add_stage(&self, name: &str, node: &cdk_core::Node) {
        let mut stages = self.stages.borrow_mut();
        if let Some((_, other)) = stages.iter().find(|(n, _)| n == name) {
            node.add_warning(Check::DuplicateStageName.message(
                &format!("stage name '{name}' is used by '{other}' already"),
                "a REST API has at most one stage of each name; CloudFormation fails to create the second one",
                "give the stages of one API different names, or use one stage",
            ));
        }
        stages.push((name.to_string(), node.path()));
    }

    /// Whether `(resource_path, http_method)` names a method of the API (`*` matches any).
    pub fn has_method(&self, resource_path: &str, http_method: &str) -> bool {
        self.methods.borrow().iter().any(|(p, m)| {
            (resource_path == "*" || p == resource_path)
                && (http_method == "*" || m == http_method || m == "ANY")
        })
    }
}

/// Checks, when the app is synthesized, that the method settings `paths`
/// (`/<resource path>/<HTTP method>`) of the stage at `node` name methods of `api` (a path or
/// method `*` matches any): a warning for each that does not (aws-cdk-lib's own tests set
/// such paths).
pub(crate) fn check_method_settings_paths(
    node: &cdk_core::Node,
    api: &std::rc::Rc<crate::rest_api::ApiShared>,
    paths: Vec<String>,
) {
    if paths.is_empty() {
        return;
    }
    let api = std::rc::Rc::downgrade(api);
    let stage = node.clone();
    node.add_validation(move || {
        let Some(api) = api.upgrade() else { return Vec::new() };
        for p in &paths {
            let Some((resource, method)) = p.rsplit_once('/') else { continue };
            let resource = if resource.is_empty() { "/" } else { resource };
            if resource.contains('*') || api.checks.has_method(resource, &method.to_uppercase()) {
                continue;
            }
            stage.add_warning(Check::MethodSettingsPath.message(
                &format!("method settings for '{p}'"),
                &format!(
                    "the API has no {} method on '{resource}', and API Gateway refuses method settings for a method that does not exist",
                    method.to_uppercase()
                ),
                "name an existing resource path and HTTP method (such as '/books/GET'), '/*/*' for every method, or add the method",
            ));
        }
        Vec::new()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_end_with_the_code() {
        let m = Check::StageName.message("stage name 'a b'", "the rule", "the fix");
        assert_eq!(m, "stage name 'a b': the rule. Fix: the fix [APIGW-8]");
    }
}
