//! The core synthesis rules, end to end through the public API: each test fails when its
//! rule breaks.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use cdk_core::{
    cfn_format, App, AppProps, CfnOutput, CfnOutputProps, CfnResource, Construct, Error, Flags,
    Stack, Value,
};

fn app(name: &str, flags: Flags) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("cdk-core-rules").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app =
        App::with_props(AppProps::builder().outdir(dir.clone()).flags(flags).build().unwrap());
    (app, dir)
}

fn template(dir: &std::path::Path, stack: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join(format!("{stack}.template.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn resource(scope: &impl Construct, id: &str) -> CfnResource {
    CfnResource::new(scope, id, "AWS::SNS::Topic", Value::Null).unwrap()
}

#[test]
fn l1_named_default_directly_in_a_stack_is_refused() {
    let (app, _) = app("default-id", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    resource(&stack, "Default");
    match app.synth() {
        Err(Error::UnableToCalculateUniqueId { path }) => assert_eq!(path, "Stack/Default"),
        other => panic!("expected UnableToCalculateUniqueId, got {other:?}"),
    }
}

#[test]
fn resource_and_default_children_make_the_default_child_ambiguous() {
    let (app, _) = app("ambiguous", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    let c = stack.node().add_child("Thing").unwrap();
    resource(&c, "Resource");
    assert!(c.default_child().unwrap().is_some());
    resource(&c, "Default");
    let e = c.default_child().unwrap_err();
    assert_eq!(e, Error::AmbiguousDefaultChild { path: "Stack/Thing".into() });
    assert!(e.to_string().starts_with("Stack/Thing: cannot determine default child"));
}

#[test]
fn duplicate_ids_name_the_parent() {
    let (app, _) = app("dup", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    resource(&stack, "X");
    let e = CfnResource::new(&stack, "X", "AWS::SNS::Topic", Value::Null).unwrap_err();
    assert_eq!(e.to_string(), "Stack: there is already a construct with name 'X' in this scope");
}

#[test]
fn depends_on_is_sorted_by_path_with_locale_compare() {
    let (app, dir) = app("depends-on", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    let b = resource(&stack, "Bravo");
    let a = resource(&stack, "alpha");
    let z = resource(&stack, "Zulu");
    let d = resource(&stack, "Dependent");
    d.add_dependency(&z);
    d.add_dependency(&b);
    d.node().add_dependency(&a);
    app.synth().unwrap();
    let t = template(&dir, "Stack");
    assert_eq!(
        t["Resources"]["Dependent"]["DependsOn"],
        serde_json::json!(["alpha", "Bravo", "Zulu"])
    );
}

#[test]
fn strings_with_tokens_become_a_minimal_join() {
    let (app, dir) = app("join", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    let r = resource(&stack, "Topic");
    CfnOutput::new(
        &stack,
        "Out",
        CfnOutputProps::builder().value(cfn_format!("a{}{}b{}c", "-", r.ref_(), stack.region())),
    )
    .unwrap();
    CfnOutput::new(&stack, "Plain", CfnOutputProps::builder().value(cfn_format!("x{}y", "-")))
        .unwrap();
    app.synth().unwrap();
    let t = template(&dir, "Stack");
    assert_eq!(
        t["Outputs"]["Out"]["Value"],
        serde_json::json!({"Fn::Join": ["", ["a-", {"Ref": "Topic"}, "b", {"Ref": "AWS::Region"}, "c"]]})
    );
    assert_eq!(t["Outputs"]["Plain"]["Value"], serde_json::json!("x-y"));
}

#[test]
fn overrides_keep_known_slots_and_append_unknown_keys() {
    #[derive(serde::Serialize)]
    struct Props {
        #[serde(rename = "Alpha", serialize_with = "cdk_core::value::optional")]
        alpha: Option<Value>,
        #[serde(rename = "Bravo", serialize_with = "cdk_core::value::optional")]
        bravo: Option<Value>,
        #[serde(rename = "Charlie", serialize_with = "cdk_core::value::optional")]
        charlie: Option<Value>,
    }
    let (app, dir) = app("overrides", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    let props = Props { alpha: None, bravo: Some(Value::from("b")), charlie: None };
    let r = CfnResource::from_props(&stack, "R", "AWS::SNS::Topic", &props, None).unwrap();
    r.add_property_override("Zed", 1);
    r.add_property_override("Alpha", "a");
    r.add_property_override("Bravo", Value::object([("Ref", "X")]));
    r.add_property_deletion_override("Bravo");
    r.add_override("DeletionPolicy", "Retain");
    // Properties an SNS topic does not have (the CloudFormation validation's F3002).
    cdk_core::Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F3002", "made-up properties")
        .unwrap();
    app.synth().unwrap();
    let text = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
    let alpha = text.find("\"Alpha\"").unwrap();
    let zed = text.find("\"Zed\"").unwrap();
    assert!(alpha < zed, "known property first, unknown appended:\n{text}");
    assert!(!text.contains("\"Bravo\""));
    assert!(text.contains("\"DeletionPolicy\": \"Retain\""));
}

#[test]
fn cross_stack_references_are_strong_exports_without_flags() {
    let (app, dir) = app("strong", Flags::None);
    let producer = Stack::new(&app, "Producer").unwrap();
    let r = resource(&producer, "Topic");
    let consumer = Stack::new(&app, "Consumer").unwrap();
    CfnOutput::new(&consumer, "Arn", CfnOutputProps::builder().value(r.get_att("Arn"))).unwrap();
    let assembly = app.synth().unwrap();
    assert_eq!(assembly.stacks, ["Producer", "Consumer"]);
    let p = template(&dir, "Producer");
    let c = template(&dir, "Consumer");
    let outputs = p["Outputs"].as_object().unwrap();
    let (id, output) = outputs.iter().next().unwrap();
    assert!(id.starts_with("ExportsOutputFnGetAttTopicArn"), "{id}");
    let name = output["Export"]["Name"].as_str().unwrap();
    assert!(name.starts_with("Producer:ExportsOutputFnGetAttTopicArn"), "{name}");
    assert_eq!(c["Outputs"]["Arn"]["Value"], serde_json::json!({"Fn::ImportValue": name}));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["artifacts"]["Consumer"]["dependencies"],
        serde_json::json!(["Producer", "Consumer.assets"])
    );
}

#[test]
fn validations_fail_synthesis_with_the_construct_path() {
    let (app, _) = app("validation", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    let c = stack.node().add_child("Checked").unwrap();
    c.add_validation(|| vec!["something is wrong".to_string()]);
    match app.synth() {
        Err(Error::Validation { messages }) => {
            assert_eq!(
                messages,
                vec![("Stack/Checked".to_string(), "something is wrong".to_string())]
            )
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn invalid_stack_names_are_refused() {
    let (app, _) = app("stack-name", Flags::Recommended);
    let e = Stack::new(&app, "1bad").unwrap_err();
    assert!(e.to_string().contains("Stack name must match"), "{e}");
}

#[test]
fn references_across_apps_are_refused() {
    let (one, _) = app("app-one", Flags::Recommended);
    let (two, _) = app("app-two", Flags::Recommended);
    let s1 = Stack::new(&one, "One").unwrap();
    let s2 = Stack::new(&two, "Two").unwrap();
    let r1 = resource(&s1, "Topic");
    CfnOutput::new(&s2, "Ref", CfnOutputProps::builder().value(r1.ref_())).unwrap();
    let e = two.synth().unwrap_err();
    assert!(e.to_string().contains("Cannot reference across apps"), "{e}");

    let r2 = resource(&s2, "Other");
    let (three, _) = app("app-three", Flags::Recommended);
    let s3 = Stack::new(&three, "Three").unwrap();
    let r3 = resource(&s3, "Third");
    r3.add_dependency(&r2);
    match three.synth() {
        Err(Error::Validation { messages }) => assert_eq!(messages[0].0, "Three/Third"),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn stacks_hold_at_most_500_resources_unless_the_context_says_otherwise() {
    let (app, _) = app("limit", Flags::Recommended);
    let stack = Stack::new(&app, "Stack").unwrap();
    for i in 0..501 {
        resource(&stack, &format!("R{i}"));
    }
    match app.synth() {
        Err(Error::Validation { messages }) => {
            assert!(
                messages[0].1.contains("501 is greater than allowed maximum of 500"),
                "{messages:?}"
            )
        }
        other => panic!("expected the resource limit, got {other:?}"),
    }
    let dir = std::env::temp_dir().join("cdk-core-rules").join("limit-off");
    let app = App::with_props(
        AppProps::builder()
            .outdir(dir)
            .context("@aws-cdk/core:stackResourceLimit", 0)
            .build()
            .unwrap(),
    );
    let stack = Stack::new(&app, "Stack").unwrap();
    for i in 0..501 {
        resource(&stack, &format!("R{i}"));
    }
    // The CloudFormation validation still counts them (F0007), as in aws-cdk-lib.
    assert_eq!(
        match app.synth() {
            Err(Error::TemplateValidation { violations }) => violations[0].rule_id.clone(),
            other => panic!("expected the validation's resource limit, got {other:?}"),
        },
        "F0007"
    );
    cdk_core::Validations::of(&stack)
        .acknowledge("CloudFormation-Validate::F0007", "the limit is off")
        .unwrap();
    app.synth().unwrap();
}
