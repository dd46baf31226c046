//! Twin of `integ/integ-lambda-api-nonproxy/app.js` (aws-cdk's `integ.lambda-api-nonproxy.ts`).

use crate::cases::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps};
use cdk_core::json::to_json_string;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-api-nonproxy", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:validateAgainstDefaultRules", false)?;
    let stack = Stack::new(app, "LambdaApiIntegrationOptionsNonProxyIntegrationStack")?;

    let fn_ = Function::new(
        &stack,
        "myfn",
        FunctionProps::builder()
            .code(Code::from_inline("foo"))
            .runtime(Runtime::NODEJS_14_X)
            .handler("index.handler"),
    )?;

    LambdaRestApi::new(
        &stack,
        "lambdarestapi",
        LambdaRestApiProps::builder().cloud_watch_role(true).handler(&fn_).integration_options(
            LambdaIntegrationOptions::builder()
                .proxy(false)
                .passthrough_behavior(PassthroughBehavior::WhenNoMatch)
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .response_templates([(
                        "application/json",
                        to_json_string(&Value::object([("message", "Hello, word")]), 0),
                    )])
                    .build()?])
                .build()?,
        ),
    )?;
    Ok(())
}
