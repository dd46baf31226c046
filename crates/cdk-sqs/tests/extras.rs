//! Less common options against an aws-cdk-lib 2.276.0 golden: a queue's redrive allow
//! policy, a stream's shard-level metrics, a table's stream grants with its customer managed
//! key. Compared byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;

use cdk_core::{App, AppProps, Stack};
use cdk_dynamodb::{
    Attribute, AttributeType, ITable, StreamViewType, Table, TableEncryption, TableProps,
};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_kinesis::{ShardLevelMetrics, Stream, StreamProps};
use cdk_sqs::{Queue, QueueProps, RedriveAllowPolicy, RedrivePermission};

type TestResult = Result<(), Box<dyn StdError>>;

/// zz-neigh-extras.
#[test]
fn zz_neigh_extras() -> TestResult {
    let out = std::env::temp_dir().join("cdk-sqs-extras-zz-neigh-extras");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let service =
        || RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com"));
    let role = Role::new(&stack, "Role", service())?;
    let source = Queue::new(&stack, "Source", QueueProps::default())?;
    Queue::new(
        &stack,
        "ByQueue",
        QueueProps::builder()
            .redrive_allow_policy(RedriveAllowPolicy::builder().source_queue(&source).build()?),
    )?;
    Queue::new(
        &stack,
        "DenyAll",
        QueueProps::builder().redrive_allow_policy(
            RedriveAllowPolicy::builder().redrive_permission(RedrivePermission::DenyAll).build()?,
        ),
    )?;
    Queue::new(
        &stack,
        "AllowAll",
        QueueProps::builder().redrive_allow_policy(RedriveAllowPolicy::default()),
    )?;
    Stream::new(
        &stack,
        "Metrics",
        StreamProps::builder().shard_level_metrics([
            ShardLevelMetrics::IncomingBytes,
            ShardLevelMetrics::OutgoingRecords,
        ]),
    )?;
    let table = Table::new(
        &stack,
        "Table",
        TableProps::builder()
            .partition_key(Attribute::new("id", AttributeType::String))
            .stream(StreamViewType::NewImage)
            .encryption(TableEncryption::CustomerManaged),
    )?;
    table.grant_stream_read(&role)?;
    let other = Role::new(&stack, "Other", service())?;
    table.grant_table_list_streams(&other)?;
    table.grant_stream(&other, ["dynamodb:DescribeStream"])?;
    app.synth()?;

    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens/zz-neigh-extras/Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(&golden)?;
    assert!(o == g, "differs from {}:\n{o}", golden.display());
    Ok(())
}

/// The rules aws-cdk-lib checks, as errors naming the construct.
#[test]
fn extras_rules() -> TestResult {
    let app = App::new();
    let stack = Stack::new(&app, "Stack")?;
    let source = Queue::new(&stack, "Source", QueueProps::default())?;
    let deny_with_sources = RedriveAllowPolicy::builder()
        .redrive_permission(RedrivePermission::DenyAll)
        .source_queue(&source)
        .build()?;
    assert!(Queue::new(&stack, "A", QueueProps::builder().redrive_allow_policy(deny_with_sources))
        .is_err());
    let by_queue_without =
        RedriveAllowPolicy::builder().redrive_permission(RedrivePermission::ByQueue).build()?;
    assert!(Queue::new(&stack, "B", QueueProps::builder().redrive_allow_policy(by_queue_without))
        .is_err());
    let all_and_more = StreamProps::builder()
        .shard_level_metrics([ShardLevelMetrics::All, ShardLevelMetrics::IncomingBytes]);
    assert!(Stream::new(&stack, "C", all_and_more).is_err());
    let twice = StreamProps::builder()
        .shard_level_metrics([ShardLevelMetrics::IncomingBytes, ShardLevelMetrics::IncomingBytes]);
    assert!(Stream::new(&stack, "D", twice).is_err());
    let no_stream = Table::new(
        &stack,
        "E",
        TableProps::builder().partition_key(Attribute::new("id", AttributeType::String)),
    )?;
    let role = Role::new(
        &stack,
        "Role",
        RoleProps::builder().assumed_by(Principal::service("x.amazonaws.com")),
    )?;
    let err = no_stream.grant_stream_read(&role).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("Stack/E: DynamoDB Streams must be enabled on the table Stack/E")
    );
    Ok(())
}
