//! Twin of `integ/integ-restapi-defaults/app.js` (aws-cdk's `integ.restapi.defaults.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-defaults", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;

    let stack = Stack::new(app, "test-apigateway-restapi-defaults")?;

    let api = RestApi::new(&stack, "my-api", RestApiProps::builder().cloud_watch_role(true))?;

    // at least one method is required
    api.root().add_method("GET", None)?;
    Ok(())
}
