//! Twin of `core-cases/core-multi-stack/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-multi-stack", build);

/// core-cases/core-multi-stack
fn build(app: &App, _: &Path) -> Result<(), Error> {
    Tags::of(app).add("app", "core-multi-stack");
    let producer = Stack::new(app, "Producer")?;
    let shared = Bucket::new(
        &producer,
        "Shared",
        BucketProps::builder()
            .removal_policy(RemovalPolicy::Destroy)
            .build()
            .map_err(build_err("Producer/Shared"))?,
    )?;

    let consumer = Stack::new(app, "Consumer")?;
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(cfn_format!("/data/{}", shared.bucket_name()));
    CfnLogGroup::new(&consumer, "Group", props)?;
    CfnOutput::new(&consumer, "BucketArn", CfnOutputProps::new(shared.bucket_arn()))?;

    let pinned = Stack::with_props(
        app,
        "Pinned",
        StackProps::builder()
            .env(Environment::new("123456789012", "eu-west-1"))
            .stack_name("pinned-stack-name")
            .build()
            .map_err(build_err("Pinned"))?,
    )?;
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(cfn_format!("/pinned/{}/{}", pinned.region(), pinned.account()));
    CfnLogGroup::new(&pinned, "Group", props)?;
    CfnOutput::new(
        &pinned,
        "Url",
        CfnOutputProps::new(cfn_format!(
            "https://s3.{}.{}/x",
            pinned.region(),
            pinned.url_suffix()
        )),
    )?;

    let last = Stack::new(app, "Last")?;
    CfnLogGroup::new(&last, "Group", CfnLogGroupProps::default())?;
    last.add_dependency(&pinned, None);
    last.add_dependency(&consumer, Some("ordering"));
    Ok(())
}
