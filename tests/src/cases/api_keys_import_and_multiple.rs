//! Twin of `cases/api-keys-import-and-multiple/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("api-keys-import-and-multiple", build);

/// cases/api-keys-import-and-multiple
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "hello-api", RestApiProps::default())?;
    api.root().add_method_with("GET", None, MethodOptions::builder().api_key_required(true))?;

    // Existing usage plans can be imported using their id.
    let imported_usage_plan =
        UsagePlan::from_usage_plan_id(&stack, "imported-usage-plan", "abc123usageplan")?;

    // Name and value given at creation.
    let named_key = api.add_api_key_with(
        "ApiKey",
        ApiKeyOptions::builder()
            .api_key_name("myApiKey1")
            .value("MyApiKeyThatIsAtLeast20Characters"),
    )?;
    imported_usage_plan.add_api_key(&named_key)?;

    // Existing API keys can be imported too, and granted to other resources.
    let imported_key = ApiKey::from_api_key_id(&stack, "imported-key", "abcdefghij0123456789")?;
    let lambda_fn = inline_function(&stack, "KeyReader", "exports.handler = async () => \"ok\";")?;
    imported_key.grant_read(&lambda_fn)?;

    // Adding an API key to an imported RestApi: go through an imported Stage.
    let rest_api = RestApi::from_rest_api_id(&stack, "ImportedApi", "importedrestapiid")?;
    let imported_stage = Stage::from_stage_attributes(
        &stack,
        "imported-stage",
        StageAttributes::builder().stage_name("myStageName").rest_api(&rest_api),
    )?;
    imported_stage.add_api_key("MyApiKey")?;

    // Multiple API keys on one usage plan; the second keeps a logical id given explicitly.
    let usageplan = api.add_usage_plan(
        "MultiKeyPlan",
        UsagePlanProps::builder().name("MultiKey").api_stages([UsagePlanPerApiStage::builder()
            .stage(&api.deployment_stage()?)
            .build()?]),
    )?;
    let key_a = api.add_api_key("KeyA")?;
    let key_b = api.add_api_key("KeyB")?;
    let key_c = ApiKey::new(
        &stack,
        "KeyC",
        ApiKeyProps::builder().description("third key").enabled(false),
    )?;
    usageplan.add_api_key(&key_a)?;
    usageplan.add_api_key_with(
        &key_b,
        AddApiKeyOptions::builder().override_logical_id("MyKeyBUsagePlanKey"),
    )?;
    usageplan.add_api_key(&key_c)?;
    Ok(())
}
