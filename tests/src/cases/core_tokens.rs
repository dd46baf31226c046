//! Twin of `core-cases/core-tokens/app.js`.

use super::prelude::*;
use cdk_core::value;
use cfn_iam::role::Policy as CfnPolicy;

/// The case.
pub(crate) const CASE: Case = Case::core("core-tokens", build);

/// core-cases/core-tokens
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let env_props = CfnParameterProps::builder().type_("String").default_value("dev");
    let env_props = env_props.allowed_values(["dev", "prod"]).description("Environment");
    let env = CfnParameter::new(&stack, "EnvName", env_props)?;
    let number = CfnParameterProps::builder().type_("Number").default_value(7);
    let retention = CfnParameter::new(&stack, "Retention", number)?;
    let is_prod = CfnCondition::new(&stack, "IsProd", Fn::condition_equals(env.value(), "prod"))?;
    let both =
        Fn::condition_and([is_prod.reference(), Fn::condition_equals(Aws::region(), "us-east-1")]);
    let is_us_east = CfnCondition::new(&stack, "IsUsEast", both)?;
    let sizes = [("dev", value!({ "size": "small" })), ("prod", value!({ "size": "large" }))];
    let map = CfnMapping::new(&stack, "Sizes", sizes)?;

    let name = cfn_format!("{}-data-{}-{}", env.value(), Aws::account_id(), Aws::region());
    let joined =
        Fn::join("-", ["x".into(), Fn::join("", ["y".into(), Aws::stack_name()]), "z".into()]);
    let sub = Fn::sub_with("arn:${AWS::Partition}:s3:::${Name}/*", [("Name", "static-name")]);
    let props = CfnBucketProps::builder().bucket_name(name).tags([
        tag("size", map.find_in_map(env.value(), "size")),
        tag("az", Fn::select(0, Fn::get_azs(None))),
        tag("second", Fn::select(1, Fn::split(",", "a,b,c"))),
        tag("joined", joined),
        tag("sub", sub),
        tag("b64", Fn::base64("hello")),
        tag("cond", Fn::condition_if(is_prod.logical_id(), "yes", "no")),
        tag("imported", Fn::import_value("SharedValue")),
        tag("suffix", cfn_format!("https://example.{}/path", Aws::url_suffix())),
    ]);
    let bucket = CfnBucket::new(&stack, "Bucket", props)?;

    let bucket_ref = bucket.ref_();
    let lazy = Value::lazy(move |_| cfn_format!("lazy-{}", bucket_ref.clone()));
    let props =
        CfnLogGroupProps::builder().log_group_name(lazy).retention_in_days(retention.value());
    let group = CfnLogGroup::new(&stack, "Group", props)?;
    group.set_condition(&is_us_east);

    let assume = value!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Service": cfn_format!("lambda.{}", Aws::url_suffix()) },
            "Action": "sts:AssumeRole",
        }],
    });
    let (arn_stack, arn) = (stack.clone(), ArnComponents::new("iam", "policy"));
    let arn = arn.region("").account("aws").resource_name("ReadOnlyAccess");
    let managed = Value::lazy(move |_| value!([arn_stack.format_arn(&arn)]));
    let policy = CfnPolicy::builder().policy_name("inline").policy_document(value!({
        "Statement": [{
            "Effect": "Allow",
            "Action": ["s3:GetObject"],
            "Resource": [
                bucket.attr_arn(),
                cfn_format!("{}/*", bucket.attr_arn()),
                Fn::get_att(bucket.logical_id(), "DomainName"),
            ],
        }],
    }));
    let props = CfnRoleProps::builder().assume_role_policy_document(assume);
    let props = props.managed_policy_arns(managed).policies([policy.build()?]);
    let role = CfnRole::new(&stack, "Role", props)?;

    let second_az = Fn::select(1, Fn::get_azs(Aws::region()));
    CfnOutput::new(&stack, "SecondAz", CfnOutputProps::builder().value(second_az))?;
    let parts = Fn::join_list("|", Fn::split(",", env.value()));
    CfnOutput::new(&stack, "Parts", CfnOutputProps::builder().value(parts))?;
    let role_arn = CfnOutputProps::builder().value(role.attr_arn()).export_name("RoleArnExport");
    CfnOutput::new(&stack, "RoleArn", role_arn.description("The role"))?;
    let prod_only = CfnOutputProps::builder().value(bucket.ref_()).condition(&is_prod);
    CfnOutput::new(&stack, "ProdOnly", prod_only)?;
    let cidrs = Fn::join_list(",", Fn::cidr("10.0.0.0/16", 4, "8"));
    CfnOutput::new(&stack, "Cidrs", CfnOutputProps::builder().value(cidrs))?;
    Ok(())
}
