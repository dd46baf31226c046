//! Twin of `integ/integ-restapi-import-deploymentstage/app.js` (aws-cdk's
//! `integ.restapi.import-deploymentstage.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-import-deploymentstage", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-import-deployment-stage")?;

    let api = RestApi::new(&stack, "my-api", RestApiProps::builder().deploy(false))?;
    api.root().add_method("GET", None)?;

    // Create a new deployment that uses existing stage
    Deployment::new(
        &stack,
        "MyManualDeployment",
        &api,
        DeploymentProps::builder().stage_name("myStage"),
    )?;
    Ok(())
}
