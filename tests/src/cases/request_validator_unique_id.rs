//! Twin of `cases/request-validator-unique-id/app.js`.

use super::prelude::*;
use apigw_core::{LambdaIntegration, RequestValidatorOptions};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

/// The case.
pub(crate) const CASE: Case = Case::new("request-validator-unique-id", build);

/// cases/request-validator-unique-id: `request_validator_options` on two methods of one
/// resource with the `@aws-cdk/aws-apigateway:requestValidatorUniqueId` flag (set on the
/// stack), and a validator passed with `request_validator`.
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    stack.node().set_context("@aws-cdk/aws-apigateway:requestValidatorUniqueId", true)?;

    let handler = Function::new(
        &stack,
        "Handler",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline(
                "exports.handler = async (e) => ({ statusCode: 200, body: \"ok\" });",
            ))
            .build()
            .map_err(build_err("Stack/Handler"))?,
    )?;
    let integration = LambdaIntegration::new(&handler);

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let resource = api.root().add_resource("v1")?;

    resource.add_method_with(
        "GET",
        Some(integration.clone()),
        MethodOptions::builder()
            // we can set request validator options like below
            .request_validator_options(
                RequestValidatorOptions::builder()
                    .request_validator_name("test-validator")
                    .validate_request_body(true)
                    .validate_request_parameters(false)
                    .build()
                    .map_err(build_err("Stack/api/Default/v1/GET"))?,
            )
            .build()
            .map_err(build_err("Stack/api/Default/v1/GET"))?,
    )?;

    resource.add_method_with(
        "POST",
        Some(integration.clone()),
        MethodOptions::builder()
            // we can set request validator options like below
            .request_validator_options(
                RequestValidatorOptions::builder()
                    .request_validator_name("test-validator2")
                    .validate_request_body(true)
                    .validate_request_parameters(false)
                    .build()
                    .map_err(build_err("Stack/api/Default/v1/POST"))?,
            )
            .build()
            .map_err(build_err("Stack/api/Default/v1/POST"))?,
    )?;

    // An already-initialized validator is passed with `request_validator` instead.
    let validator = api.add_request_validator(
        "ParamsValidator",
        RequestValidatorOptions::builder()
            .request_validator_name("params-only")
            .validate_request_parameters(true)
            .build()
            .map_err(build_err("Stack/api/ParamsValidator"))?,
    )?;
    resource.add_method_with(
        "PUT",
        Some(integration),
        MethodOptions::builder()
            .request_validator(validator)
            .request_parameters(Value::object([("method.request.header.x-id", true)]))
            .build()
            .map_err(build_err("Stack/api/Default/v1/PUT"))?,
    )?;
    Ok(())
}
