//! Twin of `core-cases/core-overrides-deps/app.js`.

use super::prelude::*;
use cfn_s3::bucket::VersioningConfiguration;
use serde_json::json;

/// The case.
pub(crate) const CASE: Case = Case::core("core-overrides-deps", build);

/// core-cases/core-overrides-deps
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::with_props(
        app,
        "Stack",
        StackProps::builder()
            .description("Core overrides and dependencies")
            .termination_protection(true)
            .tags([("team", "api"), ("cost-center", "42")]),
    )?;
    stack.add_template_metadata("Custom::Info", json!({ "owner": "platform" }));

    let bucket = CfnBucket::new(
        &stack,
        "Bucket",
        CfnBucketProps::builder()
            .bucket_name("my-bucket")
            .versioning_configuration(VersioningConfiguration::builder().status("Enabled").build()?)
            .tags([tag("a", "1"), tag("b", "2")]),
    )?;
    bucket.add_property_override("VersioningConfiguration.Status", "Suspended");
    bucket.add_property_override("Tags.1.Value", "two");
    let cors_rules = json!([{ "AllowedMethods": ["GET"], "AllowedOrigins": ["*"] }]);
    bucket.add_property_override("CorsConfiguration.CorsRules", cors_rules);
    bucket.add_override("Properties.ObjectLockEnabled", true);
    bucket.add_override("UpdateReplacePolicy", "Retain");
    bucket.add_property_deletion_override("BucketName");
    bucket.add_metadata("note", "kept");
    bucket.apply_removal_policy(RemovalPolicy::Retain);

    let group_a =
        CfnLogGroup::new(&stack, "GroupA", CfnLogGroupProps::builder().retention_in_days(1))?;
    group_a.apply_removal_policy(RemovalPolicy::Destroy);
    let group_b =
        CfnLogGroup::new(&stack, "GroupB", CfnLogGroupProps::builder().log_group_name("b"))?;
    group_b.add_deletion_override("Properties.LogGroupName");
    group_b.add_deletion_override("Properties.RetentionInDays");

    let zeta = stack.node().add_child("Zeta")?;
    CfnLogGroup::new(&zeta, "One", CfnLogGroupProps::default())?;
    CfnLogGroup::new(&zeta, "Two", CfnLogGroupProps::default())?;
    let alpha = stack.node().add_child("alpha")?;
    CfnLogGroup::new(&alpha, "Three", CfnLogGroupProps::default())?;

    let dependent = CfnBucket::new(&stack, "Dependent", CfnBucketProps::default())?;
    dependent.add_dependency(&group_b);
    dependent.add_dependency(&group_a);
    dependent.node().add_dependency(&zeta);
    dependent.node().add_dependency(&alpha);
    dependent.node().add_dependency(&bucket);

    let two_weeks = LogGroupProps::builder().retention(RetentionDays::TwoWeeks);
    let log_group = LogGroup::new(&stack, "L2Group", two_weeks)?;
    Tags::of(&log_group).add("component", "logs");
    Tags::of(&stack).add_with("zz-last", "z", TagProps::builder().priority(300));
    Ok(())
}
