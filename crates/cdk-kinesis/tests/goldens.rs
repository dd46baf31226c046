//! Kinesis resources against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, RemovalPolicy, Stack};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_kinesis::{IStream, Stream, StreamEncryption, StreamMode, StreamProps};

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
    let out = std::env::temp_dir().join(format!("cdk-kinesis-goldens-{case}"));
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

/// zz-kinesis-stream: defaults (the region condition, created once), props, the three grants.
#[test]
fn zz_kinesis_stream() -> TestResult {
    let out = synth("zz-kinesis-stream", |app| {
        let stack = Stack::new(app, "Stack")?;
        let plain = Stream::new(&stack, "Plain", StreamProps::default())?;
        let second = Stream::new(&stack, "Second", StreamProps::builder().shard_count(2u32))?;
        let full = Stream::new(
            &stack,
            "Full",
            StreamProps::builder()
                .stream_name("my-stream")
                .shard_count(3u32)
                .retention_period(Duration::from_secs(48 * 3600))
                .encryption(StreamEncryption::Managed)
                .removal_policy(RemovalPolicy::Destroy),
        )?;
        let on_demand = Stream::new(
            &stack,
            "OnDemand",
            StreamProps::builder()
                .stream_mode(StreamMode::OnDemand)
                .encryption(StreamEncryption::Unencrypted),
        )?;
        let service =
            || RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com"));
        let reader = Role::new(&stack, "Reader", service())?;
        let writer = Role::new(&stack, "Writer", service())?;
        plain.grant_read(&reader)?;
        second.grant_read(&reader)?;
        full.grant_write(&writer)?;
        on_demand.grant_read_write(&writer)?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(plain.stream_arn()))?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(full.stream_name()))?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-kinesis-stream"))
}
