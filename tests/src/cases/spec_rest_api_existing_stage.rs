//! Twin of `cases/spec-rest-api-existing-stage/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("spec-rest-api-existing-stage", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let spec_file = inputs.join("openapi.json");
    let spec_rest_api = SpecRestApi::new(
        &stack,
        "my-specrest-api",
        SpecRestApiProps::builder()
            .deploy(false)
            .api_definition(ApiDefinition::from_asset(spec_file.clone()))
            .build()
            .map_err(build_err("Stack/my-specrest-api"))?,
    )?;
    let deployment = Deployment::new(
        &stack,
        "my-deployment",
        &spec_rest_api,
        DeploymentProps::builder()
            .stage_name("dev")
            .retain_deployments(true)
            .build()
            .map_err(build_err("Stack/my-deployment"))?,
    )?;
    let text = std::fs::read_to_string(&spec_file).map_err(|e| Error::Asset {
        path: "Stack/my-deployment".into(),
        file: spec_file.display().to_string(),
        reason: e.to_string(),
    })?;
    let definition: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Error::InvalidValue { path: "Stack/my-deployment".into(), reason: e.to_string() }
    })?;
    deployment.add_to_logical_id(Value::from(definition));
    Ok(())
}
