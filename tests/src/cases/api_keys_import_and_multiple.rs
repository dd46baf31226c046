//! Twin of `cases/api-keys-import-and-multiple/app.js`.

use super::prelude::*;
use apigw_core::{
    AddApiKeyOptions, ApiKey, ApiKeyOptions, ApiKeyProps, IApiKey, IUsagePlan, StageAttributes,
    UsagePlan, UsagePlanPerApiStage, UsagePlanProps,
};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

/// The case.
pub(crate) const CASE: Case = Case::new("api-keys-import-and-multiple", build);

/// cases/api-keys-import-and-multiple
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;
    api.root().add_method_with(
        "GET",
        None,
        MethodOptions::builder()
            .api_key_required(true)
            .build()
            .map_err(build_err("Stack/hello-api"))?,
    )?;

    // Existing usage plans can be imported using their id.
    let imported_usage_plan =
        UsagePlan::from_usage_plan_id(&stack, "imported-usage-plan", "abc123usageplan")?;

    // Name and value given at creation.
    let named_key = api.add_api_key(
        "ApiKey",
        Some(
            ApiKeyOptions::builder()
                .api_key_name("myApiKey1")
                .value("MyApiKeyThatIsAtLeast20Characters")
                .build()
                .map_err(build_err("Stack/hello-api/ApiKey"))?,
        ),
    )?;
    imported_usage_plan.add_api_key(&named_key, None)?;

    // Existing API keys can be imported too, and granted to other resources.
    let imported_key = ApiKey::from_api_key_id(&stack, "imported-key", "abcdefghij0123456789")?;
    let lambda_fn = Function::new(
        &stack,
        "KeyReader",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(Code::from_inline("exports.handler = async () => \"ok\";"))
            .build()
            .map_err(build_err("Stack/KeyReader"))?,
    )?;
    imported_key.grant_read(&lambda_fn)?;

    // Adding an API key to an imported RestApi: go through an imported Stage.
    // (`RestApi.fromRestApiId(stack, 'ImportedApi', ...)` adds nothing to the template; the
    // stage attributes take the API id.)
    let imported_stage = Stage::from_stage_attributes(
        &stack,
        "imported-stage",
        StageAttributes::new("importedrestapiid", "myStageName"),
    )?;
    imported_stage.add_api_key("MyApiKey", None)?;

    // Multiple API keys on one usage plan; the second keeps a logical id given explicitly.
    let Some(stage) = api.deployment_stage() else {
        return Err(Error::InvalidArgument {
            path: "Stack/hello-api".into(),
            message: "no deployment stage".into(),
        });
    };
    let err = build_err("Stack/hello-api/MultiKeyPlan");
    let usageplan = api.add_usage_plan(
        "MultiKeyPlan",
        UsagePlanProps::builder()
            .name("MultiKey")
            .api_stage(UsagePlanPerApiStage::new(&stage))
            .build()
            .map_err(&err)?,
    )?;
    let key_a = api.add_api_key("KeyA", None)?;
    let key_b = api.add_api_key("KeyB", None)?;
    let key_c = ApiKey::new(
        &stack,
        "KeyC",
        ApiKeyProps::builder()
            .description("third key")
            .enabled(false)
            .build()
            .map_err(build_err("Stack/KeyC"))?,
    )?;
    usageplan.add_api_key(&key_a, None)?;
    usageplan.add_api_key(
        &key_b,
        Some(
            AddApiKeyOptions::builder()
                .override_logical_id("MyKeyBUsagePlanKey")
                .build()
                .map_err(&err)?,
        ),
    )?;
    usageplan.add_api_key(&key_c, None)?;
    Ok(())
}
