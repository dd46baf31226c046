//! CloudWatch dashboards against aws-cdk-lib 2.276.0 goldens: each test rebuilds the
//! `app.js` beside its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;
use std::time::Duration;

use cdk_cloudwatch::{
    Color, Dashboard, DashboardProps, GraphWidget, GraphWidgetProps, Metric, MetricOptions,
    MetricProps, PeriodOverride, SingleValueWidget, SingleValueWidgetProps, TextWidget,
    TextWidgetProps,
};
use cdk_core::{App, AppProps, Aws, Stack};

type TestResult = Result<(), Box<dyn StdError>>;

#[test]
fn zz_cloudwatch_dashboard() -> TestResult {
    let case = "zz-cloudwatch-dashboard";
    let out = std::env::temp_dir().join(format!("cdk-cloudwatch-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let errors = Metric::new(
        MetricProps::builder()
            .namespace("AWS/ApiGateway")
            .metric_name("5XXError")
            .dimension("ApiName", "books")
            .statistic("Sum")
            .color(Color::RED)
            .label("Errors"),
    )?;
    let latency = Metric::new(
        MetricProps::builder()
            .namespace("AWS/ApiGateway")
            .metric_name("Latency")
            .dimension("ApiName", "books")
            .period(Duration::from_secs(60)),
    )?;
    let count = Metric::new(
        MetricProps::builder()
            .namespace("AWS/ApiGateway")
            .metric_name("Count")
            .dimension("ApiName", Aws::stack_name()),
    )?;
    let dash = Dashboard::new(
        &stack,
        "Dash",
        DashboardProps::builder()
            .dashboard_name("my-dashboard")
            .period_override(PeriodOverride::Auto)
            .start("-P1W")
            .widgets([TextWidget::new(
                TextWidgetProps::builder().markdown("# Books API").width(24).height(2),
            )?
            .into()]),
    )?;
    dash.add_widgets([
        GraphWidget::new(
            GraphWidgetProps::builder()
                .title("Errors and latency")
                .left([errors])
                .right([latency])
                .width(12),
        )?
        .into(),
        SingleValueWidget::new(
            SingleValueWidgetProps::builder().title("Requests").metrics([count.clone()]),
        )?
        .into(),
    ]);
    let green = count.with(MetricOptions::builder().color(Color::GREEN).label("Requests"))?;
    dash.add_widgets([GraphWidget::new(
        GraphWidgetProps::builder().title("Count").left([green]).stacked(true),
    )?
    .into()]);
    Dashboard::new(&stack, "Plain", DashboardProps::default())?;
    app.synth()?;
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "differs:\n{o}");
    Ok(())
}
