//! The logical IDs of a tree of many elements (512 or more) are computed on another thread
//! while the synthesis prepares and resolves: each is still the one `makeUniqueId` gives for
//! the element's path below its stack (a nested stack's own for its elements), and an
//! override made meanwhile still wins.
#![allow(clippy::unwrap_used)]

use cdk_core::logical_id::make_unique_id;
use cdk_core::{
    App, AppProps, CfnResource, Construct, NestedStack, NestedStackProps, Stack, Value,
};

/// The resources' logical IDs in a template, sorted.
fn resource_ids(template: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = template["Resources"].as_object().unwrap().keys().cloned().collect();
    ids.sort();
    ids
}

#[test]
fn logical_ids_of_many_elements_are_those_of_their_paths() {
    // (more resources than a stack may hold: the limit is lifted)
    let props = AppProps::builder().context("@aws-cdk/core:stackResourceLimit", 0).build();
    let app = App::with_props(props.unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    let nested = NestedStack::new(&stack, "Child", NestedStackProps::default()).unwrap();
    // (ids below the stack) of each resource, in the order added
    let mut top: Vec<Vec<String>> = Vec::new();
    let groups: Vec<_> = (0..7)
        .map(|g| {
            let group = stack.node().add_child(&format!("Group-{g}")).unwrap();
            let hidden = group.add_child("Default").unwrap();
            (format!("Group-{g}"), hidden)
        })
        .collect();
    for i in 0..600 {
        let (scope, ids) = match i % 3 {
            0 => (stack.node().clone(), vec![format!("Top{i}")]),
            1 => {
                let (g, hidden) = &groups[i % 7];
                (hidden.clone(), vec![g.clone(), "Default".into(), format!("Res_{i}")])
            }
            _ => {
                let (g, hidden) = &groups[i % 7];
                let inner = hidden.add_child(&format!("Inner{i}")).unwrap();
                (inner, vec![g.clone(), "Default".into(), format!("Inner{i}"), "Resource".into()])
            }
        };
        let id = ids.last().unwrap().clone();
        CfnResource::new(&scope, &id, "AWS::SNS::Topic", Value::Null).unwrap();
        top.push(ids);
    }
    let mut inner: Vec<Vec<String>> = Vec::new();
    for i in 0..520 {
        CfnResource::new(&*nested, &format!("Queue.{i}"), "AWS::SQS::Queue", Value::Null).unwrap();
        inner.push(vec![format!("Queue.{i}")]);
    }
    // An override made while logical IDs are computed at synthesis (by the producer of a
    // lazy ID) wins over the ID of the path.
    let late = CfnResource::new(&stack, "Late", "AWS::SNS::Topic", Value::Null).unwrap();
    let lazy = CfnResource::new(&stack, "Lazy", "AWS::SNS::Topic", Value::Null).unwrap();
    lazy.set_lazy_logical_id(move |_| {
        late.override_logical_id("LateOverridden");
        Ok("LazyComputed".into())
    });

    // sorted
    // (resources counted by their stack's template: the nested stack's own resource in the
    // parent, its queues in it)
    assert_eq!(stack.resource_count(), 600 + 1 + 2);
    assert_eq!(nested.resource_count(), 520);
    let expected = |paths: &[Vec<String>]| -> Vec<String> {
        let mut ids: Vec<String> = paths.iter().map(|ids| make_unique_id(ids).unwrap()).collect();
        ids.sort();
        ids
    };
    let mut want = expected(&top);
    // (and the nested stack's own resource, its `Child.NestedStack/Child.NestedStackResource`)
    let template = stack.synthesize_template().unwrap();
    let got = resource_ids(&template);
    let nested_resource: Vec<&String> = got
        .iter()
        .filter(|id| id.starts_with("ChildNestedStackChildNestedStackResource"))
        .collect();
    assert_eq!(nested_resource.len(), 1, "{got:?}");
    want.extend([nested_resource[0].clone(), "LateOverridden".into(), "LazyComputed".into()]);
    want.sort();
    assert!(got == want, "{:?}", got.iter().zip(&want).find(|(g, w)| g != w));
    assert_eq!(resource_ids(&nested.synthesize_template().unwrap()), expected(&inner));
}
