//! Twin of `cases/integration-targets/app.js`.

use super::prelude::*;
use apigw_core::{
    HttpIntegrationProps, IntegrationResponse, LambdaIntegrationOptions, MethodResponse,
};
use cfn_apigateway::method::PassthroughBehavior;

/// The case.
pub(crate) const CASE: Case = Case::new("integration-targets", build);

fn ok_response(
    err: &impl std::ops::Fn(cdk_core::BuildError) -> Error,
) -> Result<MethodResponse, Error> {
    MethodResponse::builder().status_code("200").build().map_err(err)
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let err = build_err("Stack/books-api");
    let get_book_handler = inline_function(
        &stack,
        "GetBookHandler",
        "exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify(e.pathParameters) });",
    )?;
    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    let book = api.root().add_resource("books")?.add_resource("{book_id}")?;
    book.add_method("GET", Some(LambdaIntegration::new(&get_book_handler)))?;
    let put_book_integration = LambdaIntegration::with_options(
        &get_book_handler,
        LambdaIntegrationOptions::builder()
            .options(
                IntegrationOptions::builder()
                    .content_handling("CONVERT_TO_TEXT") // convert to base64
                    .credentials_passthrough(true) // use caller identity to invoke the function
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    );
    book.add_method_with(
        "PUT",
        Some(put_book_integration),
        MethodOptions::builder()
            .authorization_type(AuthorizationType::Iam)
            .api_key_required(true)
            .build()
            .map_err(&err)?,
    )?;
    let messages = api.root().add_resource("messages")?;
    let get_message_integration = AwsIntegration::new(
        AwsIntegrationProps::builder()
            .service("sqs")
            .path("queueName")
            .region("eu-west-1")
            .build()
            .map_err(&err)?,
    );
    messages.add_method("GET", Some(get_message_integration))?;
    let sqs_role = Role::new(
        &stack,
        "SqsRole",
        RoleProps::new(Principal::service("apigateway.amazonaws.com")),
    )?;
    messages.add_method_with(
        "POST",
        Some(AwsIntegration::new(
            AwsIntegrationProps::builder()
                .service("sqs")
                .action("SendMessage")
                .action_parameters(vec![(
                    "QueueUrl".to_string(),
                    "https://sqs.eu-west-1.amazonaws.com/111111111111/queueName".to_string(),
                )])
                .region("eu-west-1")
                .options(
                    IntegrationOptions::builder()
                        .credentials_role(sqs_role)
                        .request_parameters(Value::object([(
                            "integration.request.header.Content-Type",
                            "'application/x-www-form-urlencoded'",
                        )]))
                        .request_templates(Value::object([(
                            "application/json",
                            "Action=SendMessage&MessageBody=$input.body",
                        )]))
                        .integration_responses(vec![IntegrationResponse::builder()
                            .status_code("200")
                            .build()
                            .map_err(&err)?])
                        .build()
                        .map_err(&err)?,
                )
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .method_responses(vec![ok_response(&err)?])
            .build()
            .map_err(&err)?,
    )?;
    api.root().add_resource("http")?.add_method_with(
        "GET",
        Some(HttpIntegration::with_props(
            "https://example.com/books",
            HttpIntegrationProps::builder()
                .http_method("GET")
                .proxy(false)
                .options(
                    IntegrationOptions::builder()
                        .request_parameters(Value::object([(
                            "integration.request.querystring.q",
                            "method.request.querystring.q",
                        )]))
                        .integration_responses(vec![IntegrationResponse::builder()
                            .status_code("200")
                            .build()
                            .map_err(&err)?])
                        .build()
                        .map_err(&err)?,
                )
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .request_parameters(Value::object([("method.request.querystring.q", false)]))
            .method_responses(vec![ok_response(&err)?])
            .build()
            .map_err(&err)?,
    )?;
    api.root().add_resource("mock")?.add_method_with(
        "GET",
        Some(MockIntegration::with_options(
            IntegrationOptions::builder()
                .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
                .passthrough_behavior(PassthroughBehavior::Never)
                .integration_responses(vec![IntegrationResponse::builder()
                    .status_code("200")
                    .response_templates([("application/json", "{ \"message\": \"mocked\" }")])
                    .build()
                    .map_err(&err)?])
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .method_responses(vec![ok_response(&err)?])
            .build()
            .map_err(&err)?,
    )?;
    Ok(())
}
