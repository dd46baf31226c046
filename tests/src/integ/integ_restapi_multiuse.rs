//! Twin of `integ/integ-restapi-multiuse/app.js` (aws-cdk's `integ.restapi.multiuse.ts`): one
//! Lambda integration on two APIs.
//!
//! The app acknowledges aws-cdk-lib's CloudFormation validation rule E2531 (nodejs14.x is
//! deprecated), which writes nothing to the assembly; this port has no synthesis-time
//! CloudFormation validation, so there is nothing to acknowledge.

use super::integ_restapi_books::{node14_function, HELLO_CODE};
use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-multiuse", build);

/// `MultiStack`
fn multi_stack(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let hello = node14_function(&this, "Hello", HELLO_CODE)?;

    let api = RestApi::new(&this, "hello-api", RestApiProps::builder().cloud_watch_role(true))?;
    api.root().resource_for_path("/hello")?.add_method("GET", &hello)?;

    let api2 = RestApi::new(&this, "second-api", RestApiProps::builder().cloud_watch_role(true))?;
    api2.root().resource_for_path("/hello")?.add_method("GET", &hello)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    multi_stack(app, "restapi-multiuse-example")
}
