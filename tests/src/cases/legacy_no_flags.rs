//! Twin of `cases/legacy-no-flags/app.js`: the same constructs synthesized without any
//! feature flag (aws-cdk-lib's legacy behaviour).

use super::prelude::*;
use apigw_auth::{TokenAuthorizer, TokenAuthorizerProps};
use apigw_core::{IUsagePlan, RequestValidatorOptions, UsagePlanPerApiStage, UsagePlanProps};
use apigw_logging::{AccessLogDestination, AccessLogFormat};

/// The case.
pub(crate) const CASE: Case = Case::new("legacy-no-flags", build).flags(Flags::None);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let err = build_err("Stack");
    let func = inline_function(
        &stack,
        "AuthFn",
        "exports.handler = async () => ({ principalId: \"user\" });",
    )?;
    let authorizer = TokenAuthorizer::new(
        &stack,
        "Authorizer",
        TokenAuthorizerProps::builder().handler(func).build().map_err(&err)?,
    )?;
    let log_group = LogGroup::new(&stack, "AccessLogs", LogGroupProps::default())?;
    let api = RestApi::new(
        &stack,
        "books",
        RestApiProps::builder()
            .deploy_options(
                StageOptions::builder()
                    .access_log_destination(AccessLogDestination::log_group(&log_group))
                    .access_log_format(AccessLogFormat::clf())
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    let books = api.root().add_resource("books")?;
    books.add_method_with(
        "GET",
        None,
        MethodOptions::builder()
            .authorizer(authorizer.as_authorizer())
            .request_validator_options(
                RequestValidatorOptions::builder()
                    .validate_request_parameters(true)
                    .build()
                    .map_err(&err)?,
            )
            .request_parameters(Value::object([("method.request.querystring.page", true)]))
            .build()
            .map_err(&err)?,
    )?;
    let stage = api.deployment_stage().ok_or_else(|| Error::InvalidArgument {
        path: "Stack/books".into(),
        message: "no deployment stage".into(),
    })?;
    let plan = api.add_usage_plan(
        "Plan",
        UsagePlanProps::builder()
            .api_stage(UsagePlanPerApiStage::new(&stage))
            .build()
            .map_err(&err)?,
    )?;
    plan.add_api_key(&api.add_api_key("Key1", None)?, None)?;
    plan.add_api_key(&api.add_api_key("Key2", None)?, None)?;
    Ok(())
}
