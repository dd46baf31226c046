//! Twin of `integ/integ-lambda-api-stream/app.js` (aws-cdk's `integ.lambda-api-stream.ts`).

use crate::cases::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps, ResponseTransferMode};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-api-stream", build);

const CODE: &str =
    "exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
        const metadata = {
          statusCode: 200,
          headers: { 'Content-Type': 'text/plain' }
        };
        responseStream = awslambda.HttpResponseStream.from(responseStream, metadata);
        responseStream.write('Hello, ');
        await new Promise(resolve => setTimeout(resolve, 100));
        responseStream.write('streaming ');
        await new Promise(resolve => setTimeout(resolve, 100));
        responseStream.write('world!');
        responseStream.end();
      });";

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    let stack = Stack::new(app, "LambdaApiStreamStack")?;

    let fn_ = Function::new(
        &stack,
        "myfn",
        FunctionProps::builder()
            .code(Code::from_inline(CODE))
            .runtime(Runtime::NODEJS_24_X)
            .handler("index.handler"),
    )?;

    LambdaRestApi::new(
        &stack,
        "LambdaApi",
        LambdaRestApiProps::builder().handler(&fn_).integration_options(
            LambdaIntegrationOptions::builder()
                .response_transfer_mode(ResponseTransferMode::Stream)
                .build()?,
        ),
    )?;
    Ok(())
}
