//! The constraint tables of `crates/cfn-validate` (`src/tables.rs`): every vendored schema
//! turned into a flat array of nodes (types, properties, required, `requiredOr` and
//! `requiredXor` groups, closed objects, item and
//! length and numeric bounds), `$ref`s resolved to node indices, so that the validator needs
//! no JSON schema at run time.
//!
//! Kept: `type`, `properties`, `required`, `additionalProperties: false` (an object with
//! `patternProperties` stays open), `items`, `minItems`/`maxItems`,
//! `minLength`/`maxLength`, `minimum`/`maximum`. Composition keywords (`anyOf`, `oneOf`, `allOf`), `enum`
//! (a warning in the engine), `pattern` and `format` are not kept (see
//! `docs/validation.md`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value as Json;

use crate::spec::TypeName;
use crate::{Error, GeneratedFile};

/// The generated file, relative to the workspace root.
pub const TABLES_FILE: &str = "crates/cfn-validate/src/tables.rs";

/// JSON types as the bits of a node's `types` mask, in the order of `TYPE_NAMES`.
const TYPE_NAMES: [&str; 6] = ["string", "number", "integer", "boolean", "array", "object"];

#[derive(Clone, Default)]
struct Node {
    types: u8,
    primary: u8,
    props: Vec<(String, usize)>,
    required: Vec<String>,
    required_or: Vec<String>,
    required_xor: Vec<String>,
    closed: bool,
    items: Option<usize>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    min_len: Option<u64>,
    max_len: Option<u64>,
    minimum: Option<f64>,
    maximum: Option<f64>,
}

struct Builder<'a> {
    nodes: Vec<Node>,
    schema: &'a Json,
    type_name: &'a str,
    defs: HashMap<String, usize>,
    /// Leaf nodes (no properties, no items) already emitted, by their row: shared.
    leaves: &'a mut HashMap<String, usize>,
}

impl Builder<'_> {
    fn def(&mut self, reference: &str) -> Result<usize, Error> {
        if let Some(i) = self.defs.get(reference) {
            return Ok(*i);
        }
        let name = reference.strip_prefix("#/definitions/").ok_or_else(|| {
            Error::new(format!("{}: unsupported $ref {reference:?}", self.type_name))
        })?;
        let target = self.schema.get("definitions").and_then(|d| d.get(name)).ok_or_else(|| {
            Error::new(format!("{}: $ref to a missing definition {reference:?}", self.type_name))
        })?;
        // Reserve the index first: definitions may refer to themselves.
        let idx = self.nodes.len();
        self.nodes.push(Node::default());
        self.defs.insert(reference.to_string(), idx);
        let node = self.node(target)?;
        self.nodes[idx] = node;
        Ok(idx)
    }

    fn add(&mut self, schema: &Json) -> Result<usize, Error> {
        if let Some(r) = schema.get("$ref").and_then(Json::as_str) {
            let target = self.def(r)?;
            // Bounds written next to the `$ref` narrow the definition: a copy with them.
            let local = self.node(schema)?;
            if local.min_items.is_none()
                && local.max_items.is_none()
                && local.min_len.is_none()
                && local.max_len.is_none()
            {
                return Ok(target);
            }
            let mut merged = self.nodes[target].clone();
            merged.min_items = local.min_items.or(merged.min_items);
            merged.max_items = local.max_items.or(merged.max_items);
            merged.min_len = local.min_len.or(merged.min_len);
            merged.max_len = local.max_len.or(merged.max_len);
            self.nodes.push(merged);
            return Ok(self.nodes.len() - 1);
        }
        let node = self.node(schema)?;
        if node.props.is_empty()
            && node.items.is_none()
            && node.required.is_empty()
            && node.required_or.is_empty()
            && node.required_xor.is_empty()
        {
            let key = row(&node);
            if let Some(i) = self.leaves.get(&key) {
                return Ok(*i);
            }
            self.leaves.insert(key, self.nodes.len());
        }
        self.nodes.push(node);
        Ok(self.nodes.len() - 1)
    }

    /// The node of one schema object (its `$ref` not followed).
    fn node(&mut self, schema: &Json) -> Result<Node, Error> {
        let mut node = Node::default();
        let types: Vec<&str> = match schema.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            _ => Vec::new(),
        };
        for (n, t) in types.iter().enumerate() {
            if let Some(bit) = TYPE_NAMES.iter().position(|name| name == t) {
                node.types |= 1 << bit;
                if n == 0 {
                    node.primary = bit as u8;
                }
            }
        }
        if let Some(Json::Object(props)) = schema.get("properties") {
            let mut names: Vec<&String> = props.keys().collect();
            names.sort();
            for name in names {
                let idx = self.add(&props[name])?;
                node.props.push((name.clone(), idx));
            }
        }
        let names = |key: &str| -> Vec<String> {
            schema
                .get(key)
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(str::to_string)
                .collect()
        };
        node.required = names("required");
        node.required_or = names("requiredOr");
        node.required_xor = names("requiredXor");
        node.closed = schema.get("additionalProperties") == Some(&Json::Bool(false))
            && schema.get("patternProperties").is_none();
        if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
            node.items = Some(self.add(items)?);
        }
        let uint = |k: &str| schema.get(k).and_then(Json::as_u64);
        node.min_items = uint("minItems");
        node.max_items = uint("maxItems");
        node.min_len = uint("minLength");
        node.max_len = uint("maxLength");
        node.minimum = schema.get("minimum").and_then(Json::as_f64);
        node.maximum = schema.get("maximum").and_then(Json::as_f64);
        Ok(node)
    }
}

fn opt_u32(v: Option<u64>) -> String {
    match v {
        Some(n) => u32::try_from(n).unwrap_or(u32::MAX - 1).to_string(),
        None => "N".into(),
    }
}

fn opt_f64(v: Option<f64>) -> String {
    match v {
        Some(f) => format!("Some({f:?})"),
        None => "None".into(),
    }
}

/// The Rust expression of one node (`Node::new(...)`).
fn row(n: &Node) -> String {
    let props = n.props.iter().map(|(k, v)| format!("({k:?}, {v})")).collect::<Vec<_>>().join(", ");
    let list =
        |names: &[String]| names.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>().join(", ");
    let (required, or, xor) = (list(&n.required), list(&n.required_or), list(&n.required_xor));
    format!(
        "Node::new({}, {}, &[{props}], &[{required}], &[{or}], &[{xor}], {}, {}, [{}, {}, {}, {}], {}, {})",
        n.types,
        n.primary,
        n.closed,
        n.items.map(|i| i.to_string()).unwrap_or_else(|| "N".into()),
        opt_u32(n.min_items),
        opt_u32(n.max_items),
        opt_u32(n.min_len),
        opt_u32(n.max_len),
        opt_f64(n.minimum),
        opt_f64(n.maximum),
    )
}

/// Generates `crates/cfn-validate/src/tables.rs` from the schemas.
///
/// # Errors
/// When a schema has a `$ref` that does not name one of its definitions.
pub fn tables(schemas: &[(TypeName, Json)]) -> Result<GeneratedFile, Error> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut leaves: HashMap<String, usize> = HashMap::new();
    let mut types: Vec<(String, usize)> = Vec::new();
    let mut sorted: Vec<&(TypeName, Json)> = schemas.iter().collect();
    sorted.sort_by(|a, b| a.0.full.cmp(&b.0.full));
    for (t, schema) in sorted {
        let mut b = Builder {
            nodes: std::mem::take(&mut nodes),
            schema,
            type_name: &t.full,
            defs: HashMap::new(),
            leaves: &mut leaves,
        };
        let mut root = b.node(schema)?;
        // The resource's `Properties` is an object whatever the schema says.
        root.types = 1 << 5;
        root.primary = 5;
        b.nodes.push(root);
        let idx = b.nodes.len() - 1;
        nodes = b.nodes;
        types.push((t.full.clone(), idx));
    }
    let mut out = String::new();
    out.push_str("// @generated by `cargo xtask codegen` from cfn-spec/; do not edit.\n");
    out.push_str("//! Constraint tables of the vendored registry schemas (see `codegen/src/validation.rs`).\n\n");
    out.push_str("use crate::schema::{Node, N};\n\n");
    let _ = writeln!(
        out,
        "/// Every schema node; `Node::items` and property targets index this array."
    );
    let _ = writeln!(out, "pub(crate) static NODES: [Node; {}] = [", nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let _ = writeln!(out, "    /* {i} */ {},", row(n));
    }
    out.push_str("];\n\n");
    let _ = writeln!(out, "/// (resource type, index of its `Properties` node), sorted by type.");
    let _ = writeln!(out, "pub(crate) static TYPES: [(&str, u32); {}] = [", types.len());
    for (name, idx) in &types {
        let _ = writeln!(out, "    ({name:?}, {idx}),");
    }
    out.push_str("];\n");
    Ok(GeneratedFile { path: PathBuf::from(TABLES_FILE), contents: out })
}
