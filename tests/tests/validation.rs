//! Synth-time CloudFormation validation (issue 11 item 6): the apps aws-cdk-lib 2.276.0
//! refuses with the recommended flags are refused with its rule, message and construct path;
//! without the flag the findings are warnings; an acknowledgement suppresses them.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use apigw_core::{RestApi, RestApiProps, ThrottleSettings, UsagePlanProps};
use cdk_core::validations::{TemplateViolation, ViolatingResource};
use cdk_core::{App, AppProps, CfnResource, Construct, Error, Stack, Validations};

fn new_app(name: &str, props: AppPropsFn) -> (App, PathBuf) {
    let dir = std::env::temp_dir().join("parity-validation").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(props(AppProps::builder().outdir(dir.clone())).build().unwrap());
    (app, dir)
}

type AppPropsFn = fn(cdk_core::AppPropsBuilder) -> cdk_core::AppPropsBuilder;

fn recommended(p: cdk_core::AppPropsBuilder) -> cdk_core::AppPropsBuilder {
    p
}

/// aws-cdk-lib's `cases/v-throttle`: a usage plan with a throttle rate of -1.
fn throttle_app(app: &App) -> Stack {
    let stack = Stack::new(app, "S").unwrap();
    let api = RestApi::new(&stack, "Api", RestApiProps::default()).unwrap();
    api.root().add_method("GET", None).unwrap();
    api.add_usage_plan(
        "Plan",
        UsagePlanProps::builder()
            .throttle(ThrottleSettings::builder().rate_limit(-1.0).burst_limit(5).build().unwrap()),
    )
    .unwrap();
    stack
}

fn violations(e: Error) -> Vec<TemplateViolation> {
    match e {
        Error::TemplateValidation { violations } => violations,
        other => panic!("expected a validation error, got {other}"),
    }
}

fn resource(path: &str, logical_id: Option<&str>, fqn: &str, template: &str) -> ViolatingResource {
    let mut r = ViolatingResource::default();
    r.construct_path = path.into();
    r.logical_id = logical_id.map(str::to_string);
    r.fqn = Some(fqn.into());
    r.template = template.into();
    r
}

#[test]
fn usage_plan_throttle_of_minus_one_is_refused_with_f3034() {
    let (app, dir) = new_app("throttle", recommended);
    throttle_app(&app);
    let e = app.synth().unwrap_err();
    let text = e.to_string();
    assert_eq!(e.path(), Some("S/Api/Plan/Resource"));
    let v = violations(e);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].rule_id, "F3034");
    assert_eq!(v[0].description, "Throttle.RateLimit: -1 is less than the minimum of 0");
    assert_eq!(
        v[0].resources,
        [resource(
            "S/Api/Plan/Resource",
            Some("ApiPlan25F8B52C"),
            "aws-cdk-lib.aws_apigateway.CfnUsagePlan",
            "S.template.json"
        )]
    );
    // The report as aws-cdk-lib prints it.
    assert!(text.contains(
        "ERROR Throttle.RateLimit: -1 is less than the minimum of 0 (CloudFormation Validate)\n   S/Api/Plan/Resource (ApiPlan25F8B52C) aws-cdk-lib.aws_apigateway.CfnUsagePlan\n   Acknowledge with 'CloudFormation-Validate::F3034'"
    ), "{text}");
    // A refused synthesis writes no assembly.
    assert!(!dir.exists());
}

#[test]
fn override_creating_an_empty_property_is_refused_with_f3002() {
    let (app, _) = new_app("empty-prop", recommended);
    let stack = Stack::new(&app, "S").unwrap();
    let api = RestApi::new(&stack, "Api", RestApiProps::default()).unwrap();
    api.root().add_method("GET", None).unwrap();
    api.node().default_child_as::<CfnResource>().unwrap().add_property_override("", "x");
    let v = violations(app.synth().unwrap_err());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].rule_id, "F3002");
    assert_eq!(v[0].description, ": Additional properties are not allowed ('' was unexpected)");
    assert_eq!(v[0].resources[0].construct_path, "S/Api/Resource");
    assert_eq!(v[0].resources[0].logical_id.as_deref(), Some("ApiF70053CD"));
}

#[test]
fn empty_stack_is_refused_with_f0001() {
    let (app, _) = new_app("empty-stack", recommended);
    Stack::new(&app, "Empty").unwrap();
    let v = violations(app.synth().unwrap_err());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].rule_id, "F0001");
    assert_eq!(v[0].description, "Resources section must exist and be non-empty");
    assert_eq!(
        v[0].resources,
        [resource("Empty", None, "aws-cdk-lib.Stack", "Empty.template.json")]
    );
}

#[test]
fn without_the_flag_findings_are_warnings() {
    fn flag_off(p: cdk_core::AppPropsBuilder) -> cdk_core::AppPropsBuilder {
        p.context("@aws-cdk/core:validateAgainstDefaultRules", false)
    }
    let (app, dir) = new_app("flag-off", flag_off);
    throttle_app(&app);
    app.synth().unwrap();
    assert!(dir.join("S.template.json").exists());
}

#[test]
fn an_acknowledged_rule_does_not_fail_synthesis() {
    let (app, _) = new_app("acknowledged", recommended);
    let stack = throttle_app(&app);
    Validations::of(&stack).acknowledge("CloudFormation-Validate::F3034", "tested").unwrap();
    app.synth().unwrap();

    // Without the namespace the id names a construct annotation, as in aws-cdk-lib.
    let (app, _) = new_app("acknowledged-annotation", recommended);
    let stack = throttle_app(&app);
    Validations::of(&stack).acknowledge("F3034", "tested").unwrap();
    assert_eq!(violations(app.synth().unwrap_err())[0].rule_id, "F3034");

    // An acknowledgement covers the construct and what is below it only.
    let (app, _) = new_app("acknowledged-elsewhere", recommended);
    throttle_app(&app);
    let other = Stack::new(&app, "S2").unwrap();
    CfnResource::new(&other, "Topic", "AWS::SNS::Topic", cdk_core::Value::Null).unwrap();
    Validations::of(&other).acknowledge("CloudFormation-Validate::F3034", "tested").unwrap();
    assert_eq!(violations(app.synth().unwrap_err())[0].rule_id, "F3034");

    assert!(Validations::of(&stack).acknowledge("::F3034", "x").is_err());
}

#[test]
fn the_validation_can_be_turned_off() {
    fn off(p: cdk_core::AppPropsBuilder) -> cdk_core::AppPropsBuilder {
        p.builtin_cloudformation_validation(false)
    }
    let (app, _) = new_app("off", off);
    throttle_app(&app);
    app.synth().unwrap();
}

#[test]
fn findings_outside_resources_name_the_stack() {
    let (app, _) = new_app("output-ref", recommended);
    let stack = Stack::new(&app, "S").unwrap();
    CfnResource::new(&stack, "Topic", "AWS::SNS::Topic", cdk_core::Value::Null).unwrap();
    let nope = cdk_core::Value::object([("Ref", "Nope")]);
    cdk_core::CfnOutput::new(&stack, "Out", cdk_core::CfnOutputProps::builder().value(nope))
        .unwrap();
    let v = violations(app.synth().unwrap_err());
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].rule_id, "F6101");
    assert_eq!(
        v[0].description,
        "Outputs.Out.Value.Ref: Ref 'Nope' does not reference a valid resource, parameter, or pseudo-parameter"
    );
    assert_eq!(v[0].resources, [resource("S", None, "aws-cdk-lib.Stack", "S.template.json")]);
}
