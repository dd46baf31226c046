//! The dependency-cycle check run on every [`Template`](crate::Template) (ports
//! `assertions/lib/private/cyclic.ts`): a template whose resources depend on each other in a
//! cycle would not deploy, so it is refused.

use std::collections::BTreeSet;

use indexmap::{IndexMap, IndexSet};
use serde_json::{Map, Value};

use crate::error::AssertionError;
use crate::js;

/// Fails when the resources of `template` have a dependency cycle (`DependsOn`, `Ref`,
/// `Fn::GetAtt` and `Fn::Sub` references in `Properties`).
pub(crate) fn check_template_for_cyclic_dependencies(
    template: &Value,
) -> Result<(), AssertionError> {
    let empty = Map::new();
    let resources = template.get("Resources").and_then(Value::as_object).unwrap_or(&empty);
    let logical_ids: BTreeSet<&str> = resources.keys().map(String::as_str).collect();
    let mut dependencies: IndexMap<String, IndexSet<String>> = IndexMap::new();
    for (logical_id, resource) in js::key_order(resources) {
        let deps = find_resource_dependencies(resource)
            .into_iter()
            .filter(|d| logical_ids.contains(d.as_str()))
            .collect();
        dependencies.insert(logical_id.clone(), deps);
    }
    while !dependencies.is_empty() {
        let free: Vec<String> =
            dependencies.iter().filter(|(_, d)| d.is_empty()).map(|(k, _)| k.clone()).collect();
        if free.is_empty() {
            let cycle = find_cycle(&dependencies);
            let mut cycle_resources = Map::new();
            for id in &cycle {
                cycle_resources
                    .insert(id.clone(), resources.get(id).cloned().unwrap_or(Value::Null));
            }
            return Err(AssertionError::new(format!(
                "Template is undeployable, these resources have a dependency cycle: {}:\n\n{}",
                cycle.join(" -> "),
                js::stringify(Some(&Value::Object(cycle_resources)), 2)
            )));
        }
        for id in &free {
            for deps in dependencies.values_mut() {
                deps.shift_remove(id);
            }
            dependencies.shift_remove(id);
        }
    }
    Ok(())
}

fn find_resource_dependencies(resource: &Value) -> IndexSet<String> {
    let mut out = IndexSet::new();
    match resource.get("DependsOn") {
        Some(Value::Array(items)) => {
            out.extend(items.iter().filter_map(Value::as_str).map(str::to_string));
        }
        Some(Value::String(s)) => {
            out.insert(s.clone());
        }
        _ => {}
    }
    if let Some(props) = resource.get("Properties") {
        find_expression_dependencies(props, &mut out);
    }
    out
}

fn find_expression_dependencies(x: &Value, out: &mut IndexSet<String>) {
    match x {
        Value::Array(items) => items.iter().for_each(|i| find_expression_dependencies(i, out)),
        Value::Object(map) => {
            let single = if map.len() == 1 { map.iter().next() } else { None };
            match single {
                Some((k, v)) if k == "Ref" => {
                    if let Some(s) = v.as_str() {
                        out.insert(s.to_string());
                    }
                }
                Some((k, v)) if k == "Fn::GetAtt" => match v {
                    Value::Array(items) => {
                        if let Some(s) = items.first().and_then(Value::as_str) {
                            out.insert(s.to_string());
                        }
                    }
                    // `x[0]` of a string is its first character.
                    Value::String(s) => {
                        if let Some(c) = s.chars().next() {
                            out.insert(c.to_string());
                        }
                    }
                    _ => {}
                },
                Some((k, v)) if k == "Fn::Sub" => {
                    let (pattern, context) = match v {
                        Value::Array(items) => (items.first(), items.get(1)),
                        other => (Some(other), None),
                    };
                    if let Some(Value::String(p)) = pattern {
                        out.extend(logical_ids_in_sub_string(p));
                    }
                    if let Some(Value::Object(ctx)) = context {
                        ctx.values().for_each(|v| find_expression_dependencies(v, out));
                    }
                }
                _ => map.values().for_each(|v| find_expression_dependencies(v, out)),
            }
        }
        _ => {}
    }
}

/// The logical IDs referenced by `${Id}` and `${Id.Attr}` placeholders of an `Fn::Sub`
/// string (`${!Literal}` is skipped).
fn logical_ids_in_sub_string(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut ph0 = pattern[start..].find("${").map(|i| i + start);
    while let Some(p0) = ph0 {
        if pattern[p0 + 2..].starts_with('!') {
            start = p0 + 3;
            ph0 = pattern[start..].find("${").map(|i| i + start);
            continue;
        }
        let Some(p1) = pattern[p0 + 2..].find('}').map(|i| i + p0 + 2) else {
            break;
        };
        let placeholder = &pattern[p0 + 2..p1];
        let id = placeholder.split('.').next().unwrap_or(placeholder);
        out.push(id.to_string());
        start = p1 + 1;
        ph0 = pattern[start..].find("${").map(|i| i + start);
    }
    out
}

fn find_cycle(deps: &IndexMap<String, IndexSet<String>>) -> Vec<String> {
    fn recurse(
        deps: &IndexMap<String, IndexSet<String>>,
        node: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        for dep in deps.get(node).into_iter().flatten() {
            if path.contains(dep) {
                let mut cycle = path.clone();
                cycle.push(dep.clone());
                return Some(cycle);
            }
            path.push(dep.clone());
            let found = recurse(deps, dep, path);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        None
    }
    for node in deps.keys() {
        let mut path = vec![node.clone()];
        if let Some(cycle) = recurse(deps, node, &mut path) {
            return cycle;
        }
    }
    // Every remaining node has a dependency, so a cycle always exists.
    deps.keys().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sub_placeholders() {
        assert_eq!(
            logical_ids_in_sub_string("arn:${AWS::Partition}:${Bucket.Arn}/${!Literal}/${Key}"),
            ["AWS::Partition", "Bucket", "Key"]
        );
        assert!(logical_ids_in_sub_string("${unterminated").is_empty());
    }

    #[test]
    fn sub_and_getatt_references_count() {
        let t = json!({ "Resources": {
            "A": { "Type": "T", "Properties": { "X": { "Fn::Sub": ["${B.Arn}", {}] } } },
            "B": { "Type": "T", "Properties": { "Y": { "Fn::GetAtt": ["A", "Arn"] } } },
        }});
        let err = check_template_for_cyclic_dependencies(&t).unwrap_err();
        assert!(err.message().starts_with("Template is undeployable, these resources have a dependency cycle: A -> B -> A:\n\n{\n  \"A\": {"), "{err}");
        let ok = json!({ "Resources": {
            "A": { "Type": "T", "Properties": { "X": { "Ref": "AWS::Region" } } },
            "B": { "Type": "T", "DependsOn": "A" },
        }});
        check_template_for_cyclic_dependencies(&ok).unwrap();
    }
}
