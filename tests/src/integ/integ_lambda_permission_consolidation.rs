//! Twin of `integ/integ-lambda-permission-consolidation/app.js` (aws-cdk's
//! `integ.lambda-permission-consolidation.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-permission-consolidation", build);

const CODE: &str = "exports.handler = async function(event) {
        return {
          body: JSON.stringify({
            message: 'Hello from ' + event.httpMethod,
          }),
          statusCode: 200,
          headers: { 'Content-Type': 'application/json' }
        };
      }";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    let stack = Stack::new(app, "LambdaPermissionConsolidationStack")?;

    let fn_ = Function::new(
        &stack,
        "Handler",
        FunctionProps::builder()
            .code(Code::from_inline(CODE))
            .runtime(Runtime::NODEJS_18_X)
            .handler("index.handler"),
    )?;

    let api = RestApi::new(&stack, "Api", RestApiProps::builder().cloud_watch_role(true))?;

    // Add 6 methods to trigger permission consolidation
    for method in ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"] {
        api.root().add_method(method, LambdaIntegration::new(&fn_))?;
    }

    // Add another method after consolidation to verify it still works
    api.root().add_method("OPTIONS", LambdaIntegration::new(&fn_))?;
    Ok(())
}
