//! References between stacks.
//!
//! Ports `core/lib/private/refs.ts` (`resolveValue`): a reference from a nested stack to an
//! element of one of its parents becomes a parameter of the nested stack
//! (`referenceto<uniqueid><Ref|attribute>`), set on the nested stack resource; a reference to
//! an element of a nested stack becomes an output of it (`<uniqueid><Ref|attribute>`) read
//! with `Fn::GetAtt <nested stack resource> Outputs.<name>`; between two top-level stacks, with
//! `@aws-cdk/core:defaultCrossStackReferences: weak`, an output under a `Publish` scope of the
//! producer read with `Fn::GetStackOutput`, and the consumer depends on the producer.
//! With `strong` (the default without flags), an output with an export under an `Exports`
//! scope of the producer, read with `Fn::ImportValue`.

use crate::element::{CfnOutput, CfnOutputProps, CfnParameter, CfnParameterProps};
use crate::error::Error;
use crate::logical_id::make_unique_id;
use crate::resolve::{local_reference, logical_id, ResolveContext};
use crate::tree::{Construct, Node, TreeData};
use crate::value::{Token, TokenKind, Value};

/// Key of a resolved cross-stack reference: (consumer stack, target element, attribute).
pub(crate) type RefKey = (usize, usize, Option<String>);

/// Resolves a reference to an element of another stack, from the consumer's template.
pub(crate) fn resolve_cross_stack(
    ctx: &ResolveContext<'_>,
    target: usize,
    attribute: Option<&str>,
) -> Result<Value, Error> {
    let key: RefKey = (ctx.stack, target, attribute.map(str::to_string));
    match ctx.tree.cross_ref_values.get(&key) {
        Some(v) => Ok(ctx.resolve(v)?.unwrap_or_default()),
        // Not yet wired (discovery pass): a placeholder that is never written.
        None => Ok(Value::Null),
    }
}

fn reference_value(node: &Node, attribute: Option<&str>) -> Value {
    Value::Token(Token::new(match attribute {
        None => TokenKind::Ref(node.clone()),
        Some(a) => TokenKind::GetAtt(node.clone(), a.to_string()),
    }))
}

fn display_name(attribute: Option<&str>) -> &str {
    attribute.unwrap_or("Ref")
}

/// `Names.nodeUniqueId`: `makeUniqueId` of the path from the root.
fn node_unique_id(tree: &TreeData, idx: usize) -> String {
    let comps: Vec<&str> = tree.scopes(idx).into_iter().map(|i| tree.nodes[i].id()).collect();
    make_unique_id(&comps).unwrap_or_default()
}

fn nested_parent(tree: &TreeData, stack: usize) -> Option<usize> {
    let s = tree.stack(stack);
    s.nested.as_ref()?;
    tree.nodes[stack].parent.and_then(|p| tree.stack_of(p))
}

fn is_nested(tree: &TreeData, nested: usize, parent: usize) -> bool {
    match nested_parent(tree, nested) {
        Some(p) if p == parent => true,
        Some(p) => is_nested(tree, p, parent),
        None => false,
    }
}

fn find_or_add_scope(parent: &Node, id: &str) -> Result<Node, Error> {
    match parent.try_find_child(id) {
        Some(s) => Ok(s),
        None => {
            let s = parent.add_child(id)?;
            s.set_construct_info("constructs.Construct");
            Ok(s)
        }
    }
}

/// Wires a reference from `consumer` to `target` (creating outputs and parameters) and
/// returns the value the consumer's template uses instead.
pub(crate) fn wire(
    root: &Node,
    consumer: usize,
    target: usize,
    attribute: Option<&str>,
) -> Result<Value, Error> {
    let (producer, target_path) = {
        let tree = root.tree.borrow();
        let Some(p) = tree.stack_of(target) else {
            return Err(Error::NoStack { path: tree.nodes[target].path.clone() });
        };
        (p, tree.nodes[target].path.clone())
    };
    let target_node = root.sibling(target);
    if producer == consumer {
        return Ok(reference_value(&target_node, attribute));
    }
    let (consumer_parent, consumer_nested_in_producer, producer_nested) = {
        let tree = root.tree.borrow();
        (
            nested_parent(&tree, consumer),
            is_nested(&tree, consumer, producer),
            tree.stack(producer).nested.is_some(),
        )
    };
    if let (Some(parent), true) = (consumer_parent, consumer_nested_in_producer) {
        // A parameter of the nested consumer, set from its parent.
        let value_in_parent = wire(root, parent, target, attribute)?;
        let param_id = {
            let tree = root.tree.borrow();
            format!("reference-to-{}{}", node_unique_id(&tree, target), display_name(attribute))
        };
        let consumer_node = root.sibling(consumer);
        let param = match consumer_node.try_find_child(&param_id) {
            Some(n) => n,
            None => {
                let p = CfnParameter::new(
                    &consumer_node,
                    &param_id,
                    CfnParameterProps { type_: Some("String".into()), ..Default::default() },
                )?;
                let lid = {
                    let tree = root.tree.borrow();
                    logical_id(&tree, p.node().idx)?
                };
                let mut tree = root.tree.borrow_mut();
                if let Some(n) = tree.stack_mut(consumer).nested.as_mut() {
                    n.parameters.insert(lid, value_in_parent);
                }
                p.node().clone()
            }
        };
        return Ok(reference_value(&param, None));
    }
    if producer_nested {
        // An output of the nested producer, read in its parent as `Outputs.<name>`.
        let output_id = {
            let tree = root.tree.borrow();
            format!("{}{}", node_unique_id(&tree, target), display_name(attribute))
        };
        let producer_node = root.sibling(producer);
        let output = match producer_node.try_find_child(&output_id) {
            Some(n) => n,
            None => CfnOutput::new(
                &producer_node,
                &output_id,
                CfnOutputProps::builder().value(reference_value(&target_node, attribute)),
            )?
            .node()
            .clone(),
        };
        let (resource, output_lid) = {
            let tree = root.tree.borrow();
            let resource = tree.stack(producer).nested.as_ref().map(|n| n.resource);
            (resource, logical_id(&tree, output.idx)?)
        };
        let Some(resource) = resource else {
            return Err(Error::CrossStackReference {
                path: target_path,
                reason: "nested stack has no resource in its parent".into(),
            });
        };
        let resource = root.sibling(resource);
        return wire(root, consumer, resource.idx, Some(&format!("Outputs.{output_lid}")));
    }
    // Two top-level stacks.
    let flag = crate::feature_flags::DEFAULT_CROSS_STACK_REFERENCES;
    let strength = match root.sibling(consumer).try_get_context(flag) {
        None | Some(serde_json::Value::Null) => "strong".to_string(),
        Some(serde_json::Value::String(s)) if ["strong", "weak", "both"].contains(&s.as_str()) => s,
        Some(other) => {
            return Err(Error::InvalidArgument {
                path: root.sibling(consumer).path(),
                message: format!(
                    "Invalid value for {flag}: \"{}\". Must be \"strong\", \"weak\", or \"both\".",
                    crate::feature_flags::js_string(&other)
                ),
            })
        }
    };
    let consumer_stack = crate::Stack::from_node(root.sibling(consumer));
    let producer_stack = crate::Stack::from_node(root.sibling(producer));
    let reason =
        format!("{} -> {}.{}", consumer_stack.node().path(), target_path, display_name(attribute));
    crate::stack::add_stack_dependency(
        &mut root.tree.borrow_mut(),
        consumer,
        producer,
        (consumer, producer),
        reason,
    )?;
    let resolved_reference = {
        let tree = root.tree.borrow();
        local_reference(logical_id(&tree, target)?, attribute)
    };
    let output_id = format!("Output{}", crate::json::to_json_string(&resolved_reference, 0));
    let producer_node = root.sibling(producer);
    if strength == "strong" {
        // `Stack.exportValue`: an output under `Exports`, imported by name.
        let export_name = format!(
            "{}:{}",
            producer_stack.stack_name(),
            make_unique_id(&["Exports", crate::tree::sanitize_id(&output_id).as_str()])
                .unwrap_or_default()
        );
        let scope = find_or_add_scope(&producer_node, "Exports")?;
        if scope.try_find_child(&output_id).is_none() {
            CfnOutput::new(
                &scope,
                &output_id,
                CfnOutputProps::builder()
                    .value(reference_value(&target_node, attribute))
                    .export_name(export_name.as_str()),
            )?;
        }
        return Ok(Value::object([("Fn::ImportValue", export_name)]));
    }
    let scope = find_or_add_scope(&producer_node, "Publish")?;
    let output = match scope.try_find_child(&output_id) {
        Some(o) => o,
        None => CfnOutput::new(
            &scope,
            &output_id,
            CfnOutputProps::builder().value(reference_value(&target_node, attribute)),
        )?
        .node()
        .clone(),
    };
    let output_lid = {
        let tree = root.tree.borrow();
        logical_id(&tree, output.idx)?
    };
    Ok(Value::object([(
        "Fn::GetStackOutput",
        Value::object([
            ("StackName", Value::String(producer_stack.stack_name())),
            ("Region", producer_stack.region()),
            ("OutputName", Value::String(output_lid)),
        ]),
    )]))
}
