//! DynamoDB resources against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js` beside
//! its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, RemovalPolicy, Stack};
use cdk_dynamodb::{
    Attribute, AttributeType, BillingMode, GlobalSecondaryIndexProps, ITable,
    LocalSecondaryIndexProps, PointInTimeRecoverySpecification, ProjectionType, StreamViewType,
    Table, TableClass, TableEncryption, TableProps,
};
use cdk_iam::{Principal, Role, RoleProps};

type TestResult = Result<(), Box<dyn StdError>>;

fn golden(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

/// Builds an app writing to a fresh folder, runs `build`, synthesizes; returns the folder.
fn synth(
    case: &str,
    build: impl FnOnce(&App) -> Result<(), Error>,
) -> Result<PathBuf, Box<dyn StdError>> {
    let out = std::env::temp_dir().join(format!("cdk-dynamodb-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    build(&app)?;
    app.synth()?;
    Ok(out)
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

/// zz-dynamodb-table: defaults (provisioned 5/5, Retain) and props, the three data grants.
#[test]
fn zz_dynamodb_table() -> TestResult {
    let out = synth("zz-dynamodb-table", |app| {
        let stack = Stack::new(app, "Stack")?;
        let plain = Table::new(
            &stack,
            "Table",
            TableProps::builder()
                .partition_key(Attribute { name: "id".into(), r#type: AttributeType::String }),
        )?;
        let full = Table::new(
            &stack,
            "Full",
            TableProps::builder()
                .table_name("orders")
                .partition_key(Attribute::new("pk", AttributeType::String))
                .sort_key(Attribute::new("sk", AttributeType::Number))
                .billing_mode(BillingMode::PayPerRequest)
                .stream(StreamViewType::NewAndOldImages)
                .time_to_live_attribute("ttl")
                .point_in_time_recovery_specification(
                    PointInTimeRecoverySpecification::builder()
                        .point_in_time_recovery_enabled(true)
                        .build()?,
                )
                .removal_policy(RemovalPolicy::Destroy),
        )?;
        let provisioned = Table::new(
            &stack,
            "Provisioned",
            TableProps::builder()
                .partition_key(Attribute::new("k", AttributeType::Binary))
                .read_capacity(10u32)
                .write_capacity(3u32),
        )?;
        let role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        plain.grant_read_data(&role)?;
        full.grant_write_data(&role)?;
        provisioned.grant_read_write_data(&role)?;
        CfnOutput::new(&stack, "Name", CfnOutputProps::builder().value(plain.table_name()))?;
        CfnOutput::new(&stack, "Arn", CfnOutputProps::builder().value(full.table_arn()))?;
        let stream_arn = full.table_stream_arn().ok_or_else(|| Error::InvalidArgument {
            path: "Stack/Full".into(),
            message: "no stream".into(),
        })?;
        CfnOutput::new(&stack, "StreamArn", CfnOutputProps::builder().value(stream_arn))?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-dynamodb-table"))
}

/// zz-dynamodb-indexes: global and local secondary indexes, a grant made before the first
/// index (its `<arn>/index/*` still rendered), table settings, grantFullAccess.
#[test]
fn zz_dynamodb_indexes() -> TestResult {
    let out = synth("zz-dynamodb-indexes", |app| {
        let stack = Stack::new(app, "Stack")?;
        let role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
        )?;
        let table = Table::new(
            &stack,
            "Table",
            TableProps::builder()
                .partition_key(Attribute::new("pk", AttributeType::String))
                .sort_key(Attribute::new("sk", AttributeType::String)),
        )?;
        table.grant_read_data(&role)?;
        table.add_global_secondary_index(
            GlobalSecondaryIndexProps::builder()
                .index_name("byStatus")
                .partition_key(Attribute::new("status", AttributeType::String))
                .sort_key(Attribute::new("createdAt", AttributeType::Number)),
        )?;
        table.add_global_secondary_index(
            GlobalSecondaryIndexProps::builder()
                .index_name("byOwner")
                .partition_key(Attribute::new("owner", AttributeType::String))
                .projection_type(ProjectionType::KeysOnly)
                .read_capacity(2u32)
                .write_capacity(1u32),
        )?;
        table.add_local_secondary_index(
            LocalSecondaryIndexProps::builder()
                .index_name("byPriority")
                .sort_key(Attribute::new("priority", AttributeType::Number))
                .projection_type(ProjectionType::Include)
                .non_key_attributes(["title", "owner"]),
        )?;
        let on_demand = Table::new(
            &stack,
            "OnDemand",
            TableProps::builder()
                .partition_key(Attribute::new("id", AttributeType::String))
                .billing_mode(BillingMode::PayPerRequest)
                .encryption(TableEncryption::AwsManaged)
                .table_class(TableClass::StandardInfrequentAccess)
                .deletion_protection(true),
        )?;
        on_demand.add_global_secondary_index(
            GlobalSecondaryIndexProps::builder()
                .index_name("byEmail")
                .partition_key(Attribute::new("email", AttributeType::String)),
        )?;
        on_demand.grant_write_data(&role)?;
        let plain = Table::new(
            &stack,
            "Plain",
            TableProps::builder()
                .partition_key(Attribute::new("id", AttributeType::String))
                .encryption(TableEncryption::Default),
        )?;
        plain.grant_full_access(&role)?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-dynamodb-indexes"))
}
