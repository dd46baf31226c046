//! Imports of the neighbour crates against an aws-cdk-lib 2.276.0 golden: queues, topics,
//! streams, event buses and tables imported by literal ARN, token ARN or name, granted to
//! one role (their statements merged as `@aws-cdk/aws-iam:minimizePolicies` merges them),
//! and outputs of what the imports derive from the ARNs. Compared byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;

use cdk_core::{
    App, AppProps, CfnOutput, CfnOutputProps, CfnParameter, CfnParameterProps, Error, Stack,
};
use cdk_dynamodb::{ITable, Table};
use cdk_events::{EventBus, EventPattern, IEventBus, Rule, RuleProps};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_kinesis::{IStream, Stream};
use cdk_sns::{ITopic, Topic};
use cdk_sqs::{IQueue, Queue};

type TestResult = Result<(), Box<dyn StdError>>;

fn output(stack: &Stack, id: &str, value: cdk_core::Value) -> Result<(), Error> {
    CfnOutput::new(stack, id, CfnOutputProps::builder().value(value)).map(|_| ())
}

/// zz-neigh-imports.
#[test]
fn zz_neigh_imports() -> TestResult {
    let out = std::env::temp_dir().join("cdk-sqs-imports-zz-neigh-imports");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let role = Role::new(
        &stack,
        "Role",
        RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
    )?;
    let arn =
        CfnParameter::new(&stack, "Arn", CfnParameterProps::builder().type_("String").build()?)?
            .value();

    let q1 = Queue::from_queue_arn(&stack, "Q1", "arn:aws:sqs:eu-west-1:123456789012:orders.fifo")?;
    let q2 = Queue::from_queue_arn(&stack, "Q2", arn.clone())?;
    q1.grant_send_messages(&role)?;
    q2.grant_consume_messages(&role)?;
    assert!(q1.fifo() && !q2.fifo());
    output(&stack, "Q1Url", q1.queue_url())?;
    output(&stack, "Q1Name", q1.queue_name())?;
    output(&stack, "Q2Url", q2.queue_url())?;
    output(&stack, "Q2Name", q2.queue_name())?;

    let t1 = Topic::from_topic_arn(&stack, "T1", "arn:aws:sns:eu-west-1:123456789012:alerts")?;
    let t2 = Topic::from_topic_arn(&stack, "T2", arn.clone())?;
    t1.grant_publish(&role)?;
    t2.grant_publish(&role)?;
    output(&stack, "T1Name", t1.topic_name())?;
    output(&stack, "T2Name", t2.topic_name())?;

    let s1 = Stream::from_stream_arn(
        &stack,
        "S1",
        "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
    )?;
    let s2 = Stream::from_stream_arn(&stack, "S2", arn.clone())?;
    s1.grant_write(&role)?;
    s2.grant_read(&role)?;
    output(&stack, "S1Name", s1.stream_name())?;
    output(&stack, "S2Name", s2.stream_name())?;

    let b1 = EventBus::from_event_bus_arn(
        &stack,
        "B1",
        "arn:aws:events:eu-west-1:123456789012:event-bus/orders",
    )?;
    let b2 = EventBus::from_event_bus_name(&stack, "B2", "billing")?;
    let b3 = EventBus::from_event_bus_arn(&stack, "B3", arn.clone())?;
    b1.grant_put_events_to(&role)?;
    b2.grant_put_events_to(&role)?;
    b3.grant_put_events_to(&role)?;
    Rule::new(
        &stack,
        "OnBilling",
        RuleProps::builder()
            .event_bus(&b2)
            .event_pattern(EventPattern::builder().source(["billing"]).build()?),
    )?;
    output(&stack, "B1Name", b1.event_bus_name())?;
    output(&stack, "B3Name", b3.event_bus_name())?;

    let d1 = Table::from_table_name(&stack, "D1", "users")?;
    let d2 = Table::from_table_arn(
        &stack,
        "D2",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/sessions",
    )?;
    // A table grant's resources hold a lazy `<arn>/index/*`, so aws-cdk-lib never merges them
    // with another statement on the same ARN (it compares unresolved tokens; cdk-iam compares
    // resolved values): the golden gives D3 its own parameter.
    let table_arn = CfnParameter::new(
        &stack,
        "TableArn",
        CfnParameterProps::builder().type_("String").build()?,
    )?
    .value();
    let d3 = Table::from_table_arn(&stack, "D3", table_arn)?;
    d1.grant_read_data(&role)?;
    d2.grant_write_data(&role)?;
    d3.grant_read_write_data(&role)?;
    output(&stack, "D2Name", d2.table_name())?;
    output(&stack, "D3Name", d3.table_name())?;
    output(&stack, "D1Arn", d1.table_arn())?;
    app.synth()?;

    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens/zz-neigh-imports/Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(&golden)?;
    assert!(o == g, "differs from {}:\n{o}", golden.display());
    Ok(())
}
