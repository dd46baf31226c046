//! Resource policies against an aws-cdk-lib 2.276.0 golden: statements added to a topic
//! (its `TopicPolicy` assigns statement ids) and to a queue (its `QueuePolicy` does not),
//! a topic enforcing TLS.
//! Compared byte for byte.

use std::error::Error as StdError;
use std::path::PathBuf;

use cdk_core::{App, AppProps, Stack};
use cdk_iam::PolicyStatement;
use cdk_sns::{ITopic, Topic, TopicProps};
use cdk_sqs::{IQueue, Queue, QueueProps};

type TestResult = Result<(), Box<dyn StdError>>;

/// zz-resource-policies.
#[test]
fn zz_resource_policies() -> TestResult {
    let out = std::env::temp_dir().join("cdk-sqs-resource-policies");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let topic = Topic::new(&stack, "Topic", TopicProps::default())?;
    topic.add_to_resource_policy(
        PolicyStatement::new()
            .principal("Service", "events.amazonaws.com")
            .actions(["sns:Publish"])
            .resources([topic.topic_arn()]),
    )?;
    topic.add_to_resource_policy(
        PolicyStatement::new()
            .principal("Service", "s3.amazonaws.com")
            .actions(["sns:Publish"])
            .resources([topic.topic_arn()])
            .condition("ArnLike", "aws:SourceArn", "arn:aws:s3:::bucket"),
    )?;
    let queue = Queue::new(&stack, "Queue", QueueProps::default())?;
    queue.add_to_resource_policy(
        PolicyStatement::new()
            .principal("Service", "sns.amazonaws.com")
            .actions(["sqs:SendMessage"])
            .resources([queue.queue_arn()])
            .condition("ArnEquals", "aws:SourceArn", topic.topic_arn()),
    )?;
    let ssl = Topic::new(&stack, "Ssl", TopicProps::builder().enforce_ssl(true))?;
    let root = cdk_core::Value::concat([
        cdk_core::Value::from("arn:"),
        cdk_core::Aws::partition(),
        cdk_core::Value::from(":iam::"),
        cdk_core::Aws::account_id(),
        cdk_core::Value::from(":root"),
    ]);
    ssl.add_to_resource_policy(
        PolicyStatement::new()
            .principal("AWS", root)
            .actions(["sns:Subscribe"])
            .resources([ssl.topic_arn()]),
    )?;
    app.synth()?;

    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens/zz-resource-policies/Stack.template.json");
    let o = std::fs::read_to_string(out.join("Stack.template.json"))?;
    let g = std::fs::read_to_string(&golden)?;
    assert!(o == g, "differs from {}:\n{o}", golden.display());
    Ok(())
}
