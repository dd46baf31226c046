//! Twin of `integ/integ-spec-restapi-import-deploymentstage/app.js` (aws-cdk's
//! `integ.spec-restapi.import-deploymentstage.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-spec-restapi-import-deploymentstage", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-specrestapi-import-deployment-stage")?;

    let api_definition = serde_json::json!({
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
    });

    // Set deploy to false so SpecRestApi does not automatically create a Deployment
    let api = SpecRestApi::new(
        &stack,
        "my-api",
        SpecRestApiProps::builder()
            .deploy(false)
            .api_definition(ApiDefinition::from_inline(api_definition.clone())),
    )?;

    // Manually create a deployment that deploys to an existing stage
    let deployment = Deployment::new(
        &stack,
        "MyManualDeployment",
        &api,
        DeploymentProps::builder().stage_name("myStage"),
    )?;

    deployment.add_to_logical_id(api_definition);
    Ok(())
}
