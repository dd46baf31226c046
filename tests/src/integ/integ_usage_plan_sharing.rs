//! Twin of `integ/integ-usage-plan-sharing/app.js` (aws-cdk's `integ.usage-plan.sharing.ts`).

use crate::cases::prelude::*;
use apigw_core::IUsagePlan;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-usage-plan-sharing", build);

/// `Create`: its usage plan.
fn create(scope: &App, id: &str) -> Result<UsagePlan, Error> {
    let this = Stack::new(scope, id)?;

    UsagePlan::new(&this, "myusageplan", UsagePlanProps::default())
}

/// `Import`
fn import(scope: &App, id: &str, usage_plan: &dyn IUsagePlan) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let usageplan =
        UsagePlan::from_usage_plan_id(&this, "myusageplan", usage_plan.usage_plan_id())?;
    let apikey = ApiKey::new(&this, "myapikey", ApiKeyProps::default())?;
    usageplan.add_api_key(&apikey)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test = create(app, "test-apigateway-usageplan-create")?;
    import(app, "test-apigateway-usageplan-import", &test)
}
