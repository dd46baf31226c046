//! EventBridge resources against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, Stack};
use cdk_events::{EventBus, EventBusProps, EventPattern, IEventBus, Rule, RuleProps, Schedule};
use cdk_iam::{Principal, Role, RoleProps};

type TestResult = Result<(), Box<dyn StdError>>;

fn golden(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

/// Builds an app writing to a fresh folder, runs `build`, synthesizes; returns the folder.
fn synth(
    case: &str,
    build: impl FnOnce(&App) -> Result<(), Error>,
) -> Result<PathBuf, Box<dyn StdError>> {
    let out = std::env::temp_dir().join(format!("cdk-events-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    build(&app)?;
    app.synth()?;
    Ok(out)
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

/// zz-events-bus: a bus with a generated name and a named one, grantPutEventsTo merged into
/// one statement, a rule on the named bus and a disabled scheduled rule.
#[test]
fn zz_events_bus() -> TestResult {
    let out = synth("zz-events-bus", |app| {
        let stack = Stack::new(app, "Stack")?;
        let plain = EventBus::new(&stack, "Bus", EventBusProps::default())?;
        let named = EventBus::new(
            &stack,
            "Named",
            EventBusProps::builder().event_bus_name("my-bus").description("a bus"),
        )?;
        let role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        plain.grant_put_events_to(&role)?;
        named.grant_put_events_to(&role)?;
        Rule::new(
            &stack,
            "Rule",
            RuleProps::builder()
                .event_bus(&named)
                .event_pattern(
                    EventPattern::builder().source(["my.app"]).detail_type(["order"]).build()?,
                )
                .description("orders"),
        )?;
        Rule::new(
            &stack,
            "Scheduled",
            RuleProps::builder().schedule(Schedule::rate(Duration::from_secs(300))?).enabled(false),
        )?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(plain.event_bus_arn()))?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(plain.event_bus_name()))?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-events-bus"))
}
