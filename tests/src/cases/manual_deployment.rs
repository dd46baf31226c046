//! Twin of `cases/manual-deployment/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("manual-deployment", build);

/// cases/manual-deployment
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "ExistingStageStack")?;
        let rest_api = RestApi::new(&stack, "my-rest-api", RestApiProps::builder().deploy(false))?;
        rest_api.root().add_method("GET", None)?;

        // Use `stageName` to deploy to an existing stage
        Deployment::new(
            &stack,
            "my-deployment",
            &rest_api,
            DeploymentProps::builder().stage_name("dev").retain_deployments(true), // keep old deployments
        )?;
    }

    {
        let stack = Stack::new(app, "RevisionStack")?;
        let rest_api = RestApi::new(&stack, "my-api", RestApiProps::builder().deploy(false))?;
        rest_api.root().add_resource("items")?.add_method("GET", None)?;

        let deployment_revision = 5; // Bump this counter to trigger a new deployment
        let deployment = Deployment::new(
            &stack,
            &format!("Deployment{deployment_revision}"),
            &rest_api,
            DeploymentProps::builder().description(format!("revision {deployment_revision}")),
        )?;
        Stage::new(&stack, "Stage", &deployment, StageOptions::builder().stage_name("live"))?;
    }
    Ok(())
}
