//! Graphs on a dashboard (`aws-cloudwatch/lib/graph.ts`, with the metric rendering of
//! `private/rendering.ts`): [`GraphWidget`], [`SingleValueWidget`], [`Color`].

use std::time::Duration;

use cdk_core::{Aws, BuildError, Error, Map, Value};

use crate::widget::{check_width, present, widget_json, IWidget};
use crate::Metric;

/// Colors of the CloudWatch palette (`Color`); any `#rrggbb` string works as well.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Color;

impl Color {
    /// Blue, `#1f77b4`.
    pub const BLUE: &'static str = "#1f77b4";
    /// Brown, `#8c564b`.
    pub const BROWN: &'static str = "#8c564b";
    /// Green, `#2ca02c`.
    pub const GREEN: &'static str = "#2ca02c";
    /// Grey, `#7f7f7f`.
    pub const GREY: &'static str = "#7f7f7f";
    /// Orange, `#ff7f0e`.
    pub const ORANGE: &'static str = "#ff7f0e";
    /// Pink, `#e377c2`.
    pub const PINK: &'static str = "#e377c2";
    /// Purple, `#9467bd`.
    pub const PURPLE: &'static str = "#9467bd";
    /// Red, `#d62728`.
    pub const RED: &'static str = "#d62728";
}

/// How a graph shows its metrics (`GraphWidgetView`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum GraphWidgetView {
    /// Lines over time (`timeSeries`), the default.
    #[default]
    #[doc(alias = "TIME_SERIES")]
    TimeSeries,
    /// Bars (`bar`).
    #[doc(alias = "BAR")]
    Bar,
    /// A pie (`pie`).
    #[doc(alias = "PIE")]
    Pie,
}

impl GraphWidgetView {
    /// The dashboard value (`timeSeries`).
    pub fn as_str(self) -> &'static str {
        match self {
            GraphWidgetView::TimeSeries => "timeSeries",
            GraphWidgetView::Bar => "bar",
            GraphWidgetView::Pie => "pie",
        }
    }
}

/// Where a graph's legend goes (`LegendPosition`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LegendPosition {
    /// Below the graph (`bottom`), CloudWatch's default.
    #[doc(alias = "BOTTOM")]
    Bottom,
    /// Right of the graph (`right`).
    #[doc(alias = "RIGHT")]
    Right,
    /// No legend (`hidden`).
    #[doc(alias = "HIDDEN")]
    Hidden,
}

impl LegendPosition {
    /// The dashboard value (`bottom`).
    pub fn as_str(self) -> &'static str {
        match self {
            LegendPosition::Bottom => "bottom",
            LegendPosition::Right => "right",
            LegendPosition::Hidden => "hidden",
        }
    }
}

/// A Y axis of a graph (`YAxisProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct YAxisProps {
    /// The lowest value shown. Default: automatic.
    #[builder(default)]
    pub min: Option<f64>,
    /// The highest value shown. Default: automatic.
    #[builder(default)]
    pub max: Option<f64>,
    /// The axis label. Default: none.
    #[builder(default)]
    pub label: Option<String>,
    /// Whether units are shown. Default: yes.
    #[builder(default)]
    pub show_units: Option<bool>,
}
cdk_core::impl_props!(YAxisProps, YAxisPropsBuilder);

impl YAxisProps {
    fn to_json(&self) -> Value {
        present(vec![
            ("min", self.min.map(Value::from)),
            ("max", self.max.map(Value::from)),
            ("label", self.label.as_deref().map(Value::from)),
            ("showUnits", self.show_units.map(Value::from)),
        ])
    }
}

/// `EndRequiresStart`.
pub(crate) fn end_requires_start(
    start: &Option<String>,
    end: &Option<String>,
) -> Result<(), BuildError> {
    if end.is_some() && start.is_none() {
        return Err(BuildError::invalid_field(
            "end",
            "If you specify a value for end, you must also specify a value for start.",
        ));
    }
    Ok(())
}

/// The default period of a metric, not rendered.
const DEFAULT_PERIOD: Duration = Duration::from_secs(300);

/// `metricKey`: what makes two metrics the same line.
fn metric_key(m: &Metric) -> String {
    let mut dims: Vec<(&str, &Value)> = m.dimensions().iter().collect();
    dims.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let dims: Vec<String> =
        dims.iter().map(|(k, v)| format!("{k}={}", cdk_core::json::to_json_string(v, 0))).collect();
    format!(
        "{}/{}/{}/{}/{}",
        m.namespace(),
        m.metric_name(),
        dims.join(","),
        m.statistic(),
        m.period().as_secs()
    )
}

/// `metricGraphJson` of a metric on axis `y_axis`.
fn metric_graph_json(m: &Metric, y_axis: &str) -> Value {
    let mut ret = vec![Value::from(m.namespace()), Value::from(m.metric_name())];
    let mut dims: Vec<(&str, &Value)> = m.dimensions().iter().collect();
    dims.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    for (k, v) in dims {
        ret.push(Value::from(k));
        ret.push(v.clone());
    }
    let mut options = Map::new();
    if let Some(c) = m.color() {
        options.insert("color".into(), Value::from(c));
    }
    if let Some(l) = m.label() {
        options.insert("label".into(), Value::from(l));
    }
    if m.period() != DEFAULT_PERIOD {
        options.insert("period".into(), Value::from(m.period().as_secs()));
    }
    if m.statistic() != "Average" {
        options.insert("stat".into(), Value::from(m.statistic()));
    }
    if y_axis != "left" {
        options.insert("yAxis".into(), Value::from(y_axis));
    }
    if !options.is_empty() {
        ret.push(Value::Object(options));
    }
    Value::Array(ret)
}

/// `allMetricsGraphJson`: left metrics then right ones, each metric once.
fn all_metrics_graph_json(left: &[Metric], right: &[Metric]) -> Vec<Value> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (axis, list) in [("left", left), ("right", right)] {
        for m in list {
            let key = metric_key(m);
            if !seen.contains(&key) {
                seen.push(key);
                out.push(metric_graph_json(m, axis));
            }
        }
    }
    out
}

/// Options of a [`GraphWidget`] (`GraphWidgetProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct GraphWidgetProps {
    /// The title. Default: none.
    #[builder(default)]
    pub title: Option<String>,
    /// Metrics on the left Y axis. Default: none.
    #[builder(default, setter(custom))]
    pub left: Vec<Metric>,
    /// Metrics on the right Y axis. Default: none.
    #[builder(default, setter(custom))]
    pub right: Vec<Metric>,
    /// Width in grid units (at most 24). Default: 6.
    #[builder(default, setter(into = false))]
    pub width: Option<u32>,
    /// Height in grid units. Default: 6.
    #[builder(default, setter(into = false))]
    pub height: Option<u32>,
    /// The region of the metrics. Default: the stack's (`AWS::Region`).
    #[builder(default)]
    pub region: Option<Value>,
    /// How the metrics are shown. Default: [`GraphWidgetView::TimeSeries`].
    #[builder(default)]
    pub view: Option<GraphWidgetView>,
    /// Whether lines are stacked. Default: no.
    #[builder(default)]
    pub stacked: Option<bool>,
    /// The left Y axis. Default: automatic.
    #[builder(default)]
    pub left_y_axis: Option<YAxisProps>,
    /// The right Y axis. Default: automatic.
    #[builder(default)]
    pub right_y_axis: Option<YAxisProps>,
    /// Where the legend goes. Default: CloudWatch's (bottom).
    #[builder(default)]
    pub legend_position: Option<LegendPosition>,
    /// Whether the latest, still incomplete data is shown. Default: no.
    #[builder(default)]
    pub live_data: Option<bool>,
    /// Whether the period follows the dashboard's time range. Default: no.
    #[builder(default)]
    pub set_period_to_time_range: Option<bool>,
    /// The period of all metrics, overriding theirs. Default: each metric's.
    #[builder(default)]
    pub period: Option<Duration>,
    /// The statistic of all metrics, overriding theirs. Default: each metric's.
    #[builder(default)]
    pub statistic: Option<String>,
    /// Start of the time range (ISO 8601, or relative like `-PT8H`). Default: the
    /// dashboard's.
    #[builder(default)]
    pub start: Option<String>,
    /// End of the time range. Default: the dashboard's.
    #[builder(default)]
    pub end: Option<String>,
}
cdk_core::impl_props!(GraphWidgetProps, GraphWidgetPropsBuilder);

impl GraphWidgetPropsBuilder {
    /// Metrics on the left Y axis (any list), after those given before. Default: none.
    pub fn left(mut self, metrics: impl IntoIterator<Item = Metric>) -> Self {
        self.left.get_or_insert_with(Vec::new).extend(metrics);
        self
    }
    /// Metrics on the right Y axis (any list), after those given before. Default: none.
    pub fn right(mut self, metrics: impl IntoIterator<Item = Metric>) -> Self {
        self.right.get_or_insert_with(Vec::new).extend(metrics);
        self
    }
}

/// A graph of metrics (`GraphWidget`).
#[derive(Clone, Debug)]
pub struct GraphWidget {
    props: GraphWidgetProps,
    width: u32,
    height: u32,
}

impl GraphWidget {
    /// A graph.
    ///
    /// # Errors
    /// [`Error::Build`] for a width over 24.
    pub fn new(props: impl cdk_core::IntoProps<GraphWidgetProps>) -> Result<GraphWidget, Error> {
        let props = props.into_props()?;
        let width = check_width(props.width.filter(|w| *w != 0).unwrap_or(6))
            .and_then(|w| end_requires_start(&props.start, &props.end).map(|()| w))
            .map_err(|e| e.in_props("GraphWidgetProps"))?;
        let height = props.height.filter(|h| *h != 0).unwrap_or(6);
        Ok(GraphWidget { props, width, height })
    }

    /// Adds a metric to the left Y axis (`addLeftMetric`).
    pub fn add_left_metric(&mut self, metric: Metric) {
        self.props.left.push(metric);
    }

    /// Adds a metric to the right Y axis (`addRightMetric`).
    pub fn add_right_metric(&mut self, metric: Metric) {
        self.props.right.push(metric);
    }
}

impl IWidget for GraphWidget {
    fn width(&self) -> u32 {
        self.width
    }
    fn height(&self) -> u32 {
        self.height
    }
    fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        let p = &self.props;
        let metrics = all_metrics_graph_json(&p.left, &p.right);
        let y_axis = present(vec![
            ("left", p.left_y_axis.as_ref().map(YAxisProps::to_json)),
            ("right", p.right_y_axis.as_ref().map(YAxisProps::to_json)),
        ]);
        let properties = present(vec![
            ("view", Some(Value::from(p.view.unwrap_or_default().as_str()))),
            ("title", p.title.as_deref().map(Value::from)),
            ("region", Some(p.region.clone().unwrap_or_else(Aws::region))),
            ("stacked", p.stacked.map(Value::from)),
            ("metrics", (!metrics.is_empty()).then_some(Value::Array(metrics))),
            ("yAxis", Some(y_axis)),
            ("legend", p.legend_position.map(|l| Value::object([("position", l.as_str())]))),
            ("liveData", p.live_data.map(Value::from)),
            ("setPeriodToTimeRange", p.set_period_to_time_range.map(Value::from)),
            ("period", p.period.map(|d| Value::from(d.as_secs()))),
            ("stat", p.statistic.as_deref().map(Value::from)),
            ("start", p.start.as_deref().map(Value::from)),
            ("end", p.end.as_deref().map(Value::from)),
        ]);
        vec![widget_json("metric", self.width, self.height, x, y, properties)]
    }
}

/// Options of a [`SingleValueWidget`] (`SingleValueWidgetProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct SingleValueWidgetProps {
    /// The metrics shown. Required.
    #[builder(setter(custom))]
    pub metrics: Vec<Metric>,
    /// The title. Default: none.
    #[builder(default)]
    pub title: Option<String>,
    /// Width in grid units (at most 24). Default: 6.
    #[builder(default, setter(into = false))]
    pub width: Option<u32>,
    /// Height in grid units. Default: 3.
    #[builder(default, setter(into = false))]
    pub height: Option<u32>,
    /// The region of the metrics. Default: the stack's (`AWS::Region`).
    #[builder(default)]
    pub region: Option<Value>,
    /// Whether a sparkline is drawn under the value. Default: no.
    #[builder(default)]
    pub sparkline: Option<bool>,
    /// Whether the period follows the dashboard's time range (not with a sparkline).
    /// Default: no.
    #[builder(default)]
    pub set_period_to_time_range: Option<bool>,
    /// Whether the value is shown with full precision. Default: no.
    #[builder(default)]
    pub full_precision: Option<bool>,
    /// The period of all metrics. Default: each metric's.
    #[builder(default)]
    pub period: Option<Duration>,
    /// Start of the time range. Default: the dashboard's.
    #[builder(default)]
    pub start: Option<String>,
    /// End of the time range. Default: the dashboard's.
    #[builder(default)]
    pub end: Option<String>,
    /// Whether the latest, still incomplete data is shown. Default: no.
    #[builder(default)]
    pub live_data: Option<bool>,
}
cdk_core::impl_props!(SingleValueWidgetProps, SingleValueWidgetPropsBuilder);

impl SingleValueWidgetPropsBuilder {
    /// The metrics shown (any list), after those given before. Required.
    pub fn metrics(mut self, metrics: impl IntoIterator<Item = Metric>) -> Self {
        self.metrics.get_or_insert_with(Vec::new).extend(metrics);
        self
    }
}

/// The latest value of metrics (`SingleValueWidget`).
#[derive(Clone, Debug)]
pub struct SingleValueWidget {
    props: SingleValueWidgetProps,
    width: u32,
    height: u32,
}

impl SingleValueWidget {
    /// A single-value widget.
    ///
    /// # Errors
    /// [`Error::Build`] for missing metrics, a width over 24, or both a sparkline and
    /// `set_period_to_time_range`.
    pub fn new(
        props: impl cdk_core::IntoProps<SingleValueWidgetProps>,
    ) -> Result<SingleValueWidget, Error> {
        let props = props.into_props()?;
        let width = check_width(props.width.filter(|w| *w != 0).unwrap_or(6))
            .and_then(|w| end_requires_start(&props.start, &props.end).map(|()| w))
            .map_err(|e| e.in_props("SingleValueWidgetProps"))?;
        if props.set_period_to_time_range == Some(true) && props.sparkline == Some(true) {
            return Err(BuildError::invalid_field(
                "sparkline",
                "You cannot use setPeriodToTimeRange with sparkline",
            )
            .in_props("SingleValueWidgetProps")
            .into());
        }
        let height = props.height.filter(|h| *h != 0).unwrap_or(3);
        Ok(SingleValueWidget { props, width, height })
    }
}

impl IWidget for SingleValueWidget {
    fn width(&self) -> u32 {
        self.width
    }
    fn height(&self) -> u32 {
        self.height
    }
    fn to_json(&self, x: u32, y: u32) -> Vec<Value> {
        let p = &self.props;
        let properties = present(vec![
            ("view", Some(Value::from("singleValue"))),
            ("title", p.title.as_deref().map(Value::from)),
            ("region", Some(p.region.clone().unwrap_or_else(Aws::region))),
            ("sparkline", p.sparkline.map(Value::from)),
            ("metrics", Some(Value::Array(all_metrics_graph_json(&p.metrics, &[])))),
            ("setPeriodToTimeRange", p.set_period_to_time_range.map(Value::from)),
            ("singleValueFullPrecision", p.full_precision.map(Value::from)),
            ("period", p.period.map(|d| Value::from(d.as_secs()))),
            ("start", p.start.as_deref().map(Value::from)),
            ("end", p.end.as_deref().map(Value::from)),
            ("liveData", p.live_data.map(Value::from)),
        ]);
        vec![widget_json("metric", self.width, self.height, x, y, properties)]
    }
}
