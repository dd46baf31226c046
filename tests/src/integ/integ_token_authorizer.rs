//! Twin of `integ/integ-token-authorizer/app.js` (aws-cdk's
//! `authorizers/integ.token-authorizer.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-token-authorizer", build);

/// The test function's source up to the host name.
const INVOKE_CODE_HEAD: &str = r#"
const https = require('https');
const options = {
  hostname: '"#;
/// Between the host name and the stage name.
const INVOKE_CODE_PATH: &str = r#"',
  path: '/"#;
/// After the stage name.
const INVOKE_CODE_TAIL: &str = r#"',
};
exports.handler = async function(event) {
  console.log(event);
  options.method = event.method;
  if ('authorization' in event) {
    options.headers = {
      Authorization: event.authorization,
    };
  }
  let dataString = '';
  const response = await new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      res.on('data', data => {
        dataString += data;
      })
      res.on('end', () => {
        resolve({
          statusCode: res.statusCode,
          body: dataString,
        });
      })
    });
    req.on('error', err => {
      reject({
        statusCode: 500,
        body: JSON.stringify({
          cause: 'Something went wrong',
          error: err,
        })
      });
    });
    req.end();
  });
  return response;
}
"#;

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:validateAgainstDefaultRules", false)?;
    let stack = Stack::new(app, "TokenAuthorizerInteg")?;

    let authorizer_fn = Function::new(
        &stack,
        "MyAuthorizerFunction",
        FunctionProps::builder()
            .runtime(Runtime::NODEJS_14_X)
            .handler("index.handler")
            .code(Code::from_asset(inputs.join("integ.token-authorizer.handler"))),
    )?;

    let authorizer = TokenAuthorizer::new(
        &stack,
        "MyAuthorizer",
        TokenAuthorizerProps::builder().handler(&authorizer_fn),
    )?;

    let restapi = RestApi::new(
        &stack,
        "MyRestApi",
        RestApiProps::builder()
            .cloud_watch_role(true)
            .default_method_options(MethodOptions::builder().authorizer(&authorizer).build()?)
            .default_cors_preflight_options(
                CorsOptions::builder().allow_origins(Cors::ALL_ORIGINS).build()?,
            ),
    )?;

    restapi.root().add_method_with(
        "ANY",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .build()?])
                .passthrough_behavior(PassthroughBehavior::Never)
                .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
        )?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;

    let host_name = Value::concat([
        restapi.rest_api_id(),
        Value::from(".execute-api."),
        stack.region(),
        Value::from("."),
        stack.url_suffix(),
    ]);
    Function::new(
        &stack,
        "InvokeFunction",
        FunctionProps::builder()
            .memory_size(250u32)
            .timeout(Duration::from_secs(10))
            .code(Code::from_inline(Value::concat([
                Value::from(INVOKE_CODE_HEAD),
                host_name,
                Value::from(INVOKE_CODE_PATH),
                restapi.deployment_stage()?.stage_name(),
                Value::from(INVOKE_CODE_TAIL),
            ])))
            .handler("index.handler")
            .runtime(Runtime::NODEJS_16_X),
    )?;
    Ok(())
}
