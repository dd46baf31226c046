//! Twin of `integ/integ-restapi-metrics/app.js` (aws-cdk's `integ.restapi-metrics.ts`).

use crate::cases::prelude::*;
use cdk_cloudwatch::{Alarm, AlarmProps};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-metrics", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "restapi-metrics")?;
    let rest_api = RestApi::new(&stack, "Api", RestApiProps::builder().cloud_watch_role(true))?;
    let stage = rest_api.deployment_stage()?;
    let method = rest_api.root().add_method("GET", None)?;

    Alarm::new(
        &stack,
        "RestApiAlarm",
        AlarmProps::builder()
            .metric(rest_api.metric_client_error(None)?)
            .evaluation_periods(1)
            .threshold(1),
    )?;

    Alarm::new(
        &stack,
        "MethodAlarm",
        AlarmProps::builder()
            .metric(method.metric_server_error(&stage, None)?)
            .evaluation_periods(1)
            .threshold(1),
    )?;

    Alarm::new(
        &stack,
        "StageAlarm",
        AlarmProps::builder().metric(stage.metric_count(None)?).evaluation_periods(1).threshold(1),
    )?;
    Ok(())
}
