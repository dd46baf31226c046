//! Reliability: apps that aws-cdk-lib refuses are refused with its message, apps it accepts
//! synthesize, context is read as aws-cdk-lib reads it, and synthesis is idempotent.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, CfnResource, Construct, Error, Stack, Value};

fn app_with(name: &str, context: &[(&str, serde_json::Value)]) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("cdk-core-reliability").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let mut props = AppProps::builder().outdir(dir.clone());
    for (k, v) in context {
        props = props.context(k, v.clone());
    }
    (App::with_props(props.build().unwrap()), dir)
}

fn new_app(name: &str) -> (App, PathBuf) {
    app_with(name, &[])
}

fn topic(scope: &impl Construct, id: &str) -> CfnResource {
    CfnResource::new(scope, id, "AWS::SNS::Topic", Value::Null).unwrap()
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    out.sort();
    out
}

// Item 3: a second synth returns the first assembly; a modified tree is refused.

#[test]
fn second_synth_returns_the_first_assembly_and_writes_nothing() {
    let (app, dir) = new_app("synth-twice");
    let stack = Stack::new(&app, "Stack").unwrap();
    topic(&stack, "Topic");
    let first = app.synth().unwrap();
    let files = read_all(&dir);
    let second = app.synth().unwrap();
    assert_eq!(first, second);
    assert_eq!(files, read_all(&dir));
}

#[test]
fn synth_after_adding_constructs_is_refused_with_the_diff() {
    let (app, _) = new_app("synth-twice-modified");
    let stack = Stack::new(&app, "S").unwrap();
    topic(&stack, "R");
    app.synth().unwrap();
    topic(&stack, "New");
    let other = Stack::new(&app, "T").unwrap();
    topic(&other, "Q");
    let err = app.synth().unwrap_err();
    assert_eq!(err, Error::TreeModifiedAfterSynth { changes: vec!["+T".into(), "+S/New".into()] });
    assert_eq!(
        err.to_string(),
        "Synthesis has been called multiple times and the construct tree was modified after the \
         first synthesis (+T, +S/New) This is not allowed. Remove multple synth() calls and do \
         not modify the construct tree after the first synth()."
    );
}

// Item 4: cyclic stack dependencies are refused.

#[test]
fn cyclic_cross_stack_references_are_refused() {
    let (app, _) = new_app("cycle-refs");
    let a = Stack::new(&app, "A").unwrap();
    let b = Stack::new(&app, "B").unwrap();
    let bucket_a = CfnResource::new(&a, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
    let bucket_b = CfnResource::new(&b, "Bucket", "AWS::S3::Bucket", Value::Null).unwrap();
    CfnResource::new(&a, "UseB", "AWS::SNS::Topic", Value::object([("N", bucket_b.ref_())]))
        .unwrap();
    CfnResource::new(
        &b,
        "UseA",
        "AWS::SNS::Topic",
        Value::object([("N", bucket_a.get_att("Arn"))]),
    )
    .unwrap();
    let err = app.synth().unwrap_err();
    assert!(matches!(err, Error::DependencyCycle { .. }), "{err:?}");
    assert_eq!(err.path(), Some("B"));
    assert_eq!(
        err.to_string(),
        "B: 'A' depends on 'B' (A -> B/Bucket.Ref). Adding this dependency \
         (B -> A/Bucket.Arn) would create a cyclic reference."
    );
}

#[test]
fn cyclic_stack_and_construct_dependencies_are_refused() {
    let (app, _) = new_app("cycle-deps");
    let a = Stack::new(&app, "A").unwrap();
    let b = Stack::new(&app, "B").unwrap();
    a.add_dependency(&b, None);
    b.add_dependency(&a, None);
    match app.synth() {
        Err(Error::Validation { messages }) => assert_eq!(
            messages,
            vec![(
                "B".to_string(),
                "'A' depends on 'B' (<A>.addStackDependency(<B>)). Adding this dependency \
                 (<B>.addStackDependency(<A>)) would create a cyclic reference."
                    .to_string()
            )]
        ),
        other => panic!("expected a validation error, got {other:?}"),
    }

    let (app2, _) = new_app("cycle-construct-deps");
    let a = Stack::new(&app2, "A").unwrap();
    let b = Stack::new(&app2, "B").unwrap();
    a.add_dependency(&b, None);
    let x = topic(&a, "X");
    let y = topic(&b, "Y");
    y.node().add_dependency(&x);
    let err = app2.synth().unwrap_err();
    assert_eq!(
        err.to_string(),
        "B: 'A' depends on 'B' (<A>.addStackDependency(<B>)). Adding this dependency \
         (<B/Y>.node.addDependency(<A/X>)) would create a cyclic reference."
    );
}

// Item 5: context read as aws-cdk-lib reads it.

#[test]
fn feature_flags_are_read_as_javascript_booleans() {
    use serde_json::json;
    const FLAG: &str = cdk_core::feature_flags::PATH_METADATA_ENABLE;
    for (value, on) in [
        (json!(0), false),
        (json!(null), false),
        (json!(""), false),
        (json!(false), false),
        (json!("false"), true),
        (json!("no"), true),
        (json!(1), true),
        (json!("true"), true),
        (json!([]), true),
    ] {
        let (app, _) = app_with("flags", &[(FLAG, value.clone())]);
        let stack = Stack::new(&app, "S").unwrap();
        let t = topic(&stack, "T");
        assert_eq!(t.metadata("aws:cdk:path").is_some(), on, "{value}");
        assert_eq!(stack.node().feature_flag(FLAG), on, "{value}");
    }
}

fn limit_error(limit: serde_json::Value) -> Option<String> {
    let (app, _) = app_with("limit", &[(cdk_core::app::STACK_RESOURCE_LIMIT_CONTEXT, limit)]);
    let stack = Stack::new(&app, "S").unwrap();
    for i in 0..4 {
        let t = if i % 2 == 1 { "AWS::SNS::Topic" } else { "AWS::SQS::Queue" };
        CfnResource::new(&stack, &format!("R{i}"), t, Value::Null).unwrap();
    }
    match app.synth() {
        Ok(_) => None,
        Err(Error::Validation { messages }) => Some(messages[0].1.clone()),
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn stack_resource_limit_is_parsed_as_parse_int_does() {
    use serde_json::json;
    let msg = |max: &str| {
        Some(format!(
            "Number of resources in stack 'S': 4 is greater than allowed maximum of {max}: \
             AWS::SQS::Queue (2), AWS::SNS::Topic (2)"
        ))
    };
    assert_eq!(limit_error(json!("10")), None);
    assert_eq!(limit_error(json!("3")), msg("3"));
    assert_eq!(limit_error(json!("3x")), msg("3"));
    assert_eq!(limit_error(json!(2.9)), msg("2"));
    assert_eq!(limit_error(json!([3])), msg("3"));
    assert_eq!(limit_error(json!(" 2")), msg("2"));
    for off in [json!("abc"), json!(null), json!(true), json!("-1"), json!(0), json!({})] {
        assert_eq!(limit_error(off.clone()), None, "{off}");
    }
}
