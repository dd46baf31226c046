//! Twin of `integ/integ-model-schema-additional-items/app.js` (aws-cdk's
//! `integ.model-schema-additional-items.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-model-schema-additional-items", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "model-schema-additional-items-test")?;

    let api = RestApi::new(
        &stack,
        "model-schema-api",
        RestApiProps::builder().rest_api_name("Model Schema Test API"),
    )?;

    // Create a minimal schema that uses additionalItems
    let schema = JsonSchema::new().type_(JsonSchemaType::Object).required(["tags"]).properties([(
        "tags",
        JsonSchema::new()
            .type_(JsonSchemaType::Array)
            .items_list([
                JsonSchema::new().type_(JsonSchemaType::String).enum_(["primary"]),
                JsonSchema::new().type_(JsonSchemaType::String).enum_(["secondary"]),
            ])
            .additional_items(
                JsonSchema::new().type_(JsonSchemaType::String).pattern("^[a-z0-9-]+$"),
            )
            .min_items(1)
            .max_items(5),
    )]);

    // Create the model using our schema
    let model = api.add_model(
        "TagsModel",
        ModelOptions::builder().content_type("application/json").model_name("Tags").schema(schema),
    )?;

    // Add a validator that requires the request body to match our model
    let validator = api.add_request_validator(
        "TagsValidator",
        RequestValidatorOptions::builder()
            .request_validator_name("TagsValidator")
            .validate_request_body(true),
    )?;

    // Add a POST method that uses the model and validator
    api.root().add_method_with(
        "POST",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .build()?])
                .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
        )?,
        MethodOptions::builder()
            .request_validator(&validator)
            .request_models([("application/json", &model)])
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;
    Ok(())
}
