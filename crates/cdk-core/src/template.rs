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

use crate::element::{ElementKind, ResourceData, PATH_METADATA};
use crate::error::Error;
use crate::json;
use crate::resolve::{
    logical_id, strip_absent, with_logical_id, CrossRef, Presolved, ResolveContext,
};
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

/// The template section an element belongs to.
fn section_of(kind: &ElementKind) -> &'static str {
    match kind {
        ElementKind::Resource(_) => "Resources",
        ElementKind::Output(_) => "Outputs",
        ElementKind::Parameter(_) => "Parameters",
        ElementKind::Condition(_) => "Conditions",
        ElementKind::Mapping(_) => "Mappings",
        ElementKind::Rule(_) => "Rules",
    }
}

/// Text written before [`write_template`] hands it on.
const FLUSH_AT: usize = 1 << 16;

/// Writes the template of `stack` as JSON text with `indent` into `out`, resolving values
/// as they are written, without building the resolved template; whenever `out` holds
/// [`FLUSH_AT`] bytes or more between two elements, `flush` takes it (and empties it). What
/// remains at the end is left in `out`.
pub(crate) fn write_template(
    tree_rc: &Rc<RefCell<TreeData>>,
    stack: usize,
    cross_refs: &RefCell<Vec<CrossRef>>,
    indent: usize,
    out: &mut String,
    flush: &mut dyn FnMut(&mut String) -> Result<(), Error>,
) -> Result<(), Error> {
    let tree = tree_rc.borrow();
    let ctx = ResolveContext { tree: &tree, tree_rc, stack, cross_refs, keep_absent: false };
    let data = tree.stack(stack);

    // Sections in order of their first element. A logical ID twice in one section is an
    // error naming the first element that repeats one and the element it repeats: found by
    // sorting hashes of (section, ID) with positions rather than with a map of every ID.
    let mut sections: Vec<(&'static str, Vec<usize>)> = Vec::new();
    let elements = stack_elements(&tree, stack);
    // every ID computed first, then read where they are remembered (when they are)
    for idx in &elements {
        if tree.element(*idx).is_some() {
            crate::resolve::ensure_logical_id(&tree, *idx)?;
        }
    }
    let remembered = tree.logical_ids.borrow();
    // (section, logical ID, tree index), in pre-order
    let mut keyed: Vec<(&'static str, std::borrow::Cow<'_, str>, usize)> =
        Vec::with_capacity(elements.len());
    for idx in elements {
        let Some(element) = tree.element(idx) else {
            continue;
        };
        let section = section_of(&element.kind);
        let lid = match remembered.as_ref().and_then(|c| c.get(idx)).and_then(|id| id.as_deref()) {
            Some(id) => std::borrow::Cow::Borrowed(id),
            // (not remembered: an element added while templates are written)
            None => std::borrow::Cow::Owned(crate::resolve::compute_logical_id(&tree, idx)?),
        };
        match sections.iter_mut().find(|(s, _)| *s == section) {
            Some((_, list)) => list.push(idx),
            None => sections.push((section, vec![idx])),
        }
        keyed.push((section, lid, idx));
    }
    // sorted by a hash of (section, ID), then position: equal keys are next to each other
    let hasher = foldhash::fast::FixedState::default();
    let mut sorted: Vec<(u64, usize)> = keyed
        .iter()
        .enumerate()
        .map(|(pos, (section, lid, _))| {
            (std::hash::BuildHasher::hash_one(&hasher, (section, &**lid)), pos)
        })
        .collect();
    sorted.sort_unstable();
    // (position of the repeat, position of the element it repeats): the first element of a
    // run of one hash with the same key
    let mut repeat: Option<(usize, usize)> = None;
    let mut run = 0;
    for i in 1..sorted.len() {
        if sorted[i].0 != sorted[run].0 {
            run = i;
            continue;
        }
        let later = sorted[i].1;
        let same = sorted[run..i]
            .iter()
            .map(|(_, p)| *p)
            .find(|p| keyed[*p].0 == keyed[later].0 && keyed[*p].1 == keyed[later].1);
        if let Some(first) = same {
            if repeat.is_none_or(|(again, _)| later < again) {
                repeat = Some((later, first));
            }
        }
    }
    if let Some((again, first)) = repeat {
        return Err(Error::DuplicateLogicalId {
            path: tree.nodes[keyed[again].2].path.clone(),
            logical_id: keyed[again].1.to_string(),
            section: keyed[again].0.into(),
            other: tree.nodes[keyed[first].2].path.clone(),
        });
    }
    drop(sorted);
    drop(keyed);
    drop(remembered);

    out.push('{');
    let mut first = true;
    if let Some(d) = &data.description {
        json::object_key(out, &mut first, "Description", indent, 0);
        json::write_string(out, d);
    }
    match data.transforms.len() {
        0 => {}
        1 => {
            json::object_key(out, &mut first, "Transform", indent, 0);
            json::write_string(out, &data.transforms[0]);
        }
        _ => {
            json::object_key(out, &mut first, "Transform", indent, 0);
            json::write_value(out, &Value::array(data.transforms.iter().cloned()), indent, 1);
        }
    }
    if let Some(v) = &data.template_format_version {
        json::object_key(out, &mut first, "AWSTemplateFormatVersion", indent, 0);
        json::write_string(out, v);
    }
    if !data.template_metadata.is_empty() {
        json::object_key(out, &mut first, "Metadata", indent, 0);
        ctx.write_map_at(out, &data.template_metadata, indent, 1, 0)?;
    }
    let index_of = |idx: usize| with_logical_id(&tree, idx, json::array_index);
    for (section, mut elements) in sections {
        json::object_key(out, &mut first, section, indent, 0);
        let mut indexed = false;
        for idx in &elements {
            indexed |= index_of(*idx)?.is_some();
        }
        if indexed {
            // JavaScript enumerates array-index keys first, ascending
            let mut keyed = Vec::with_capacity(elements.len());
            for idx in elements {
                keyed.push((index_of(idx)?.map_or((1, 0), |i| (0, i)), idx));
            }
            keyed.sort_by_key(|(key, _)| *key);
            elements = keyed.into_iter().map(|(_, idx)| idx).collect();
        }
        out.push('{');
        let mut first_element = true;
        // the resources' resolved tokens, one list for all
        let mut tokens = Vec::new();
        for idx in &elements {
            with_logical_id(&tree, *idx, |lid| {
                json::object_key(out, &mut first_element, lid, indent, 1)
            })?;
            write_element(&ctx, *idx, indent, out, &mut tokens)?;
            if out.len() >= FLUSH_AT {
                flush(out)?;
            }
        }
        if !first_element {
            json::newline(out, indent, 1);
        }
        out.push('}');
    }
    if !first {
        json::newline(out, indent, 0);
    }
    out.push('}');
    Ok(())
}

/// Writes one element's definition (at nesting level 2 of the template).
fn write_element(
    ctx: &ResolveContext<'_>,
    idx: usize,
    indent: usize,
    out: &mut String,
    tokens: &mut Vec<(usize, Presolved)>,
) -> Result<(), Error> {
    let tree = ctx.tree;
    let Some(element) = tree.element(idx) else {
        return Ok(());
    };
    let wrap = |e: Error| e.in_construct(&tree.nodes[idx].path);
    const LEVEL: usize = 2;
    match &element.kind {
        ElementKind::Resource(r) if r.overrides().is_none() => {
            write_resource(ctx, idx, r, indent, out, tokens).map_err(wrap)
        }
        ElementKind::Parameter(m) | ElementKind::Mapping(m) | ElementKind::Rule(m) => {
            ctx.write_map_at(out, m, indent, LEVEL, 0).map_err(wrap)
        }
        ElementKind::Condition(c) => {
            if !ctx.write_at(out, c, indent, LEVEL, 0).map_err(wrap)? {
                out.push_str("null");
            }
            Ok(())
        }
        _ => {
            let body = match render_element(ctx, idx)? {
                Some((_, body)) => body,
                None => Value::Null,
            };
            json::write_value(out, &body, indent, LEVEL);
            Ok(())
        }
    }
}

/// Writes a resource without overrides as [`render_resource`] renders it: properties
/// resolved (and left out when none is defined), then the other attributes.
fn write_resource(
    ctx: &ResolveContext<'_>,
    idx: usize,
    r: &ResourceData,
    indent: usize,
    out: &mut String,
    tokens: &mut Vec<(usize, Presolved)>,
) -> Result<(), Error> {
    const LEVEL: usize = 2;
    let tree = ctx.tree;
    // Top-level tokens are resolved first (to know whether any property is defined); the
    // rest is resolved while it is written.
    let tag_property = r.tags.as_ref().map(|t| t.tagging().property);
    // (property index, token resolved), in property order (the list is the caller's, kept
    // from one resource to the next)
    tokens.clear();
    let mut has_defined = false;
    for (i, (k, v)) in r.properties.iter().enumerate() {
        if tag_property == Some(k) {
            continue;
        }
        match v {
            Value::Token(t) if !ctx.surely_present(t)? => {
                let resolved =
                    ctx.presolve_token(t, 1).map_err(|e| e.under(k).under("Properties"))?;
                has_defined |= !matches!(resolved, Presolved::Value(None));
                tokens.push((i, resolved));
            }
            _ => has_defined = true,
        }
    }
    let mut tags: Option<Presolved> = None;
    if let Some(t) = &r.tags {
        let rendered = ctx.resolve(&t.render()).map_err(|e| e.under("Properties"))?;
        has_defined |= rendered.is_some();
        tags = Some(Presolved::Value(rendered));
    }

    out.push('{');
    let mut first = true;
    json::object_key(out, &mut first, "Type", indent, LEVEL);
    json::write_string(out, &r.resource_type);
    if has_defined {
        json::object_key(out, &mut first, "Properties", indent, LEVEL);
        let level = LEVEL + 1;
        out.push('{');
        let mut first_prop = true;
        let mut write_prop =
            |out: &mut String, i: usize, k: &str, v: &Value| -> Result<(), Error> {
                let resolved = if tag_property == Some(k) {
                    tags.as_ref()
                } else {
                    tokens.iter().find(|(j, _)| *j == i).map(|(_, p)| p)
                };
                match resolved {
                    Some(Presolved::Value(Some(value))) => {
                        json::object_key(out, &mut first_prop, k, indent, level);
                        json::write_value(out, value, indent, level + 1);
                    }
                    Some(Presolved::Value(None)) => {}
                    Some(Presolved::Parts(parts)) => {
                        // produced by a lazy value at depth 1: resolved one level deeper
                        ctx.write_entry(out, &mut first_prop, k, parts, indent, level, 2)
                            .map_err(|e| e.through_lazy().under("Properties"))?;
                    }
                    None => {
                        ctx.write_entry(out, &mut first_prop, k, v, indent, level, 1)
                            .map_err(|e| e.under("Properties"))?;
                    }
                }
                Ok(())
            };
        if json::has_index_keys(&r.properties) {
            let order: Vec<usize> = {
                let mut o: Vec<usize> = (0..r.properties.len()).collect();
                o.sort_by_key(|i| {
                    r.properties
                        .get_index(*i)
                        .and_then(|(k, _)| json::array_index(k))
                        .map_or((1, 0), |n| (0, n))
                });
                o
            };
            for i in order {
                if let Some((k, v)) = r.properties.get_index(i) {
                    write_prop(out, i, k, v)?;
                }
            }
        } else {
            for (i, (k, v)) in r.properties.iter().enumerate() {
                write_prop(out, i, k, v)?;
            }
        }
        if let (Some(prop), Some(Presolved::Value(Some(value)))) = (tag_property, &tags) {
            if !r.properties.contains_key(prop) {
                json::object_key(out, &mut first_prop, prop, indent, level);
                json::write_value(out, value, indent, level + 1);
            }
        }
        if !first_prop {
            json::newline(out, indent, level);
        }
        out.push('}');
    }
    let rare = r.rare.as_deref();
    if let Some(depends_on) = rare.map(|x| &x.depends_on).filter(|d| !d.is_empty()) {
        let mut deps: Vec<usize> = depends_on.iter().copied().collect();
        let path = |d: &usize| tree.nodes[*d].path.as_str();
        let keys: Option<Vec<(Vec<u8>, usize)>> = match deps.len() {
            // many paths: compared by byte keys computed once each
            n if n > 16 => deps
                .iter()
                .map(|d| crate::collate::ascii_sort_key(path(d)).map(|k| (k, *d)))
                .collect(),
            _ => None,
        };
        match keys {
            Some(mut keys) => {
                keys.sort();
                deps = keys.into_iter().map(|(_, d)| d).collect();
            }
            None => deps.sort_by(|a, b| crate::collate::locale_compare(path(a), path(b))),
        }
        json::object_key(out, &mut first, "DependsOn", indent, LEVEL);
        out.push('[');
        for (i, d) in deps.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json::newline(out, indent, LEVEL + 2);
            crate::resolve::write_logical_id(out, tree, *d)?;
        }
        json::newline(out, indent, LEVEL + 1);
        out.push(']');
    }
    if let Some(rare) = rare {
        if let Some(p) = &rare.creation_policy {
            ctx.write_entry(out, &mut first, "CreationPolicy", p, indent, LEVEL, 0)?;
        }
        if let Some(p) = &rare.update_policy {
            ctx.write_entry(out, &mut first, "UpdatePolicy", p, indent, LEVEL, 0)?;
        }
        for (key, value) in [
            ("UpdateReplacePolicy", &rare.update_replace_policy),
            ("DeletionPolicy", &rare.deletion_policy),
            ("Version", &rare.version),
            ("Description", &rare.description),
        ] {
            if let Some(v) = value {
                json::object_key(out, &mut first, key, indent, LEVEL);
                json::write_string(out, v);
            }
        }
    }
    let metadata = r.metadata();
    if r.path_metadata && !metadata.is_some_and(json::has_index_keys) {
        // the path first, then the other entries: no copy of the map
        json::object_key(out, &mut first, "Metadata", indent, LEVEL);
        let level = LEVEL + 1;
        out.push('{');
        let mut first_md = true;
        match metadata.and_then(|m| m.get(PATH_METADATA)) {
            Some(v) => {
                ctx.write_entry(out, &mut first_md, PATH_METADATA, v, indent, level, 1)
                    .map_err(|e| e.under("Metadata"))?;
            }
            None => {
                json::object_key(out, &mut first_md, PATH_METADATA, indent, level);
                json::write_string(out, &tree.nodes[idx].path);
            }
        }
        for (k, v) in metadata.into_iter().flatten() {
            if k != PATH_METADATA {
                ctx.write_entry(out, &mut first_md, k, v, indent, level, 1)
                    .map_err(|e| e.under("Metadata"))?;
            }
        }
        if !first_md {
            json::newline(out, indent, level);
        }
        out.push('}');
    } else if r.has_metadata() {
        json::object_key(out, &mut first, "Metadata", indent, LEVEL);
        let md = r.full_metadata(&tree.nodes[idx].path);
        ctx.write_map_at(out, &md, indent, LEVEL + 1, 0).map_err(|e| e.under("Metadata"))?;
    }
    if let Some(c) = rare.and_then(|x| x.condition) {
        json::object_key(out, &mut first, "Condition", indent, LEVEL);
        json::write_string(out, &logical_id(tree, c)?);
    }
    json::newline(out, indent, LEVEL);
    out.push('}');
    Ok(())
}

pub(crate) fn render_element(
    ctx: &ResolveContext<'_>,
    idx: usize,
) -> Result<Option<(&'static str, Value)>, Error> {
    let tree = ctx.tree;
    let Some(element) = tree.element(idx) else {
        return Ok(None);
    };
    let wrap = |e: Error| e.in_construct(&tree.nodes[idx].path);
    let resolve = |v: &Value| ctx.resolve(v).map_err(wrap);
    Ok(Some(match &element.kind {
        ElementKind::Resource(r) => ("Resources", render_resource(ctx, idx, r).map_err(wrap)?),
        ElementKind::Output(o) => {
            let mut m = Map::new();
            if let Some(d) = &o.description {
                if let Some(d) = resolve(d).map_err(|e| e.under("Description"))? {
                    m.insert("Description".into(), d);
                }
            }
            if let Some(v) = resolve(&o.value).map_err(|e| e.under("Value"))? {
                m.insert("Value".into(), v);
            }
            if let Some(e) = &o.export_name {
                if let Some(e) = resolve(e).map_err(|e| e.under("Export/Name"))? {
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
    let mut resolved_props = keep.resolve_map(&r.properties).map_err(|e| e.under("Properties"))?;
    if let (Some(schema), true) = (r.schema, r.overrides().is_some()) {
        // Overrides land where the unset properties of a generated L1 would be (the value
        // is as deep as resolving allowed).
        resolved_props = schema.inflate(resolved_props);
    }
    if let Some(t) = &r.tags {
        let rendered = keep
            .resolve(&t.render())
            .map_err(|e| e.under("Properties"))?
            .unwrap_or_else(Value::absent);
        resolved_props.insert(t.tagging().property.to_string(), rendered);
    }
    let has_defined = resolved_props.values().any(|v| !v.is_absent());

    let mut def = Map::new();
    def.insert("Type".into(), Value::String(r.resource_type.clone()));
    if has_defined {
        def.insert("Properties".into(), Value::Object(std::mem::take(&mut resolved_props)));
    }
    let rare = r.rare.as_deref();
    let mut deps: Vec<usize> =
        rare.into_iter().flat_map(|x| x.depends_on.iter().copied()).collect();
    deps.sort_by(|a, b| crate::collate::locale_compare(&tree.nodes[*a].path, &tree.nodes[*b].path));
    if !deps.is_empty() {
        let ids = deps
            .iter()
            .map(|d| logical_id(tree, *d).map(Value::String))
            .collect::<Result<Vec<_>, _>>()?;
        def.insert("DependsOn".into(), Value::Array(ids));
    }
    if let Some(p) = rare.and_then(|x| x.creation_policy.as_ref()) {
        if let Some(v) = ctx.resolve(p).map_err(|e| e.under("CreationPolicy"))? {
            def.insert("CreationPolicy".into(), v);
        }
    }
    if let Some(p) = rare.and_then(|x| x.update_policy.as_ref()) {
        if let Some(v) = ctx.resolve(p).map_err(|e| e.under("UpdatePolicy"))? {
            def.insert("UpdatePolicy".into(), v);
        }
    }
    if let Some(rare) = rare {
        for (key, value) in [
            ("UpdateReplacePolicy", &rare.update_replace_policy),
            ("DeletionPolicy", &rare.deletion_policy),
            ("Version", &rare.version),
            ("Description", &rare.description),
        ] {
            if let Some(v) = value {
                def.insert(key.into(), Value::String(v.clone()));
            }
        }
    }
    if r.has_metadata() {
        let md = r.full_metadata(&tree.nodes[idx].path);
        if let Some(m) = ctx.resolve(&Value::Object(md)).map_err(|e| e.under("Metadata"))? {
            def.insert("Metadata".into(), m);
        }
    }
    if let Some(c) = rare.and_then(|x| x.condition) {
        def.insert("Condition".into(), Value::String(logical_id(tree, c)?));
    }
    if !has_defined {
        // aws-cdk-lib re-creates the emptied `Properties` key after the others.
        def.insert("Properties".into(), Value::absent());
    }
    let mut def = Value::Object(def);
    if let Some(overrides) = r.overrides() {
        let resolved = keep.resolve(&Value::Object((*overrides).clone()))?;
        if let Some(Value::Object(overrides)) = &resolved {
            deep_merge(&mut def, overrides).map_err(|reason| Error::InvalidOverride {
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
    matches!(v, Value::Object(m) if m.len() == 1 && m.keys().next().is_some_and(|k| MERGE_EXCLUDE_KEYS.contains(&k)))
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
        let keys: Vec<_> = target.as_object().unwrap().keys().collect();
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

#[cfg(test)]
mod presolved_tests {
    use crate::{App, CfnResource, Error, Stack, Value};

    #[test]
    fn a_logical_id_twice_in_a_section_names_the_first_repeat_and_what_it_repeats() {
        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::new(&app, "S").unwrap();
        let topic = |id: &str, lid: &str| {
            CfnResource::new(&stack, id, "AWS::SNS::Topic", Value::Null)
                .unwrap()
                .override_logical_id(lid)
        };
        topic("A", "Zed");
        topic("B", "Same");
        // the same ID in another section is allowed
        crate::CfnOutput::new(
            &stack,
            "Out",
            crate::CfnOutputProps::builder().value("x").build().unwrap(),
        )
        .unwrap()
        .override_logical_id("Same");
        topic("C", "Zed");
        topic("D", "Same");
        topic("E", "Same");
        match stack.synthesize_template() {
            Err(Error::DuplicateLogicalId { path, logical_id, section, other }) => {
                assert_eq!((path.as_str(), logical_id.as_str()), ("S/C", "Zed"));
                assert_eq!((section.as_str(), other.as_str()), ("Resources", "S/A"));
            }
            other => panic!("expected a duplicate logical ID, got {other:?}"),
        }
    }

    #[test]
    fn strings_of_parts_produced_by_lazy_properties_are_written_and_refused_when_too_deep() {
        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::new(&app, "S").unwrap();
        let topic = CfnResource::new(&stack, "T", "AWS::SNS::Topic", Value::Null).unwrap();
        let r = CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::Null).unwrap();
        let arn = topic.ref_();
        r.set_property(
            "P",
            Value::lazy_uncached(move |_| {
                let two = Value::lazy(|_| Some(Value::from(2)));
                Some(Value::concat([Value::from("arn:"), arn.clone(), two]))
            }),
        );
        let template = stack.synthesize_template().unwrap();
        assert_eq!(
            template["Resources"]["R"]["Properties"]["P"],
            serde_json::json!({"Fn::Join": ["", ["arn:", {"Ref": "T"}, 2]]})
        );

        let app = App::new();
        app.skip_synth_check();
        let stack = Stack::new(&app, "S").unwrap();
        let topic = CfnResource::new(&stack, "T", "AWS::SNS::Topic", Value::Null).unwrap();
        let r = CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::Null).unwrap();
        let arn = topic.ref_();
        r.set_property(
            "P",
            Value::lazy_uncached(move |_| {
                let deep = (0..300).fold(Value::from(1), |v, _| Value::Array(vec![v]));
                Some(Value::concat([Value::from("x"), arn.clone(), deep]))
            }),
        );
        match stack.synthesize_template() {
            Err(Error::ValueTooDeep { property_path, lazy_levels, max_depth, .. }) => {
                assert!(property_path.starts_with("Properties/P/0/0/0"), "{property_path}");
                assert_eq!((lazy_levels, max_depth), (1, 200));
            }
            other => panic!("expected ValueTooDeep, got {other:?}"),
        }
    }
}
