//! `test/model.test.ts`: tests in CDK 2, ported 2, passing 2, ignored 0, newer than
//! 2.276.0: 0.

use apigw_core::{
    JsonSchema, JsonSchemaType, JsonSchemaVersion, Method, MethodProps, Model, ModelProps, RestApi,
    RestApiProps,
};

use crate::support::*;

fn schema() -> JsonSchema {
    JsonSchema::new()
        .schema(JsonSchemaVersion::Draft4)
        .title("test")
        .type_(JsonSchemaType::Object)
        .properties([("message", JsonSchema::new().type_(JsonSchemaType::String))])
}

fn define() -> Result<(App, Stack), Error> {
    let (app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(true),
    )?;
    Method::new(
        &stack,
        "my-method",
        MethodProps::builder().http_method("POST").resource(api.root()),
    )?;
    Model::new(&stack, "my-model", ModelProps::builder().rest_api(&api).schema(schema()))?;
    Ok((app, stack))
}

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = define()?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Model",
        pattern!({
            "RestApiId": ref_(&["test-api", "Resource"]),
            "Schema": {
                "$schema": "http://json-schema.org/draft-04/schema#",
                "title": "test",
                "type": "object",
                "properties": { "message": { "type": "string" } },
            },
            "ContentType": "application/json",
        }),
    )
}

#[test]
fn no_deployment() -> TestResult {
    let (_app, stack) = define()?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Model",
        pattern!({
            "RestApiId": ref_(&["test-api", "Resource"]),
            "Schema": {
                "$schema": "http://json-schema.org/draft-04/schema#",
                "title": "test",
                "type": "object",
                "properties": { "message": { "type": "string" } },
            },
        }),
    )
}
