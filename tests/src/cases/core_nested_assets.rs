//! Twin of `core-cases/core-nested-assets/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-nested-assets", build);

/// core-cases/core-nested-assets
fn build(app: &App, inputs: &Path) -> Result<(), Error> {
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
    let dir =
        Asset::new(&*nested, "DirAsset", AssetProps::new(inputs.join("assets").join("site")))?;
    let mut props = CfnLogGroupProps::default();
    props.log_group_name = Some(cfn_format!("/assets/{}", dir.s3_object_key()));
    CfnLogGroup::new(&*nested, "DirGroup", props)?;
    CfnOutput::new(&stack, "FileUrl", CfnOutputProps::new(file.s3_object_url()))?;
    CfnOutput::new(&stack, "FileHash", CfnOutputProps::new(file.asset_hash()))?;
    CfnOutput::new(&stack, "ChildGroupArn", CfnOutputProps::new(group.attr_arn()))?;
    Ok(())
}
