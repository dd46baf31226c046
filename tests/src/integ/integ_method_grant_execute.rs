//! Twin of `integ/integ-method-grant-execute/app.js` (aws-cdk's `integ.method-grant-execute.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-method-grant-execute", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "GrantExecute")?;

    let user = User::new(&stack, "user", UserProps::default())?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let method = api.root().add_resource("pets")?.add_method("GET", None)?;
    method.grant_execute(&user)?;
    Ok(())
}
