//! Paths and integrations that aws-cdk-lib refuses are refused with its message, naming the
//! construct; a second synthesis returns the first assembly.
#![allow(clippy::unwrap_used)]

use apigw_core::{AwsIntegration, AwsIntegrationProps, RestApi, RestApiProps};
use cdk_core::{App, AppProps, Construct, Error, Stack};

fn api(name: &str) -> (App, RestApi, std::path::PathBuf) {
    let dir = std::env::temp_dir().join("apigw-core-reliability").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    let api = RestApi::new(&stack, "Api", RestApiProps::default()).unwrap();
    (app, api, dir)
}

fn invalid(err: Error) -> (String, String) {
    match err {
        Error::InvalidArgument { path, message } => (path, message),
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[test]
fn url_for_path_must_begin_with_a_slash() {
    let (_app, api, _) = api("url-for-path");
    api.root().add_method("GET", None).unwrap();
    let (path, message) = invalid(api.url_for_path("books").unwrap_err());
    assert_eq!(path, "Stack/Api/DeploymentStage.prod");
    assert_eq!(message, "Path must begin with \"/\": books");
    assert!(api.url_for_path("/books").is_ok());
}

#[test]
fn resource_for_path_refuses_a_slash_below_the_root() {
    let (_app, api, _) = api("resource-for-path");
    let (path, message) = invalid(api.root().resource_for_path("a//b").unwrap_err());
    assert_eq!(path, "Stack/Api/Default/a");
    assert_eq!(message, "Path may start with \"/\" only for the resource, but we are at: /a");
    let a = api.root().get_resource("a").unwrap();
    let (_, message) = invalid(a.resource_for_path("/x").unwrap_err());
    assert_eq!(message, "Path may start with \"/\" only for the resource, but we are at: /a");
    // What aws-cdk-lib accepts: a leading slash on the root, a trailing slash, nothing.
    assert_eq!(api.root().resource_for_path("//a/b/").unwrap().path(), "/a/b");
    assert_eq!(a.resource_for_path("").unwrap().path(), "/a");
}

#[test]
fn aws_integration_needs_a_path_or_an_action() {
    let err = AwsIntegrationProps::builder().service("sqs").build().unwrap_err();
    assert!(err.to_string().contains("Either \"path\" or \"action\" are required"), "{err}");

    // Props emptied after they were built: refused when bound, naming the method.
    let (_app, api, _) = api("aws-integration");
    let mut props = AwsIntegrationProps::builder().service("sqs").path("q").build().unwrap();
    props.path = None;
    let err = api.root().add_method("POST", Some(AwsIntegration::new(props).unwrap())).unwrap_err();
    let (path, message) = invalid(err);
    assert_eq!(path, "Stack/Api/Default/POST");
    assert_eq!(message, "Either \"path\" or \"action\" are required");
}

#[test]
fn a_second_synth_keeps_the_deployment_id_and_the_files() {
    let (app, api, dir) = api("synth-twice");
    api.root().add_method("GET", None).unwrap();
    app.synth().unwrap();
    let before = std::fs::read(dir.join("Stack.template.json")).unwrap();
    app.synth().unwrap();
    assert_eq!(before, std::fs::read(dir.join("Stack.template.json")).unwrap());
    let text = String::from_utf8(before).unwrap();
    let ids: Vec<&str> = text.matches("\"ApiDeployment").collect();
    assert!(!ids.is_empty());
    assert!(api.node().path() == "Stack/Api");
}

/// The resources of an API with one method, with the CloudWatch role flag set to `value`.
fn resources_with_cloudwatch_flag(value: serde_json::Value) -> Vec<String> {
    let dir = std::env::temp_dir().join("apigw-core-reliability").join("flag");
    let app = App::with_props(
        AppProps::builder()
            .outdir(dir.clone())
            .context("@aws-cdk/aws-apigateway:disableCloudWatchRole", value)
            .build()
            .unwrap(),
    );
    let stack = Stack::new(&app, "S").unwrap();
    let api = RestApi::new(&stack, "Api", RestApiProps::default()).unwrap();
    api.root().add_method("GET", None).unwrap();
    app.synth().unwrap();
    let t: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("S.template.json")).unwrap()).unwrap();
    t["Resources"].as_object().unwrap().values().map(|r| r["Type"].to_string()).collect()
}

#[test]
fn flags_set_to_0_false_or_null_are_read_as_aws_cdk_lib_reads_them() {
    use serde_json::json;
    // aws-cdk-lib 2.276.0: `Boolean(value)`; a CloudWatch role (and account) only when off.
    for (value, role) in
        [(json!(0), true), (json!(null), true), (json!(""), true), (json!("false"), false)]
    {
        let types = resources_with_cloudwatch_flag(value.clone());
        assert_eq!(types.iter().any(|t| t.contains("AWS::IAM::Role")), role, "{value}");
        assert_eq!(types.len(), if role { 6 } else { 4 }, "{value}");
    }
}

#[test]
fn a_synthesis_retried_after_a_failure_hashes_the_deployment_once() {
    let (fresh, fresh_api, fresh_dir) = api("retry-fresh");
    fresh_api.root().add_method("GET", None).unwrap();
    fresh.synth().unwrap();
    let expected = std::fs::read(fresh_dir.join("Stack.template.json")).unwrap();

    let (app, api, dir) = api("retry");
    api.root().add_method("GET", None).unwrap();
    let failing = std::rc::Rc::new(std::cell::Cell::new(true));
    let f = failing.clone();
    api.node().add_validation(move || if f.get() { vec!["not yet".into()] } else { vec![] });
    assert!(matches!(app.synth(), Err(Error::Validation { .. })));
    failing.set(false);
    app.synth().unwrap();
    assert_eq!(std::fs::read(dir.join("Stack.template.json")).unwrap(), expected);
}

#[test]
fn the_default_child_of_a_rest_api_is_its_cfn_rest_api() {
    // aws-cdk-lib sets `node.defaultChild` (the API has both `Resource` and `Default`).
    let (_app, api, _) = api("default-child");
    let child = api.node().default_child().unwrap().unwrap();
    assert_eq!(child.path(), "Stack/Api/Resource");
}
