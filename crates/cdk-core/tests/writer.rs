//! Synthesis into files hands the text to a writer thread, which writes and hashes it and,
//! with the built-in validation on, keeps the top-level templates' text for it: the files,
//! hashes, findings and errors are those of a synthesis done in one thread.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use cdk_core::validations::VALIDATE_AGAINST_DEFAULT_RULES;
use cdk_core::{
    App, AppProps, AppPropsBuilder, CfnResource, Construct, Error, NestedStack, NestedStackProps,
    Stack, Value,
};
use sha2::{Digest, Sha256};

fn app(name: &str, props: impl FnOnce(AppPropsBuilder) -> AppPropsBuilder) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("cdk-core-writer").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    (App::with_props(props(AppProps::builder().outdir(dir.clone())).build().unwrap()), dir)
}

/// Every file of the assembly folder, by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

/// Entries beside `dir` left by a synthesis (its staging folders).
fn leftovers(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect()
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// `count` topics whose display names make a template of about `2 * count` KB.
fn topics(scope: &impl Construct, count: usize) {
    for i in 0..count {
        let name = format!("{i:04}").repeat(500);
        CfnResource::new(
            scope,
            &format!("Topic{i}"),
            "AWS::SNS::Topic",
            Value::object([("DisplayName", Value::from(name))]),
        )
        .unwrap();
    }
}

/// Topic `R` of `stack`, whose name is a lazy value whose producer adds queue `Added` to the
/// stack (under a new construct `group`, when given) while the template is written.
fn topic_adding_a_queue(stack: &Stack, group: Option<&'static str>) {
    let s = stack.clone();
    let name = Value::lazy(move |_| {
        let scope = match group {
            Some(g) => cdk_core::Node::add_child(s.node(), g).unwrap(),
            None => s.node().clone(),
        };
        CfnResource::new(&scope, "Added", "AWS::SQS::Queue", Value::Null).unwrap();
        Some(Value::from("x"))
    });
    CfnResource::new(stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", name)])).unwrap();
}

#[test]
fn templates_written_in_many_chunks_are_hashed_as_written() {
    let (app, dir) = app("hashes", |p| p.builtin_cloudformation_validation(false));
    let parent = Stack::new(&app, "Parent").unwrap();
    // Each template is several of the writer's chunks (256 KiB) long.
    topics(&parent, 450);
    let nested = NestedStack::new(&parent, "Child", NestedStackProps::default()).unwrap();
    topics(&*nested, 420);
    // The template as the synthesis in memory (in one thread) writes it.
    let in_memory = parent.synthesize_template().unwrap();
    app.synth().unwrap();

    let parent_text = std::fs::read(dir.join("Parent.template.json")).unwrap();
    assert!(parent_text.len() > 3 * (1 << 18));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&parent_text).unwrap(), in_memory);
    // A top-level template's hash is the file's.
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    assert!(manifest.contains(&format!("/{}.json\"", hex_sha256(&parent_text))));
    // A nested template's hash is its compact text's (indent 0).
    let child_file = nested.template_file();
    let child_text = std::fs::read_to_string(dir.join(&child_file)).unwrap();
    assert!(child_text.len() > 3 * (1 << 18));
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&child_text).unwrap())
            .unwrap();
    let child_hash = hex_sha256(compact.as_bytes());
    let parent_json = String::from_utf8(parent_text).unwrap();
    assert!(parent_json.contains(&format!("/{child_hash}.json")), "{child_hash}");
}

/// A stack whose usage plan's throttle CloudFormation refuses (rule F3034).
fn refused_plan(app: &App) {
    let stack = Stack::new(app, "Stack").unwrap();
    topics(&stack, 400);
    CfnResource::new(
        &stack,
        "Plan",
        "AWS::ApiGateway::UsagePlan",
        Value::object([("Throttle", Value::object([("RateLimit", Value::from(-1))]))]),
    )
    .unwrap();
}

#[test]
fn the_validation_of_the_kept_text_finds_what_it_found_and_writes_the_same_files() {
    let warn = |p: AppPropsBuilder| p.context(VALIDATE_AGAINST_DEFAULT_RULES, false);
    let (off, off_dir) =
        app("validation-off", |p| warn(p).builtin_cloudformation_validation(false));
    refused_plan(&off);
    off.synth().unwrap();
    // Findings as warnings: the same files.
    let (warned, warned_dir) = app("validation-warns", warn);
    refused_plan(&warned);
    warned.synth().unwrap();
    let (written, expected) = (files(&warned_dir), files(&off_dir));
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&written), names(&expected));
    for ((name, text), (_, want)) in written.iter().zip(&expected) {
        assert!(text == want, "{name} differs");
    }
    // Findings as errors: the finding names the construct, and nothing is written.
    let (refused, refused_dir) = app("validation-refuses", |p| p);
    refused_plan(&refused);
    match refused.synth() {
        Err(Error::TemplateValidation { violations }) => {
            assert_eq!(violations.len(), 1);
            assert_eq!(violations[0].rule_id, "F3034");
            let r = &violations[0].resources[0];
            assert_eq!(r.construct_path, "Stack/Plan");
            assert_eq!(r.logical_id.as_deref(), Some("Plan"));
            assert_eq!(r.template, "Stack.template.json");
        }
        other => panic!("expected the validation's error, got {other:?}"),
    }
    assert!(!refused_dir.exists());
    assert_eq!(leftovers(&refused_dir), Vec::<String>::new());
}

/// The I/O error of `app`'s synthesis: its file and the OS's reason.
fn io_error(app: &App) -> (String, String) {
    match app.synth() {
        Err(Error::Io { dir, reason }) => (dir, reason),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn a_template_the_writer_cannot_create_is_named_in_the_error() {
    let (app, dir) = app("long-name", |p| p);
    let long = "B".repeat(300);
    topics(&Stack::new(&app, "A").unwrap(), 300);
    topics(&Stack::new(&app, &long).unwrap(), 300);
    let (file, reason) = io_error(&app);
    assert!(file.ends_with(&format!("{long}.template.json")), "{file}");
    assert!(!reason.is_empty() && reason != "writing the assembly failed", "{reason}");
    assert!(!dir.exists());
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn a_nested_template_the_writer_cannot_create_is_named_in_the_error() {
    let (app, dir) = app("nested-long-name", |p| p);
    let parent = Stack::new(&app, "Parent").unwrap();
    topics(&parent, 10);
    let nested = NestedStack::new(&parent, &"N".repeat(300), NestedStackProps::default()).unwrap();
    topics(&*nested, 10);
    let (file, _) = io_error(&app);
    assert!(file.ends_with(&nested.template_file()), "{file}");
    assert!(!dir.exists());
    assert_eq!(leftovers(&dir), Vec::<String>::new());
}

#[test]
fn a_template_written_again_is_validated_as_written_the_second_time() {
    // A lazy value's producer adds a construct: the template is written a second time, and
    // the validation checks that text alone (the first one's findings would be lost in a
    // text that is not JSON).
    let (app, dir) = app("written-twice", |p| p);
    let stack = Stack::new(&app, "Stack").unwrap();
    topics(&stack, 300);
    topic_adding_a_queue(&stack, None);
    CfnResource::new(
        &stack,
        "Plan",
        "AWS::ApiGateway::UsagePlan",
        Value::object([("Throttle", Value::object([("RateLimit", Value::from(-1))]))]),
    )
    .unwrap();
    match app.synth() {
        Err(Error::TemplateValidation { violations }) => {
            assert_eq!(violations.len(), 1, "{violations:?}");
            assert_eq!(violations[0].resources[0].construct_path, "Stack/Plan");
        }
        other => panic!("expected the validation's error, got {other:?}"),
    }
    assert!(!dir.exists());
}

/// The stack's entry of `tree.json` and its metadata file, parsed.
fn tree_and_metadata(dir: &Path, stack: &str) -> (serde_json::Value, serde_json::Value) {
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap()
    };
    let tree = read("tree.json");
    (tree["tree"]["children"][stack].clone(), read(&format!("{stack}.metadata.json")))
}

#[test]
fn tree_json_and_the_metadata_are_rendered_aside_from_the_tree_as_synthesized() {
    let (app, dir) = app("aside", |p| p);
    let first = Stack::new(&app, "First").unwrap();
    topics(&first, 3);
    let stack = Stack::new(&app, "Stack").unwrap();
    topics(&stack, 300);
    let (_, timings) = app.synth_timed().unwrap();
    // the last stack's metadata and tree.json were rendered by a thread of their own
    assert!(timings.aside > std::time::Duration::ZERO);
    for (name, count) in [("First", 3), ("Stack", 300)] {
        let (tree, metadata) = tree_and_metadata(&dir, name);
        let children = tree["children"].as_object().unwrap();
        assert_eq!(
            children.len(),
            count + 2,
            "{name}: topics, BootstrapVersion, CheckBootstrapVersion"
        );
        assert_eq!(
            tree["children"]["Topic1"]["attributes"]["aws:cdk:cloudformation:logicalId"],
            "Topic1"
        );
        assert_eq!(metadata.as_object().unwrap().len(), count + 3, "{name}: stack and elements");
        assert_eq!(metadata[format!("/{name}/Topic1")][0]["data"], "Topic1");
    }
    assert_eq!(stack.resource_count(), 300);
}

#[test]
fn constructs_a_producer_adds_while_the_template_is_rendered_are_in_tree_json_and_the_metadata() {
    // tree.json and the metadata are rendered aside from a snapshot taken before the
    // template: the construct added meanwhile makes them rendered again, with it.
    let (app, dir) = app("aside-added", |p| p);
    let stack = Stack::new(&app, "Stack").unwrap();
    topics(&stack, 30);
    topic_adding_a_queue(&stack, Some("Group"));
    assert_eq!(stack.resource_count(), 31);
    app.synth().unwrap();
    let (tree, metadata) = tree_and_metadata(&dir, "Stack");
    let added = &tree["children"]["Group"]["children"]["Added"];
    assert_eq!(added["path"], "Stack/Group/Added");
    assert_eq!(added["attributes"]["aws:cdk:cloudformation:logicalId"], "GroupAddedD8046E6C");
    assert_eq!(metadata["/Stack/Group/Added"][0]["data"], "GroupAddedD8046E6C");
    let template: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("Stack.template.json")).unwrap()).unwrap();
    assert!(template["Resources"]["GroupAddedD8046E6C"].is_object());
    // the template's resources, as the tree counts them
    assert_eq!(stack.resource_count(), 32);
    assert_eq!(template["Resources"].as_object().unwrap().len(), 32);
}

#[test]
fn a_logical_id_a_producer_overrides_while_the_template_is_rendered_is_in_tree_json_and_the_metadata(
) {
    // The snapshot said the path's ID; the override made meanwhile makes tree.json and the
    // metadata rendered again, with it.
    let (app, dir) = app("aside-overridden", |p| p);
    let stack = Stack::new(&app, "Stack").unwrap();
    topics(&stack, 30);
    let target = CfnResource::new(&stack, "Target", "AWS::SQS::Queue", Value::Null).unwrap();
    let name = Value::lazy(move |_| {
        target.override_logical_id("Renamed");
        Some(Value::from("x"))
    });
    CfnResource::new(&stack, "R", "AWS::SNS::Topic", Value::object([("TopicName", name)])).unwrap();
    app.synth().unwrap();
    let (tree, metadata) = tree_and_metadata(&dir, "Stack");
    let target = &tree["children"]["Target"];
    assert_eq!(target["attributes"]["aws:cdk:cloudformation:logicalId"], "Renamed");
    assert_eq!(metadata["/Stack/Target"][0]["data"], "Renamed");
    let template: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("Stack.template.json")).unwrap()).unwrap();
    assert!(template["Resources"]["Renamed"].is_object());
}

#[test]
fn stacks_are_written_in_the_order_of_the_tree_not_the_order_added() {
    // B's stack and nested stack are added before A's, but A comes first in the tree.
    let (app, dir) = app("tree-order", |p| p.builtin_cloudformation_validation(false));
    let (a, b) = (app.node().add_child("A").unwrap(), app.node().add_child("B").unwrap());
    let stack_b = Stack::new(&b, "Second").unwrap();
    let stack_a = Stack::new(&a, "First").unwrap();
    let (p, q) = (stack_a.node().add_child("P").unwrap(), stack_a.node().add_child("Q").unwrap());
    let b_scope = stack_b.node().add_child("R").unwrap();
    for scope in [&q, &p, &b_scope] {
        let nested = NestedStack::new(scope, "Nested", NestedStackProps::default()).unwrap();
        CfnResource::new(&*nested, "Topic", "AWS::SNS::Topic", Value::Null).unwrap();
    }
    let assembly = app.synth().unwrap();
    assert_eq!(assembly.stacks, [stack_a.artifact_id(), stack_b.artifact_id()]);
    // the nested templates of A's stack: P's before Q's
    let assets: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join(format!("{}.assets.json", stack_a.artifact_id()))).unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = assets["files"]
        .as_object()
        .unwrap()
        .values()
        .map(|f| f["displayName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["P/Nested Nested Stack Template", "Q/Nested Nested Stack Template", "First Template"],
    );
}
