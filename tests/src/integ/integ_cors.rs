//! Twin of `integ/integ-cors/app.js` (aws-cdk's `integ.cors.ts`).

use crate::cases::prelude::*;
use cdk_lambda::AssetOptions;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-cors", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "cors-twitch-test")?;

    let api =
        RestApi::new(&stack, "cors-api-test", RestApiProps::builder().cloud_watch_role(true))?;

    let handler = Function::new(
        &stack,
        "handler",
        FunctionProps::builder().runtime(Runtime::NODEJS_18_X).handler("index.handler").code(
            Code::from_asset_with(
                inputs.join("integ.cors.handler"),
                AssetOptions::builder().exclude(["*.ts"]),
            )?,
        ),
    )?;

    let twitch = api.root().add_resource("twitch")?;
    let backend = LambdaIntegration::new(&handler);

    twitch.add_method("GET", &backend)?; // GET /twitch
    twitch.add_method("POST", &backend)?; // POST /twitch
    twitch.add_method("DELETE", &backend)?; // DELETE /twitch
    twitch.add_cors_preflight(
        CorsOptions::builder().allow_origins(["https://google.com", "https://www.test-cors.org"]),
    )?;
    Ok(())
}
