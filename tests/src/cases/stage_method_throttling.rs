//! Twin of `cases/stage-method-throttling/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("stage-method-throttling", build);

/// cases/stage-method-throttling
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "StageStack")?;
        let api = RestApi::new(&stack, "books", RestApiProps::default())?;
        api.root().add_method("GET", None)?;
        let deployment =
            Deployment::new(&stack, "my-deployment", &api, DeploymentProps::default())?;
        Stage::new(
            &stack,
            "my-stage",
            &deployment,
            StageOptions::builder()
                .stage_name("throttled")
                .method_option(
                    "/*/*",
                    MethodDeploymentOptions::builder()
                        .throttling_rate_limit(100.0)
                        .throttling_burst_limit(200u32)
                        .build()
                        .map_err(build_err("StageStack/my-stage"))?,
                )
                .build()
                .map_err(build_err("StageStack/my-stage"))?,
        )?;
    }
    {
        let stack = Stack::new(app, "DeployOptionsStack")?;
        let options = StageOptions::builder()
            .method_option(
                "/*/*",
                MethodDeploymentOptions::builder()
                    .throttling_rate_limit(100.0)
                    .throttling_burst_limit(1000u32)
                    .build()
                    .map_err(build_err("DeployOptionsStack/books"))?,
            )
            .method_option(
                "/books/GET",
                MethodDeploymentOptions::builder()
                    .caching_enabled(true)
                    .cache_ttl_seconds(5 * 60u32)
                    .metrics_enabled(true)
                    .build()
                    .map_err(build_err("DeployOptionsStack/books"))?,
            )
            .build()
            .map_err(build_err("DeployOptionsStack/books"))?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder()
                .deploy_options(options)
                .build()
                .map_err(build_err("DeployOptionsStack/books"))?,
        )?;
        api.root().add_resource("books")?.add_method("GET", None)?;
    }
    Ok(())
}
