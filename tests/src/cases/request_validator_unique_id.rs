//! Twin of `cases/request-validator-unique-id/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("request-validator-unique-id", build);

/// cases/request-validator-unique-id: `request_validator_options` on two methods of one
/// resource with the `@aws-cdk/aws-apigateway:requestValidatorUniqueId` flag (set on the
/// stack), and a validator passed with `request_validator`.
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    stack.node().set_context("@aws-cdk/aws-apigateway:requestValidatorUniqueId", true)?;

    let handler = inline_function(
        &stack,
        "Handler",
        "exports.handler = async (e) => ({ statusCode: 200, body: \"ok\" });",
    )?;
    let integration = LambdaIntegration::new(&handler);

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let resource = api.root().add_resource("v1")?;

    let validator_options = RequestValidatorOptions::builder()
        .request_validator_name("test-validator")
        .validate_request_body(true)
        .validate_request_parameters(false);
    resource.add_method_with(
        "GET",
        &integration,
        // we can set request validator options like below
        MethodOptions::builder().request_validator_options(validator_options.build()?),
    )?;

    let validator_options = RequestValidatorOptions::builder()
        .request_validator_name("test-validator2")
        .validate_request_body(true)
        .validate_request_parameters(false);
    resource.add_method_with(
        "POST",
        &integration,
        // we can set request validator options like below
        MethodOptions::builder().request_validator_options(validator_options.build()?),
    )?;

    // An already-initialized validator is passed with `request_validator` instead.
    let validator = api.add_request_validator(
        "ParamsValidator",
        RequestValidatorOptions::builder()
            .request_validator_name("params-only")
            .validate_request_parameters(true),
    )?;
    resource.add_method_with(
        "PUT",
        &integration,
        MethodOptions::builder()
            .request_validator(&validator)
            .request_parameters([("method.request.header.x-id", true)]),
    )?;
    Ok(())
}
