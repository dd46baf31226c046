//! Twin of `core-cases/core-logical-ids/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::core("core-logical-ids", build);

/// core-cases/core-logical-ids
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    bucket(&stack, "TopLevel")?;
    bucket(&stack, "Resource")?;

    let level1 = stack.node().add_child("Level1")?;
    bucket(&level1, "Resource")?;
    let level1b = stack.node().add_child("Level1b")?; // a construct can't hold both a 'Resource' and a 'Default' child
    let def = level1b.add_child("Default")?;
    bucket(&def, "Inner")?;
    let dup = stack.node().add_child("Dup")?;
    let dup2 = dup.add_child("Dup")?;
    bucket(&dup2, "Bucket")?;
    let res = stack.node().add_child("Thing")?;
    let res_res = res.add_child("Resource")?;
    bucket(&res_res, "Resource")?;

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

    LogGroup::new(&stack, "Logs", LogGroupProps::builder().removal_policy(RemovalPolicy::Destroy))?;
    let wrapper = stack.node().add_child("Wrapper")?;
    LogGroup::new(&wrapper, "Default", LogGroupProps::builder().retention(RetentionDays::OneWeek))?;
    Ok(())
}
