//! Twin of `core-cases/core-nested-assets/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-nested-assets", build);

/// core-cases/core-nested-assets
fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Parent")?;
    let bucket = CfnBucket::new(&stack, "Bucket", CfnBucketProps::default())?;

    let nested = NestedStack::new(&stack, "Child", NestedStackProps::default())?;
    let name = cfn_format!("/child/{}", bucket.ref_());
    let group =
        CfnLogGroup::new(&nested, "Group", CfnLogGroupProps::builder().log_group_name(name))?;

    let file = Asset::new(
        &stack,
        "FileAsset",
        AssetProps::builder().path(inputs.join("assets/config.json")),
    )?;
    let dir =
        Asset::new(&nested, "DirAsset", AssetProps::builder().path(inputs.join("assets/site")))?;
    let name = cfn_format!("/assets/{}", dir.s3_object_key());
    CfnLogGroup::new(&nested, "DirGroup", CfnLogGroupProps::builder().log_group_name(name))?;

    CfnOutput::new(&stack, "FileUrl", CfnOutputProps::builder().value(file.s3_object_url()))?;
    CfnOutput::new(&stack, "FileHash", CfnOutputProps::builder().value(file.asset_hash()))?;
    CfnOutput::new(&stack, "ChildGroupArn", CfnOutputProps::builder().value(group.attr_arn()))?;
    Ok(())
}
