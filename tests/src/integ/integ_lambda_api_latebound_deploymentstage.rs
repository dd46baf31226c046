//! Twin of `integ/integ-lambda-api-latebound-deploymentstage/app.js` (aws-cdk's
//! `integ.lambda-api.latebound-deploymentstage.ts`).

use crate::cases::prelude::*;
use apigw_core::{LambdaRestApi, LambdaRestApiProps};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-lambda-api-latebound-deploymentstage", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:validateAgainstDefaultRules", false)?;
    let stack = Stack::new(app, "LateBoundDeploymentStageStack")?;

    let fn_ = Function::new(
        &stack,
        "myfn",
        FunctionProps::builder()
            .code(Code::from_inline("foo"))
            .runtime(Runtime::NODEJS_14_X)
            .handler("index.handler"),
    )?;

    let api = LambdaRestApi::new(
        &stack,
        "lambdarestapi",
        LambdaRestApiProps::builder().cloud_watch_role(true).deploy(false).handler(&fn_),
    )?;

    api.set_deployment_stage(&Stage::new(
        &stack,
        "stage",
        &Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?,
        StageOptions::default(),
    )?);
    Ok(())
}
