//! Twin of `core-cases/core-tokens/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-tokens", build);

/// core-cases/core-tokens
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let env = CfnParameter::new(
        &stack,
        "EnvName",
        CfnParameterProps::builder()
            .type_("String")
            .default_value("dev")
            .allowed_values(vec![Value::from("dev"), Value::from("prod")])
            .description("Environment")
            .build()
            .map_err(build_err("Stack/EnvName"))?,
    )?;
    let retention = CfnParameter::new(
        &stack,
        "Retention",
        CfnParameterProps::builder()
            .type_("Number")
            .default_value(7)
            .build()
            .map_err(build_err("Stack/Retention"))?,
    )?;
    let is_prod = CfnCondition::new(&stack, "IsProd", Fn::condition_equals(env.value(), "prod"))?;
    let is_us_east = CfnCondition::new(
        &stack,
        "IsUsEast",
        Fn::condition_and(vec![
            is_prod.reference(),
            Fn::condition_equals(Aws::region(), "us-east-1"),
        ]),
    )?;
    let mut mapping = Map::new();
    mapping.insert("dev".into(), Value::object([("size", "small")]));
    mapping.insert("prod".into(), Value::object([("size", "large")]));
    let map = CfnMapping::new(&stack, "Sizes", mapping)?;

    let mut props = CfnBucketProps::default();
    props.bucket_name =
        Some(cfn_format!("{}-data-{}-{}", env.value(), Aws::account_id(), Aws::region()));
    props.tags = Some(Value::array([
        tag("size", map.find_in_map(env.value(), "size")),
        tag("az", Fn::select(0, Fn::get_azs(None))),
        tag("second", Fn::select(1, Fn::split(",", "a,b,c"))),
        tag(
            "joined",
            Fn::join(
                "-",
                [
                    Value::from("x"),
                    Fn::join("", [Value::from("y"), Aws::stack_name()]),
                    Value::from("z"),
                ],
            ),
        ),
        tag("sub", Fn::sub_with("arn:${AWS::Partition}:s3:::${Name}/*", [("Name", "static-name")])),
        tag("b64", Fn::base64("hello")),
        tag("cond", Fn::condition_if(is_prod.logical_id(), "yes", "no")),
        tag("imported", Fn::import_value("SharedValue")),
        tag("suffix", cfn_format!("https://example.{}/path", Aws::url_suffix())),
    ]));
    let b = CfnBucket::new(&stack, "Bucket", props)?;

    let bucket_ref = b.ref_();
    let lazy_name = Value::lazy(move |_| Some(cfn_format!("lazy-{}", bucket_ref.clone())));
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(lazy_name);
    props.retention_in_days = Some(retention.value());
    let group = CfnLogGroup::new(&stack, "Group", props)?;
    group.set_condition(&is_us_east);

    let arn_stack = stack.clone();
    let managed = Value::lazy(move |_| {
        Some(Value::array([arn_stack.format_arn(
            &ArnComponents::new("iam", "policy")
                .resource_name("ReadOnlyAccess")
                .region("")
                .account("aws"),
        )]))
    });
    let assume = Value::object([
        ("Version", Value::from("2012-10-17")),
        (
            "Statement",
            Value::array([Value::object([
                ("Effect", Value::from("Allow")),
                (
                    "Principal",
                    Value::object([("Service", cfn_format!("lambda.{}", Aws::url_suffix()))]),
                ),
                ("Action", Value::from("sts:AssumeRole")),
            ])]),
        ),
    ]);
    let policy = cfn_iam::role::Policy::builder()
        .policy_name("inline")
        .policy_document(Value::object([(
            "Statement",
            Value::array([Value::object([
                ("Effect", Value::from("Allow")),
                ("Action", Value::array(["s3:GetObject"])),
                (
                    "Resource",
                    Value::array([
                        b.attr_arn(),
                        cfn_format!("{}/*", b.attr_arn()),
                        Fn::get_att(b.logical_id(), "DomainName"),
                    ]),
                ),
            ])]),
        )]))
        .build()
        .map_err(build_err("Stack/Role"))?;
    let mut props = CfnRoleProps::builder()
        .assume_role_policy_document(assume)
        .build()
        .map_err(build_err("Stack/Role"))?;
    props.managed_policy_arns = Some(managed);
    props.policies = Some(Value::array([policy]));
    let role = CfnRole::new(&stack, "Role", props)?;

    CfnOutput::new(
        &stack,
        "SecondAz",
        CfnOutputProps::new(Fn::select(1, Fn::get_azs(Some(Aws::region())))),
    )?;
    CfnOutput::new(
        &stack,
        "Parts",
        CfnOutputProps::new(Fn::join_list("|", Fn::split(",", env.value()))),
    )?;
    CfnOutput::new(
        &stack,
        "RoleArn",
        CfnOutputProps::new(role.attr_arn()).export_name("RoleArnExport").description("The role"),
    )?;
    CfnOutput::new(&stack, "ProdOnly", CfnOutputProps::new(b.ref_()).condition(&is_prod))?;
    CfnOutput::new(
        &stack,
        "Cidrs",
        CfnOutputProps::new(Fn::join_list(",", Fn::cidr("10.0.0.0/16", 4, "8"))),
    )?;
    Ok(())
}
