//! Twin of `integ/integ-cloudwatch-disabled/app.js` (aws-cdk's `integ.cloudwatch-disabled.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-cloudwatch-disabled", build);

/// `Test`
fn test(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;
    let api = RestApi::new(&this, "my-api", RestApiProps::builder().retain_deployments(true))?;
    api.root().add_method("GET", None)?; // must have at least one method or an API definition
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;
    test(app, "default-api")
}
