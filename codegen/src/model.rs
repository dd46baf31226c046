//! "Decide what to emit": turns registry schemas into a model of crates, modules, structs,
//! enums, attributes and tagging. Nothing here knows Rust syntax; [`crate::emit`] does.
//!
//! The decisions, in the order aws-cdk-lib's spec2cdk makes them:
//! - top-level properties listed in `readOnlyProperties` are attributes, not props; so are
//!   nested read-only paths (`/properties/Endpoint/Address` becomes attribute
//!   `Endpoint.Address`, and the `Address` field is left out of its struct);
//! - a property is required when its object's `required` list names it;
//! - a `$ref` to a definition with `properties` becomes a struct named after the definition
//!   (with a `Property` suffix on a clash); everything else (lists, maps, unions, primitives,
//!   free-form JSON) is a plain value whose expected [`Shape`] is only documented;
//! - a string with an `enum` gets a Rust enum of its known values;
//! - tags: the `tagging` section's property, in standard (`[{Key, Value}]`) or map format.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map as JsonMap, Value as Json};

use crate::naming;
use crate::spec::TypeName;
use crate::Error;

/// One generated crate: the resource types of one service namespace.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    /// `AWS::S3`.
    pub namespace: String,
    /// `S3`.
    pub service: String,
    /// `cfn-s3`.
    pub crate_name: String,
    /// The resource types, sorted by name.
    pub resources: Vec<Resource>,
}

/// One resource type: an L1 construct with its props, nested structs, enums and attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// `AWS::S3::Bucket`.
    pub type_name: String,
    /// `Bucket`.
    pub name: String,
    /// The module (and file) name: `bucket`.
    pub module: String,
    /// `CfnBucket`.
    pub struct_name: String,
    /// `CfnBucketProps`.
    pub props_name: String,
    /// The schema's description.
    pub description: Option<String>,
    /// The CloudFormation reference page.
    pub doc_url: String,
    /// The writable top-level properties, sorted by CloudFormation name.
    pub props: Vec<Field>,
    /// Nested property types, sorted by Rust name.
    pub structs: Vec<Struct>,
    /// String enums, sorted by Rust name.
    pub enums: Vec<Enum>,
    /// `Fn::GetAtt` attributes, sorted by attribute name.
    pub attributes: Vec<Attribute>,
    /// How tags are applied, when the type is taggable.
    pub tagging: Option<Tagging>,
}

/// A property of the props struct or of a nested struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The CloudFormation name (serialized name): `BucketName`.
    pub cfn_name: String,
    /// The Rust field name: `bucket_name`.
    pub rust_name: String,
    /// Required properties are `Value`, optional ones `Option<Value>`.
    pub required: bool,
    /// The property's description in the schema.
    pub description: Option<String>,
    /// What the value is expected to look like.
    pub shape: Shape,
}

/// A nested property type (`#/definitions/X` with `properties`).
#[derive(Clone, Debug, PartialEq)]
pub struct Struct {
    /// The Rust name: the definition name, or with a `Property` suffix on a clash.
    pub name: String,
    /// The definition name in the schema.
    pub definition: String,
    /// The definition's description.
    pub description: Option<String>,
    /// The CloudFormation reference page of the property type.
    pub doc_url: String,
    /// Fields sorted by CloudFormation name.
    pub fields: Vec<Field>,
}

/// Known values of a string property.
#[derive(Clone, Debug, PartialEq)]
pub struct Enum {
    /// The Rust name.
    pub name: String,
    /// The CloudFormation property (or definition) it was named after.
    pub source: String,
    /// Variants in schema order.
    pub variants: Vec<Variant>,
}

/// One known value.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// The Rust variant name: `StandardIa`.
    pub name: String,
    /// The CloudFormation string: `STANDARD_IA`.
    pub value: String,
}

/// A `Fn::GetAtt` attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// `attr_endpoint_address`.
    pub method: String,
    /// `Endpoint.Address`.
    pub name: String,
    /// The read-only property's description.
    pub description: Option<String>,
}

/// How a taggable type receives tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagging {
    /// The CloudFormation property holding the tags: `Tags`.
    pub property: String,
    /// Its shape.
    pub format: TagFormat,
}

/// The shape of a tag property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagFormat {
    /// A list of `{Key, Value}` objects.
    Standard,
    /// An object from tag key to tag value.
    Map,
}

/// The expected shape of a value (every field is a `Value`; the shape is documentation,
/// plus the structs and enums the user may build the value from).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A number.
    Number,
    /// A boolean.
    Boolean,
    /// Any JSON value.
    Json,
    /// A free-form JSON object.
    JsonObject,
    /// A nested struct of this module.
    Struct(String),
    /// A string with known values (an enum of this module).
    Enum(String),
    /// A number or integer limited to these values.
    Allowed(Box<Shape>, Vec<String>),
    /// A list.
    List(Box<Shape>),
    /// An object with arbitrary string keys.
    Map(Box<Shape>),
    /// An inline object with these keys.
    Object(Vec<String>),
    /// Any of these shapes.
    Union(Vec<Shape>),
}

const USER_GUIDE: &str = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide";

/// Type names a generated module cannot redefine: its imports and the prelude it uses.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "CfnResource",
    "Clone",
    "Construct",
    "Copy",
    "Debug",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Error",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Self",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Value",
    "Vec",
];

/// Groups resources into one [`Service`] per namespace, sorted by crate name.
///
/// # Errors
/// When a schema cannot be modelled (see [`resource`]).
pub fn services(schemas: &[(TypeName, Json)]) -> Result<Vec<Service>, Error> {
    let mut by_ns: BTreeMap<String, Service> = BTreeMap::new();
    for (t, schema) in schemas {
        let r = resource(t, schema)?;
        let crate_name = format!("cfn-{}", t.service.to_lowercase());
        let svc = by_ns.entry(crate_name.clone()).or_insert_with(|| Service {
            namespace: t.namespace(),
            service: t.service.clone(),
            crate_name,
            resources: Vec::new(),
        });
        if svc.namespace != t.namespace() {
            return Err(Error::new(format!(
                "{} and {} map to the same crate {}",
                svc.namespace,
                t.namespace(),
                svc.crate_name
            )));
        }
        svc.resources.push(r);
    }
    let mut out: Vec<Service> = by_ns.into_values().collect();
    for s in &mut out {
        s.resources.sort_by(|a, b| a.name.cmp(&b.name));
        let mut modules = BTreeSet::new();
        for r in &s.resources {
            if !modules.insert(r.module.clone()) {
                return Err(Error::new(format!(
                    "{}: two resource types map to module {}",
                    s.crate_name, r.module
                )));
            }
        }
    }
    Ok(out)
}

/// Models one resource type from its registry schema.
///
/// # Errors
/// When the schema has no `properties` object.
pub fn resource(t: &TypeName, schema: &Json) -> Result<Resource, Error> {
    let empty = JsonMap::new();
    let properties = schema
        .get("properties")
        .and_then(Json::as_object)
        .ok_or_else(|| Error::new(format!("{}: schema has no properties", t.full)))?;
    let definitions = schema.get("definitions").and_then(Json::as_object).unwrap_or(&empty);
    let read_only: Vec<Vec<String>> = string_list(schema.get("readOnlyProperties"))
        .iter()
        .filter_map(|p| p.strip_prefix("/properties/"))
        .map(|p| p.split('/').map(str::to_string).collect())
        .collect();
    let top_read_only: BTreeSet<&str> =
        read_only.iter().filter(|p| p.len() == 1).map(|p| p[0].as_str()).collect();
    let struct_name = format!("Cfn{}", t.resource);
    let props_name = format!("Cfn{}Props", t.resource);

    let mut b = ModelBuilder {
        definitions,
        excluded: nested_read_only(properties, definitions, &read_only),
        struct_names: BTreeMap::new(),
        used_names: RESERVED_TYPE_NAMES.iter().map(|s| s.to_string()).collect(),
        enums: Vec::new(),
        enum_keys: BTreeMap::new(),
    };
    for n in [&struct_name, &props_name, &format!("{props_name}Builder")] {
        b.used_names.insert(n.clone());
    }

    // Writable top-level properties, then the definitions they reach.
    let writable: Vec<(&String, &Json)> =
        properties.iter().filter(|(k, _)| !top_read_only.contains(k.as_str())).collect();
    let reached = b.reachable_structs(writable.iter().map(|(_, v)| *v));
    for def in &reached {
        let name = b.unique_name(&naming::type_name(def), &["Property"]);
        b.struct_names.insert(def.clone(), name);
    }

    let required = string_set(schema.get("required"));
    let props = b.fields(&t.resource, writable.into_iter(), &required);
    let mut structs = Vec::new();
    for def in &reached {
        let d = &definitions[def.as_str()];
        let name = b.struct_names[def].clone();
        let excluded = b.excluded.get(def).cloned().unwrap_or_default();
        let fields_src = d
            .get("properties")
            .and_then(Json::as_object)
            .map(|m| m.iter().filter(|(k, _)| !excluded.contains(k.as_str())).collect::<Vec<_>>())
            .unwrap_or_default();
        let fields = b.fields(&name, fields_src.into_iter(), &string_set(d.get("required")));
        structs.push(Struct {
            name,
            definition: def.clone(),
            description: description(d),
            doc_url: format!(
                "{USER_GUIDE}/aws-properties-{}-{}-{}.html",
                t.service.to_lowercase(),
                t.resource.to_lowercase(),
                def.to_lowercase()
            ),
            fields,
        });
    }
    structs.sort_by(|a, b| a.name.cmp(&b.name));
    let mut enums = b.enums;
    enums.sort_by(|a, b| a.name.cmp(&b.name));

    Ok(Resource {
        type_name: t.full.clone(),
        name: t.resource.clone(),
        module: naming::module_name(&t.resource),
        struct_name,
        props_name,
        description: description(schema),
        doc_url: schema
            .get("documentationUrl")
            .and_then(Json::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| {
                format!(
                    "{USER_GUIDE}/aws-resource-{}-{}.html",
                    t.service.to_lowercase(),
                    t.resource.to_lowercase()
                )
            }),
        props,
        structs,
        enums,
        attributes: attributes(properties, definitions, &read_only),
        tagging: tagging(schema, definitions),
    })
}

/// Decides the tagging of a type: the `tagging` section's `tagProperty` (default `Tags`), unless
/// `taggable` is false; `None` when that property is missing or is neither a list of
/// `{Key, Value}` objects nor a map of strings.
pub fn tagging(schema: &Json, definitions: &JsonMap<String, Json>) -> Option<Tagging> {
    let property = match schema.get("tagging") {
        Some(t) => {
            if t.get("taggable").and_then(Json::as_bool) == Some(false) {
                return None;
            }
            match t.get("tagProperty").and_then(Json::as_str) {
                Some(p) => p.strip_prefix("/properties/")?.to_string(),
                None => "Tags".to_string(),
            }
        }
        None => "Tags".to_string(),
    };
    let prop = schema.get("properties")?.get(&property)?;
    let prop = deref(prop, definitions);
    let format = match type_of(prop) {
        Some("array") => {
            let item = deref(prop.get("items")?, definitions);
            let keys: BTreeSet<&str> =
                item.get("properties")?.as_object()?.keys().map(String::as_str).collect();
            if keys == BTreeSet::from(["Key", "Value"]) {
                TagFormat::Standard
            } else {
                return None;
            }
        }
        Some("object") if prop.get("properties").is_none() => {
            let mut values: Vec<&Json> = Vec::new();
            if let Some(pp) = prop.get("patternProperties").and_then(Json::as_object) {
                values.extend(pp.values());
            }
            if let Some(ap) = prop.get("additionalProperties").filter(|v| v.is_object()) {
                values.push(ap);
            }
            let all_strings = !values.is_empty()
                && values.iter().all(|v| type_of(deref(v, definitions)) == Some("string"));
            if all_strings {
                TagFormat::Map
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(Tagging { property, format })
}

/// Follows `$ref`s to definitions (a missing target stays as the referring schema).
fn deref<'a>(mut s: &'a Json, definitions: &'a JsonMap<String, Json>) -> &'a Json {
    for _ in 0..16 {
        match ref_target(s).and_then(|name| definitions.get(name)) {
            Some(target) => s = target,
            None => break,
        }
    }
    s
}

fn ref_target(s: &Json) -> Option<&str> {
    s.get("$ref")?.as_str()?.strip_prefix("#/definitions/")
}

fn type_of(s: &Json) -> Option<&str> {
    s.get("type").and_then(Json::as_str)
}

fn description(s: &Json) -> Option<String> {
    s.get("description")
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
}

fn string_list(v: Option<&Json>) -> Vec<String> {
    v.and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

fn string_set(v: Option<&Json>) -> BTreeSet<String> {
    string_list(v).into_iter().collect()
}

/// For nested read-only paths (`A/B/C`), the definition and field that are output-only.
fn nested_read_only(
    properties: &JsonMap<String, Json>,
    definitions: &JsonMap<String, Json>,
    read_only: &[Vec<String>],
) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in read_only.iter().filter(|p| p.len() > 1) {
        let Some(mut s) = properties.get(&path[0]) else {
            continue;
        };
        for (i, seg) in path.iter().enumerate().skip(1) {
            let (def, obj) = definition_of(s, definitions);
            let Some(next) = obj.get("properties").and_then(|p| p.get(seg)) else {
                break;
            };
            if i == path.len() - 1 {
                if let Some(def) = def {
                    out.entry(def.to_string()).or_default().insert(seg.clone());
                }
            }
            s = next;
        }
    }
    out
}

/// The definition a schema refers to (following a chain of `$ref`s), with its body.
fn definition_of<'a>(
    s: &'a Json,
    definitions: &'a JsonMap<String, Json>,
) -> (Option<&'a str>, &'a Json) {
    let mut name = None;
    let mut s = s;
    for _ in 0..16 {
        match ref_target(s).and_then(|n| definitions.get_key_value(n)) {
            Some((n, target)) => {
                name = Some(n.as_str());
                s = target;
            }
            None => break,
        }
    }
    (name, s)
}

/// One attribute per `readOnlyProperties` entry: `/properties/Endpoint/Address` gives
/// `attr_endpoint_address` for `Fn::GetAtt` name `Endpoint.Address`.
fn attributes(
    properties: &JsonMap<String, Json>,
    definitions: &JsonMap<String, Json>,
    read_only: &[Vec<String>],
) -> Vec<Attribute> {
    let mut out: Vec<Attribute> = Vec::new();
    let mut methods = BTreeSet::new();
    let mut sorted: Vec<&Vec<String>> = read_only.iter().collect();
    sorted.sort_by_key(|p| p.join("."));
    sorted.dedup();
    for path in sorted {
        let name = path.join(".");
        let base = format!(
            "attr_{}",
            path.iter().map(|s| naming::snake_case(s)).collect::<Vec<_>>().join("_")
        );
        let mut method = base.clone();
        let mut n = 2;
        while !methods.insert(method.clone()) {
            method = format!("{base}_{n}");
            n += 1;
        }
        // Describe with the property's own description, found by walking the path.
        let mut s = properties.get(&path[0]);
        for seg in &path[1..] {
            s = s.and_then(|s| {
                definition_of(s, definitions).1.get("properties").and_then(|p| p.get(seg))
            });
        }
        out.push(Attribute { method, name, description: s.and_then(description) });
    }
    out
}

/// State while naming structs and enums of one module.
struct ModelBuilder<'a> {
    definitions: &'a JsonMap<String, Json>,
    /// Output-only fields of definitions (nested read-only properties).
    excluded: BTreeMap<String, BTreeSet<String>>,
    /// Definition name -> Rust struct name.
    struct_names: BTreeMap<String, String>,
    /// Every type name taken in the module.
    used_names: BTreeSet<String>,
    enums: Vec<Enum>,
    /// (preferred name, values) -> Rust enum name, so equal enums are shared.
    enum_keys: BTreeMap<(String, Vec<String>), String>,
}

impl<'a> ModelBuilder<'a> {
    /// Definitions that become structs, reached from the given property schemas.
    fn reachable_structs<'b>(&self, roots: impl Iterator<Item = &'b Json>) -> Vec<String> {
        let mut queue: Vec<&str> = Vec::new();
        for r in roots {
            collect_refs(r, &mut queue);
        }
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut structs = Vec::new();
        while let Some(name) = queue.pop() {
            if !seen.insert(name.to_string()) {
                continue;
            }
            let Some(def) = self.definitions.get(name) else {
                continue;
            };
            if is_struct(def) {
                structs.push(name.to_string());
                let excluded = self.excluded.get(name);
                if let Some(props) = def.get("properties").and_then(Json::as_object) {
                    for (k, v) in props {
                        if !excluded.is_some_and(|e| e.contains(k)) {
                            collect_refs(v, &mut queue);
                        }
                    }
                }
            } else {
                collect_refs(def, &mut queue);
            }
        }
        structs.sort();
        structs
    }

    /// `preferred`, or the first free of `preferred` + each suffix, then numbered ones.
    fn unique_name(&mut self, preferred: &str, suffixes: &[&str]) -> String {
        let taken = |n: &str, used: &BTreeSet<String>| {
            used.contains(n) || used.contains(&format!("{n}Builder"))
        };
        let mut candidates: Vec<String> = vec![preferred.to_string()];
        candidates.extend(suffixes.iter().map(|s| format!("{preferred}{s}")));
        let mut n = 2;
        let name = loop {
            if let Some(c) = candidates.iter().find(|c| !taken(c, &self.used_names)) {
                break c.clone();
            }
            candidates = vec![format!("{preferred}{n}")];
            n += 1;
        };
        self.used_names.insert(name.clone());
        self.used_names.insert(format!("{name}Builder"));
        name
    }

    /// Fields of an object, sorted by CloudFormation name; `owner` names enums on a clash.
    fn fields<'b>(
        &mut self,
        owner: &str,
        props: impl Iterator<Item = (&'b String, &'b Json)>,
        required: &BTreeSet<String>,
    ) -> Vec<Field> {
        let mut props: Vec<(&String, &Json)> = props.collect();
        props.sort_by(|a, b| a.0.cmp(b.0));
        let mut names = BTreeSet::new();
        props
            .into_iter()
            .map(|(cfn_name, schema)| {
                let mut rust_name = naming::field_name(cfn_name);
                while !names.insert(rust_name.clone()) {
                    rust_name.push('_');
                }
                Field {
                    cfn_name: cfn_name.clone(),
                    rust_name,
                    required: required.contains(cfn_name),
                    description: description(schema),
                    shape: self.shape(schema, owner, cfn_name, &mut Vec::new()),
                }
            })
            .collect()
    }

    /// The expected shape of a schema; `hint` names an enum found in it.
    fn shape(&mut self, s: &Json, owner: &str, hint: &str, visiting: &mut Vec<String>) -> Shape {
        if let Some(target) = s.get("$ref").and_then(Json::as_str) {
            let Some(name) = target.strip_prefix("#/definitions/") else {
                return Shape::Json;
            };
            if let Some(st) = self.struct_names.get(name) {
                return Shape::Struct(st.clone());
            }
            let Some(def) = self.definitions.get(name) else {
                return Shape::Json;
            };
            if visiting.iter().any(|v| v == name) {
                return Shape::Json;
            }
            visiting.push(name.to_string());
            let shape = self.shape(def, owner, name, visiting);
            visiting.pop();
            return shape;
        }
        let alternatives: Vec<&Json> = ["oneOf", "anyOf"]
            .iter()
            .filter_map(|k| s.get(*k).and_then(Json::as_array))
            .flatten()
            .filter(|alt| {
                ["type", "$ref", "properties", "items", "enum"]
                    .iter()
                    .any(|k| alt.get(*k).is_some())
            })
            .collect();
        let ty = s.get("type");
        let has_properties =
            s.get("properties").and_then(Json::as_object).is_some_and(|p| !p.is_empty());
        if !alternatives.is_empty()
            && (ty.is_none() || (type_of(s) == Some("object") && !has_properties))
        {
            let shapes = alternatives
                .into_iter()
                .map(|alt| self.shape(alt, owner, hint, visiting))
                .collect();
            return union(shapes);
        }
        if let Some(types) = ty.and_then(Json::as_array) {
            let shapes = types
                .iter()
                .filter_map(Json::as_str)
                .map(|t| self.typed_shape(t, s, owner, hint, visiting))
                .collect();
            return union(shapes);
        }
        match type_of(s) {
            Some(t) => self.typed_shape(t, s, owner, hint, visiting),
            None if has_properties => self.typed_shape("object", s, owner, hint, visiting),
            None if s.get("items").is_some() => self.typed_shape("array", s, owner, hint, visiting),
            None if s.get("enum").is_some() => self.typed_shape("string", s, owner, hint, visiting),
            None => Shape::Json,
        }
    }

    fn typed_shape(
        &mut self,
        ty: &str,
        s: &Json,
        owner: &str,
        hint: &str,
        visiting: &mut Vec<String>,
    ) -> Shape {
        let allowed: Vec<&Json> =
            s.get("enum").and_then(Json::as_array).map(|a| a.iter().collect()).unwrap_or_default();
        match ty {
            "string" => {
                let values: Vec<String> =
                    allowed.iter().filter_map(|v| v.as_str()).map(str::to_string).collect();
                if values.is_empty() {
                    Shape::String
                } else {
                    Shape::Enum(self.enum_for(hint, owner, values))
                }
            }
            "integer" | "number" => {
                let base = if ty == "integer" { Shape::Integer } else { Shape::Number };
                let values: Vec<String> =
                    allowed.iter().filter(|v| v.is_number()).map(|v| v.to_string()).collect();
                if values.is_empty() {
                    base
                } else {
                    Shape::Allowed(Box::new(base), values)
                }
            }
            "boolean" => Shape::Boolean,
            "array" => match s.get("items") {
                Some(items) => Shape::List(Box::new(self.shape(items, owner, hint, visiting))),
                None => Shape::List(Box::new(Shape::Json)),
            },
            "object" => {
                if let Some(p) = s.get("properties").and_then(Json::as_object) {
                    if !p.is_empty() {
                        let mut keys: Vec<String> = p.keys().cloned().collect();
                        keys.sort();
                        return Shape::Object(keys);
                    }
                }
                let mut values: Vec<&Json> = Vec::new();
                if let Some(pp) = s.get("patternProperties").and_then(Json::as_object) {
                    let mut pp: Vec<(&String, &Json)> = pp.iter().collect();
                    pp.sort_by(|a, b| a.0.cmp(b.0));
                    values.extend(pp.into_iter().map(|(_, v)| v));
                }
                if let Some(ap) = s.get("additionalProperties").filter(|v| v.is_object()) {
                    values.push(ap);
                }
                if values.is_empty() {
                    Shape::JsonObject
                } else {
                    let shapes =
                        values.into_iter().map(|v| self.shape(v, owner, hint, visiting)).collect();
                    Shape::Map(Box::new(union(shapes)))
                }
            }
            _ => Shape::Json,
        }
    }

    /// The enum for these values: shared with an equal one, named after `preferred`, or after
    /// `owner` + `preferred` on a clash.
    fn enum_for(&mut self, preferred: &str, owner: &str, values: Vec<String>) -> String {
        let base = naming::type_name(preferred);
        let key = (base.clone(), values.clone());
        if let Some(name) = self.enum_keys.get(&key) {
            return name.clone();
        }
        let owner_base = naming::type_name(owner);
        let qualified = if base.starts_with(&owner_base) {
            format!("{base}Enum")
        } else {
            format!("{owner_base}{base}")
        };
        let name = if self.used_names.contains(&base)
            || self.used_names.contains(&format!("{base}Builder"))
        {
            self.unique_name(&qualified, &["Enum"])
        } else {
            self.unique_name(&base, &[])
        };
        let mut variants: Vec<Variant> = Vec::new();
        for value in values.iter() {
            if variants.iter().any(|v| &v.value == value) {
                continue;
            }
            let base = naming::variant_name(value);
            let base = if base.is_empty() { "Value".to_string() } else { base };
            let mut vname = base.clone();
            let mut n = 2;
            while variants.iter().any(|v| v.name == vname) {
                vname = format!("{base}{n}");
                n += 1;
            }
            variants.push(Variant { name: vname, value: value.clone() });
        }
        self.enums.push(Enum { name: name.clone(), source: preferred.to_string(), variants });
        self.enum_keys.insert(key, name.clone());
        name
    }
}

/// A union of distinct shapes (a single shape stays itself).
fn union(shapes: Vec<Shape>) -> Shape {
    let mut out: Vec<Shape> = Vec::new();
    for s in shapes {
        let parts = match s {
            Shape::Union(inner) => inner,
            other => vec![other],
        };
        for p in parts {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    match out.len() {
        0 => Shape::Json,
        1 => out.pop().unwrap_or(Shape::Json),
        _ => Shape::Union(out),
    }
}

/// A definition with `properties` that is an object: it becomes a struct.
fn is_struct(def: &Json) -> bool {
    let has_properties =
        def.get("properties").and_then(Json::as_object).is_some_and(|p| !p.is_empty());
    has_properties && matches!(type_of(def), None | Some("object"))
}

/// Every `#/definitions/X` referenced anywhere inside `v`.
fn collect_refs<'a>(v: &'a Json, out: &mut Vec<&'a str>) {
    match v {
        Json::Object(m) => {
            if let Some(name) = ref_target(v) {
                out.push(name);
            }
            for (k, child) in m {
                if k != "$ref" {
                    collect_refs(child, out);
                }
            }
        }
        Json::Array(a) => a.iter().for_each(|c| collect_refs(c, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model(schema: Json) -> Resource {
        let t = TypeName::parse("AWS::Test::Thing").expect("valid name");
        resource(&t, &schema).expect("schema models")
    }

    fn thing(extra: Json) -> Json {
        let mut base = json!({
            "typeName": "AWS::Test::Thing",
            "description": "A thing.",
            "properties": {
                "Name": {"type": "string", "description": "The name."},
                "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
                "Arn": {"type": "string", "description": "The ARN."}
            },
            "definitions": {
                "Tag": {
                    "type": "object",
                    "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}},
                    "required": ["Key", "Value"]
                }
            },
            "required": ["Name"],
            "readOnlyProperties": ["/properties/Arn"],
            "tagging": {"taggable": true, "tagProperty": "/properties/Tags"}
        });
        if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                b.insert(k.clone(), v.clone());
            }
        }
        base
    }

    #[test]
    fn standard_tagging_is_detected() {
        let r = model(thing(json!({})));
        assert_eq!(
            r.tagging,
            Some(Tagging { property: "Tags".into(), format: TagFormat::Standard })
        );
    }

    #[test]
    fn map_tagging_is_detected() {
        let r = model(thing(json!({
            "properties": {
                "UserPoolTags": {"type": "object", "patternProperties": {"^.*$": {"type": "string"}}}
            },
            "tagging": {"taggable": true, "tagProperty": "/properties/UserPoolTags"},
            "readOnlyProperties": [],
            "required": []
        })));
        assert_eq!(
            r.tagging,
            Some(Tagging { property: "UserPoolTags".into(), format: TagFormat::Map })
        );
    }

    #[test]
    fn no_tagging_when_not_taggable_or_missing_or_odd() {
        let r = model(thing(json!({"tagging": {"taggable": false}})));
        assert_eq!(r.tagging, None);
        let r = model(thing(json!({
            "properties": {"Name": {"type": "string"}},
            "tagging": {"taggable": true, "tagProperty": "/properties/Tags"},
            "readOnlyProperties": []
        })));
        assert_eq!(r.tagging, None);
        // AutoScaling-style KeyValue tags carry a third key: not a format we apply.
        let r = model(thing(json!({
            "definitions": {"Tag": {"type": "object", "properties": {
                "Key": {"type": "string"}, "Value": {"type": "string"},
                "PropagateAtLaunch": {"type": "boolean"}
            }}}
        })));
        assert_eq!(r.tagging, None);
    }

    #[test]
    fn required_and_read_only() {
        let r = model(thing(json!({})));
        let names: Vec<(&str, bool)> =
            r.props.iter().map(|f| (f.cfn_name.as_str(), f.required)).collect();
        assert_eq!(names, vec![("Name", true), ("Tags", false)]);
        assert_eq!(r.attributes.len(), 1);
        assert_eq!(r.attributes[0].method, "attr_arn");
        assert_eq!(r.attributes[0].name, "Arn");
        assert_eq!(r.attributes[0].description.as_deref(), Some("The ARN."));
        let tag = &r.structs[0];
        assert_eq!(tag.name, "Tag");
        assert!(tag.fields.iter().all(|f| f.required));
    }

    #[test]
    fn fields_are_sorted_by_cloudformation_name() {
        let r = model(thing(json!({
            "properties": {
                "b": {"type": "string"}, "Zeta": {"type": "string"}, "Alpha": {"type": "string"}
            },
            "readOnlyProperties": [], "required": []
        })));
        let names: Vec<&str> = r.props.iter().map(|f| f.cfn_name.as_str()).collect();
        assert_eq!(names, vec!["Alpha", "Zeta", "b"]);
    }

    #[test]
    fn nested_read_only_becomes_attribute_and_leaves_the_struct() {
        let r = model(thing(json!({
            "properties": {"Endpoint": {"$ref": "#/definitions/Endpoint"}},
            "definitions": {"Endpoint": {"type": "object", "properties": {
                "Address": {"type": "string", "description": "The address."},
                "Port": {"type": "integer"}
            }}},
            "readOnlyProperties": ["/properties/Endpoint/Address"],
            "required": []
        })));
        assert_eq!(r.attributes[0].method, "attr_endpoint_address");
        assert_eq!(r.attributes[0].name, "Endpoint.Address");
        assert_eq!(r.attributes[0].description.as_deref(), Some("The address."));
        let fields: Vec<&str> = r.structs[0].fields.iter().map(|f| f.cfn_name.as_str()).collect();
        assert_eq!(fields, vec!["Port"]);
    }

    #[test]
    fn enums_are_detected_named_and_shared() {
        let r = model(thing(json!({
            "properties": {
                "Status": {"type": "string", "enum": ["Enabled", "Suspended"]},
                "Versioning": {"$ref": "#/definitions/Versioning"},
                "Modes": {"type": "array", "items": {"type": "string", "enum": ["a-b", "c"]}},
                "Retention": {"type": "integer", "enum": [1, 3]}
            },
            "definitions": {"Versioning": {"type": "object", "properties": {
                "Status": {"type": "string", "enum": ["Enabled", "Suspended"]},
                "Other": {"$ref": "#/definitions/Status"}
            }}, "Status": {"type": "string", "enum": ["On", "Off"]}},
            "readOnlyProperties": [], "required": []
        })));
        let names: Vec<&str> = r.enums.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Modes", "Status", "VersioningStatus"]);
        let shape = |cfn: &str| r.props.iter().find(|f| f.cfn_name == cfn).map(|f| f.shape.clone());
        assert_eq!(shape("Status"), Some(Shape::Enum("Status".into())));
        assert_eq!(shape("Modes"), Some(Shape::List(Box::new(Shape::Enum("Modes".into())))));
        assert_eq!(
            shape("Retention"),
            Some(Shape::Allowed(Box::new(Shape::Integer), vec!["1".into(), "3".into()]))
        );
        let versioning = &r.structs[0].fields;
        assert_eq!(versioning[0].shape, Shape::Enum("VersioningStatus".into()));
        assert_eq!(versioning[1].shape, Shape::Enum("Status".into()));
        let modes = &r.enums[0].variants;
        assert_eq!(modes[0].name, "AB");
        assert_eq!(modes[0].value, "a-b");
    }

    #[test]
    fn nested_structs_are_named_after_definitions_with_a_suffix_on_clash() {
        let r = model(thing(json!({
            "properties": {
                "A": {"$ref": "#/definitions/Value"},
                "B": {"$ref": "#/definitions/Rule"},
                "C": {"type": "array", "items": {"$ref": "#/definitions/Free"}},
                "D": {"$ref": "#/definitions/Unused"}
            },
            "definitions": {
                "Value": {"type": "object", "properties": {"X": {"type": "string"}}},
                "Rule": {"type": "object", "properties": {"Y": {"$ref": "#/definitions/Deep"}}},
                "Deep": {"type": "object", "properties": {"Z": {"type": "boolean"}}},
                "Free": {"type": "object"},
                "Unused": {"type": "string"},
                "Orphan": {"type": "object", "properties": {"Q": {"type": "string"}}}
            },
            "readOnlyProperties": [], "required": []
        })));
        let names: Vec<(&str, &str)> =
            r.structs.iter().map(|s| (s.definition.as_str(), s.name.as_str())).collect();
        assert_eq!(names, vec![("Deep", "Deep"), ("Rule", "Rule"), ("Value", "ValueProperty")]);
        assert_eq!(r.props[0].shape, Shape::Struct("ValueProperty".into()));
        assert_eq!(r.props[2].shape, Shape::List(Box::new(Shape::JsonObject)));
        assert_eq!(r.props[3].shape, Shape::String);
    }

    #[test]
    fn unions_and_maps() {
        let r = model(thing(json!({
            "properties": {
                "Policy": {"type": ["object", "string"]},
                "Vars": {"type": "object", "patternProperties": {"[a-z]+": {"type": "string"}}},
                "Key": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                "Inline": {"type": "object", "properties": {"B": {}, "A": {}}}
            },
            "readOnlyProperties": [], "required": []
        })));
        let shapes: Vec<Shape> = r.props.iter().map(|f| f.shape.clone()).collect();
        assert_eq!(
            shapes,
            vec![
                Shape::Object(vec!["A".into(), "B".into()]),
                Shape::Union(vec![Shape::String, Shape::List(Box::new(Shape::String))]),
                Shape::Union(vec![Shape::JsonObject, Shape::String]),
                Shape::Map(Box::new(Shape::String)),
            ]
        );
    }

    #[test]
    fn doc_url_defaults_to_the_user_guide() {
        let r = model(thing(json!({})));
        assert_eq!(
            r.doc_url,
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-test-thing.html"
        );
        let r = model(thing(json!({"documentationUrl": "https://example.com/x"})));
        assert_eq!(r.doc_url, "https://example.com/x");
    }
}
