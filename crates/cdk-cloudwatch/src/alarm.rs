//! Alarms (`alarm.ts`): an `AWS::CloudWatch::Alarm` on one [`Metric`], rendered as
//! aws-cdk-lib renders it: the metric's fields at the top level (`Namespace`, `MetricName`,
//! `Dimensions` sorted by name, `Period`, `Statistic` or `ExtendedStatistic`, `Unit`), or a
//! one-entry `Metrics` query when the metric has a label or lives in another account.
//!
//! Alarm actions, anomaly detection alarms and math expressions are not ported.

use cdk_core::{Construct, Error, Node, Value};
use cfn_cloudwatch::alarm::{Dimension, Metric as CfnMetric, MetricDataQuery, MetricStat};
use cfn_cloudwatch::{CfnAlarm, CfnAlarmProps};

use crate::statistic::{statistic_field, StatisticField};
use crate::Metric;

/// The aws-cdk-lib module path used in construct infos (`tree.json`).
const FQN: &str = "aws-cdk-lib.aws_cloudwatch";

/// How the statistic is compared with the threshold (`ComparisonOperator`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ComparisonOperator {
    /// `>=` (the default).
    #[default]
    #[doc(alias = "GREATER_THAN_OR_EQUAL_TO_THRESHOLD")]
    GreaterThanOrEqualToThreshold,
    /// `>`.
    #[doc(alias = "GREATER_THAN_THRESHOLD")]
    GreaterThanThreshold,
    /// `<`.
    #[doc(alias = "LESS_THAN_THRESHOLD")]
    LessThanThreshold,
    /// `<=`.
    #[doc(alias = "LESS_THAN_OR_EQUAL_TO_THRESHOLD")]
    LessThanOrEqualToThreshold,
    /// Outside the band of an anomaly detection model.
    #[doc(alias = "LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD")]
    LessThanLowerOrGreaterThanUpperThreshold,
    /// Above the band of an anomaly detection model.
    #[doc(alias = "GREATER_THAN_UPPER_THRESHOLD")]
    GreaterThanUpperThreshold,
    /// Below the band of an anomaly detection model.
    #[doc(alias = "LESS_THAN_LOWER_THRESHOLD")]
    LessThanLowerThreshold,
}

impl ComparisonOperator {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        use ComparisonOperator::*;
        match self {
            GreaterThanOrEqualToThreshold => "GreaterThanOrEqualToThreshold",
            GreaterThanThreshold => "GreaterThanThreshold",
            LessThanThreshold => "LessThanThreshold",
            LessThanOrEqualToThreshold => "LessThanOrEqualToThreshold",
            LessThanLowerOrGreaterThanUpperThreshold => "LessThanLowerOrGreaterThanUpperThreshold",
            GreaterThanUpperThreshold => "GreaterThanUpperThreshold",
            LessThanLowerThreshold => "LessThanLowerThreshold",
        }
    }

    /// Whether the operator compares with an anomaly detection band
    /// (`isAnomalyDetectionOperator`).
    pub fn is_anomaly_detection(self) -> bool {
        use ComparisonOperator::*;
        matches!(
            self,
            LessThanLowerOrGreaterThanUpperThreshold
                | GreaterThanUpperThreshold
                | LessThanLowerThreshold
        )
    }
}

/// How missing data points are evaluated (`TreatMissingData`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TreatMissingData {
    /// Missing data breaches the threshold.
    #[doc(alias = "BREACHING")]
    Breaching,
    /// Missing data does not breach the threshold.
    #[doc(alias = "NOT_BREACHING")]
    NotBreaching,
    /// The alarm keeps its state.
    #[doc(alias = "IGNORE")]
    Ignore,
    /// Missing data is missing (CloudWatch's default).
    #[doc(alias = "MISSING")]
    Missing,
}

impl From<ComparisonOperator> for Value {
    fn from(c: ComparisonOperator) -> Value {
        Value::from(c.as_str())
    }
}

impl From<TreatMissingData> for Value {
    fn from(t: TreatMissingData) -> Value {
        Value::from(t.as_str())
    }
}

impl TreatMissingData {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            TreatMissingData::Breaching => "breaching",
            TreatMissingData::NotBreaching => "notBreaching",
            TreatMissingData::Ignore => "ignore",
            TreatMissingData::Missing => "missing",
        }
    }
}

/// Options of an [`Alarm`] (`AlarmProps`).
///
/// # Errors
/// `build()` fails without `metric`, `threshold` or `evaluation_periods`.
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct AlarmProps {
    /// The metric to watch. Required.
    pub metric: Metric,
    /// The value the statistic is compared with. Required.
    pub threshold: f64,
    /// Over how many periods the statistic is compared. Required.
    #[builder(setter(into = false))]
    pub evaluation_periods: u32,
    /// How the statistic is compared. Default:
    /// [`ComparisonOperator::GreaterThanOrEqualToThreshold`].
    #[builder(default)]
    pub comparison_operator: Option<ComparisonOperator>,
    /// How many of the evaluated periods must breach ("M out of N"). Default:
    /// `evaluation_periods`.
    #[builder(default, setter(into = false, strip_option))]
    pub datapoints_to_alarm: Option<u32>,
    /// How missing data is treated. Default: CloudWatch's ([`TreatMissingData::Missing`]).
    #[builder(default)]
    pub treat_missing_data: Option<TreatMissingData>,
    /// The alarm's name. Default: generated by CloudFormation.
    #[builder(default)]
    pub alarm_name: Option<Value>,
    /// The alarm's description. Default: none.
    #[builder(default)]
    pub alarm_description: Option<Value>,
    /// Whether actions run on state changes. Default: CloudWatch's (true).
    #[builder(default)]
    pub actions_enabled: Option<bool>,
    /// For percentiles: `evaluate` or `ignore` when there are too few samples. Default:
    /// CloudWatch's (`evaluate`).
    #[builder(default)]
    pub evaluate_low_sample_count_percentile: Option<String>,
}
cdk_core::impl_props!(AlarmProps, AlarmPropsBuilder);

/// A CloudWatch alarm on a metric (`Alarm`).
///
/// ```
/// use std::time::Duration;
/// use cdk_cloudwatch::{Alarm, AlarmProps, Metric, MetricProps, TreatMissingData};
/// use cdk_core::{App, Construct, Stack};
/// let app = App::new();
/// # app.skip_synth_check();
/// let stack = Stack::new(&app, "Stack")?;
/// let metric = Metric::new(
///     MetricProps::builder().namespace("AWS/ApiGateway").metric_name("Count")
///         .dimension("ApiName", "books").statistic("Sum").period(Duration::from_secs(60)),
/// )?;
/// let alarm = Alarm::new(&stack, "CountAlarm", AlarmProps::builder()
///     .metric(metric).threshold(10000).evaluation_periods(1)
///     .treat_missing_data(TreatMissingData::NotBreaching))?;
/// assert_eq!(alarm.node().path(), "Stack/CountAlarm");
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Alarm {
    node: Node,
    resource: CfnAlarm,
    metric: Metric,
}

impl Construct for Alarm {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Alarm {
    /// Defines an alarm.
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidArgument`] for an anomaly detection operator
    /// (which needs an anomaly detection band, not a plain metric) or a metric from a region
    /// other than the stack's; [`Error::Build`] for a metric whose period or dimensions were
    /// made invalid after `build()`.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<AlarmProps>,
    ) -> Result<Alarm, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{FQN}.Alarm"));
        let path = node.path();
        let invalid = |message: String| Error::InvalidArgument { path: path.clone(), message };
        let comparison = props.comparison_operator.unwrap_or_default();
        if comparison.is_anomaly_detection() {
            return Err(invalid(format!(
                "Anomaly detection operator {} requires an ANOMALY_DETECTION_BAND() metric. Use the construct AnomalyDetectionAlarm or wrap your metric in an ANOMALY_DETECTION_BAND expression.",
                comparison.as_str()
            )));
        }
        let metric = props.metric;
        metric.validate().map_err(|source| Error::Build { path: path.clone(), source })?;
        let stack = node.stack()?;
        // `validateMetricStat`: a metric of a known region only alarms in that region.
        if let (Some(metric_region), Some(stack_region)) =
            (metric.region(), stack.region().as_str())
        {
            if metric_region != stack_region {
                return Err(invalid(format!(
                    "Cannot create an Alarm in region '{stack_region}' based on metric '{metric}' in '{metric_region}'"
                )));
            }
        }
        // `requiresAccountId`: the metric's account is known and is not the stack's.
        let account_id =
            metric.account().filter(|a| stack.account().as_str() != Some(*a)).map(Value::from);

        let mut l1 = CfnAlarmProps::default();
        l1.alarm_description = props.alarm_description;
        l1.alarm_name = props.alarm_name;
        l1.comparison_operator = Some(Value::from(comparison.as_str()));
        l1.threshold = Some(Value::from(props.threshold));
        l1.datapoints_to_alarm = props.datapoints_to_alarm.map(Value::from);
        l1.evaluate_low_sample_count_percentile =
            props.evaluate_low_sample_count_percentile.map(Value::String);
        l1.evaluation_periods = Some(Value::from(props.evaluation_periods));
        l1.treat_missing_data = props.treat_missing_data.map(|t| Value::from(t.as_str()));
        l1.actions_enabled = props.actions_enabled.map(Value::Bool);
        let build_err = |source| Error::Build { path: path.clone(), source };
        let mut dimensions = Vec::new();
        for (name, value) in metric.dimensions_sorted() {
            let d =
                Dimension::builder().name(name).value(value.clone()).build().map_err(build_err)?;
            dimensions.push(Value::from(d));
        }
        let dimensions = (!dimensions.is_empty()).then_some(Value::Array(dimensions));
        let unit = metric.unit().map(Value::from);
        if metric.label().is_none() && account_id.is_none() {
            l1.dimensions = dimensions;
            l1.namespace = Some(Value::from(metric.namespace()));
            l1.metric_name = Some(Value::from(metric.metric_name()));
            l1.period = Some(Value::from(metric.period().as_secs()));
            match statistic_field(metric.statistic()) {
                StatisticField::Statistic(s) => l1.statistic = Some(Value::String(s)),
                StatisticField::ExtendedStatistic(s) => {
                    l1.extended_statistic = Some(Value::String(s))
                }
            }
            l1.unit = unit;
        } else {
            let mut stat_metric = CfnMetric::default();
            stat_metric.metric_name = Some(Value::from(metric.metric_name()));
            stat_metric.namespace = Some(Value::from(metric.namespace()));
            stat_metric.dimensions = dimensions;
            let mut stat = MetricStat::builder()
                .metric(stat_metric)
                .period(metric.period().as_secs())
                .stat(metric.statistic())
                .build()
                .map_err(build_err)?;
            stat.unit = unit;
            let mut query = MetricDataQuery::builder().id("m1").build().map_err(build_err)?;
            query.metric_stat = Some(stat.into());
            query.account_id = account_id;
            query.label = metric.label().map(Value::from);
            query.return_data = Some(Value::Bool(true));
            l1.metrics = Some(Value::Array(vec![query.into()]));
        }
        let resource = CfnAlarm::new(&node, "Resource", l1)?;
        Ok(Alarm { node, resource, metric })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnAlarm {
        &self.resource
    }

    /// The alarm's ARN (`Fn::GetAtt Arn`).
    pub fn alarm_arn(&self) -> Value {
        self.resource.attr_arn()
    }

    /// The alarm's name (`Ref`).
    pub fn alarm_name(&self) -> Value {
        self.resource.ref_()
    }

    /// The metric the alarm watches.
    pub fn metric(&self) -> &Metric {
        &self.metric
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MetricOptions, MetricProps, Unit};
    use cdk_core::{App, AppProps, Environment, Stack, StackProps};

    fn metric() -> Metric {
        Metric::new(
            MetricProps::builder()
                .namespace("NS")
                .metric_name("M")
                .dimension("Stage", "prod")
                .dimension("ApiName", "api"),
        )
        .unwrap()
    }

    fn props(metric: Metric) -> AlarmPropsBuilder {
        AlarmProps::builder().metric(metric).threshold(1.5).evaluation_periods(2)
    }

    /// Synthesizes one alarm (in a stack with `env`) and returns its properties.
    fn alarm_properties(
        name: &str,
        env: Option<Environment>,
        props: AlarmProps,
    ) -> serde_json::Value {
        let dir = std::env::temp_dir().join(format!("cdk-cloudwatch-test-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
        let mut stack_props = StackProps::builder();
        if let Some(env) = env {
            stack_props = stack_props.env(env);
        }
        let stack = Stack::with_props(&app, "Stack", stack_props.build().unwrap()).unwrap();
        Alarm::new(&stack, "Alarm", props).unwrap();
        app.synth().unwrap();
        let text = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
        let t: serde_json::Value = serde_json::from_str(&text).unwrap();
        t["Resources"]["Alarm7103F465"]["Properties"].clone()
    }

    #[test]
    fn renders_the_metric_at_the_top_level() {
        let p = alarm_properties("top-level", None, props(metric()).build().unwrap());
        assert_eq!(
            p,
            serde_json::json!({
                "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                "Dimensions": [
                    {"Name": "ApiName", "Value": "api"},
                    {"Name": "Stage", "Value": "prod"}
                ],
                "EvaluationPeriods": 2,
                "MetricName": "M",
                "Namespace": "NS",
                "Period": 300,
                "Statistic": "Average",
                "Threshold": 1.5
            })
        );
        let keys: Vec<&String> = p.as_object().unwrap().keys().collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn percentiles_are_extended_statistics() {
        let m = metric()
            .with(MetricOptions::builder().statistic("P99").unit(Unit::Milliseconds))
            .unwrap();
        let p = alarm_properties(
            "percentile",
            None,
            props(m)
                .alarm_name("n")
                .alarm_description("d")
                .actions_enabled(false)
                .datapoints_to_alarm(1)
                .treat_missing_data(TreatMissingData::Ignore)
                .comparison_operator(ComparisonOperator::LessThanThreshold)
                .evaluate_low_sample_count_percentile("ignore")
                .build()
                .unwrap(),
        );
        assert_eq!(p["ExtendedStatistic"], "p99");
        assert!(p.get("Statistic").is_none());
        assert_eq!(p["Unit"], "Milliseconds");
        assert_eq!(p["AlarmName"], "n");
        assert_eq!(p["AlarmDescription"], "d");
        assert_eq!(p["ActionsEnabled"], false);
        assert_eq!(p["DatapointsToAlarm"], 1);
        assert_eq!(p["TreatMissingData"], "ignore");
        assert_eq!(p["ComparisonOperator"], "LessThanThreshold");
        assert_eq!(p["EvaluateLowSampleCountPercentile"], "ignore");
    }

    #[test]
    fn a_labelled_metric_becomes_a_metric_data_query() {
        let m = metric().with(MetricOptions::builder().label("L").statistic("sum")).unwrap();
        let p = alarm_properties("labelled", None, props(m).build().unwrap());
        assert_eq!(
            p,
            serde_json::json!({
                "ComparisonOperator": "GreaterThanOrEqualToThreshold",
                "EvaluationPeriods": 2,
                "Metrics": [{
                    "Id": "m1",
                    "Label": "L",
                    "MetricStat": {
                        "Metric": {
                            "Dimensions": [
                                {"Name": "ApiName", "Value": "api"},
                                {"Name": "Stage", "Value": "prod"}
                            ],
                            "MetricName": "M",
                            "Namespace": "NS"
                        },
                        "Period": 300,
                        "Stat": "Sum"
                    },
                    "ReturnData": true
                }],
                "Threshold": 1.5
            })
        );
    }

    #[test]
    fn a_metric_of_another_account_carries_its_account_id() {
        let dir = std::env::temp_dir().join("cdk-cloudwatch-test-account");
        let app = App::with_props(AppProps::builder().outdir(dir).build().unwrap());
        let here = Stack::with_props(
            &app,
            "Here",
            StackProps::builder()
                .env(Environment::new("111111111111", "us-east-1"))
                .build()
                .unwrap(),
        )
        .unwrap();
        let m = metric().attach_to(&here).unwrap();
        assert_eq!(m.account(), Some("111111111111"));
        let p = alarm_properties(
            "account",
            Some(Environment::new("222222222222", "us-east-1")),
            props(m.clone()).build().unwrap(),
        );
        assert_eq!(p["Metrics"][0]["AccountId"], "111111111111");
        let same = alarm_properties(
            "same-account",
            Some(Environment::new("111111111111", "us-east-1")),
            props(m).build().unwrap(),
        );
        assert_eq!(same["Namespace"], "NS");
    }

    #[test]
    fn a_metric_of_another_region_is_refused() {
        let app = App::new();
        let there = Stack::with_props(
            &app,
            "There",
            StackProps::builder().env(Environment::new("1", "eu-west-1")).build().unwrap(),
        )
        .unwrap();
        let here = Stack::with_props(
            &app,
            "Here",
            StackProps::builder().env(Environment::new("1", "us-east-1")).build().unwrap(),
        )
        .unwrap();
        let m = metric().attach_to(&there).unwrap();
        let e = Alarm::new(&here, "Alarm", props(m).build().unwrap()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Here/Alarm: Cannot create an Alarm in region 'us-east-1' based on metric 'M' in 'eu-west-1'"
        );
    }

    #[test]
    fn anomaly_detection_operators_need_a_band() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let e = Alarm::new(
            &stack,
            "Alarm",
            props(metric())
                .comparison_operator(ComparisonOperator::GreaterThanUpperThreshold)
                .build()
                .unwrap(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with(
            "Stack/Alarm: Anomaly detection operator GreaterThanUpperThreshold requires an ANOMALY_DETECTION_BAND() metric."
        ), "{e}");
    }

    #[test]
    fn required_props_and_revalidated_metrics() {
        let e = AlarmProps::builder().metric(metric()).evaluation_periods(1).build().unwrap_err();
        assert!(e.to_string().contains("threshold"), "{e}");
        let e = AlarmProps::builder().threshold(1).evaluation_periods(1).build().unwrap_err();
        assert!(e.to_string().contains("metric"), "{e}");

        let mut raw = MetricProps::builder().namespace("NS").metric_name("M").build().unwrap();
        raw.period = Some(std::time::Duration::from_secs(7));
        let e = Metric::new(raw).unwrap_err();
        assert!(e.to_string().starts_with("MetricProps: property 'period' is invalid"), "{e}");
    }
}
