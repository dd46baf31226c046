//! Twin of `cases/legacy-no-flags/app.js`: the same constructs synthesized without any
//! feature flag (aws-cdk-lib's legacy behaviour).

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("legacy-no-flags", build).flags(Flags::None);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let code = Code::from_inline("exports.handler = async () => ({ principalId: \"user\" });");
    let func = Function::new(
        &stack,
        "AuthFn",
        FunctionProps::builder().runtime(Runtime::NODEJS_20_X).handler("index.handler").code(code),
    )?;
    let authorizer =
        TokenAuthorizer::new(&stack, "Authorizer", TokenAuthorizerProps::builder().handler(&func))?;

    let log_group = LogGroup::new(&stack, "AccessLogs", LogGroupProps::default())?;
    let deploy_options = StageOptions::builder()
        .access_log_destination(LogGroupLogDestination::new(&log_group))
        .access_log_format(AccessLogFormat::clf());
    let api = RestApi::new(
        &stack,
        "books",
        RestApiProps::builder().deploy_options(deploy_options.build()?),
    )?;
    let books = api.root().add_resource("books")?;
    let validator = RequestValidatorOptions::builder().validate_request_parameters(true).build()?;
    books.add_method_with(
        "GET",
        None,
        MethodOptions::builder()
            .authorizer(&authorizer)
            .request_validator_options(validator)
            .request_parameters([("method.request.querystring.page", true)]),
    )?;

    let api_stage = UsagePlanPerApiStage::builder().stage(&api.deployment_stage()?).build()?;
    let plan = api.add_usage_plan("Plan", UsagePlanProps::builder().api_stages([api_stage]))?;
    plan.add_api_key(&api.add_api_key("Key1")?)?;
    plan.add_api_key(&api.add_api_key("Key2")?)?;
    Ok(())
}
