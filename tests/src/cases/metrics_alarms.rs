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
    let stage = api.deployment_stage().ok_or_else(|| Error::InvalidArgument {
        path: "Stack/my-api".into(),
        message: "no deployment stage".into(),
    })?;
    let method = api.root().add_method("GET", None)?;

    let client_error_api_metric = api.metric_client_error(None)?;
    let server_error_stage_metric = stage.metric_server_error(None)?;
    let latency_method_metric = method.metric_latency(&stage, None)?;

    Alarm::new(
        &stack,
        "ClientErrorAlarm",
        AlarmProps::builder()
            .metric(client_error_api_metric)
            .threshold(10)
            .evaluation_periods(1u32)
            .build()
            .map_err(build_err("Stack/ClientErrorAlarm"))?,
    )?;
    Alarm::new(
        &stack,
        "ServerErrorAlarm",
        AlarmProps::builder()
            .metric(server_error_stage_metric)
            .threshold(1)
            .evaluation_periods(2u32)
            .comparison_operator(ComparisonOperator::GreaterThanOrEqualToThreshold)
            .build()
            .map_err(build_err("Stack/ServerErrorAlarm"))?,
    )?;
    Alarm::new(
        &stack,
        "LatencyAlarm",
        AlarmProps::builder()
            .metric(latency_method_metric)
            .threshold(1000)
            .evaluation_periods(3u32)
            .datapoints_to_alarm(2u32)
            .build()
            .map_err(build_err("Stack/LatencyAlarm"))?,
    )?;
    let count = api.metric_count(Some(
        MetricOptions::builder()
            .period(60u32)
            .statistic("Sum")
            .build()
            .map_err(build_err("Stack/my-api"))?,
    ))?;
    Alarm::new(
        &stack,
        "CountAlarm",
        AlarmProps::builder()
            .metric(count)
            .threshold(10000)
            .evaluation_periods(1u32)
            .treat_missing_data(TreatMissingData::NotBreaching)
            .build()
            .map_err(build_err("Stack/CountAlarm"))?,
    )?;
    Ok(())
}
