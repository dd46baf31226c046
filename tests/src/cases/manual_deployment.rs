//! Twin of `cases/manual-deployment/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("manual-deployment", build);

/// cases/manual-deployment
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "ExistingStageStack")?;
        let rest_api = RestApi::new(
            &stack,
            "my-rest-api",
            RestApiProps::builder()
                .deploy(false)
                .build()
                .map_err(build_err("ExistingStageStack/my-rest-api"))?,
        )?;
        rest_api.root().add_method("GET", None)?;
        Deployment::new(
            &stack,
            "my-deployment",
            &rest_api,
            DeploymentProps::builder()
                .stage_name("dev")
                .retain_deployments(true)
                .build()
                .map_err(build_err("ExistingStageStack/my-deployment"))?,
        )?;
    }
    {
        let stack = Stack::new(app, "RevisionStack")?;
        let rest_api = RestApi::new(
            &stack,
            "my-api",
            RestApiProps::builder()
                .deploy(false)
                .build()
                .map_err(build_err("RevisionStack/my-api"))?,
        )?;
        rest_api.root().add_resource("items")?.add_method("GET", None)?;
        let revision = 5;
        let deployment = Deployment::new(
            &stack,
            &format!("Deployment{revision}"),
            &rest_api,
            DeploymentProps::builder()
                .description(format!("revision {revision}"))
                .build()
                .map_err(build_err("RevisionStack/Deployment"))?,
        )?;
        Stage::new(
            &stack,
            "Stage",
            &deployment,
            StageOptions::builder()
                .stage_name("live")
                .build()
                .map_err(build_err("RevisionStack/Stage"))?,
        )?;
    }
    Ok(())
}
