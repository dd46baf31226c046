//! Twin of `integ/integ-restapi-cloudwatch-removal-policy/app.js` (aws-cdk's
//! `integ.restapi-cloudwatch-removal-policy.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-cloudwatch-removal-policy", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "test-apigateway-restapi-cloudwatch-removal-policy")?;

    let api = RestApi::new(
        &stack,
        "my-api",
        RestApiProps::builder()
            .cloud_watch_role(true)
            .cloud_watch_role_removal_policy(RemovalPolicy::Destroy),
    )?;

    api.root().add_method("GET", None)?;
    Ok(())
}
