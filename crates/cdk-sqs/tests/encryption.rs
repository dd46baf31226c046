//! Customer managed KMS keys against an aws-cdk-lib 2.276.0 golden: `cdk_kms::Key` with
//! defaults and props, queues, a topic, streams and a table encrypted with a given or a
//! created key, and the key grants their grants add (merged with the others as
//! `@aws-cdk/aws-iam:minimizePolicies` merges them). Compared byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, RemovalPolicy, Stack};
use cdk_dynamodb::{Attribute, AttributeType, ITable, Table, TableEncryption, TableProps};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_kinesis::{IStream, Stream, StreamEncryption, StreamProps};
use cdk_kms::{IKey, Key, KeyProps};
use cdk_sns::{ITopic, Topic, TopicProps};
use cdk_sqs::{IQueue, Queue, QueueEncryption, QueueProps};

type TestResult = Result<(), Box<dyn StdError>>;

/// zz-kms-encryption.
#[test]
fn zz_kms_encryption() -> TestResult {
    let out = std::env::temp_dir().join("cdk-sqs-encryption-zz-kms-encryption");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let key = Key::new(&stack, "Key", KeyProps::default())?;
    let full = Key::new(
        &stack,
        "Full",
        KeyProps::builder()
            .description("shared key")
            .enable_key_rotation(true)
            .pending_window(Duration::from_secs(10 * 86_400))
            .alias("alias/shared")
            .removal_policy(RemovalPolicy::Destroy),
    )?;
    let role = Role::new(
        &stack,
        "Role",
        RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
    )?;
    let queue =
        Queue::new(&stack, "Queue", QueueProps::builder().encryption(QueueEncryption::Kms))?;
    let queue2 = Queue::new(&stack, "Queue2", QueueProps::builder().encryption_master_key(&key))?;
    queue.grant_send_messages(&role)?;
    queue2.grant_consume_messages(&role)?;
    let topic = Topic::new(&stack, "Topic", TopicProps::builder().master_key(&full))?;
    topic.grant_publish(&role)?;
    let stream =
        Stream::new(&stack, "Stream", StreamProps::builder().encryption(StreamEncryption::Kms))?;
    let stream2 = Stream::new(&stack, "Stream2", StreamProps::builder().encryption_key(&key))?;
    stream.grant_read(&role)?;
    stream2.grant_read_write(&role)?;
    let table = Table::new(
        &stack,
        "Table",
        TableProps::builder()
            .partition_key(Attribute::new("id", AttributeType::String))
            .encryption(TableEncryption::CustomerManaged),
    )?;
    table.grant_read_write_data(&role)?;
    key.grant_encrypt_decrypt(&role)?;
    CfnOutput::new(&stack, "KeyArn", CfnOutputProps::builder().value(key.key_arn()))?;
    CfnOutput::new(&stack, "KeyId", CfnOutputProps::builder().value(key.key_id()))?;
    app.synth()?;

    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens/zz-kms-encryption/Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(&golden)?;
    assert!(o == g, "differs from {}:\n{o}", golden.display());
    Ok(())
}
