//! Twin of `integ/integ-restapi-security-policy/app.js` (aws-cdk's
//! `integ.restapi.security-policy.ts`): `integ.restapi.ts`'s stack, whose RestApi props here are
//! `securityPolicy`/`endpointAccessMode`, which aws-cdk-lib 2.276.0's RestApi does not have (so
//! neither app sets them), with the `useCdkManagedLogGroup` flag off.

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-security-policy", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    super::integ_restapi::test(app, "test-apigateway-restapi")
}
