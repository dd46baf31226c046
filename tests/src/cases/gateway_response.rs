//! Twin of `cases/gateway-response/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("gateway-response", build);

/// cases/gateway-response: two gateway responses, one with a status code, headers and a
/// template, one with headers only.
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    api.root().add_method("GET", None)?;

    api.add_gateway_response(
        "test-response",
        GatewayResponseOptions::builder()
            .type_(ResponseType::AccessDenied)
            .status_code("500")
            .response_headers([
                // Note that values must be enclosed within a pair of single quotes
                ("Access-Control-Allow-Origin", "'test.com'"),
                ("test-key", "'test-value'"),
            ])
            .templates([(
                "application/json",
                "{ \"message\": $context.error.messageString, \"statusCode\": \"488\", \"type\": \"$context.error.responseType\" }",
            )]),
    )?;

    api.add_gateway_response(
        "default-4xx",
        GatewayResponseOptions::builder()
            .type_(ResponseType::Default4xx)
            .response_headers([("Access-Control-Allow-Origin", "'*'")]),
    )?;
    Ok(())
}
