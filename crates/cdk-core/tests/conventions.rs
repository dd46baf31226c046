//! The API conventions of `CONVENTIONS.md` as they apply to the core crate: builders passed
//! unfinished and their errors, `Stack::to_json_string`, typed escape hatches, nested stack
//! options, readable errors from `main`.

use std::path::PathBuf;
use std::time::Duration;

use cdk_core::{
    App, AppProps, Aws, CfnOutput, CfnOutputProps, CfnParameter, CfnParameterProps, CfnResource,
    Construct, Error, NestedStack, NestedStackProps, RemovalPolicy, Stack, StackProps, TagProps,
    Tags, Value,
};

fn app(name: &str) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("cdk-core-conventions").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    (App::with_props(AppProps::builder().outdir(dir.clone())), dir)
}

fn read_json(path: PathBuf) -> Result<serde_json::Value, Error> {
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Error::Io { dir: path.display().to_string(), reason: e.to_string() })?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Io { dir: path.display().to_string(), reason: e.to_string() })
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

/// Outputs of aws-cdk-lib 2.276.0's `stack.resolve(stack.toJsonString(...))` for the same
/// values (node, `/tmp/tojson.js` of the conventions work).
#[test]
fn to_json_string_renders_as_aws_cdk_lib() -> Result<(), Error> {
    let (app, dir) = app("to-json-string");
    let stack = Stack::new(&app, "Stack")?;
    let queue = CfnResource::new(&stack, "Queue", "AWS::SQS::Queue", Value::Null)?;
    let nested = Value::object([
        ("2", Value::from("x")),
        ("b", cdk_core::cfn_format!("arn:{}:\"q\"", Aws::region())),
    ]);
    let values = [
        stack.to_json_string(
            Value::object([
                ("queue", queue.get_att("Arn")),
                ("n", Value::from(1)),
                ("list", Value::array([Value::from("a"), queue.ref_()])),
                ("nested", nested),
            ]),
            None,
        ),
        stack.to_json_string(
            Value::object([
                ("a", Value::from("b")),
                ("c", Value::array([Value::from(1), Value::from(true), Value::Null])),
            ]),
            2,
        ),
        stack.to_json_string(Value::object([("r", queue.ref_())]), 2),
        stack.to_json_string(queue.ref_(), None),
        stack.to_json_string("plain \"x\"", None),
    ];
    for (i, v) in values.into_iter().enumerate() {
        CfnOutput::new(&stack, &format!("O{i}"), CfnOutputProps::builder().value(v))?;
    }
    app.synth()?;
    let template = read_json(dir.join("Stack.template.json"))?;
    let expected = [
        r#"{"Fn::Join":["",["{\"queue\":\"",{"Fn::GetAtt":["Queue","Arn"]},"\",\"n\":1,\"list\":[\"a\",\"",{"Ref":"Queue"},"\"],\"nested\":{\"2\":\"x\",\"b\":\"arn:",{"Ref":"AWS::Region"},":\\\"q\\\"\"}}"]]}"#,
        r#""{\n  \"a\": \"b\",\n  \"c\": [\n    1,\n    true,\n    null\n  ]\n}""#,
        r#"{"Fn::Join":["",["{\n  \"r\": \"",{"Ref":"Queue"},"\"\n}"]]}"#,
        r#"{"Fn::Join":["",["\"",{"Ref":"Queue"},"\""]]}"#,
        r#""\"plain \\\"x\\\"\"""#,
    ];
    for (i, e) in expected.iter().enumerate() {
        assert_eq!(template["Outputs"][format!("O{i}")]["Value"], json(e), "output {i}");
    }
    Ok(())
}

#[test]
fn default_child_as_gives_the_typed_l1() -> Result<(), Error> {
    let (app, _) = app("default-child");
    app.skip_synth_check();
    let stack = Stack::new(&app, "Stack")?;
    let wrapper = stack.node().add_child("Wrapper")?;
    CfnResource::new(&wrapper, "Resource", "AWS::SNS::Topic", Value::Null)?;
    let topic = wrapper.default_child_as::<CfnResource>()?;
    assert_eq!(topic.resource_type(), "AWS::SNS::Topic");
    let typed = CfnResource::from_node_of_type(topic.node(), "AWS::S3::Bucket").unwrap_err();
    assert_eq!(
        typed.to_string(),
        "Stack/Wrapper/Resource: the construct is a 'AWS::SNS::Topic' resource, not a 'AWS::S3::Bucket'"
    );
    let empty = stack.node().add_child("Empty")?;
    let err = empty.default_child_as::<CfnResource>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "Stack/Empty: the construct has no default child (a child named 'Resource' or 'Default')"
    );
    Ok(())
}

#[test]
fn builders_passed_unfinished_name_the_props_type_and_path() -> Result<(), Error> {
    let (app, _) = app("builder-errors");
    app.skip_synth_check();
    let stack = Stack::with_props(&app, "Stack", StackProps::builder().description("d"))?;
    let err = CfnOutput::new(&stack, "Out", CfnOutputProps::builder().description("no value"))
        .unwrap_err();
    assert_eq!(err.to_string(), "Stack/Out: CfnOutputProps: required property 'value' is not set");
    assert_eq!(err.path(), Some("Stack/Out"));
    // Built first, the error has no path; `?` turns it into a cdk_core::Error.
    let built: Result<CfnOutputProps, Error> =
        CfnOutputProps::builder().build().map_err(Error::from);
    assert_eq!(
        built.unwrap_err().to_string(),
        "CfnOutputProps: required property 'value' is not set"
    );
    CfnParameter::new(
        &stack,
        "Env",
        CfnParameterProps::builder().default_value("dev").allowed_values(["dev", "prod"]),
    )?;
    Tags::of(&stack).add_with(
        "team",
        "api",
        TagProps::builder().priority(300).exclude_resource_types(["AWS::S3::Bucket"]),
    );
    Ok(())
}

#[test]
fn errors_print_their_message_from_main() {
    fn main_like() -> Result<(), Error> {
        let app = App::new();
        app.skip_synth_check();
        Stack::new(&app, "Stack")?;
        Stack::new(&app, "Stack")?;
        Ok(())
    }
    // `fn main() -> Result<(), E>` prints `Error: {e:?}`: the Debug form is the message.
    let err = main_like().unwrap_err();
    assert_eq!(format!("{err:?}"), err.to_string());
    assert_eq!(
        format!("{err:?}"),
        "<root>: there is already a construct with name 'Stack' in this scope"
    );
}

#[test]
fn nested_stack_props_render_as_aws_cdk_lib() -> Result<(), Error> {
    let (app, dir) = app("nested-props");
    let stack = Stack::new(&app, "Parent")?;
    let nested = NestedStack::new(
        &stack,
        "Child",
        NestedStackProps::builder()
            .parameters([("Env", "prod")])
            .timeout(Duration::from_secs(600))
            .notification_arns(["arn:aws:sns:us-east-1:123456789012:topic"])
            .removal_policy(RemovalPolicy::Retain)
            .description("the child"),
    )?;
    CfnResource::new(&*nested, "Topic", "AWS::SNS::Topic", Value::Null)?;
    let err = NestedStack::new(
        &stack,
        "Bad",
        NestedStackProps::builder().timeout(Duration::from_secs(90)),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Parent/Bad: '90000 millis' cannot be converted into a whole number of minutes."
    );
    app.synth()?;
    let parent = read_json(dir.join("Parent.template.json"))?;
    let resource = &parent["Resources"]["ChildNestedStackChildNestedStackResourceC40294CA"];
    assert_eq!(resource["DeletionPolicy"], json(r#""Retain""#));
    assert_eq!(resource["Properties"]["Parameters"], json(r#"{"Env":"prod"}"#));
    assert_eq!(resource["Properties"]["TimeoutInMinutes"], json("10"));
    assert_eq!(
        resource["Properties"]["NotificationARNs"],
        json(r#"["arn:aws:sns:us-east-1:123456789012:topic"]"#)
    );
    let child = read_json(dir.join("ParentChild8B49BB45.nested.template.json"))?;
    assert_eq!(child["Description"], json(r#""the child""#));
    Ok(())
}
