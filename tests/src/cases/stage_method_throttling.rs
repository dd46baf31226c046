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
            StageOptions::builder().stage_name("throttled").method_options([(
                "/*/*", // This special path applies to all resource paths and all HTTP methods
                MethodDeploymentOptions::builder()
                    .throttling_rate_limit(100.0)
                    .throttling_burst_limit(200)
                    .build()?,
            )]),
        )?;
    }

    {
        let stack = Stack::new(app, "DeployOptionsStack")?;
        let options = StageOptions::builder()
            .method_options([
                (
                    "/*/*", // This special path applies to all resource paths and all HTTP methods
                    MethodDeploymentOptions::builder()
                        .throttling_rate_limit(100.0)
                        .throttling_burst_limit(1000)
                        .build()?,
                ),
                (
                    "/books/GET",
                    MethodDeploymentOptions::builder()
                        .caching_enabled(true)
                        .cache_ttl(Duration::from_secs(5 * 60))
                        .metrics_enabled(true)
                        .build()?,
                ),
            ])
            .build()?;
        let api = RestApi::new(&stack, "books", RestApiProps::builder().deploy_options(options))?;
        api.root().add_resource("books")?.add_method("GET", None)?;
    }
    Ok(())
}
