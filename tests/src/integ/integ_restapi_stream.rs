//! Twin of `integ/integ-restapi-stream/app.js` (aws-cdk's `integ.restapi-stream.ts`): a Lambda
//! integration with the `STREAM` response transfer mode.

use crate::cases::prelude::*;
use apigw_core::ResponseTransferMode;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-stream", build);

/// The function's inline code.
const STREAMING_HANDLER: &str =
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

/// `RestApiStreamStack`: its API.
fn rest_api_stream_stack(scope: &App) -> Result<RestApi, Error> {
    let this = Stack::new(scope, "RestApiStreamStack")?;

    let r#fn = Function::new(
        &this,
        "myfn",
        FunctionProps::builder()
            .code(Code::from_inline(STREAMING_HANDLER))
            .runtime(Runtime::NODEJS_24_X)
            .handler("index.handler"),
    )?;

    let api = RestApi::new(&this, "Api", RestApiProps::default())?;
    api.root().add_method(
        "POST",
        LambdaIntegration::with_options(
            &r#fn,
            LambdaIntegrationOptions::builder()
                .response_transfer_mode(ResponseTransferMode::Stream),
        )?,
    )?;
    Ok(api)
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    rest_api_stream_stack(app)?;
    Ok(())
}
