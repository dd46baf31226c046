//! Twin of `integ/integ-api-definition-inline/app.js` (aws-cdk's `integ.api-definition.inline.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-api-definition-inline", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-fromdefinition-inline")?;

    let api = SpecRestApi::new(
        &stack,
        "my-api",
        SpecRestApiProps::builder().cloud_watch_role(true).api_definition(
            ApiDefinition::from_inline(serde_json::json!({
                "openapi": "3.0.2",
                "info": {
                    "version": "1.0.0",
                    "title": "Test API for CDK",
                },
                "paths": {
                    "/pets": {
                        "get": {
                            "summary": "Test Method",
                            "operationId": "testMethod",
                            "responses": {
                                "200": {
                                    "description": "A paged array of pets",
                                    "content": {
                                        "application/json": {
                                            "schema": {
                                                "$ref": "#/components/schemas/Empty",
                                            },
                                        },
                                    },
                                },
                            },
                            "x-amazon-apigateway-integration": {
                                "responses": {
                                    "default": {
                                        "statusCode": "200",
                                    },
                                },
                                "requestTemplates": {
                                    "application/json": "{\"statusCode\": 200}",
                                },
                                "passthroughBehavior": "when_no_match",
                                "type": "mock",
                            },
                        },
                    },
                },
                "components": {
                    "schemas": {
                        "Empty": {
                            "title": "Empty Schema",
                            "type": "object",
                        },
                    },
                },
            })),
        ),
    )?;

    CfnOutput::new(&stack, "PetsURL", CfnOutputProps::builder().value(api.url_for_path("/pets")?))?;
    Ok(())
}
