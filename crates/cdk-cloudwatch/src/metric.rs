//! Metrics (`metric.ts`): a CloudWatch metric (namespace, name, dimensions) with the
//! statistic and period an alarm or graph looks at it through.
//!
//! Only `Metric` is ported; math and search expressions are not.

use std::fmt;
use std::time::Duration;

use cdk_core::{BuildError, Construct, Error, Map, Value};

use crate::statistic::{self, ParsedStatistic};

pub use cfn_cloudwatch::alarm::Unit;

/// The period of a metric unless told otherwise: five minutes.
pub const DEFAULT_PERIOD: Duration = Duration::from_secs(300);
/// The most dimensions a metric may have.
pub const MAX_DIMENSIONS: usize = 30;
/// The longest dimension name or value, in UTF-16 code units (as JavaScript counts).
pub const MAX_DIMENSION_LENGTH: usize = 255;

/// What identifies a metric and how to aggregate it (`MetricProps`).
///
/// # Errors
/// `build()` fails without `namespace` or `metric_name`, for a period that is not 1, 5, 10,
/// 30 or a multiple of 60 seconds, and for more than 30 dimensions or a dimension whose name
/// or literal value is empty or longer than 255 characters.
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct MetricProps {
    /// The namespace (`AWS/ApiGateway`). Required.
    pub namespace: String,
    /// The metric name (`4XXError`). Required.
    pub metric_name: String,
    /// Dimensions, name → value (values may be tokens). Default: none.
    #[builder(default, setter(custom))]
    pub dimensions: Map,
    /// The period over which the statistic is computed: 1, 5, 10 or 30 seconds or a
    /// multiple of a minute. Default: five minutes.
    #[builder(default)]
    pub period: Option<Duration>,
    /// The statistic: `Average`, `Sum`, `SampleCount`, `Minimum`, `Maximum` or one of their
    /// aliases (`avg`, `sum`, `n`, `min`, `max`), a percentile (`p99`) or another extended
    /// statistic (`tm90`, `TM(10%:90%)`, `IQM`). Default: `Average`.
    #[builder(default)]
    pub statistic: Option<String>,
    /// Only data points in this unit. Default: all units.
    #[builder(default)]
    pub unit: Option<Unit>,
    /// A label for graphs and alarms. An alarm on a labelled metric renders it as a metric
    /// data query (`Metrics`). Default: none.
    #[builder(default)]
    pub label: Option<String>,
    /// The color of the metric in graphs (`#rrggbb`; see [`Color`](crate::Color)).
    /// Default: picked by CloudWatch.
    #[builder(default)]
    pub color: Option<String>,
}
cdk_core::impl_props!(MetricProps, MetricPropsBuilder);

impl MetricPropsBuilder {
    /// Adds (or replaces) one dimension.
    pub fn dimension(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.dimensions.get_or_insert_with(Map::new).insert(name.into(), value.into());
        self
    }

    /// Sets all dimensions at once (`dimensionsMap`), replacing those given before.
    pub fn dimensions<I, K, V>(mut self, dimensions: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        self.dimensions = Some(collect_dimensions(dimensions));
        self
    }

    /// Applies options over what was set so far, as `{ ...defaults, ...options }` does in
    /// aws-cdk-lib: every option that is set wins (dimensions as a whole).
    pub fn options(mut self, options: MetricOptions) -> Self {
        if let Some(d) = options.dimensions {
            self.dimensions = Some(d);
        }
        if let Some(p) = options.period {
            self.period = Some(Some(p));
        }
        if let Some(s) = options.statistic {
            self.statistic = Some(Some(s));
        }
        if let Some(u) = options.unit {
            self.unit = Some(Some(u));
        }
        if let Some(l) = options.label {
            self.label = Some(Some(l));
        }
        self
    }

    fn validate(&self) -> Result<(), BuildError> {
        if let Some(Some(p)) = self.period {
            validate_period(p)?;
        }
        if let Some(d) = &self.dimensions {
            validate_dimensions(d)?;
        }
        Ok(())
    }
}

/// What can be changed on an existing metric (`MetricOptions`); unset fields keep the
/// metric's (or, for the `metric*` methods of other constructs, their defaults).
///
/// # Errors
/// `build()` fails for an invalid period or dimensions, as [`MetricProps`] does.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct MetricOptions {
    /// Dimensions replacing all of the metric's. Default: the metric's.
    #[builder(default, setter(custom))]
    pub dimensions: Option<Map>,
    /// The period (see [`MetricProps::period`]). Default: the metric's.
    #[builder(default)]
    pub period: Option<Duration>,
    /// The statistic (see [`MetricProps::statistic`]). Default: the metric's.
    #[builder(default)]
    pub statistic: Option<String>,
    /// The unit filter. Default: the metric's.
    #[builder(default)]
    pub unit: Option<Unit>,
    /// The label. Default: the metric's.
    #[builder(default)]
    pub label: Option<String>,
    /// The color in graphs. Default: the metric's.
    #[builder(default)]
    pub color: Option<String>,
}
cdk_core::impl_props!(MetricOptions, MetricOptionsBuilder);

impl MetricOptionsBuilder {
    /// Adds (or replaces) one dimension of the replacement set.
    pub fn dimension(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.dimensions
            .get_or_insert(None)
            .get_or_insert_with(Map::new)
            .insert(name.into(), value.into());
        self
    }

    /// Sets the replacement dimensions at once (`dimensionsMap`).
    pub fn dimensions<I, K, V>(mut self, dimensions: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        self.dimensions = Some(Some(collect_dimensions(dimensions)));
        self
    }

    fn validate(&self) -> Result<(), BuildError> {
        if let Some(Some(p)) = self.period {
            validate_period(p)?;
        }
        if let Some(Some(d)) = &self.dimensions {
            validate_dimensions(d)?;
        }
        Ok(())
    }
}

fn collect_dimensions<I, K, V>(dimensions: I) -> Map
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<Value>,
{
    dimensions.into_iter().map(|(k, v)| (k.into(), v.into())).collect()
}

/// The length of a string as JavaScript counts it (UTF-16 code units).
fn js_length(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `'period' must be 1, 5, 10, 30, or a multiple of 60 seconds`, of a whole number of
/// seconds (`Duration.toSeconds()` throws otherwise).
// `u64::is_multiple_of` needs Rust 1.87; the workspace's `rust-version` is 1.80.
#[allow(clippy::manual_is_multiple_of)]
fn validate_period(period: Duration) -> Result<(), BuildError> {
    if period.subsec_nanos() != 0 {
        return Err(BuildError::invalid_field(
            "period",
            format!(
                "'{} millis' cannot be converted into a whole number of seconds.",
                period.as_millis()
            ),
        ));
    }
    let seconds = period.as_secs();
    if matches!(seconds, 1 | 5 | 10 | 30) || seconds % 60 == 0 {
        Ok(())
    } else {
        Err(BuildError::invalid_field(
            "period",
            format!(
                "'period' must be 1, 5, 10, 30, or a multiple of 60 seconds, received {seconds}"
            ),
        ))
    }
}

/// `validateDimensions`: at most 30; names and literal values of 1 to 255 characters; no
/// `null` value. Token values are not checked (aws-cdk-lib checks the length of their
/// placeholder, which always fits).
fn validate_dimensions(dimensions: &Map) -> Result<(), BuildError> {
    let fail = |reason: String| Err(BuildError::invalid_field("dimensions", reason));
    if dimensions.len() > MAX_DIMENSIONS {
        return fail(format!(
            "The maximum number of dimensions is 30, received {}",
            dimensions.len()
        ));
    }
    let in_range = |n: usize| (1..=MAX_DIMENSION_LENGTH).contains(&n);
    for (name, value) in dimensions {
        if matches!(value, Value::Null) || value.is_absent() {
            let shown = if value.is_absent() { "undefined" } else { "null" };
            return fail(format!("Dimension value of '{shown}' is invalid for key: {name}"));
        }
        if !in_range(js_length(name)) {
            return fail(format!(
                "Dimension name must be at least 1 and no more than 255 characters; received {name}"
            ));
        }
        let length = match value {
            Value::String(s) => Some(js_length(s)),
            Value::Array(a) => Some(a.len()),
            _ => None,
        };
        if length.is_some_and(|n| !in_range(n)) {
            let shown = value.as_literal_string().unwrap_or_else(|| "<list>".into());
            return fail(format!(
                "Dimension value must be at least 1 and no more than 255 characters; received {shown}"
            ));
        }
    }
    Ok(())
}

/// A CloudWatch metric (`Metric`): what an [`Alarm`](crate::Alarm) watches.
///
/// A metric is a value, not a construct: it adds nothing to the tree until an alarm uses it.
/// The statistic is kept normalized (`sum` is `Sum`, `P99` is `p99`).
///
/// ```
/// use std::time::Duration;
/// use cdk_cloudwatch::{Metric, MetricOptions, MetricProps};
/// let errors = Metric::new(
///     MetricProps::builder()
///         .namespace("AWS/ApiGateway")
///         .metric_name("5XXError")
///         .dimension("ApiName", "books")
///         .statistic("sum"),
/// )?;
/// assert_eq!((errors.statistic(), errors.period()), ("Sum", Duration::from_secs(300)));
/// let p99 = errors.with(MetricOptions::builder().statistic("p99").period(Duration::from_secs(60)))?;
/// assert_eq!((p99.statistic(), p99.period()), ("p99", Duration::from_secs(60)));
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    namespace: String,
    metric_name: String,
    dimensions: Map,
    period: Duration,
    statistic: String,
    unit: Option<Unit>,
    label: Option<String>,
    color: Option<String>,
    stack_account: Option<String>,
    stack_region: Option<String>,
    warnings: Vec<(String, String)>,
}

impl Metric {
    /// A metric (CDK's `new Metric(props)`): `props` is a [`MetricProps`] or its unfinished
    /// builder.
    ///
    /// # Errors
    /// [`Error::Build`] for missing fields, an invalid period or invalid dimensions.
    pub fn new(props: impl cdk_core::IntoProps<MetricProps>) -> Result<Metric, Error> {
        let props = props.into_props()?;
        // Props built elsewhere (or changed after `build()`) are checked again.
        validate_period(props.period.unwrap_or(DEFAULT_PERIOD))
            .and_then(|()| validate_dimensions(&props.dimensions))
            .map_err(|e| e.in_props("MetricProps"))?;
        Ok(Metric::from_props(props))
    }

    fn from_props(props: MetricProps) -> Metric {
        let raw = props
            .statistic
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| statistic::AVERAGE.to_string());
        let parsed = statistic::parse_statistic(&raw);
        let mut warnings = Vec::new();
        if let ParsedStatistic::Unparseable(original) = &parsed {
            let label = match props.label.as_deref() {
                Some(l) if !l.is_empty() => format!(", label \"{l}\""),
                _ => String::new(),
            };
            warnings.push((
                "CloudWatch:Alarm:UnrecognizedStatistic".to_string(),
                format!(
                    "Unrecognized statistic \"{original}\" for metric with namespace \"{}\"{label} and metric name \"{}\". Preferably use the `aws_cloudwatch.Stats` helper class to specify a statistic. You can ignore this warning if your statistic is valid but not yet supported by the `aws_cloudwatch.Stats` helper class.",
                    props.namespace, props.metric_name
                ),
            ));
        }
        Metric {
            namespace: props.namespace,
            metric_name: props.metric_name,
            dimensions: props.dimensions,
            period: props.period.unwrap_or(DEFAULT_PERIOD),
            statistic: parsed.normalized(),
            unit: props.unit,
            label: props.label,
            color: props.color,
            stack_account: None,
            stack_region: None,
            warnings,
        }
    }

    /// This metric with some of its properties changed (`with`); dimensions, when given,
    /// replace all of the metric's. `options` is a [`MetricOptions`] or its unfinished
    /// builder.
    ///
    /// # Errors
    /// [`Error::Build`] for an invalid period or invalid dimensions.
    pub fn with(&self, options: impl cdk_core::IntoProps<MetricOptions>) -> Result<Metric, Error> {
        let options = options.into_props()?;
        if let Some(p) = options.period {
            validate_period(p).map_err(|e| e.in_props("MetricOptions"))?;
        }
        if let Some(d) = &options.dimensions {
            validate_dimensions(d).map_err(|e| e.in_props("MetricOptions"))?;
        }
        let mut next = Metric::from_props(MetricProps {
            namespace: self.namespace.clone(),
            metric_name: self.metric_name.clone(),
            dimensions: options.dimensions.unwrap_or_else(|| self.dimensions.clone()),
            period: Some(options.period.unwrap_or(self.period)),
            statistic: Some(options.statistic.unwrap_or_else(|| self.statistic.clone())),
            unit: options.unit.or(self.unit),
            label: options.label.or_else(|| self.label.clone()),
            color: options.color.or_else(|| self.color.clone()),
        });
        next.stack_account = self.stack_account.clone();
        next.stack_region = self.stack_region.clone();
        Ok(next)
    }

    /// This metric as seen from the stack of `scope` (`attachTo`): it takes the stack's
    /// account and region when they are literals, so that an alarm in another account or
    /// region can tell.
    ///
    /// # Errors
    /// [`Error::NoStack`] when `scope` is not in a stack.
    pub fn attach_to(&self, scope: &impl Construct) -> Result<Metric, Error> {
        let stack = scope.node().stack()?;
        let mut next = self.clone();
        if let Some(a) = stack.account().as_str() {
            next.stack_account = Some(a.to_string());
        }
        if let Some(r) = stack.region().as_str() {
            next.stack_region = Some(r.to_string());
        }
        Ok(next)
    }

    /// The namespace.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The metric name.
    pub fn metric_name(&self) -> &str {
        &self.metric_name
    }

    /// The dimensions, in the order they were given (alarms sort them by name).
    pub fn dimensions(&self) -> &Map {
        &self.dimensions
    }

    /// The period.
    pub fn period(&self) -> Duration {
        self.period
    }

    /// The statistic, normalized (`Sum`, `p99`, `TM(10%:90%)`).
    pub fn statistic(&self) -> &str {
        &self.statistic
    }

    /// The unit filter, if any.
    pub fn unit(&self) -> Option<Unit> {
        self.unit
    }

    /// The label, if any.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The color in graphs, if any.
    pub fn color(&self) -> Option<&str> {
        self.color.as_deref()
    }

    /// The account of the metric: the literal account of the stack it was attached to.
    pub fn account(&self) -> Option<&str> {
        self.stack_account.as_deref()
    }

    /// The region of the metric: the literal region of the stack it was attached to.
    pub fn region(&self) -> Option<&str> {
        self.stack_region.as_deref()
    }

    /// Warnings about this metric, as (id, message): an unrecognized statistic
    /// (`CloudWatch:Alarm:UnrecognizedStatistic`). aws-cdk-lib reports them as warnings on
    /// the alarms that use the metric.
    pub fn warnings(&self) -> &[(String, String)] {
        &self.warnings
    }

    /// The dimensions sorted by name, as JavaScript's default sort orders them (by UTF-16
    /// code units) (`dimensionsAsList`).
    pub(crate) fn dimensions_sorted(&self) -> Vec<(&str, &Value)> {
        let mut dims: Vec<(&str, &Value)> = self.dimensions.iter().collect();
        dims.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        dims
    }

    /// Re-checks period and dimensions (props and options may have been changed after
    /// `build()`, their fields being public).
    pub(crate) fn validate(&self) -> Result<(), BuildError> {
        validate_period(self.period)?;
        validate_dimensions(&self.dimensions)
    }
}

/// `toString`: the label if set and not empty, else the metric name.
impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label.as_deref() {
            Some(l) if !l.is_empty() => f.write_str(l),
            _ => f.write_str(&self.metric_name),
        }
    }
}

impl From<&Metric> for Metric {
    /// A handle to the same Metric (handles are cheap to clone), so setters take `&x`.
    fn from(x: &Metric) -> Metric {
        x.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props() -> MetricPropsBuilder {
        MetricProps::builder().namespace("NS").metric_name("M")
    }

    fn invalid(builder: MetricPropsBuilder) -> String {
        builder.build().unwrap_err().to_string()
    }

    #[test]
    fn defaults_are_five_minutes_and_average() {
        let m = Metric::new(props()).unwrap();
        assert_eq!(m.period(), Duration::from_secs(300));
        assert_eq!(m.statistic(), "Average");
        assert!(m.dimensions().is_empty());
        assert!(m.warnings().is_empty());
        assert_eq!(m.to_string(), "M");
        let empty = Metric::new(props().statistic("")).unwrap();
        assert_eq!(empty.statistic(), "Average");
    }

    #[test]
    fn required_fields() {
        let e = MetricProps::builder().namespace("NS").build().unwrap_err();
        assert!(e.to_string().contains("metric_name"), "{e}");
        let e = MetricProps::builder().metric_name("M").build().unwrap_err();
        assert!(e.to_string().contains("namespace"), "{e}");
    }

    #[test]
    fn statistics_are_normalized() {
        for (input, expected) in [("sum", "Sum"), ("n", "SampleCount"), ("P99", "p99")] {
            let m = Metric::new(props().statistic(input)).unwrap();
            assert_eq!(m.statistic(), expected);
        }
    }

    #[test]
    fn unrecognized_statistics_warn() {
        let m = Metric::new(props().statistic("bogus").label("L")).unwrap();
        assert_eq!(m.statistic(), "bogus");
        let (id, message) = &m.warnings()[0];
        assert_eq!(id, "CloudWatch:Alarm:UnrecognizedStatistic");
        assert!(message.starts_with(
            "Unrecognized statistic \"bogus\" for metric with namespace \"NS\", label \"L\" and metric name \"M\"."
        ));
    }

    #[test]
    fn periods() {
        for ok in [1, 5, 10, 30, 60, 120, 3600, 0] {
            assert!(props().period(Duration::from_secs(ok)).build().is_ok(), "{ok}");
        }
        let e = invalid(props().period(Duration::from_millis(1500)));
        assert!(e.ends_with("'1500 millis' cannot be converted into a whole number of seconds."));
        for bad in [2, 15, 45, 90] {
            let e = invalid(props().period(Duration::from_secs(bad)));
            assert!(
                e.ends_with(&format!(
                    "'period' must be 1, 5, 10, 30, or a multiple of 60 seconds, received {bad}"
                )),
                "{e}"
            );
        }
        let e = MetricOptions::builder().period(Duration::from_secs(7)).build().unwrap_err();
        assert!(e.to_string().contains("received 7"), "{e}");
    }

    #[test]
    fn dimension_rules() {
        let many = (0..31).map(|i| (format!("d{i}"), "v"));
        let e = invalid(props().dimensions(many));
        assert!(e.ends_with("The maximum number of dimensions is 30, received 31"), "{e}");
        assert!(props().dimensions((0..30).map(|i| (format!("d{i}"), "v"))).build().is_ok());
        let e = invalid(props().dimension("", "v"));
        assert!(e.contains("Dimension name must be at least 1"), "{e}");
        let e = invalid(props().dimension("x".repeat(256), "v"));
        assert!(e.contains("Dimension name must be at least 1"), "{e}");
        let e = invalid(props().dimension("k", ""));
        assert!(
            e.ends_with(
                "Dimension value must be at least 1 and no more than 255 characters; received "
            ),
            "{e}"
        );
        let e = invalid(props().dimension("k", "v".repeat(256)));
        assert!(e.contains("Dimension value must be at least 1"), "{e}");
        let e = invalid(props().dimension("k", Value::Null));
        assert!(e.ends_with("Dimension value of 'null' is invalid for key: k"), "{e}");
        assert!(props().dimension("k", "v".repeat(255)).dimension("n", 3).build().is_ok());
        let e = MetricOptions::builder().dimension("k", "").build().unwrap_err();
        assert!(e.to_string().contains("Dimension value must be"), "{e}");
    }

    #[test]
    fn with_changes_only_what_is_given() {
        let m =
            Metric::new(props().dimension("B", "b").dimension("A", "a").unit(Unit::Count)).unwrap();
        let n = m.with(MetricOptions::builder().statistic("max")).unwrap();
        assert_eq!(n.statistic(), "Maximum");
        assert_eq!(n.dimensions(), m.dimensions());
        assert_eq!(n.unit(), Some(Unit::Count));
        assert_eq!(m.with(MetricOptions::default()).unwrap(), m);
        let d = m.with(MetricOptions::builder().dimension("C", "c")).unwrap();
        assert_eq!(d.dimensions().keys().collect::<Vec<_>>(), ["C"]);
        let sorted: Vec<&str> = m.dimensions_sorted().iter().map(|(k, _)| *k).collect();
        assert_eq!(sorted, ["A", "B"]);
    }

    #[test]
    fn options_override_builder_defaults() {
        let p = props()
            .dimension("ApiName", "a")
            .statistic("Sum")
            .options(
                MetricOptions::builder()
                    .statistic("p90")
                    .period(Duration::from_secs(60))
                    .build()
                    .unwrap(),
            )
            .build()
            .unwrap();
        assert_eq!(p.statistic.as_deref(), Some("p90"));
        assert_eq!(p.period, Some(Duration::from_secs(60)));
        assert_eq!(p.dimensions.len(), 1);
    }

    #[test]
    fn dimensions_sort_by_utf16_code_units() {
        // U+FF21 sorts before U+10000 by code point, after it by UTF-16 code units (JavaScript).
        let m = Metric::new(
            props().dimension("\u{10000}", "x").dimension("\u{ff21}", "y").dimension("Z", "z"),
        )
        .unwrap();
        let sorted: Vec<&str> = m.dimensions_sorted().iter().map(|(k, _)| *k).collect();
        assert_eq!(sorted, ["Z", "\u{10000}", "\u{ff21}"]);
    }
}
