//! SNS resources against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, Stack};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_sns::{FifoThroughputScope, ITopic, Topic, TopicProps};

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
    let out = std::env::temp_dir().join(format!("cdk-sns-goldens-{case}"));
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

/// zz-sns-topic: defaults and props, FIFO naming, grantPublish merged into one statement.
#[test]
fn zz_sns_topic() -> TestResult {
    let out = synth("zz-sns-topic", |app| {
        let stack = Stack::new(app, "Stack")?;
        let plain = Topic::new(&stack, "Plain", TopicProps::default())?;
        let named = Topic::new(
            &stack,
            "Named",
            TopicProps::builder().display_name("My topic").topic_name("my-topic"),
        )?;
        let fifo = Topic::new(
            &stack,
            "Fifo",
            TopicProps::builder().fifo(true).content_based_deduplication(true),
        )?;
        let fifo_named =
            Topic::new(&stack, "FifoNamed", TopicProps::builder().fifo(true).topic_name("orders"))?;
        let signed = Topic::new(&stack, "Signed", TopicProps::builder().signature_version("2"))?;
        Topic::new(
            &stack,
            "Retained",
            TopicProps::builder()
                .fifo(true)
                .message_retention_period_in_days(7u32)
                .fifo_throughput_scope(FifoThroughputScope::MessageGroup),
        )?;
        let role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        plain.grant_publish(&role)?;
        named.grant_publish(&role)?;
        fifo.grant_publish(&role)?;
        fifo_named.grant_publish(&role)?;
        signed.grant_publish(&role)?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(plain.topic_arn()))?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(plain.topic_name()))?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-sns-topic"))
}
