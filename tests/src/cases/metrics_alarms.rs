//! Twin of `cases/metrics-alarms/app.js`.

use super::prelude::*;
use apigw_core::MetricOptions;
use cdk_cloudwatch::{Alarm, AlarmProps, ComparisonOperator, TreatMissingData};

/// The case.
pub(crate) const CASE: Case = Case::new("metrics-alarms", build);

/// cases/metrics-alarms
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let stage = api.deployment_stage()?;
    let method = api.root().add_method("GET", None)?;

    let client_error_api_metric = api.metric_client_error(None)?;
    let server_error_stage_metric = stage.metric_server_error(None)?;
    let latency_method_metric = method.metric_latency(&stage, None)?;

    Alarm::new(
        &stack,
        "ClientErrorAlarm",
        AlarmProps::builder().metric(client_error_api_metric).threshold(10).evaluation_periods(1),
    )?;
    Alarm::new(
        &stack,
        "ServerErrorAlarm",
        AlarmProps::builder()
            .metric(server_error_stage_metric)
            .threshold(1)
            .evaluation_periods(2)
            .comparison_operator(ComparisonOperator::GreaterThanOrEqualToThreshold),
    )?;
    let latency = AlarmProps::builder().metric(latency_method_metric).threshold(1000);
    Alarm::new(&stack, "LatencyAlarm", latency.evaluation_periods(3).datapoints_to_alarm(2))?;
    let per_minute = MetricOptions::builder().period(Duration::from_secs(60)).statistic("Sum");
    Alarm::new(
        &stack,
        "CountAlarm",
        AlarmProps::builder()
            .metric(api.metric_count(Some(per_minute.build()?))?)
            .threshold(10000)
            .evaluation_periods(1)
            .treat_missing_data(TreatMissingData::NotBreaching),
    )?;
    Ok(())
}
