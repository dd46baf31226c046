//! `test/util.test.ts`: tests in CDK 14, ported 14, passing 14, ignored 0, newer than
//! 2.276.0: 0.
//!
//! `parseMethodOptionsPath`, `parseAwsApiCall` and `JsonSchemaMapper` are internal in
//! aws-cdk-lib; the port reaches them through their public users: a stage's
//! `methodOptions` (its `MethodSettings`), `AwsIntegration`'s props, `JsonSchema::to_cfn`.

use apigw_core::{
    AwsIntegration, AwsIntegrationProps, Deployment, DeploymentProps, JsonSchema, JsonSchemaType,
    JsonSchemaVersion, MethodDeploymentOptions, RestApi, RestApiProps, Stage, StageOptions,
};

use crate::support::*;

/// A stage whose `methodOptions` has `path`: `parseMethodOptionsPath(path)`.
fn stage_with(path: &str) -> Result<(App, Stack), Error> {
    let (app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
    api.root().add_method("GET", None)?;
    let deployment = Deployment::new(&stack, "dep", &api, DeploymentProps::default())?;
    Stage::new(
        &stack,
        "stage",
        &deployment,
        StageOptions::builder().method_options([(
            path,
            MethodDeploymentOptions::builder().metrics_enabled(true).build()?,
        )]),
    )?;
    Ok((app, stack))
}

/// `parseMethodOptionsPath(path)` equals `{ resourcePath, httpMethod }`.
fn parses_to(path: &str, resource_path: &str, http_method: &str) -> TestResult {
    let (_app, stack) = stage_with(path)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Stage",
        pattern!({
            "MethodSettings": Match::array_with([Match::object_like(pattern!({
                "ResourcePath": resource_path,
                "HttpMethod": http_method,
            }))]),
        }),
    )
}

fn fails_with(path: &str, expected: &str) {
    let m = message(stage_with(path).map(|_| ()));
    assert!(m.contains(expected), "{m}");
}

mod parse_method_resource_path {
    use super::*;

    #[test]
    fn fails_if_path_does_not_start_with_a_slash() {
        fails_with("foo", "Method options path must start with '/'");
    }

    #[test]
    fn fails_if_there_are_less_than_two_components() {
        fails_with("/", "Method options path must include at least two components");
        fails_with("/foo", "Method options path must include at least two components");
        fails_with("/foo/", "Invalid HTTP method \"\"");
    }

    #[test]
    fn fails_if_a_non_supported_http_method_is_used() {
        fails_with("/foo/bar", "Invalid HTTP method \"BAR\"");
    }

    #[test]
    fn extracts_resource_path_and_method_correctly() -> TestResult {
        parses_to("/foo/GET", "/~1foo", "GET")?;
        parses_to("/foo/bar/GET", "/~1foo~1bar", "GET")?;
        parses_to("/foo/*/GET", "/~1foo~1*", "GET")?;
        parses_to("/*/GET", "/*", "GET")?;
        parses_to("/*/*", "/*", "*")?;
        parses_to("//POST", "/", "POST")
    }
}

mod parse_aws_api_call {
    use super::*;

    fn uri_of(
        props: apigw_core::AwsIntegrationPropsBuilder,
    ) -> Result<serde_json::Value, AssertionError> {
        let (_app, stack) = stack()?;
        let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
        api.root().add_method("GET", AwsIntegration::new(props)?)?;
        let uri = Capture::new();
        Template::from_stack(&stack)?.has_resource_properties(
            "AWS::ApiGateway::Method",
            pattern!({ "Integration": { "Uri": &uri } }),
        )?;
        uri.as_value()
    }

    fn fails(props: apigw_core::AwsIntegrationPropsBuilder, expected: &str) {
        let m = message(AwsIntegration::new(props));
        assert!(m.contains(expected), "{m}");
    }

    fn s3() -> apigw_core::AwsIntegrationPropsBuilder {
        AwsIntegrationProps::builder().service("s3")
    }

    #[test]
    fn fails_if_action_params_is_set_but_action_is_undefined() {
        fails(
            s3().action_parameters([("foo", "123")]),
            "\"actionParams\" requires that \"action\" will be set",
        );
    }

    #[test]
    fn fails_since_action_and_path_are_mutually_exclusive() {
        fails(
            s3().path("foo").action("bar"),
            "\"path\" and \"action\" are mutually exclusive (path=\"foo\", action=\"bar\")",
        );
    }

    #[test]
    fn fails_if_path_and_action_are_both_undefined() {
        fails(s3(), "Either \"path\" or \"action\" are required");
    }

    /// The last part of the URI's `Fn::Join`: `<service>:<apiType>/<apiValue>`.
    fn tail(uri: &serde_json::Value) -> String {
        let parts = uri["Fn::Join"][1].as_array().cloned().unwrap_or_default();
        parts.last().and_then(|p| p.as_str()).unwrap_or_default().to_string()
    }

    #[test]
    fn path_mode() -> TestResult {
        assert_eq!(tail(&uri_of(s3().path("my/path"))?), ":s3:path/my/path");
        Ok(())
    }

    #[test]
    fn action_mode_with_no_parameters() -> TestResult {
        assert_eq!(tail(&uri_of(s3().action("MyAction"))?), ":s3:action/MyAction");
        Ok(())
    }

    #[test]
    fn action_mode_with_parameters_url_encoded() -> TestResult {
        let uri = uri_of(
            s3().action("GetObject").action_parameters([("Bucket", "MyBucket"), ("Key", "MyKey")]),
        )?;
        assert_eq!(tail(&uri), ":s3:action/GetObject&Bucket=MyBucket&Key=MyKey");
        Ok(())
    }
}

mod json_schema_mapper_to_cfn_json_schema {
    use super::*;

    #[test]
    fn maps_ref_found_under_properties() {
        let schema = JsonSchema::new()
            .type_(JsonSchemaType::Object)
            .properties([(
                "collection",
                JsonSchema::new()
                    .type_(JsonSchemaType::Array)
                    .items(JsonSchema::new().ref_("#/some/reference"))
                    .unique_items(true),
            )])
            .required(["collection"]);
        assert_eq!(
            schema.to_cfn(),
            Value::from(json!({
                "$schema": "http://json-schema.org/draft-04/schema#",
                "type": "object",
                "properties": {
                    "collection": { "type": "array", "items": { "$ref": "#/some/reference" }, "uniqueItems": true },
                },
                "required": ["collection"],
            }))
        );
    }

    #[test]
    fn does_not_map_a_ref_property_name() {
        let schema = JsonSchema::new()
            .type_(JsonSchemaType::Object)
            .properties([(
                "ref",
                JsonSchema::new()
                    .type_(JsonSchemaType::Array)
                    .items(JsonSchema::new().ref_("#/some/reference"))
                    .unique_items(true),
            )])
            .required(["ref"]);
        assert_eq!(
            schema.to_cfn(),
            Value::from(json!({
                "$schema": "http://json-schema.org/draft-04/schema#",
                "type": "object",
                "properties": {
                    "ref": { "type": "array", "items": { "$ref": "#/some/reference" }, "uniqueItems": true },
                },
                "required": ["ref"],
            }))
        );
    }

    #[test]
    fn default_for_enum() {
        let schema = JsonSchema::new()
            .type_(JsonSchemaType::String)
            .enum_(["green", "blue", "red"])
            .default_("blue");
        assert_eq!(
            schema.to_cfn(),
            Value::from(json!({
                "$schema": "http://json-schema.org/draft-04/schema#",
                "type": "string",
                "enum": ["green", "blue", "red"],
                "default": "blue",
            }))
        );
    }

    #[test]
    fn id_maps_to_id_when_using_draft_04() {
        let schema = JsonSchema::new()
            .schema(JsonSchemaVersion::Draft4)
            .id("http://json-schema.org/draft-04/schema#");
        assert_eq!(
            schema.to_cfn(),
            Value::from(json!({
                "$schema": "http://json-schema.org/draft-04/schema#",
                "id": "http://json-schema.org/draft-04/schema#",
            }))
        );
    }
}
