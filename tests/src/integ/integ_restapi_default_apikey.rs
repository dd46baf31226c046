//! Twin of `integ/integ-restapi-default-apikey/app.js` (aws-cdk's
//! `integ.restapi-default-apikey.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-default-apikey", build);

/// framework-integ's `STANDARD_NODEJS_RUNTIME` (`test/config.ts`).
const STANDARD_NODEJS_RUNTIME: Runtime = Runtime::NODEJS_18_X;

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "aws-cdk-lambda-1")?;

    let r#fn = Function::new(
        &stack,
        "MyLambda",
        FunctionProps::builder()
            .code(Code::from_inline("foo"))
            .handler("index.handler")
            .runtime(STANDARD_NODEJS_RUNTIME),
    )?;

    let apigw = RestApi::new(
        &stack,
        "MyRestApi",
        RestApiProps::builder()
            .default_method_options(MethodOptions::builder().api_key_required(true).build()?),
    )?;

    apigw.root().add_method("GET", LambdaIntegration::new(&r#fn))?;
    apigw.root().add_method_with(
        "POST",
        LambdaIntegration::new(&r#fn),
        MethodOptions::builder().api_key_required(false),
    )?;
    Ok(())
}
