//! Twin of `core-cases/core-multi-stack/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-multi-stack", build);

/// core-cases/core-multi-stack
fn build(app: &App, _: &Path) -> Result<(), Error> {
    Tags::of(app).add("app", "core-multi-stack");

    let producer = Stack::new(app, "Producer")?;
    let destroy = BucketProps::builder().removal_policy(RemovalPolicy::Destroy);
    let bucket = Bucket::new(&producer, "Shared", destroy)?;

    let consumer = Stack::new(app, "Consumer")?;
    let name = cfn_format!("/data/{}", bucket.bucket_name());
    CfnLogGroup::new(&consumer, "Group", CfnLogGroupProps::builder().log_group_name(name))?;
    CfnOutput::new(&consumer, "BucketArn", CfnOutputProps::builder().value(bucket.bucket_arn()))?;

    let pinned = Stack::with_props(
        app,
        "Pinned",
        StackProps::builder()
            .env(Environment::new("123456789012", "eu-west-1"))
            .stack_name("pinned-stack-name"),
    )?;
    let name = cfn_format!("/pinned/{}/{}", pinned.region(), pinned.account());
    CfnLogGroup::new(&pinned, "Group", CfnLogGroupProps::builder().log_group_name(name))?;
    let url = cfn_format!("https://s3.{}.{}/x", pinned.region(), pinned.url_suffix());
    CfnOutput::new(&pinned, "Url", CfnOutputProps::builder().value(url))?;

    let last = Stack::new(app, "Last")?;
    CfnLogGroup::new(&last, "Group", CfnLogGroupProps::default())?;
    last.add_dependency(&pinned, None)?;
    last.add_dependency(&consumer, "ordering")?;
    Ok(())
}
