//! The twins, one function per case, each a line-by-line port of its `app.js`.

use std::path::Path;

use apigw_core::{
    MethodDeploymentOptions, MethodLoggingLevel, RestApi, RestApiProps, RestApiPropsBuilder,
    StageOptions,
};
use cdk_core::{
    cfn_format, App, ArnComponents, Aws, CfnCondition, CfnMapping, CfnOutput, CfnOutputProps,
    CfnParameter, CfnParameterProps, Construct, Environment, Error, Flags, Fn, Map, NestedStack,
    RemovalPolicy, Stack, StackProps, TagProps, Tags, Value,
};
use cdk_logs::{LogGroup, LogGroupProps, RetentionDays};
use cdk_s3::{Bucket, BucketProps};
use cdk_s3_assets::{Asset, AssetProps};
use cfn_apigateway::{CfnRestApi, CfnRestApiProps};
use cfn_iam::{CfnRole, CfnRoleProps};
use cfn_logs::{CfnLogGroup, CfnLogGroupProps};
use cfn_s3::{CfnBucket, CfnBucketProps};

use crate::Case;

pub(crate) fn all() -> Vec<Case> {
    let case = |name, group, build| Case {
        name,
        group,
        flags: Flags::Recommended,
        build,
    };
    vec![
        case("core-logical-ids", "core-cases", core_logical_ids),
        case("core-multi-stack", "core-cases", core_multi_stack),
        case("core-nested-assets", "core-cases", core_nested_assets),
        case("core-overrides-deps", "core-cases", core_overrides_deps),
        case("core-tokens", "core-cases", core_tokens),
        case("core-values", "core-cases", core_values),
        case("defining-apis", "cases", defining_apis),
        case("deployment-options", "cases", deployment_options),
    ]
}

fn build_err(path: &str) -> impl std::ops::Fn(cdk_core::BuildError) -> Error + '_ {
    move |source| Error::Build {
        path: path.into(),
        source,
    }
}

fn bucket(scope: &impl Construct, id: &str) -> Result<CfnBucket, Error> {
    CfnBucket::new(scope, id, CfnBucketProps::default())
}

fn tag(key: &str, value: impl Into<Value>) -> Value {
    Value::object([("Key", Value::from(key)), ("Value", value.into())])
}

/// core-cases/core-logical-ids
fn core_logical_ids(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    bucket(&stack, "TopLevel")?;
    bucket(&stack, "Resource")?;
    let level1 = stack.node().add_child("Level1")?;
    bucket(&level1, "Resource")?;
    let level1b = stack.node().add_child("Level1b")?;
    let def = level1b.add_child("Default")?;
    bucket(&def, "Inner")?;
    let dup = stack.node().add_child("Dup")?;
    let dup2 = dup.add_child("Dup")?;
    bucket(&dup2, "Bucket")?;
    let thing = stack.node().add_child("Thing")?;
    let thing_res = thing.add_child("Resource")?;
    bucket(&thing_res, "Resource")?;
    bucket(&stack, "my-api.v2 (beta)_x")?;
    bucket(&stack, "slash/in/id")?;
    bucket(&stack, "123numeric")?;
    let mut deep = stack.node().clone();
    for i in 0..12 {
        deep = deep.add_child(&format!("VeryLongConstructIdentifierNumber{i}"))?;
    }
    bucket(&deep, "Leaf")?;
    let renamed = bucket(&stack, "Renamed")?;
    renamed.override_logical_id("MyExplicitLogicalId");
    LogGroup::new(
        &stack,
        "Logs",
        LogGroupProps::builder()
            .removal_policy(RemovalPolicy::Destroy)
            .build()
            .map_err(build_err("Stack/Logs"))?,
    )?;
    let wrapper = stack.node().add_child("Wrapper")?;
    LogGroup::new(
        &wrapper,
        "Default",
        LogGroupProps::builder()
            .retention(RetentionDays::OneWeek)
            .build()
            .map_err(build_err("Stack/Wrapper/Default"))?,
    )?;
    Ok(())
}

/// core-cases/core-multi-stack
fn core_multi_stack(app: &App, _: &Path) -> Result<(), Error> {
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
    CfnOutput::new(
        &consumer,
        "BucketArn",
        CfnOutputProps::new(shared.bucket_arn()),
    )?;

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
    props.log_group_name = Some(cfn_format!(
        "/pinned/{}/{}",
        pinned.region(),
        pinned.account()
    ));
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

/// core-cases/core-nested-assets
fn core_nested_assets(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Parent")?;
    let parent_bucket = bucket(&stack, "Bucket")?;
    let nested = NestedStack::new(&stack, "Child")?;
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(cfn_format!("/child/{}", parent_bucket.ref_()));
    let group = CfnLogGroup::new(&*nested, "Group", props)?;
    let file = Asset::new(
        &stack,
        "FileAsset",
        AssetProps::new(inputs.join("assets").join("config.json")),
    )?;
    let dir = Asset::new(
        &*nested,
        "DirAsset",
        AssetProps::new(inputs.join("assets").join("site")),
    )?;
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(cfn_format!("/assets/{}", dir.s3_object_key()));
    CfnLogGroup::new(&*nested, "DirGroup", props)?;
    CfnOutput::new(&stack, "FileUrl", CfnOutputProps::new(file.s3_object_url()))?;
    CfnOutput::new(&stack, "FileHash", CfnOutputProps::new(file.asset_hash()))?;
    CfnOutput::new(
        &stack,
        "ChildGroupArn",
        CfnOutputProps::new(group.attr_arn()),
    )?;
    Ok(())
}

/// core-cases/core-overrides-deps
fn core_overrides_deps(app: &App, _: &Path) -> Result<(), Error> {
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

/// core-cases/core-tokens
fn core_tokens(app: &App, _: &Path) -> Result<(), Error> {
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
    props.bucket_name = Some(cfn_format!(
        "{}-data-{}-{}",
        env.value(),
        Aws::account_id(),
        Aws::region()
    ));
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
        tag(
            "sub",
            Fn::sub_with(
                "arn:${AWS::Partition}:s3:::${Name}/*",
                [("Name", "static-name")],
            ),
        ),
        tag("b64", Fn::base64("hello")),
        tag("cond", Fn::condition_if(is_prod.logical_id(), "yes", "no")),
        tag("imported", Fn::import_value("SharedValue")),
        tag(
            "suffix",
            cfn_format!("https://example.{}/path", Aws::url_suffix()),
        ),
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
        CfnOutputProps::new(role.attr_arn())
            .export_name("RoleArnExport")
            .description("The role"),
    )?;
    CfnOutput::new(
        &stack,
        "ProdOnly",
        CfnOutputProps::new(b.ref_()).condition(&is_prod),
    )?;
    CfnOutput::new(
        &stack,
        "Cidrs",
        CfnOutputProps::new(Fn::join_list(",", Fn::cidr("10.0.0.0/16", 4, "8"))),
    )?;
    Ok(())
}

/// core-cases/core-values
#[allow(clippy::approx_constant)] // 3.14159 is the app.js literal, not an approximation of pi
fn core_values(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let body: Value = serde_json::json!({
        "zeta": 1,
        "alpha": 0.5,
        "Middle": -3,
        "big": 123456789012345_i64,
        "tiny": 0.000001,
        "smaller": 1e-7,
        "huge": 1e21,
        "float": 3.14159,
        "whole": 10.0,
        "neg0": -0.0,
        "yes": true,
        "no": false,
        "nothing": null,
        "list": [3, "two", { "b": 1, "a": 2 }, [], {}],
        "10": "numeric key",
        "2": "numeric key sorts first in JS"
    })
    .into();
    let mut props = CfnRestApiProps::default();
    props.name = Some("values \"quoted\" \\ back\\slash".into());
    props.description = Some(
        "tab\there\nnewline \u{1} ctl \u{1f} é ü 日本語 \u{2028} \u{2029} 😀 </script> & < >"
            .into(),
    );
    props.minimum_compression_size = Some(0.into());
    props.fail_on_warnings = Some(false.into());
    props.binary_media_types = Some(Value::Array(vec![]));
    props.parameters = Some(Value::Object(Map::new()));
    props.body = Some(body);
    CfnRestApi::new(&stack, "Api", props)?;
    Ok(())
}

/// cases/defining-apis: the `books-api` example itself.
fn defining_apis(app: &App, _: &Path) -> Result<(), Error> {
    examples::books_api(app)
}

/// cases/deployment-options
fn deployment_options(app: &App, _: &Path) -> Result<(), Error> {
    let api_props =
        |stack: &str, builder: RestApiPropsBuilder| builder.build().map_err(build_err(stack));
    {
        let stack = Stack::new(app, "LoggingStack")?;
        let options = StageOptions::builder()
            .method(
                MethodDeploymentOptions::builder()
                    .logging_level(MethodLoggingLevel::Info)
                    .data_trace_enabled(true)
                    .build()
                    .map_err(build_err("LoggingStack"))?,
            )
            .build()
            .map_err(build_err("LoggingStack"))?;
        let api = RestApi::new(
            &stack,
            "books",
            api_props(
                "LoggingStack",
                RestApiProps::builder()
                    .cloud_watch_role(true)
                    .deploy_options(options),
            )?,
        )?;
        api.root().add_method("GET", None)?;
    }
    {
        let stack = Stack::new(app, "RemovalPolicyStack")?;
        let api = RestApi::new(
            &stack,
            "books",
            api_props(
                "RemovalPolicyStack",
                RestApiProps::builder()
                    .cloud_watch_role(true)
                    .cloud_watch_role_removal_policy(RemovalPolicy::Destroy),
            )?,
        )?;
        api.root().add_method("GET", None)?;
    }
    {
        let stack = Stack::new(app, "DefaultStack")?;
        let api = RestApi::new(&stack, "books", RestApiProps::default())?;
        api.root().add_method("GET", None)?;
        CfnOutput::new(&stack, "ApiUrl", CfnOutputProps::new(api.url()?))?;
        CfnOutput::new(
            &stack,
            "BooksUrl",
            CfnOutputProps::new(api.url_for_path("/books")?),
        )?;
    }
    Ok(())
}
