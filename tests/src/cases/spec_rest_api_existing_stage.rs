//! Twin of `cases/spec-rest-api-existing-stage/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("spec-rest-api-existing-stage", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let spec_file = inputs.join("openapi.json");
    let my_api_definition = ApiDefinition::from_asset(&spec_file);
    let spec_rest_api = SpecRestApi::new(
        &stack,
        "my-specrest-api",
        SpecRestApiProps::builder().deploy(false).api_definition(my_api_definition),
    )?;

    // Use `stageName` to deploy to an existing stage
    let deployment = Deployment::new(
        &stack,
        "my-deployment",
        &spec_rest_api,
        DeploymentProps::builder().stage_name("dev").retain_deployments(true), // keep old deployments
    )?;

    // Trigger a new deployment on OpenAPI definition updates
    deployment.add_to_logical_id(read_json(&spec_file)?);
    Ok(())
}
