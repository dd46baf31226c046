//! Twin of `core-cases/core-overrides-deps/app.js`.

use super::prelude::*;

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
            .tag("team", "api")
            .tag("cost-center", "42")
            .build()
            .map_err(build_err("Stack"))?,
    )?;
    stack.add_template_metadata("Custom::Info", Value::object([("owner", "platform")]));

    let mut props = CfnBucketProps::default();
    props.bucket_name = Some("my-bucket".into());
    props.versioning_configuration = Some(Value::object([("Status", "Enabled")]));
    props.tags = Some(Value::array([tag("a", "1"), tag("b", "2")]));
    let b = CfnBucket::new(&stack, "Bucket", props)?;
    b.add_property_override("VersioningConfiguration.Status", "Suspended");
    b.add_property_override("Tags.1.Value", "two");
    b.add_property_override(
        "CorsConfiguration.CorsRules",
        Value::array([Value::object([
            ("AllowedMethods", Value::array(["GET"])),
            ("AllowedOrigins", Value::array(["*"])),
        ])]),
    );
    b.add_override("Properties.ObjectLockEnabled", true);
    b.add_override("UpdateReplacePolicy", "Retain");
    b.add_property_deletion_override("BucketName");
    b.add_metadata("note", "kept");
    b.apply_removal_policy(RemovalPolicy::Retain);

    let mut props = CfnLogGroupProps::default();
    props.retention_in_days = Some(1.into());
    let group_a = CfnLogGroup::new(&stack, "GroupA", props)?;
    group_a.apply_removal_policy(RemovalPolicy::Destroy);
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some("b".into());
    let group_b = CfnLogGroup::new(&stack, "GroupB", props)?;
    group_b.add_deletion_override("Properties.LogGroupName");
    group_b.add_deletion_override("Properties.RetentionInDays");

    let zeta = stack.node().add_child("Zeta")?;
    CfnLogGroup::new(&zeta, "One", CfnLogGroupProps::default())?;
    CfnLogGroup::new(&zeta, "Two", CfnLogGroupProps::default())?;
    let alpha = stack.node().add_child("alpha")?;
    CfnLogGroup::new(&alpha, "Three", CfnLogGroupProps::default())?;

    let dependent = bucket(&stack, "Dependent")?;
    dependent.add_dependency(&group_b);
    dependent.add_dependency(&group_a);
    dependent.node().add_dependency(&zeta);
    dependent.node().add_dependency(&alpha);
    dependent.node().add_dependency(&b);

    let log_group = LogGroup::new(
        &stack,
        "L2Group",
        LogGroupProps::builder()
            .retention(RetentionDays::TwoWeeks)
            .build()
            .map_err(build_err("Stack/L2Group"))?,
    )?;
    Tags::of(&log_group).add("component", "logs");
    Tags::of(&stack).add_with("zz-last", "z", TagProps::priority(300));
    Ok(())
}
