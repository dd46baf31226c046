//! Twin of `cases/integration-targets/app.js`.

use super::prelude::*;
use apigw_core::ContentHandling;

/// The case.
pub(crate) const CASE: Case = Case::new("integration-targets", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let get_book_handler = Function::new(&stack, "GetBookHandler", FunctionProps::builder()
        .runtime(Runtime::NODEJS_20_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async (e) => ({ statusCode: 200, body: JSON.stringify(e.pathParameters) });")))?;

    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    let book = api.root().add_resource("books")?.add_resource("{book_id}")?;

    let get_book_integration = LambdaIntegration::new(&get_book_handler);
    book.add_method("GET", get_book_integration)?;

    let put_book_integration = LambdaIntegration::with_options(
        &get_book_handler,
        LambdaIntegrationOptions::builder()
            .content_handling(ContentHandling::ConvertToText) // convert to base64
            .credentials_passthrough(true), // use caller identity to invoke the function
    )?;
    book.add_method_with(
        "PUT",
        put_book_integration,
        MethodOptions::builder().authorization_type(AuthorizationType::Iam).api_key_required(true),
    )?;

    let messages = api.root().add_resource("messages")?;
    let queue = AwsIntegrationProps::builder().service("sqs").path("queueName").region("eu-west-1");
    let get_message_integration = AwsIntegration::new(queue)?;
    messages.add_method("GET", get_message_integration)?;

    let apigateway = Principal::service("apigateway.amazonaws.com");
    let sqs_role = Role::new(&stack, "SqsRole", RoleProps::builder().assumed_by(apigateway))?;
    let ok = IntegrationResponse::builder().status_code("200").build()?;
    let method_ok = MethodResponse::builder().status_code("200").build()?;
    let queue_url = "https://sqs.eu-west-1.amazonaws.com/111111111111/queueName";
    let form = "'application/x-www-form-urlencoded'";
    let send_message = "Action=SendMessage&MessageBody=$input.body";
    messages.add_method_with(
        "POST",
        AwsIntegration::new(
            AwsIntegrationProps::builder()
                .service("sqs")
                .action("SendMessage")
                .action_parameters([("QueueUrl", queue_url)])
                .region("eu-west-1")
                .options(
                    IntegrationOptions::builder()
                        .credentials_role(sqs_role)
                        .request_parameters([("integration.request.header.Content-Type", form)])
                        .request_templates([("application/json", send_message)])
                        .integration_responses([ok.clone()])
                        .build()?,
                ),
        )?,
        MethodOptions::builder().method_responses([method_ok.clone()]),
    )?;

    let q = ("integration.request.querystring.q", "method.request.querystring.q");
    let http_options =
        IntegrationOptions::builder().request_parameters([q]).integration_responses([ok]);
    api.root().add_resource("http")?.add_method_with(
        "GET",
        HttpIntegration::with_props(
            "https://example.com/books",
            HttpIntegrationProps::builder()
                .http_method("GET")
                .proxy(false)
                .options(http_options.build()?),
        )?,
        MethodOptions::builder()
            .request_parameters([("method.request.querystring.q", false)])
            .method_responses([method_ok.clone()]),
    )?;

    api.root().add_resource("mock")?.add_method_with(
        "GET",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .request_templates([("application/json", "{ \"statusCode\": 200 }")])
                .passthrough_behavior(PassthroughBehavior::Never)
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .response_templates([("application/json", "{ \"message\": \"mocked\" }")])
                    .build()?]),
        )?,
        MethodOptions::builder().method_responses([method_ok]),
    )?;
    Ok(())
}
