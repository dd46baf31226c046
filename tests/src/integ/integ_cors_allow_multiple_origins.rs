//! Twin of `integ/integ-cors-allow-multiple-origins/app.js` (aws-cdk's
//! `integ.cors-allow-multiple-origins.ts`).

use crate::cases::prelude::*;
use cdk_lambda::AssetOptions;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-cors-allow-multiple-origins", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    let stack = Stack::new(app, "stack-cors-allow-multiple-origins")?;

    let api = RestApi::new(
        &stack,
        "cors-api-test",
        RestApiProps::builder().default_cors_preflight_options(
            CorsOptions::builder()
                .allow_origins([
                    "https://amazon.com",
                    "https://twitch.tv",
                    "https://aws.amazon.com",
                ])
                .build()?,
        ),
    )?;

    let handler = Function::new(
        &stack,
        "handler",
        FunctionProps::builder().runtime(Runtime::NODEJS_LATEST).handler("index.handler").code(
            Code::from_asset_with(
                inputs.join("integ.cors.handler"),
                AssetOptions::builder().exclude(["*.ts"]),
            )?,
        ),
    )?;

    let lambda_integ = LambdaIntegration::new(&handler);

    let resource = api.root().add_resource("my-resource")?;
    resource.add_method("GET", &lambda_integ)?;
    Ok(())
}
