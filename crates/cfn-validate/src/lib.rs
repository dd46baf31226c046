//! Synth-time validation of a rendered CloudFormation template: the error-severity rules of
//! AWS CloudFormation Validate (the engine aws-cdk-lib runs at synthesis, npm
//! `@aws/cloudformation-validate`, Rust crate `cloudformation-validate`), with the engine's
//! rule ids, messages and property paths, checked against the registry schemas vendored in
//! `cfn-spec/` (compiled into constraint tables by `cargo xtask codegen`).
//!
//! ```
//! let template = serde_json::json!({
//!     "Resources": {
//!         "Plan": {
//!             "Type": "AWS::ApiGateway::UsagePlan",
//!             "Properties": { "Throttle": { "RateLimit": -1 } }
//!         }
//!     }
//! });
//! let findings = cfn_validate::validate(&template);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].rule_id, "F3034");
//! assert_eq!(findings[0].message, "-1 is less than the minimum of 0");
//! assert_eq!(findings[0].property_path.as_deref(), Some("Properties.Throttle.RateLimit"));
//! assert_eq!(findings[0].logical_id.as_deref(), Some("Plan"));
//! ```
//!
//! [`validate_text`] validates a template's JSON text directly (the same findings, several
//! times faster and with a fraction of the memory of parsing it into a `Value` first).
//!
//! Which rules are implemented, and how this differs from the engine, is in
//! `docs/validation.md`; [`RULES`] lists them.

mod json;
mod schema;
#[rustfmt::skip]
mod tables;

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use json::{Arr, Doc, Kind, Obj, StrSet, J};

use schema::{Node, ARRAY, BOOLEAN, INTEGER, N, NUMBER, OBJECT, STRING, TYPE_NAMES};

/// How bad a finding is: the first letter of its rule id (`F`, `E`, `W`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// `F` rules: CloudFormation rejects the template.
    Fatal,
    /// `E` rules: the deployment fails.
    Error,
    /// `W` rules: likely a mistake.
    Warn,
}

impl Severity {
    /// The engine's name of the severity (`FATAL`, `ERROR`, `WARN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Fatal => "FATAL",
            Severity::Error => "ERROR",
            Severity::Warn => "WARN",
        }
    }

    /// Whether aws-cdk-lib counts it as an error (`FATAL` and `ERROR`).
    pub fn is_error(self) -> bool {
        matches!(self, Severity::Fatal | Severity::Error)
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The engine's rule id (`F3034`).
    pub rule_id: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The engine's message (`-1 is less than the minimum of 0`).
    pub message: String,
    /// The resource it is about, if any.
    pub logical_id: Option<String>,
    /// Where in the resource (`Properties.Throttle.RateLimit`) or the template
    /// (`Outputs.Url.Value.Ref`), if anywhere.
    pub property_path: Option<String>,
}

/// The implemented rules: (id, the engine's description).
pub const RULES: &[(&str, &str)] = &[
    ("F0001", "Resources section must exist and be non-empty"),
    ("F0002", "AWSTemplateFormatVersion must be 2010-09-09"),
    ("F0003", "Maximum 200 parameters"),
    ("F0004", "Maximum 200 outputs"),
    ("F0005", "Top-level keys must be valid section names"),
    ("F0006", "Logical IDs must be alphanumeric"),
    ("F0007", "Maximum 500 resources"),
    ("F0011", "Description exceeds maximum 1024 characters"),
    ("F1018", "Fn::Sub variable must reference a valid resource, parameter, or pseudo-parameter"),
    ("F1020", "Ref / Fn::GetAtt must reference a valid resource, parameter, or pseudo-parameter"),
    ("F2003", "Parameter name must be alphanumeric"),
    ("F3002", "Additional properties are not allowed"),
    ("F3003", "Required property missing"),
    ("F3007", "Logical ID used as both parameter and resource"),
    ("F3012", "Property type mismatch"),
    ("F3014", "Exactly one of properties required (requiredXor)"),
    ("F3032", "Array item count out of bounds"),
    ("F3033", "String length out of bounds"),
    ("F3034", "Numeric value out of bounds"),
    ("F3058", "One of properties required (requiredOr)"),
    ("F6004", "Output name must be alphanumeric"),
    ("F6101", "Output value must reference valid resources and parameters"),
    ("E3001", "Resource has valid attributes (Type, Properties, DependsOn, ...)"),
    ("E3005", "DependsOn target must exist as a resource"),
    ("E8002", "Condition referenced by resource must be defined"),
];

/// Pseudo parameters `Ref` may name.
const PSEUDO_PARAMETERS: [&str; 8] = [
    "AWS::AccountId",
    "AWS::NoValue",
    "AWS::NotificationARNs",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

/// Top-level sections of a template.
const SECTIONS: [&str; 11] = [
    "AWSTemplateFormatVersion",
    "Description",
    "Metadata",
    "Parameters",
    "Rules",
    "Mappings",
    "Conditions",
    "Transform",
    "Resources",
    "Outputs",
    "Globals",
];

/// Keys a resource may have.
const RESOURCE_ATTRIBUTES: [&str; 11] = [
    "Type",
    "Properties",
    "DependsOn",
    "Condition",
    "Metadata",
    "DeletionPolicy",
    "UpdateReplacePolicy",
    "UpdatePolicy",
    "CreationPolicy",
    "Fn::Transform",
    "Version",
];

/// Whether `t` is a resource type whose schema is vendored (and so whose properties are
/// checked).
pub fn knows_type(t: &str) -> bool {
    type_entry(t).is_some()
}

fn type_entry(t: &str) -> Option<u32> {
    tables::TYPES.binary_search_by(|(name, _)| (*name).cmp(t)).ok().map(|i| tables::TYPES[i].1)
}

/// Validates a template given as its JSON text: [`validate`] of the parsed text, or `None`
/// when the text is not JSON (or is nested deeper than serde_json reads, 128 levels).
///
/// The text is read into a compact tree borrowing its strings, one resource at a time (each
/// validated as it is read), so this is much faster and leaner than parsing it into a
/// `serde_json::Value` first.
///
/// ```
/// let findings = cfn_validate::validate_text(r#"{"Resources": {}}"#).unwrap();
/// assert_eq!(findings[0].rule_id, "F0001");
/// assert!(cfn_validate::validate_text("not json").is_none());
/// ```
pub fn validate_text(text: &str) -> Option<Vec<Diagnostic>> {
    // Each resource is validated as it is read, against the resources read so far; one that
    // names something not (yet) known is validated again once the whole template is read.
    let mut known = StrSet::default();
    let no_parameters = StrSet::default();
    let mut early = Vec::new();
    let doc = Doc::parse(text, &mut |start, id, body| {
        known.insert(id);
        let names = Names { resources: &known, parameters: &no_parameters, conditions: None };
        let (findings, unresolved) = resource_findings(id, body, &names, true);
        early.push((start, (!unresolved).then_some(findings)));
    })?;
    run(&doc, early)
}

/// Validates a template (the JSON of a `*.template.json` file); the findings in template
/// order: the template's structure first, then each resource, then the outputs.
pub fn validate(template: &Value) -> Vec<Diagnostic> {
    // A resource body kept as a `Value` always converts: `run` is `Some`.
    run(&Doc::from_value(template), Vec::new()).unwrap_or_default()
}

/// The findings of a template. `early`: (where its body starts, its findings if final) of
/// each resource validated as the text was read ([`validate_text`]). `None` if a resource
/// body kept as text ([`json::Node::Raw`]) does not read (which cannot happen: it was read).
fn run(doc: &Doc<'_>, early: Vec<(usize, Option<Vec<Diagnostic>>)>) -> Option<Vec<Diagnostic>> {
    let mut v = Validator::default();
    let empty = Obj::empty(doc);
    let top = doc.root().as_object().unwrap_or(empty);
    let section = |k: &str| top.get(k).and_then(J::as_object).unwrap_or(empty);
    let resources = section("Resources");
    let parameters = section("Parameters");
    let outputs = section("Outputs");
    let conditions = section("Conditions");

    if resources.is_empty() {
        v.push("F0001", "Resources section must exist and be non-empty".into(), None, None);
    }
    if let Some(fv) = top.get("AWSTemplateFormatVersion").and_then(J::as_str) {
        if fv != "2010-09-09" {
            v.push(
                "F0002",
                format!("AWSTemplateFormatVersion must be '2010-09-09', got '{fv}'"),
                None,
                Some("AWSTemplateFormatVersion".into()),
            );
        }
    }
    if parameters.len() > 200 {
        let n = parameters.len();
        v.push("F0003", format!("Template has {n} parameters, maximum is 200"), None, None);
    }
    if outputs.len() > 200 {
        let n = outputs.len();
        v.push("F0004", format!("Template has {n} outputs, maximum is 200"), None, None);
    }
    if resources.len() > 500 {
        let n = resources.len();
        v.push("F0007", format!("Template has {n} resources, maximum is 500"), None, None);
    }
    for key in top.keys() {
        if !SECTIONS.contains(&key) {
            let message = format!("'{key}' is not a valid top-level template section");
            v.push("F0005", message, None, Some(key.to_string()));
        }
    }
    if let Some(desc) = top.get("Description").and_then(J::as_str) {
        let n = desc.chars().count();
        if n > 1024 {
            let message = format!("Description length {n} exceeds maximum 1024");
            v.push("F0011", message, None, None);
        }
    }
    let resource_ids: StrSet<'_> = resources.keys().collect();
    let parameter_names: StrSet<'_> = parameters.keys().collect();
    let names = Names {
        resources: &resource_ids,
        parameters: &parameter_names,
        conditions: Some(conditions),
    };
    for name in parameters.keys() {
        if !is_alphanumeric(name) {
            let message = format!("Parameter name '{name}' must be alphanumeric");
            v.push("F2003", message, Some(name.to_string()), Some(format!("Parameters/{name}")));
        }
        if names.resources.contains(name) {
            let message = format!("'{name}' is used as both a parameter and resource logical ID");
            v.push("F3007", message, Some(name.to_string()), None);
        }
    }
    for name in outputs.keys() {
        if !is_alphanumeric(name) {
            let message = format!("Output name '{name}' must be alphanumeric");
            v.push("F6004", message, Some(name.to_string()), Some(format!("Outputs/{name}")));
        }
    }

    // The early findings serve if they are of exactly these resources (no repeated logical
    // ID or `Resources` section replaced one).
    let fits = early.len() == resources.len()
        && resources.iter().zip(&early).all(
            |((_, body), (start, _))| matches!(body.node(), json::Node::Raw(s, _) if s == start),
        );
    let mut early = early.into_iter().map(|(_, findings)| findings.filter(|_| fits));
    let mut scratch = Doc::default();
    for (id, body) in resources.iter() {
        if let Some(findings) = early.next().flatten() {
            v.out.extend(findings);
            continue;
        }
        let body = match body.node() {
            kept @ (json::Node::Raw(..) | json::Node::Value(_)) => {
                if !scratch.read_kept(doc, kept) {
                    return None;
                }
                scratch.root()
            }
            _ => body,
        };
        v.out.extend(resource_findings(id, body, &names, false).0);
    }
    for (name, output) in outputs.iter() {
        if let Some(value) = output.as_object().and_then(|o| o.get("Value")) {
            v.output_refs(name, value, "", 0, &names);
        }
    }
    Some(v.out)
}

/// The findings of resource `id`, and whether one of them is that a name (resource,
/// parameter, condition) is not defined; `provisional`: `names` are those known so far, and
/// such findings are left out.
fn resource_findings(
    id: &str,
    body: J<'_>,
    names: &Names<'_, '_>,
    provisional: bool,
) -> (Vec<Diagnostic>, bool) {
    // Each finding names the resource, so none repeats one of another resource or of the
    // template's structure: the resource has a `seen` of its own.
    let mut v = Validator { provisional, ..Validator::default() };
    v.resource(id, body, names);
    (v.out, v.unresolved)
}

/// What a template defines that references may name (or what of it is known so far).
struct Names<'n, 'd> {
    resources: &'n StrSet<'d>,
    parameters: &'n StrSet<'d>,
    /// The `Conditions` section; `None`: not known yet.
    conditions: Option<Obj<'d>>,
}

impl Names<'_, '_> {
    fn condition_exists(&self, name: &str) -> bool {
        self.conditions.is_some_and(|c| c.contains_key(name))
    }

    fn ref_target_exists(&self, name: &str) -> bool {
        PSEUDO_PARAMETERS.contains(&name)
            || self.resources.contains(name)
            || self.parameters.contains(name)
    }

    /// `['AWS::AccountId', ..., 'Bucket']`: what `Ref` may name, sorted.
    fn ref_targets(&self) -> String {
        let all: BTreeSet<&str> = PSEUDO_PARAMETERS
            .iter()
            .copied()
            .chain(self.resources.iter().copied())
            .chain(self.parameters.iter().copied())
            .collect();
        str_list(all)
    }
}

#[derive(Default)]
struct Validator {
    out: Vec<Diagnostic>,
    /// Findings already reported (both branches of an `Fn::If` may find the same).
    seen: HashSet<(&'static str, Option<String>, Option<String>, String)>,
    /// Whether the names are those known so far (of a template still being read): a finding
    /// that a name is not defined is then only noted, in `unresolved`.
    provisional: bool,
    /// Whether a finding is that a name is not defined ([`Validator::push_undefined`]).
    unresolved: bool,
}

impl Validator {
    /// [`Validator::push`] of a resource's finding that a name is not defined (its message
    /// written only if it is kept).
    fn push_undefined(
        &mut self,
        rule_id: &'static str,
        message: impl FnOnce() -> String,
        logical_id: Option<String>,
        property_path: Option<String>,
    ) {
        self.unresolved = true;
        if !self.provisional {
            self.push(rule_id, message(), logical_id, property_path);
        }
    }

    fn push(
        &mut self,
        rule_id: &'static str,
        message: String,
        logical_id: Option<String>,
        property_path: Option<String>,
    ) {
        let key = (rule_id, logical_id.clone(), property_path.clone(), message.clone());
        if !self.seen.insert(key) {
            return;
        }
        let severity = match rule_id.as_bytes().first() {
            Some(b'F') => Severity::Fatal,
            Some(b'E') => Severity::Error,
            _ => Severity::Warn,
        };
        self.out.push(Diagnostic { rule_id, severity, message, logical_id, property_path });
    }

    fn resource(&mut self, id: &str, body: J<'_>, names: &Names<'_, '_>) {
        let rid = || Some(id.to_string());
        if !is_alphanumeric(id) {
            self.push(
                "F0006",
                format!("Logical ID '{id}' must be alphanumeric (A-Za-z0-9)"),
                rid(),
                None,
            );
        }
        let Some(body) = body.as_object() else {
            let got = json_type_name(body);
            self.push(
                "E3001",
                format!("Resource '{id}' body must be an object, got {got}"),
                rid(),
                None,
            );
            return;
        };
        let resource_type = match body.get("Type") {
            None => {
                let message = format!("Resource '{id}' is missing required property 'Type'");
                self.push("E3001", message, rid(), None);
                None
            }
            Some(t) if t.is_string() => t.as_str(),
            Some(_) => {
                let message = format!("Resource '{id}' property 'Type' must be a string");
                self.push("E3001", message, rid(), None);
                None
            }
        };
        for key in body.keys() {
            if !RESOURCE_ATTRIBUTES.contains(&key) {
                let message = format!(
                    "Resource '{id}' has invalid property '{key}'. Valid resource attributes: {}",
                    RESOURCE_ATTRIBUTES.join(", ")
                );
                self.push("E3001", message, rid(), None);
            }
        }
        match body.get("DependsOn").map(J::kind) {
            None => {}
            Some(Kind::String(target)) => self.depends_on(id, target, names),
            Some(Kind::Array(targets)) if targets.iter().all(J::is_string) => {
                for target in targets.iter().filter_map(J::as_str) {
                    self.depends_on(id, target, names);
                }
            }
            Some(_) => {
                let message = format!(
                    "Resource '{id}' property 'DependsOn' must be a string or list of strings"
                );
                self.push("E3001", message, rid(), None);
            }
        }
        if let Some(condition) = body.get("Condition").and_then(J::as_str) {
            if !names.condition_exists(condition) {
                let message = || {
                    format!("Condition '{condition}' referenced by resource '{id}' is not defined")
                };
                self.push_undefined("E8002", message, rid(), None);
            }
        }
        for key in ["Properties", "Metadata", "UpdatePolicy", "CreationPolicy"] {
            if let Some(value) = body.get(key) {
                self.refs(id, value, &PropPath::root(key), names);
            }
        }
        if let Some(root) = resource_type.and_then(type_entry) {
            let properties = body.get("Properties").unwrap_or(J::empty_object(body));
            self.node(id, root, properties, &PropPath::root("Properties"));
        }
    }

    fn depends_on(&mut self, id: &str, target: &str, names: &Names<'_, '_>) {
        if !names.resources.contains(target) {
            let message = || format!("DependsOn target '{target}' does not exist as a resource");
            self.push_undefined("E3005", message, Some(id.to_string()), None);
        }
    }

    /// `Ref`, `Fn::GetAtt` and `Fn::Sub` anywhere under a resource's `value` (at `path`).
    fn refs(&mut self, id: &str, value: J<'_>, path: &PropPath<'_>, names: &Names<'_, '_>) {
        if path.depth > MAX_DEPTH {
            return;
        }
        let rid = || Some(id.to_string());
        match value.kind() {
            Kind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.refs(id, item, &path.index(i), names);
                }
            }
            Kind::Object(map) => {
                if let Some((f, arg)) = intrinsic(map) {
                    match f {
                        "Ref" => {
                            if let Some(target) = arg.as_str() {
                                if !names.ref_target_exists(target) {
                                    let message = || {
                                        format!("'{target}' is not one of {}", names.ref_targets())
                                    };
                                    let path = Some(path.to_string());
                                    self.push_undefined("F1020", message, rid(), path);
                                }
                            }
                        }
                        "Fn::GetAtt" => {
                            if let Some((target, _)) = get_att(arg) {
                                if !names.resources.contains(target) {
                                    let message = || {
                                        format!("Fn::GetAtt references non-existent resource '{target}'")
                                    };
                                    self.push_undefined("F1020", message, rid(), None);
                                }
                            }
                        }
                        "Fn::Sub" => {
                            for variable in unknown_sub_variables(arg, names) {
                                let message = || {
                                    format!("Fn::Sub variable '${{{variable}}}' does not reference a valid resource, parameter, or pseudo-parameter")
                                };
                                self.push_undefined(
                                    "F1018",
                                    message,
                                    rid(),
                                    Some(path.to_string()),
                                );
                            }
                        }
                        _ => {}
                    }
                    if f != "Ref" {
                        self.refs(id, arg, &path.key(f), names);
                    }
                    return;
                }
                for (k, item) in map.iter() {
                    self.refs(id, item, &path.key(k), names);
                }
            }
            _ => {}
        }
    }

    /// References in an output's value (all reported as `F6101`); `sub` is the path within
    /// the value. Paths are written as the engine writes them (`Outputs.Url.Value.Ref` for a
    /// `Ref`, `Outputs/Url/Value.Fn::GetAtt.0` otherwise).
    fn output_refs(
        &mut self,
        name: &str,
        value: J<'_>,
        sub: &str,
        depth: usize,
        names: &Names<'_, '_>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let oid = || Some(name.to_string());
        match value.kind() {
            Kind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.output_refs(name, item, &format!("{sub}.{i}"), depth + 1, names);
                }
            }
            Kind::Object(map) => {
                if let Some((f, arg)) = intrinsic(map) {
                    let at = |suffix: &str| Some(format!("Outputs/{name}/Value{sub}.{f}{suffix}"));
                    match f {
                        "Ref" => {
                            if let Some(target) = arg.as_str() {
                                if !names.ref_target_exists(target) {
                                    let message = format!("Ref '{target}' does not reference a valid resource, parameter, or pseudo-parameter");
                                    let path = format!("Outputs.{name}.Value{sub}.Ref");
                                    self.push("F6101", message, None, Some(path));
                                }
                            }
                        }
                        "Fn::GetAtt" => {
                            if let Some((target, attribute)) = get_att(arg) {
                                if !names.resources.contains(target) {
                                    let shown = match attribute {
                                        Some(a) => format!("{target}.{a}"),
                                        None => target.to_string(),
                                    };
                                    let message = format!(
                                        "GetAtt '{shown}' references a resource that does not exist"
                                    );
                                    self.push("F6101", message, oid(), at(".0"));
                                }
                            }
                        }
                        "Fn::Sub" => {
                            for variable in unknown_sub_variables(arg, names) {
                                let message = format!("Fn::Sub variable '${{{variable}}}' does not reference a valid resource, parameter, or pseudo-parameter");
                                self.push("F6101", message, oid(), at(""));
                            }
                        }
                        _ => {}
                    }
                    if f != "Ref" {
                        self.output_refs(name, arg, &format!("{sub}.{f}"), depth + 1, names);
                    }
                    return;
                }
                for (k, item) in map.iter() {
                    self.output_refs(name, item, &format!("{sub}.{k}"), depth + 1, names);
                }
            }
            _ => {}
        }
    }

    /// Checks `value` (at `path` of resource `id`) against schema node `idx`.
    fn node(&mut self, id: &str, idx: u32, value: J<'_>, path: &PropPath<'_>) {
        if path.depth > MAX_DEPTH {
            return;
        }
        let Some(node) = tables::NODES.get(idx as usize) else {
            return;
        };
        if value.is_null() {
            return;
        }
        let rid = || Some(id.to_string());
        let at = || Some(path.to_string());
        if let Some(map) = value.as_object() {
            if let Some((f, arg)) = intrinsic(map) {
                // A value computed at deploy time is not checked; each branch of an `Fn::If` is.
                if f == "Fn::If" {
                    if let Some(branches) = arg.as_array().filter(|a| a.len() == 3) {
                        for branch in branches.iter().skip(1) {
                            self.node(id, idx, branch, path);
                        }
                    }
                }
                return;
            }
        }
        if node.types != 0 && !type_matches(value, node.types) {
            let expected = TYPE_NAMES[usize::from(node.primary).min(TYPE_NAMES.len() - 1)];
            if !coercible(value, expected) {
                let message = format!("{} is not of type '{expected}'", render(value));
                self.push("F3012", message, rid(), at());
                return;
            }
        }
        if node.minimum.is_some() || node.maximum.is_some() {
            if let Some(n) = to_number(value) {
                if let Some(max) = node.maximum.filter(|max| n > *max) {
                    let message = format!("{n} is greater than the maximum of {max}");
                    self.push("F3034", message, rid(), at());
                }
                if let Some(min) = node.minimum.filter(|min| n < *min) {
                    let message = format!("{n} is less than the minimum of {min}");
                    self.push("F3034", message, rid(), at());
                }
            }
        }
        if let Some(len) =
            (node.bounds[2] != N || node.bounds[3] != N).then(|| string_length(value)).flatten()
        {
            if let Some(max) = node.bound(3).filter(|max| len > *max) {
                self.push("F3033", format!("length {len} exceeds maximum {max}"), rid(), at());
            }
            if let Some(min) = node.bound(2).filter(|min| len < *min) {
                self.push("F3033", format!("length {len} is below minimum {min}"), rid(), at());
            }
        }
        match value.kind() {
            Kind::Array(items) => self.array(id, node, items, path),
            Kind::Object(map) => self.object(id, node, map, path),
            _ => {}
        }
    }

    fn array(&mut self, id: &str, node: &Node, items: Arr<'_>, path: &PropPath<'_>) {
        let list_from_intrinsic = items.iter().any(|item| {
            item.as_object().and_then(intrinsic).is_some_and(|(f, _)| {
                matches!(f, "Fn::Split" | "Fn::GetAZs" | "Fn::Cidr" | "Fn::FindInMap")
            })
        });
        if !list_from_intrinsic {
            let (mut sure, mut maybe) = (0u64, 0u64);
            for item in items.iter() {
                match item.as_object().and_then(intrinsic) {
                    Some(("Ref", r)) if r.as_str() == Some("AWS::NoValue") => {}
                    Some(("Fn::If", _)) => maybe += 1,
                    _ => sure += 1,
                }
            }
            if let Some(max) = node.bound(1).filter(|max| sure + maybe > *max) {
                let message =
                    format!("expected maximum item count: {max}, found: {}", sure + maybe);
                self.push("F3032", message, Some(id.to_string()), Some(path.to_string()));
            }
            if let Some(min) = node.bound(0).filter(|min| sure + maybe < *min) {
                let message =
                    format!("expected minimum item count: {min}, found: {}", sure + maybe);
                self.push("F3032", message, Some(id.to_string()), Some(path.to_string()));
            }
        }
        if node.items != N {
            for (i, item) in items.iter().enumerate() {
                self.node(id, node.items, item, &path.index(i));
            }
        }
    }

    /// `requiredOr` (F3058) and `requiredXor` (F3014). A member whose presence depends on a
    /// condition (`Fn::If`) or that is `null` leaves the groups unchecked.
    fn groups(&mut self, id: &str, node: &Node, map: Obj<'_>, path: &PropPath<'_>) {
        if node.required_or.is_empty() && node.required_xor.is_empty() {
            return;
        }
        let present = |key: &str| -> Option<bool> {
            match map.get(key).map(J::kind) {
                None => Some(false),
                Some(Kind::Null) => None,
                Some(Kind::Object(m)) => match intrinsic(m) {
                    Some(("Ref", r)) if r.as_str() == Some("AWS::NoValue") => Some(false),
                    Some(("Fn::If", _)) => None,
                    _ => Some(true),
                },
                Some(_) => Some(true),
            }
        };
        let Some(or) = node.required_or.iter().map(|k| present(k)).collect::<Option<Vec<bool>>>()
        else {
            return;
        };
        let Some(xor) = node.required_xor.iter().map(|k| present(k)).collect::<Option<Vec<bool>>>()
        else {
            return;
        };
        if !or.is_empty() && !or.contains(&true) {
            let message = format!(
                "One of {} is a required property",
                str_list(node.required_or.iter().copied())
            );
            self.push("F3058", message, Some(id.to_string()), Some(path.to_string()));
        }
        if !xor.is_empty() && xor.iter().filter(|p| **p).count() != 1 {
            let message = format!(
                "Exactly one of {} must be specified",
                str_list(node.required_xor.iter().copied())
            );
            self.push("F3014", message, Some(id.to_string()), Some(path.to_string()));
        }
    }

    fn object(&mut self, id: &str, node: &Node, map: Obj<'_>, path: &PropPath<'_>) {
        for required in node.required {
            if !map.contains_key(required) {
                let message = format!("'{required}' is a required property");
                self.push("F3003", message, Some(id.to_string()), Some(path.to_string()));
            }
        }
        self.groups(id, node, map, path);
        for (key, value) in map.iter() {
            if let Some(child) = node.prop(key) {
                self.node(id, child, value, &path.key(key));
            } else if node.closed {
                let message = match similar(key, node) {
                    Some(s) => format!("Additional properties are not allowed ('{key}' was unexpected. Did you mean '{s}'?)"),
                    None => format!("Additional properties are not allowed ('{key}' was unexpected)"),
                };
                self.push("F3002", message, Some(id.to_string()), Some(path.key(key).to_string()));
            }
        }
    }
}

/// A property path (`Properties.Throttle.RateLimit`), built as the walk descends and written
/// out only when a finding needs it.
struct PropPath<'a> {
    parent: Option<&'a PropPath<'a>>,
    segment: Segment<'a>,
    depth: usize,
}

/// Values nested deeper than this under a resource are not checked (a template read from
/// text has at most 128 levels; this bounds the recursion for values built in memory).
const MAX_DEPTH: usize = 128;

#[derive(Clone, Copy)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> PropPath<'a> {
    fn root(name: &'a str) -> PropPath<'a> {
        PropPath { parent: None, segment: Segment::Key(name), depth: 0 }
    }

    fn key(&'a self, key: &'a str) -> PropPath<'a> {
        PropPath { parent: Some(self), segment: Segment::Key(key), depth: self.depth + 1 }
    }

    fn index(&'a self, i: usize) -> PropPath<'a> {
        PropPath { parent: Some(self), segment: Segment::Index(i), depth: self.depth + 1 }
    }
}

impl std::fmt::Display for PropPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}.")?;
        }
        match self.segment {
            Segment::Key(k) => f.write_str(k),
            Segment::Index(i) => write!(f, "{i}"),
        }
    }
}

/// The variables of an `Fn::Sub` (string or `[string, variables]`) that name nothing (a
/// `${Resource.Attribute}` of an existing resource names something).
fn unknown_sub_variables(arg: J<'_>, names: &Names<'_, '_>) -> Vec<String> {
    let (text, local) = match arg.kind() {
        Kind::String(s) => (s, None),
        Kind::Array(parts) => match (parts.get(0).and_then(J::as_str), parts.get(1)) {
            (Some(s), vars) => (s, vars.and_then(J::as_object)),
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        rest = &after[end + 1..];
        if name.starts_with('!') || local.is_some_and(|l| l.contains_key(name)) {
            continue;
        }
        if names.ref_target_exists(name) {
            continue;
        }
        match name.split_once('.') {
            Some((resource, _)) if names.resources.contains(resource) => {}
            _ => out.push(name.to_string()),
        }
    }
    out
}

/// `(resource, attribute)` of an `Fn::GetAtt` argument (`["R", "Arn"]` or `"R.Arn"`); the
/// attribute is `None` when it is computed.
fn get_att(arg: J<'_>) -> Option<(&str, Option<&str>)> {
    match arg.kind() {
        Kind::String(s) => Some(match s.split_once('.') {
            Some((r, a)) => (r, Some(a)),
            None => (s, None),
        }),
        Kind::Array(parts) => {
            let target = parts.get(0)?.as_str()?;
            Some((target, parts.get(1).and_then(J::as_str)))
        }
        _ => None,
    }
}

/// The intrinsic functions (a one-key object with another `Fn::` key is a plain value).
const INTRINSICS: [&str; 20] = [
    "Fn::And",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Equals",
    "Fn::FindInMap",
    "Fn::ForEach",
    "Fn::GetAZs",
    "Fn::GetAtt",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Length",
    "Fn::Not",
    "Fn::Or",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
];

/// `(function, argument)` when `map` is an intrinsic function call (`Ref` or `Fn::*`).
fn intrinsic(map: Obj<'_>) -> Option<(&str, J<'_>)> {
    let (k, v) = map.single()?;
    (k == "Ref" || (k.starts_with("Fn::") && INTRINSICS.contains(&k))).then_some((k, v))
}

fn is_alphanumeric(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn type_matches(value: J<'_>, types: u8) -> bool {
    let bit = match value.kind() {
        Kind::String(_) => STRING,
        Kind::Bool(_) => BOOLEAN,
        Kind::Array(_) => ARRAY,
        Kind::Object(_) => OBJECT,
        Kind::Number(n) => {
            let integral = n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0);
            return types & NUMBER != 0 || (integral && types & INTEGER != 0);
        }
        Kind::Null => return true,
    };
    types & bit != 0
}

/// Whether CloudFormation converts `value` to `expected` at deployment (the engine then warns,
/// W9003, instead of failing).
fn coercible(value: J<'_>, expected: &str) -> bool {
    match expected {
        "string" => value.is_number() || value.is_boolean(),
        "integer" => match value.kind() {
            Kind::Number(n) => n.as_f64().is_some_and(|f| f.fract() == 0.0),
            Kind::String(s) => {
                let s = s.trim();
                s.parse::<i64>().is_ok() || s.parse::<f64>().is_ok_and(|f| f.fract() == 0.0)
            }
            _ => false,
        },
        "number" => match value.kind() {
            Kind::String(s) => s.trim().parse::<f64>().is_ok(),
            _ => value.is_number(),
        },
        "boolean" => matches!(
            value.as_str(),
            Some(
                "true"
                    | "True"
                    | "TRUE"
                    | "yes"
                    | "Yes"
                    | "YES"
                    | "on"
                    | "On"
                    | "ON"
                    | "y"
                    | "Y"
                    | "1"
                    | "false"
                    | "False"
                    | "FALSE"
                    | "no"
                    | "No"
                    | "NO"
                    | "off"
                    | "Off"
                    | "OFF"
                    | "n"
                    | "N"
                    | "0"
            )
        ),
        _ => false,
    }
}

fn to_number(value: J<'_>) -> Option<f64> {
    match value.kind() {
        Kind::Number(n) => n.as_f64(),
        Kind::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }
}

/// The length in characters of a scalar as a string (`true`: 4, `1.5`: 3).
fn string_length(value: J<'_>) -> Option<u64> {
    let n = match value.kind() {
        Kind::String(s) => s.chars().count(),
        Kind::Bool(b) => b.to_string().len(),
        Kind::Number(n) => n.to_string().len(),
        _ => return None,
    };
    Some(n as u64)
}

fn json_type_name(value: J<'_>) -> &'static str {
    match value.kind() {
        Kind::Null => "null",
        Kind::Bool(_) => "a boolean",
        Kind::Number(_) => "a number",
        Kind::String(_) => "a string",
        Kind::Array(_) => "a list",
        Kind::Object(_) => "an object",
    }
}

/// A value as the engine shows it: strings single-quoted, containers recursively (`...`
/// below [`MAX_DEPTH`] levels).
fn render(value: J<'_>) -> String {
    render_at(value, 0)
}

fn render_at(value: J<'_>, depth: usize) -> String {
    if depth > MAX_DEPTH {
        return "...".into();
    }
    let render = |v: J<'_>| render_at(v, depth + 1);
    match value.kind() {
        Kind::String(s) => format!("'{s}'"),
        Kind::Null => "null".into(),
        Kind::Bool(b) => b.to_string(),
        Kind::Number(n) => n.to_string(),
        Kind::Array(items) => {
            format!("[{}]", items.iter().map(render).collect::<Vec<_>>().join(", "))
        }
        Kind::Object(map) => format!(
            "{{{}}}",
            map.iter().map(|(k, v)| format!("'{k}': {}", render(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn str_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    format!("[{}]", items.into_iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", "))
}

/// A known property within 80% similarity (Levenshtein, case-insensitive) of `key`.
fn similar(key: &str, node: &Node) -> Option<&'static str> {
    let key = key.to_lowercase();
    node.props.iter().map(|(k, _)| *k).find(|k| {
        let l = k.to_lowercase();
        let max = key.len().max(l.len());
        max == 0 || 1.0 - (levenshtein(&key, &l) as f64 / max as f64) > 0.8
    })
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 1..=b.len() {
            let cur = row[j];
            row[j] = (row[j] + 1).min(row[j - 1] + 1).min(prev + usize::from(ca != b[j - 1]));
            prev = cur;
        }
    }
    row[b.len()]
}
