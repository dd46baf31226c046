//! SQS resources against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, RemovalPolicy, Stack};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_sqs::{DeadLetterQueue, IQueue, Queue, QueueEncryption, QueueProps};

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
    let out = std::env::temp_dir().join(format!("cdk-sqs-goldens-{case}"));
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

/// zz-sqs-queue: defaults and props, the four grants merged into one default policy,
/// enforceSSL's queue policy, a dead-letter queue, outputs.
#[test]
fn zz_sqs_queue() -> TestResult {
    let out = synth("zz-sqs-queue", |app| {
        let stack = Stack::new(app, "Stack")?;
        let plain = Queue::new(&stack, "Plain", QueueProps::default())?;
        let dlq = Queue::new(
            &stack,
            "Dlq",
            QueueProps::builder().retention_period(Duration::from_secs(14 * 86_400)),
        )?;
        let full = Queue::new(
            &stack,
            "Full",
            QueueProps::builder()
                .queue_name("full-queue")
                .visibility_timeout(Duration::from_secs(60))
                .retention_period(Duration::from_secs(4 * 86_400))
                .delivery_delay(Duration::from_secs(5))
                .receive_message_wait_time(Duration::from_secs(20))
                .max_message_size_bytes(1024u32)
                .encryption(QueueEncryption::KmsManaged)
                .data_key_reuse(Duration::from_secs(300))
                .dead_letter_queue(
                    DeadLetterQueue::builder().queue(&dlq).max_receive_count(3u32).build()?,
                )
                .removal_policy(RemovalPolicy::Retain),
        )?;
        let fifo = Queue::new(
            &stack,
            "Fifo",
            QueueProps::builder()
                .fifo(true)
                .content_based_deduplication(true)
                .encryption(QueueEncryption::SqsManaged),
        )?;
        let named =
            Queue::new(&stack, "NamedFifo", QueueProps::builder().queue_name("orders.fifo"))?;
        let ssl = Queue::new(
            &stack,
            "Ssl",
            QueueProps::builder().encryption(QueueEncryption::Unencrypted).enforce_ssl(true),
        )?;
        let role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        plain.grant_send_messages(&role)?;
        full.grant_consume_messages(&role)?;
        fifo.grant_purge(&role)?;
        named.grant(&role, ["sqs:ChangeMessageVisibility", "sqs:SendMessage"])?;
        ssl.grant_send_messages(&role)?;
        CfnOutput::new(&stack, "Url", CfnOutputProps::builder().value(plain.queue_url()))?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(plain.queue_name()))?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(full.queue_arn()))?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-sqs-queue"))
}
