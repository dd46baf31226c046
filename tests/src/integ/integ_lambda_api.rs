//! Twin of `integ/integ-lambda-api/app.js` (aws-cdk's `integ.lambda-api.ts`).

use crate::cases::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-api", build);

const CODE: &str = "exports.handler = async function(event) {
        return {
          body: JSON.stringify({
            message: 'Hello',
          }),
          statusCode: 200,
          headers: { 'Content-Type': '*/*' }
        };
      }";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    let stack = Stack::new(app, "LambdaApiIntegrationOptionsStack")?;

    let fn_ = Function::new(
        &stack,
        "myfn",
        FunctionProps::builder()
            .code(Code::from_inline(CODE))
            .runtime(Runtime::NODEJS_18_X)
            .handler("index.handler"),
    )?;

    LambdaRestApi::new(
        &stack,
        "lambdarestapi",
        LambdaRestApiProps::builder().handler(&fn_).cloud_watch_role(true).integration_options(
            LambdaIntegrationOptions::builder().timeout(Duration::from_secs(1)).build()?,
        ),
    )?;
    Ok(())
}
