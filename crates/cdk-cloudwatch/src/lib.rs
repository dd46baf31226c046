//! # cdk-cloudwatch
//!
//! A thin L2 over [`cfn_cloudwatch`]: the [`Metric`] and [`Alarm`] of
//! `aws-cdk-lib/aws-cloudwatch`, with their defaults (five-minute periods, the `Average`
//! statistic, `GreaterThanOrEqualToThreshold`) and the statistic aliases and percentiles of
//! `parseStatistic` (`sum`, `avg`, `n`, `min`, `max`, `p99`, `tm90`, ...), and the
//! [`Dashboard`] with its [`GraphWidget`], [`SingleValueWidget`] and [`TextWidget`].
//!
//! ```
//! use cdk_cloudwatch::{Alarm, AlarmProps, Metric, MetricProps};
//! use cdk_core::{App, Construct, Stack};
//! let app = App::new();
//! # app.skip_synth_check();
//! let stack = Stack::new(&app, "Stack")?;
//! let latency = Metric::new(
//!     MetricProps::builder()
//!         .namespace("AWS/ApiGateway")
//!         .metric_name("Latency")
//!         .dimension("ApiName", "books")
//!         .statistic("p99"),
//! )?;
//! let alarm = Alarm::new(&stack, "LatencyAlarm", AlarmProps::builder()
//!     .metric(latency).threshold(1000).evaluation_periods(3))?;
//! assert_eq!(alarm.metric().statistic(), "p99"); // rendered as `ExtendedStatistic`
//! # Ok::<(), cdk_core::Error>(())
//! ```
//!
//! Modules port the files of `aws-cdk-lib/aws-cloudwatch/lib`: [`metric`] (`metric.ts`),
//! [`alarm`] (`alarm.ts`), [`dashboard`] (`dashboard.ts`), [`graph`] (`graph.ts` and
//! `private/rendering.ts`), [`text`] (`text.ts`), [`layout`] (`layout.ts`), [`widget`]
//! (`widget.ts`), and, privately, `private/statistic.ts`.

pub mod alarm;
pub mod dashboard;
pub mod graph;
pub mod layout;
pub mod metric;
mod statistic;
pub mod text;
pub mod widget;

pub use alarm::{Alarm, AlarmProps, AlarmPropsBuilder, ComparisonOperator, TreatMissingData};
pub use dashboard::{Dashboard, DashboardProps, DashboardPropsBuilder, PeriodOverride};
pub use graph::{
    Color, GraphWidget, GraphWidgetProps, GraphWidgetPropsBuilder, GraphWidgetView, LegendPosition,
    SingleValueWidget, SingleValueWidgetProps, SingleValueWidgetPropsBuilder, YAxisProps,
    YAxisPropsBuilder,
};
pub use layout::{Column, Row, Spacer};
pub use metric::{
    Metric, MetricOptions, MetricOptionsBuilder, MetricProps, MetricPropsBuilder, Unit,
};
pub use text::{TextWidget, TextWidgetBackground, TextWidgetProps, TextWidgetPropsBuilder};
pub use widget::{IWidget, Widget, GRID_WIDTH};
