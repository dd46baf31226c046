//! Synth-time CloudFormation validation and its acknowledgements, as aws-cdk-lib 2.276.0
//! runs them (`core/lib/private/synthesis-validation.ts`,
//! `core/lib/validation/cloudformation-validate-plugin.ts`, `Validations.acknowledge`).
//!
//! After the templates are written, each top-level stack's template is checked by the
//! [`cfn_validate`] crate (the error rules of AWS CloudFormation Validate, the engine
//! aws-cdk-lib runs), from the text as it was written (kept by the thread that writes the
//! files, not read back). Findings are reported per rule and construct:
//!
//! - with the feature flag [`VALIDATE_AGAINST_DEFAULT_RULES`] set (it is one of the
//!   recommended flags), synthesis fails with [`Error::TemplateValidation`];
//! - without it, they are printed to stderr as warnings and synthesis succeeds;
//! - [`Validations::acknowledge`] with `CloudFormation-Validate::<rule>` on a construct
//!   suppresses the rule for that construct and everything below it;
//! - [`AppProps::builtin_cloudformation_validation`](crate::AppProps) `false`, or the
//!   environment variable `CDK_VALIDATION=false`, turns the validation off.

use indexmap::IndexMap;

use crate::error::Error;
use crate::tree::{Construct, Node, NodeKind, TreeData};

/// The feature flag that makes the validation's findings errors instead of warnings.
pub const VALIDATE_AGAINST_DEFAULT_RULES: &str = "@aws-cdk/core:validateAgainstDefaultRules";

/// Environment variable that turns the built-in validation off when it is `false`.
pub const VALIDATION_ENV: &str = "CDK_VALIDATION";

/// The validation's name in reports (aws-cdk-lib's `CloudFormationValidatePlugin.PLUGIN_NAME`).
pub const PLUGIN_NAME: &str = "CloudFormation Validate";

/// The prefix of its rule ids in acknowledgements (`CloudFormation-Validate::F3034`).
pub const NAMESPACE: &str = "CloudFormation-Validate";

/// The namespace of an acknowledged id written without one (construct annotations).
pub const ANNOTATION_NAMESPACE: &str = "Annotation";

/// Acknowledgements of validation rules on a construct (aws-cdk-lib's `Validations.of`).
///
/// ```
/// use cdk_core::{App, AppProps, CfnResource, Error, Stack, Validations, Value};
/// let dir = std::env::temp_dir().join("cdk-core-doctest-validations");
/// let app = App::with_props(AppProps::builder().outdir(dir));
/// let stack = Stack::new(&app, "Stack")?;
/// let throttle = Value::object([("RateLimit", Value::from(-1))]);
/// CfnResource::new(&stack, "Plan", "AWS::ApiGateway::UsagePlan",
///     Value::object([("Throttle", throttle)]))?;
/// // With the recommended flags, synthesis fails as aws-cdk-lib's does ...
/// match app.synth() {
///     Err(Error::TemplateValidation { violations }) => {
///         assert_eq!(violations[0].rule_id, "F3034");
///         assert_eq!(violations[0].description, "Throttle.RateLimit: -1 is less than the minimum of 0");
///         assert_eq!(violations[0].resources[0].construct_path, "Stack/Plan");
///     }
///     other => panic!("{other:?}"),
/// }
/// // ... unless the rule is acknowledged on the construct or one above it.
/// Validations::of(&stack).acknowledge("CloudFormation-Validate::F3034", "tested")?;
/// app.synth()?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Validations {
    node: Node,
}

impl Validations {
    /// The validations of `scope`.
    pub fn of(scope: &impl Construct) -> Validations {
        Validations { node: scope.node().clone() }
    }

    /// Acknowledges rule `id` for this construct and every construct below it: its findings
    /// there no longer fail synthesis nor are printed. A rule of the CloudFormation
    /// validation is named `CloudFormation-Validate::<rule id>`; an id without `::` names a
    /// construct annotation (`Annotation::<id>`), as in aws-cdk-lib.
    ///
    /// # Errors
    /// [`Error::Unscoped`] when `id` is not a valid rule id (aws-cdk-lib's
    /// `InvalidValidationId`).
    pub fn acknowledge(&self, id: &str, reason: &str) -> Result<(), Error> {
        let qualified = normalize_id(id, ANNOTATION_NAMESPACE)?;
        let tree = self.node.tree.borrow();
        tree.acknowledgements.borrow_mut().push(Acknowledgement {
            node: self.node.idx,
            id: qualified,
            reason: reason.to_string(),
        });
        Ok(())
    }

    /// Whether rule `id` (named as for [`acknowledge`](Self::acknowledge)) is acknowledged
    /// on this construct or one above it. Checks of other crates that can be acknowledged
    /// (such as `apigw-core`'s `apigw-checks::APIGW-11`) ask this before failing.
    pub fn is_acknowledged(&self, id: &str) -> bool {
        let Ok(qualified) = normalize_id(id, ANNOTATION_NAMESPACE) else {
            return false;
        };
        let tree = self.node.tree.borrow();
        acknowledged_at(&tree, &tree.nodes[self.node.idx].path, &qualified)
    }
}

/// One `Validations::acknowledge` call.
#[derive(Clone, Debug)]
pub(crate) struct Acknowledgement {
    node: usize,
    id: String,
    #[allow(dead_code)] // kept for the report, as aws-cdk-lib keeps it
    reason: String,
}

/// `namespace::rule` of an id (spaces become `-`, `annotation` and `Construct-Annotations`
/// are [`ANNOTATION_NAMESPACE`]).
fn normalize_id(id: &str, default_namespace: &str) -> Result<String, Error> {
    let invalid = |why: &str| Error::Unscoped {
        message: format!("Invalid validation rule ID '{id}'. {why}"),
    };
    let (namespace, rule) = match id.find("::") {
        Some(0) => return Err(invalid("Missing plugin name before '::'.")),
        Some(i) => {
            if id[i + 2..].contains("::") {
                return Err(invalid("The '::' delimiter is reserved for separating the prefix from the rule name (e.g. 'prefix::RuleName')."));
            }
            (id[..i].replace(' ', "-"), id[i + 2..].replace(' ', "-"))
        }
        None => (default_namespace.to_string(), id.replace(' ', "-")),
    };
    let namespace = match namespace.as_str() {
        "annotation" | "Construct-Annotations" => ANNOTATION_NAMESPACE.to_string(),
        _ => namespace,
    };
    Ok(format!("{namespace}::{rule}"))
}

/// Findings of one rule with one description, and the constructs that have them (as
/// aws-cdk-lib groups them in its report).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateViolation {
    /// The engine's rule id (`F3034`).
    pub rule_id: String,
    /// The property path without `Properties.`, and the message:
    /// `Throttle.RateLimit: -1 is less than the minimum of 0`.
    pub description: String,
    /// Where it was found.
    pub resources: Vec<ViolatingResource>,
}

/// A construct with a finding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ViolatingResource {
    /// Its construct path (the L1 resource, or the stack for a finding about the template).
    pub construct_path: String,
    /// The resource's logical ID, when the finding is about a resource.
    pub logical_id: Option<String>,
    /// The construct's fqn (`aws-cdk-lib.aws_apigateway.CfnUsagePlan`), when known.
    pub fqn: Option<String>,
    /// The template file (`Stack.template.json`).
    pub template: String,
}

/// The report of `violations`, each as aws-cdk-lib prints it, with `severity` (`ERROR`,
/// `WARNING`) in front.
pub fn format_report(violations: &[TemplateViolation], severity: &str) -> String {
    let mut out = Vec::new();
    for v in violations {
        let mut lines = vec![format!("{severity} {} ({PLUGIN_NAME})", v.description)];
        for r in &v.resources {
            let mut line = format!("   {}", r.construct_path);
            if let Some(id) = &r.logical_id {
                line.push_str(&format!(" ({id})"));
            }
            if let Some(fqn) = &r.fqn {
                line.push_str(&format!(" {fqn}"));
            }
            lines.push(line);
        }
        lines.push(format!("   Acknowledge with '{NAMESPACE}::{}'", v.rule_id));
        out.push(lines.join("\n"));
    }
    out.join("\n\n")
}

/// The preamble aws-cdk-lib prints before findings reported as warnings.
pub const WARNINGS_PREAMBLE: &str = "[Warning] Template validation found issues in your templates (reported as warnings).\nSet feature flag \"@aws-cdk/core:validateAgainstDefaultRules\" to true to turn these into errors.";

/// Whether the built-in validation runs for this app.
pub(crate) fn enabled(tree: &TreeData) -> bool {
    tree.builtin_validation && std::env::var(VALIDATION_ENV).map_or(true, |v| v != "false")
}

/// Whether findings fail synthesis: the flag as aws-cdk-lib's `getBooleanContext` reads it
/// (absent: no; otherwise anything but `false` and `"false"`).
pub(crate) fn errors_fail(tree: &TreeData) -> bool {
    match tree.context(0, VALIDATE_AGAINST_DEFAULT_RULES) {
        None => false,
        Some(v) => !(v == &serde_json::Value::Bool(false) || v.as_str() == Some("false")),
    }
}

/// What the validation found in one template's text, before it is mapped to constructs: the
/// part of [`check`] that needs no construct tree (it could run on another thread).
#[derive(Debug, Default)]
pub(crate) struct TextFindings {
    /// The engine's error findings, in its order, each with whether its logical ID names an
    /// entry of the template's `Resources`.
    errors: Vec<(cfn_validate::Diagnostic, bool)>,
}

/// Validates a template's JSON text; `None` when it is not JSON (it always is) or is nested
/// deeper than serde_json reads (128 levels): such a template is not validated.
pub(crate) fn check_text(text: &str) -> Option<TextFindings> {
    let errors: Vec<cfn_validate::Diagnostic> =
        cfn_validate::validate_text(text)?.into_iter().filter(|d| d.severity.is_error()).collect();
    if errors.is_empty() {
        return Some(TextFindings::default());
    }
    // Only with findings: which logical IDs name resources (the text is read once more,
    // without building it).
    let ids: Vec<&str> = errors.iter().map(|d| d.logical_id.as_deref().unwrap_or("")).collect();
    let listed = listed_resources(text, &ids);
    let errors = errors
        .into_iter()
        .zip(listed)
        .map(|(d, listed)| {
            let listed = listed && d.logical_id.is_some();
            (d, listed)
        })
        .collect();
    Some(TextFindings { errors })
}

/// For each of `ids`, whether it is a key of the top-level `Resources` object of the JSON
/// `text` (as `template["Resources"][id]` finds it: the last `Resources` entry counts, and one
/// that is not an object lists nothing), read without building the template; none is listed
/// when the text cannot be read.
fn listed_resources(text: &str, ids: &[&str]) -> Vec<bool> {
    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
    use std::fmt;

    /// The template: finds its `Resources` entries.
    struct Template<'a>(&'a [&'a str]);
    /// A `Resources` object: marks the ids that are its keys.
    struct Resources<'a>(&'a [&'a str]);
    /// A key: whether it is `Resources`.
    struct IsResources;
    /// A key of `Resources`: marks the ids equal to it.
    struct Key<'a, 'm>(&'a [&'a str], &'m mut [bool]);

    impl<'de> DeserializeSeed<'de> for Template<'_> {
        type Value = Vec<bool>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<bool>, D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Template<'_> {
        type Value = Vec<bool>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a template")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<bool>, A::Error> {
            let mut listed = vec![false; self.0.len()];
            while let Some(resources) = map.next_key_seed(IsResources)? {
                if resources {
                    listed = map.next_value_seed(Resources(self.0))?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(listed)
        }
    }
    impl<'de> DeserializeSeed<'de> for Resources<'_> {
        type Value = Vec<bool>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<bool>, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Resources<'_> {
        type Value = Vec<bool>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the resources")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<bool>, A::Error> {
            let mut listed = vec![false; self.0.len()];
            while map.next_key_seed(Key(self.0, &mut listed))?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Ok(listed)
        }
        // Anything else lists nothing (and is read past).
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<bool>, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(vec![false; self.0.len()])
        }
        fn visit_str<E>(self, _: &str) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
        fn visit_bool<E>(self, _: bool) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
        fn visit_i64<E>(self, _: i64) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
        fn visit_u64<E>(self, _: u64) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
        fn visit_f64<E>(self, _: f64) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
        fn visit_unit<E>(self) -> Result<Vec<bool>, E> {
            Ok(vec![false; self.0.len()])
        }
    }
    impl<'de> DeserializeSeed<'de> for IsResources {
        type Value = bool;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for IsResources {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }
        fn visit_str<E>(self, key: &str) -> Result<bool, E> {
            Ok(key == "Resources")
        }
    }
    impl<'de> DeserializeSeed<'de> for Key<'_, '_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_str(self)
        }
    }
    impl<'de> Visitor<'de> for Key<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a logical ID")
        }
        fn visit_str<E>(self, key: &str) -> Result<(), E> {
            for (id, listed) in self.0.iter().zip(self.1.iter_mut()) {
                *listed |= *id == key;
            }
            Ok(())
        }
    }

    let mut reader = serde_json::Deserializer::from_str(text);
    Template(ids)
        .deserialize(&mut reader)
        .ok()
        .filter(|_| reader.end().is_ok())
        .unwrap_or_else(|| vec![false; ids.len()])
}

/// The findings of the top-level `stacks`' templates (`(stack node, template file, what
/// [`check_text`] found)`) mapped to their constructs; those not acknowledged.
pub(crate) fn check(
    tree: &TreeData,
    stacks: &[(usize, String, TextFindings)],
) -> Vec<TemplateViolation> {
    let mut grouped: IndexMap<(String, String), Vec<ViolatingResource>> = IndexMap::new();
    for (stack, file, found) in stacks {
        if found.errors.is_empty() {
            continue;
        }
        let by_logical_id = logical_ids(tree, *stack);
        for (d, listed) in &found.errors {
            // As in aws-cdk-lib, only a finding about a resource names one (and its construct);
            // the others (template, parameters, outputs) name the stack.
            let about_section = d
                .property_path
                .as_deref()
                .is_some_and(|p| p.starts_with("Outputs") || p.starts_with("Parameters"));
            let resource = d.logical_id.as_deref().filter(|_| !about_section && *listed);
            let (construct_path, fqn) = match resource.and_then(|id| by_logical_id.get(id)) {
                Some(i) => (tree.nodes[*i].path.clone(), tree.nodes[*i].construct_info.clone()),
                None => {
                    (tree.nodes[*stack].path.clone(), tree.nodes[*stack].construct_info.clone())
                }
            };
            let rule = format!("{NAMESPACE}::{}", d.rule_id);
            if acknowledged_at(tree, &construct_path, &rule) {
                continue;
            }
            let description = match &d.property_path {
                Some(p) => format!("{}: {}", p.strip_prefix("Properties.").unwrap_or(p), d.message),
                None => d.message.clone(),
            };
            grouped.entry((d.rule_id.to_string(), description)).or_default().push(
                ViolatingResource {
                    construct_path,
                    logical_id: resource.map(str::to_string),
                    fqn: fqn.map(|f| f.to_string()),
                    template: file.clone(),
                },
            );
        }
    }
    grouped
        .into_iter()
        .map(|((rule_id, description), resources)| TemplateViolation {
            rule_id,
            description,
            resources,
        })
        .collect()
}

/// Whether `path` is `scope` or below it.
fn is_within(path: &str, scope: &str) -> bool {
    path == scope || path.strip_prefix(scope).is_some_and(|rest| rest.starts_with('/'))
}

/// Whether the rule `id` (`namespace::rule`) is acknowledged on the construct at `path` or on
/// a scope above it.
fn acknowledged_at(tree: &TreeData, path: &str, id: &str) -> bool {
    tree.acknowledgements.borrow().iter().any(|a| {
        a.id == id
            && tree.nodes.get(a.node).is_some_and(|n| n.path.is_empty() || is_within(path, &n.path))
    })
}

/// Logical ID → element node of a stack's template.
fn logical_ids(tree: &TreeData, stack: usize) -> IndexMap<String, usize> {
    crate::template::stack_elements(tree, stack)
        .into_iter()
        .filter(|i| matches!(tree.nodes[*i].kind, NodeKind::Element(_)))
        .filter_map(|i| crate::resolve::logical_id(tree, i).ok().map(|id| (id, i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_normalized_as_aws_cdk_lib_does() {
        let n = |id: &str| normalize_id(id, ANNOTATION_NAMESPACE);
        assert_eq!(
            n("CloudFormation-Validate::F3034").as_deref(),
            Ok("CloudFormation-Validate::F3034")
        );
        assert_eq!(
            n("CloudFormation Validate::F3034").as_deref(),
            Ok("CloudFormation-Validate::F3034")
        );
        assert_eq!(n("F3034").as_deref(), Ok("Annotation::F3034"));
        assert_eq!(n("annotation::x").as_deref(), Ok("Annotation::x"));
        assert!(n("::F3034").is_err());
        assert!(n("a::b::c").is_err());
    }

    #[test]
    fn listed_resources_are_the_keys_template_resources_finds() {
        let ids = ["A", "AB", "Out", "Deep", "X"];
        let listed = |text: &str| listed_resources(text, &ids);
        let text = r#"{"Resources": {"A": {"Properties": {"Resources": {"Deep": 1}}}, "A\u0042": [], "X": null},
            "Outputs": {"Out": {}}}"#;
        assert_eq!(listed(text), [true, true, false, false, true]);
        // the last `Resources` counts, as in the parsed template
        assert_eq!(
            listed(r#"{"Resources": {"A": 1}, "Resources": {"X": 1}}"#),
            [false, false, false, false, true]
        );
        assert_eq!(listed(r#"{"Resources": {"A": 1}, "Resources": 3}"#), [false; 5]);
        assert_eq!(listed(r#"{"Resources": ["A"]}"#), [false; 5]);
        assert_eq!(listed("[1]"), [false; 5]);
        assert_eq!(listed("{"), [false; 5]);
        for text in [
            text,
            r#"{"Resources": {"A": 1}, "Resources": {"X": 1}}"#,
            r#"{"Resources": {"A": 1}, "Resources": 3}"#,
            r#"{"Resources": ["A"]}"#,
        ] {
            let template: serde_json::Value = serde_json::from_str(text).unwrap();
            let expected: Vec<bool> = ids
                .iter()
                .map(|id| template.get("Resources").and_then(|r| r.get(*id)).is_some())
                .collect();
            assert_eq!(listed(text), expected, "{text}");
        }
    }

    #[test]
    fn scopes_cover_their_descendants_only() {
        assert!(is_within("S/Api/Plan/Resource", "S"));
        assert!(is_within("S", "S"));
        assert!(!is_within("S2/Api", "S"));
    }
}
