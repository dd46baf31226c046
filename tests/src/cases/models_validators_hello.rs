//! Twin of `cases/models-validators-hello/app.js`.

use super::prelude::*;
use cdk_core::json::to_json_string;

/// The case.
pub(crate) const CASE: Case = Case::new("models-validators-hello", build);

/// `JSON.stringify` of an object literal.
fn stringify<const N: usize>(pairs: [(&str, &str); N]) -> String {
    to_json_string(&Value::object(pairs), 0)
}

/// cases/models-validators-hello: the complete `hello-api` example of "Working with models".
fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let hello = Function::new(
        &stack,
        "hello",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("hello.handler")
            .code(Code::from_asset(inputs.join("lambda"))),
    )?;

    let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;
    let resource = api.root().add_resource("v1")?;

    let integration = LambdaIntegration::with_options(
        &hello,
        LambdaIntegrationOptions::builder()
            .proxy(false)
            .request_parameters([(
                // You can define mapping parameters from your method to your integration
                // - Destination parameters (the key) are the integration parameters (used in mappings)
                // - Source parameters (the value) are the source request parameters or expressions
                "integration.request.querystring.who",
                "method.request.querystring.who",
            )])
            .allow_test_invoke(true)
            .request_templates([(
                // You can define a mapping that will build a payload for your integration, based
                //  on the integration parameters that you have specified
                "application/json",
                stringify([
                    ("action", "sayHello"),
                    ("pollId", "$util.escapeJavaScript($input.params('who'))"),
                ]),
            )])
            // This parameter defines the behavior of the engine is no suitable response template is found
            .passthrough_behavior(PassthroughBehavior::Never)
            .integration_responses([
                // Successful response from the Lambda function, no filter defined
                //  - the selectionPattern filter only tests the error message
                // We will set the response status code to 200
                IntegrationResponse::builder()
                    .status_code("200")
                    .response_templates([(
                        // This template takes the "message" result from the Lambda function, and embeds it in a JSON response
                        "application/json",
                        stringify([
                            ("state", "ok"),
                            ("greeting", "$util.escapeJavaScript($input.body)"),
                        ]),
                    )])
                    .response_parameters([
                        // We can map response parameters
                        // - Destination parameters (the key) are the response parameters (used in mappings)
                        // - Source parameters (the value) are the integration response parameters or expressions
                        ("method.response.header.Content-Type", "'application/json'"),
                        ("method.response.header.Access-Control-Allow-Origin", "'*'"),
                        ("method.response.header.Access-Control-Allow-Credentials", "'true'"),
                    ])
                    .build()?,
                // For errors, we check if the error message is not empty, get the error data
                IntegrationResponse::builder()
                    .selection_pattern("(\n|.)+")
                    // We will set the response status code to 200
                    .status_code("400")
                    .response_templates([(
                        "application/json",
                        stringify([
                            ("state", "error"),
                            ("message", "$util.escapeJavaScript($input.path('$.errorMessage'))"),
                        ]),
                    )])
                    .response_parameters([
                        ("method.response.header.Content-Type", "'application/json'"),
                        ("method.response.header.Access-Control-Allow-Origin", "'*'"),
                        ("method.response.header.Access-Control-Allow-Credentials", "'true'"),
                    ])
                    .build()?,
            ]),
    )?;

    // We define the JSON Schema for the transformed valid response
    let response_model = api.add_model(
        "ResponseModel",
        ModelOptions::builder()
            .content_type("application/json")
            .model_name("ResponseModel")
            .schema(
                JsonSchema::new()
                    .schema(JsonSchemaVersion::Draft4)
                    .title("pollResponse")
                    .type_(JsonSchemaType::Object)
                    .properties([
                        ("state", JsonSchema::new().type_(JsonSchemaType::String)),
                        ("greeting", JsonSchema::new().type_(JsonSchemaType::String)),
                    ]),
            ),
    )?;

    // We define the JSON Schema for the transformed error response
    let error_response_model = api.add_model(
        "ErrorResponseModel",
        ModelOptions::builder()
            .content_type("application/json")
            .model_name("ErrorResponseModel")
            .schema(
                JsonSchema::new()
                    .schema(JsonSchemaVersion::Draft4)
                    .title("errorResponse")
                    .type_(JsonSchemaType::Object)
                    .properties([
                        ("state", JsonSchema::new().type_(JsonSchemaType::String)),
                        ("message", JsonSchema::new().type_(JsonSchemaType::String)),
                    ]),
            ),
    )?;

    resource.add_method_with(
        "GET",
        &integration,
        MethodOptions::builder()
            // We can mark the parameters as required
            .request_parameters([("method.request.querystring.who", true)])
            // we can set request validator options like below
            .request_validator_options(
                RequestValidatorOptions::builder()
                    .request_validator_name("test-validator")
                    .validate_request_body(true)
                    .validate_request_parameters(false)
                    .build()?,
            )
            .method_responses([
                // Successful response from the integration
                MethodResponse::builder()
                    .status_code("200")
                    // Define what parameters are allowed or not
                    .response_parameters([
                        ("method.response.header.Content-Type", true),
                        ("method.response.header.Access-Control-Allow-Origin", true),
                        ("method.response.header.Access-Control-Allow-Credentials", true),
                    ])
                    // Validate the schema on the response
                    .response_models([("application/json", &response_model)])
                    .build()?,
                // Same thing for the error responses
                MethodResponse::builder()
                    .status_code("400")
                    .response_parameters([
                        ("method.response.header.Content-Type", true),
                        ("method.response.header.Access-Control-Allow-Origin", true),
                        ("method.response.header.Access-Control-Allow-Credentials", true),
                    ])
                    .response_models([("application/json", &error_response_model)])
                    .build()?,
            ]),
    )?;
    Ok(())
}
