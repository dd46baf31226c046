//! Twin of `integ/integ-lambda-generated-name/app.js` (aws-cdk's `integ.lambda-generated-name.ts`).

use crate::cases::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps};
use cdk_core::PhysicalName;
use cdk_ssm::{StringParameter, StringParameterProps};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-generated-name", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;

    let stack = Stack::with_props(
        app,
        "LambdaGeneratedNameStack",
        StackProps::builder().env(Environment::new("111111111111", "us-east-1")),
    )?;

    let fn_ = Function::new(
        &stack,
        "myfn",
        FunctionProps::builder()
            .function_name(PhysicalName::GENERATE_IF_NEEDED)
            .code(Code::from_inline("foo"))
            .runtime(Runtime::NODEJS_18_X)
            .handler("index.handler"),
    )?;

    LambdaRestApi::new(
        &stack,
        "lambdarestapi",
        LambdaRestApiProps::builder().handler(&fn_).cloud_watch_role(true),
    )?;

    let other = Stack::with_props(
        app,
        "LambdaGeneratedNameOtherStack",
        StackProps::builder().env(Environment::new("999999999999", "eu-west-1")),
    )?;
    StringParameter::new(
        &other,
        "FunctionArn",
        StringParameterProps::builder().string_value(fn_.function_arn()),
    )?;
    Ok(())
}
