//! Twin of `integ/integ-usage-plan-multikey/app.js` (aws-cdk's `integ.usage-plan.multikey.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-usage-plan-multikey", build);

/// `Test`
fn test(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let usageplan = UsagePlan::new(&this, "myusageplan", UsagePlanProps::default())?;
    let apikey1 = ApiKey::new(&this, "myapikey1", ApiKeyProps::default())?;
    let apikey2 = ApiKey::new(&this, "myapikey2", ApiKeyProps::default())?;
    usageplan.add_api_key(&apikey1)?;
    usageplan.add_api_key(&apikey2)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    test(app, "test-apigateway-usageplan-multikey")
}
