//! Values of any depth (issue 11, item 2): a model schema, a request template, a raw override
//! or an output value nested 10,000 or 1,000,000 levels deep is refused with aws-cdk-lib's
//! message, naming the construct and the property path, never overflowing the stack; the
//! app and its values are built, cloned and dropped on a thread with a test thread's 2 MiB
//! stack.
//!
//! The deepest case is 1,000,000 levels in release builds and 100,000 in debug builds (a
//! million nested objects take seconds to build and copy unoptimized);
//! `DEEP_VALUES_DEPTH=1000000 cargo test -p apigw-core --test deep_values` sets it.
#![allow(clippy::unwrap_used)]

use apigw_core::{
    IntegrationOptions, JsonSchema, MockIntegration, ModelOptions, RestApi, RestApiProps,
};
use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, CfnResource, Construct, Error, Stack};
use cdk_core::{Map, Value};

/// The depths tried: 10,000 and the deepest case.
fn depths() -> [usize; 2] {
    let default = if cfg!(debug_assertions) { 100_000 } else { 1_000_000 };
    let deepest = std::env::var("DEEP_VALUES_DEPTH").ok().and_then(|d| d.parse().ok());
    [10_000, deepest.unwrap_or(default)]
}

/// A list nested `depth` levels around `leaf` (`[[[...leaf...]]]`), built without recursion.
fn nested_list(depth: usize, leaf: Value) -> Value {
    (0..depth).fold(leaf, |v, _| Value::Array(vec![v]))
}

/// An object nested `depth` levels (`{"a": {"a": ...}}`).
fn nested_object(depth: usize) -> Value {
    (0..depth).fold(Value::from(1), |v, _| {
        let mut m = Map::new();
        m.insert("a".into(), v);
        Value::Object(m)
    })
}

/// A schema whose `a` property is a list of lists of ... `depth` levels deep.
fn nested_schema(depth: usize) -> JsonSchema {
    let inner = (0..depth).fold(JsonSchema::new(), |s, _| JsonSchema::new().items(s));
    JsonSchema::new().properties([("a", inner)])
}

fn new_app(name: &str) -> (App, Stack) {
    let dir = std::env::temp_dir().join("apigw-core-deep-values").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir).build().unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    (app, stack)
}

fn new_api(name: &str, deploy: bool) -> (App, RestApi) {
    let (app, stack) = new_app(name);
    let props = RestApiProps::builder().deploy(deploy).build().unwrap();
    (app, RestApi::new(&stack, "Api", props).unwrap())
}

/// Runs `f` on a thread with a 2 MiB stack (a test thread's), as a test would.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().unwrap()
}

/// The too-deep error of an app: (construct path, property path, message).
fn too_deep(err: Error) -> (String, String, String) {
    let message = err.to_string();
    match err {
        Error::ValueTooDeep { path, property_path, max_depth, .. } => {
            assert_eq!(max_depth, 200);
            (path, property_path, message)
        }
        other => panic!("expected ValueTooDeep, got {other}"),
    }
}

fn starts_with_repeated(path: &str, head: &str, unit: &str) {
    let rest =
        path.strip_prefix(head).unwrap_or_else(|| panic!("{path} does not start with {head}"));
    assert!(rest.starts_with(unit), "{path}");
    assert!(rest.split(unit).all(|p| p.is_empty() || unit.starts_with(p)), "{path}");
}

fn schema_app(depth: usize, deploy: bool) -> Error {
    let (app, api) = new_api(&format!("schema-{depth}-{deploy}"), deploy);
    let schema = nested_schema(depth);
    // clones and comparisons of the deep value do not recurse per level either
    assert!(schema.clone() == schema);
    api.add_model("Deep", ModelOptions::builder().schema(schema).build().unwrap()).unwrap();
    api.root().add_method("GET", None).unwrap();
    app.synth().unwrap_err()
}

fn request_template_app(depth: usize) -> Error {
    let (app, api) = new_api(&format!("template-{depth}"), true);
    let options = IntegrationOptions::builder()
        .request_templates([("application/json", nested_object(depth))])
        .build()
        .unwrap();
    api.root().add_method("GET", MockIntegration::with_options(options).unwrap()).unwrap();
    app.synth().unwrap_err()
}

fn override_app(depth: usize) -> Error {
    let (app, stack) = new_app(&format!("override-{depth}"));
    let topic = CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null).unwrap();
    topic.add_property_override("Deep", nested_list(depth, Value::from("x")));
    app.synth().unwrap_err()
}

fn output_app(depth: usize) -> Error {
    let (app, stack) = new_app(&format!("output-{depth}"));
    let value = nested_list(depth, Value::from("x"));
    CfnOutput::new(&stack, "Out", CfnOutputProps::builder().value(value)).unwrap();
    app.synth().unwrap_err()
}

#[test]
fn a_deep_model_schema_is_refused_with_its_property_path() {
    for depth in depths() {
        // with a deployment, the model's part of the deployment's logical ID hash fails first
        let err = on_small_stack(move || schema_app(depth, true));
        let (path, property_path, message) = too_deep(err);
        assert_eq!(path, "Stack/Api/Deep");
        starts_with_repeated(&property_path, "model/schema/properties/a/", "items/");
        assert!(message.ends_with("(the value is nested deeper than 200 levels)"), "{message}");

        let err = on_small_stack(move || schema_app(depth, false));
        let (path, property_path, message) = too_deep(err);
        assert_eq!(path, "Stack/Api/Deep/Resource");
        starts_with_repeated(&property_path, "Properties/Schema/properties/a/", "items/");
        assert!(
            message.starts_with(
                "Stack/Api/Deep/Resource: Unable to resolve object tree with circular \
                 reference. Path: /Properties/Schema/properties/a/items/items/"
            ),
            "{message}"
        );
        assert!(message.ends_with("(the value is nested deeper than 200 levels)"), "{message}");
        assert!(!message.contains("lazy"), "{message}");
    }
}

#[test]
fn a_deep_request_template_is_refused_with_its_property_path() {
    for depth in depths() {
        let err = on_small_stack(move || request_template_app(depth));
        let (path, property_path, _) = too_deep(err);
        // the method's part of the deployment's logical ID hash fails first
        assert_eq!(path, "Stack/Api/Default/GET");
        let head = "method/integration/requestTemplates/application/json/";
        starts_with_repeated(&property_path, head, "a/");
    }
}

#[test]
fn a_deep_override_is_refused_with_its_property_path() {
    for depth in depths() {
        let (path, property_path, message) = too_deep(on_small_stack(move || override_app(depth)));
        assert_eq!(path, "Stack/Topic");
        starts_with_repeated(&property_path, "Properties/Deep/", "0/");
        assert!(!message.contains("lazy"), "{message}");
    }
}

#[test]
fn a_deep_override_path_is_refused_with_its_property_path() {
    for depth in depths() {
        let err = on_small_stack(move || {
            let (app, stack) = new_app(&format!("override-path-{depth}"));
            let topic = CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null).unwrap();
            topic.add_override(&format!("Properties.{}x", "a.".repeat(depth)), 1);
            app.synth().unwrap_err()
        });
        let (path, property_path, _) = too_deep(err);
        assert_eq!(path, "Stack/Topic");
        starts_with_repeated(&property_path, "Properties/", "a/");
    }
}

#[test]
fn a_deep_output_value_is_refused_with_its_property_path() {
    for depth in depths() {
        let (path, property_path, _) = too_deep(on_small_stack(move || output_app(depth)));
        assert_eq!(path, "Stack/Out");
        starts_with_repeated(&property_path, "Value/", "0/");
    }
}

#[test]
fn a_lazy_that_produces_itself_is_blamed() {
    let err = on_small_stack(|| {
        let (app, stack) = new_app("lazy-loop");
        fn again() -> Value {
            Value::lazy(|_| again())
        }
        let props = Value::object([("Name", again())]);
        CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", props).unwrap();
        app.synth().unwrap_err()
    });
    let (path, property_path, message) = too_deep(err);
    assert_eq!(path, "Stack/Topic");
    assert_eq!(property_path, "Properties/Name");
    assert!(message.ends_with("levels; a lazy value that produces itself?)"), "{message}");
}

#[test]
fn values_of_200_levels_still_synthesize() {
    on_small_stack(|| {
        let (app, stack) = new_app("shallow-enough");
        let topic = CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", Value::Null).unwrap();
        topic.add_property_override("Deep", nested_list(190, Value::from("x")));
        let _ = topic.node();
        app.synth().unwrap();
    });
}
