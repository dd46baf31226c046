//! Rendering one stack's template.
//!
//! Ports `Stack._toCloudFormation` (`core/lib/stack.ts`) and the element fragments of
//! `cfn-resource.ts` & co: the header (`Description`, `Transform`,
//! `AWSTemplateFormatVersion`, `Metadata`), then every element of the stack in pre-order
//! (nested stacks excluded), each section created where its first element appears, duplicate
//! logical IDs refused. A resource is resolved, its properties dropped when none is defined,
//! then its raw overrides merged (`deepMerge`), then absent values removed.

use std::cell::RefCell;
use std::rc::Rc;

use crate::element::{ElementKind, ResourceData};
use crate::error::Error;
use crate::resolve::{logical_id, strip_absent, CrossRef, ResolveContext};
use crate::tree::{NodeKind, TreeData};
use crate::value::{Map, Value};

/// Intrinsic function names that replace, rather than merge with, what an override meets.
const MERGE_EXCLUDE_KEYS: &[&str] = &[
    "Ref",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetAZs",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::Transform",
    "Fn::And",
    "Fn::Equals",
    "Fn::If",
    "Fn::Not",
    "Fn::Or",
];

/// The elements of a stack's template, in pre-order, not descending into nested stacks.
pub(crate) fn stack_elements(tree: &TreeData, stack: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut todo = vec![stack];
    while let Some(i) = todo.pop() {
        if i != stack && matches!(tree.nodes[i].kind, NodeKind::Stack(_)) {
            continue;
        }
        if matches!(tree.nodes[i].kind, NodeKind::Element(_)) {
            out.push(i);
        }
        for c in tree.nodes[i].children.iter().rev() {
            todo.push(*c);
        }
    }
    out
}

/// Renders the template of `stack`.
pub(crate) fn render(
    tree_rc: &Rc<RefCell<TreeData>>,
    stack: usize,
    cross_refs: &RefCell<Vec<CrossRef>>,
) -> Result<Value, Error> {
    let tree = tree_rc.borrow();
    let ctx = ResolveContext { tree: &tree, tree_rc, stack, cross_refs, keep_absent: false };
    let data = tree.stack(stack);
    let mut template = Map::new();
    if let Some(d) = &data.description {
        template.insert("Description".into(), Value::String(d.clone()));
    }
    match data.transforms.len() {
        0 => {}
        1 => {
            template.insert("Transform".into(), Value::String(data.transforms[0].clone()));
        }
        _ => {
            template.insert("Transform".into(), Value::array(data.transforms.iter().cloned()));
        }
    }
    if let Some(v) = &data.template_format_version {
        template.insert("AWSTemplateFormatVersion".into(), Value::String(v.clone()));
    }
    if !data.template_metadata.is_empty() {
        if let Some(m) = ctx.resolve(&Value::Object(data.template_metadata.clone()))? {
            template.insert("Metadata".into(), m);
        }
    }
    let mut owners: std::collections::HashMap<(String, String), usize> = Default::default();
    for idx in stack_elements(&tree, stack) {
        let Some((section, body)) = render_element(&ctx, idx)? else {
            continue;
        };
        let lid = logical_id(&tree, idx)?;
        let key = (section.to_string(), lid.clone());
        if let Some(other) = owners.get(&key) {
            return Err(Error::DuplicateLogicalId {
                path: tree.nodes[idx].path.clone(),
                logical_id: lid,
                section: section.into(),
                other: tree.nodes[*other].path.clone(),
            });
        }
        owners.insert(key, idx);
        let entry =
            template.entry(section.to_string()).or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(m) = entry {
            m.insert(lid, body);
        }
    }
    Ok(Value::Object(template))
}

pub(crate) fn render_element(
    ctx: &ResolveContext<'_>,
    idx: usize,
) -> Result<Option<(&'static str, Value)>, Error> {
    let tree = ctx.tree;
    let Some(element) = tree.element(idx) else {
        return Ok(None);
    };
    let wrap = |e: Error| match e {
        Error::InvalidValue { reason, .. } => {
            Error::InvalidValue { path: tree.nodes[idx].path.clone(), reason }
        }
        other => other,
    };
    let resolve = |v: &Value| ctx.resolve(v).map_err(wrap);
    Ok(Some(match &element.kind {
        ElementKind::Resource(r) => ("Resources", render_resource(ctx, idx, r).map_err(wrap)?),
        ElementKind::Output(o) => {
            let mut m = Map::new();
            if let Some(d) = &o.description {
                if let Some(d) = resolve(d)? {
                    m.insert("Description".into(), d);
                }
            }
            if let Some(v) = resolve(&o.value)? {
                m.insert("Value".into(), v);
            }
            if let Some(e) = &o.export_name {
                if let Some(e) = resolve(e)? {
                    m.insert("Export".into(), Value::object([("Name", e)]));
                }
            }
            if let Some(c) = o.condition {
                m.insert("Condition".into(), Value::String(logical_id(tree, c)?));
            }
            ("Outputs", Value::Object(m))
        }
        ElementKind::Parameter(p) => {
            ("Parameters", resolve(&Value::Object(p.clone()))?.unwrap_or_default())
        }
        ElementKind::Condition(c) => ("Conditions", resolve(c)?.unwrap_or_default()),
        ElementKind::Mapping(m) => {
            ("Mappings", resolve(&Value::Object(m.clone()))?.unwrap_or_default())
        }
        ElementKind::Rule(r) => ("Rules", resolve(&Value::Object(r.clone()))?.unwrap_or_default()),
    }))
}

/// Resolves every element of the app, in pre-order, each in its own stack, recording the
/// references that cross stacks (aws-cdk-lib's `findAllReferences`).
pub(crate) fn discover_references(
    tree_rc: &Rc<RefCell<TreeData>>,
    cross_refs: &RefCell<Vec<CrossRef>>,
) -> Result<(), Error> {
    let tree = tree_rc.borrow();
    for idx in tree.descendants(0) {
        if tree.element(idx).is_none() {
            continue;
        }
        let Some(stack) = tree.stack_of(idx) else {
            continue;
        };
        let ctx = ResolveContext { tree: &tree, tree_rc, stack, cross_refs, keep_absent: false };
        render_element(&ctx, idx)?;
    }
    Ok(())
}

/// A resource's definition: resolved with absent values kept in place, properties dropped
/// when none is defined, overrides merged, then absent values removed.
pub(crate) fn render_resource(
    ctx: &ResolveContext<'_>,
    idx: usize,
    r: &ResourceData,
) -> Result<Value, Error> {
    let tree = ctx.tree;
    let keep = ResolveContext {
        tree: ctx.tree,
        tree_rc: ctx.tree_rc,
        stack: ctx.stack,
        cross_refs: ctx.cross_refs,
        keep_absent: true,
    };
    let mut resolved_props = keep.resolve_map(&r.properties)?;
    if let Some(t) = &r.tags {
        let rendered = keep.resolve(&t.render())?.unwrap_or_else(Value::absent);
        resolved_props.insert(t.tagging().property.to_string(), rendered);
    }
    let has_defined = resolved_props.values().any(|v| !v.is_absent());

    let mut def = Map::new();
    def.insert("Type".into(), Value::String(r.resource_type.clone()));
    if has_defined {
        def.insert("Properties".into(), Value::Object(std::mem::take(&mut resolved_props)));
    }
    let mut deps: Vec<usize> = r.depends_on.iter().copied().collect();
    deps.sort_by_cached_key(|d| crate::collate::sort_key(&tree.nodes[*d].path));
    if !deps.is_empty() {
        let ids = deps
            .iter()
            .map(|d| logical_id(tree, *d).map(Value::String))
            .collect::<Result<Vec<_>, _>>()?;
        def.insert("DependsOn".into(), Value::Array(ids));
    }
    if let Some(p) = &r.creation_policy {
        if let Some(v) = ctx.resolve(p)? {
            def.insert("CreationPolicy".into(), v);
        }
    }
    if let Some(p) = &r.update_policy {
        if let Some(v) = ctx.resolve(p)? {
            def.insert("UpdatePolicy".into(), v);
        }
    }
    if let Some(p) = &r.update_replace_policy {
        def.insert("UpdateReplacePolicy".into(), Value::String(p.clone()));
    }
    if let Some(p) = &r.deletion_policy {
        def.insert("DeletionPolicy".into(), Value::String(p.clone()));
    }
    if let Some(v) = &r.version {
        def.insert("Version".into(), Value::String(v.clone()));
    }
    if let Some(d) = &r.description {
        def.insert("Description".into(), Value::String(d.clone()));
    }
    if !r.metadata.is_empty() {
        if let Some(m) = ctx.resolve(&Value::Object(r.metadata.clone()))? {
            def.insert("Metadata".into(), m);
        }
    }
    if let Some(c) = r.condition {
        def.insert("Condition".into(), Value::String(logical_id(tree, c)?));
    }
    if !has_defined {
        // aws-cdk-lib re-creates the emptied `Properties` key after the others.
        def.insert("Properties".into(), Value::absent());
    }
    let mut def = Value::Object(def);
    if !r.overrides.is_empty() {
        if let Some(Value::Object(overrides)) = keep.resolve(&Value::Object(r.overrides.clone()))? {
            deep_merge(&mut def, &overrides).map_err(|reason| Error::InvalidOverride {
                path: tree.nodes[idx].path.clone(),
                override_path: String::new(),
                reason,
            })?;
        }
    }
    strip_absent(&mut def);
    Ok(def)
}

fn is_intrinsic(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.len() == 1 && m.keys().next().is_some_and(|k| MERGE_EXCLUDE_KEYS.contains(&k.as_str())))
}

/// `deepMerge` of `core/lib/private/deep-merge.ts`: objects merge key by key (an absent value
/// deletes), intrinsics and non-objects replace, arrays are indexed by numeric keys.
pub(crate) fn deep_merge(target: &mut Value, source: &Map) -> Result<(), String> {
    for (key, value) in source {
        match target {
            Value::Object(t) => merge_entry_object(t, key, value)?,
            Value::Array(a) => {
                let Ok(i) = key.parse::<usize>() else {
                    return Err(format!("cannot override key '{key}' of a list"));
                };
                if i >= a.len() {
                    a.resize_with(i + 1, Value::absent);
                }
                merge_slot(&mut a[i], value)?;
            }
            _ => return Err(format!("cannot override key '{key}' of a non-object value")),
        }
    }
    Ok(())
}

fn merge_entry_object(t: &mut Map, key: &str, value: &Value) -> Result<(), String> {
    match value {
        Value::Object(src) => {
            let slot = t.entry(key.to_string()).or_insert_with(Value::absent);
            if !matches!(slot, Value::Object(_) | Value::Array(_))
                || is_intrinsic(slot)
                || is_intrinsic(value)
            {
                *slot = Value::Object(Map::new());
            }
            deep_merge(slot, src)?;
            if matches!(slot, Value::Object(m) if m.is_empty()) {
                t.shift_remove(key);
            }
        }
        v if v.is_absent() => {
            t.shift_remove(key);
        }
        v => {
            t.insert(key.to_string(), v.clone());
        }
    }
    Ok(())
}

fn merge_slot(slot: &mut Value, value: &Value) -> Result<(), String> {
    match value {
        Value::Object(src) => {
            if !matches!(slot, Value::Object(_) | Value::Array(_))
                || is_intrinsic(slot)
                || is_intrinsic(value)
            {
                *slot = Value::Object(Map::new());
            }
            deep_merge(slot, src)
        }
        v => {
            *slot = v.clone();
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_slots_and_deletes() {
        let mut target = Value::object([
            ("A", Value::absent()),
            ("B", Value::from(1)),
            ("T", Value::array([Value::object([("Value", "1")]), Value::object([("Value", "2")])])),
        ]);
        let src = Value::object([
            ("Z", Value::from(9)),
            ("A", Value::from(2)),
            ("B", Value::absent()),
            ("T", Value::object([("1", Value::object([("Value", "two")]))])),
        ]);
        deep_merge(&mut target, src.as_object().unwrap()).unwrap();
        strip_absent(&mut target);
        let keys: Vec<_> = target.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["A", "T", "Z"]);
        assert_eq!(
            target.as_object().unwrap()["T"].as_array().unwrap()[1],
            Value::object([("Value", "two")])
        );
    }

    #[test]
    fn intrinsic_replaces_instead_of_merging() {
        let mut target = Value::object([("P", Value::object([("Ref", "X")]))]);
        let src =
            Value::object([("P", Value::object([("Fn::GetAtt", Value::array(["Y", "Arn"]))]))]);
        deep_merge(&mut target, src.as_object().unwrap()).unwrap();
        assert_eq!(
            target.as_object().unwrap()["P"],
            Value::object([("Fn::GetAtt", Value::array(["Y", "Arn"]))])
        );
    }
}
