//! Twin of `cases/deployment-options/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("deployment-options", build);

/// cases/deployment-options
fn build(app: &App, _: &Path) -> Result<(), Error> {
    let api_props =
        |stack: &str, builder: RestApiPropsBuilder| builder.build().map_err(build_err(stack));
    {
        let stack = Stack::new(app, "LoggingStack")?;
        let options = StageOptions::builder()
            .method(
                MethodDeploymentOptions::builder()
                    .logging_level(MethodLoggingLevel::Info)
                    .data_trace_enabled(true)
                    .build()
                    .map_err(build_err("LoggingStack"))?,
            )
            .build()
            .map_err(build_err("LoggingStack"))?;
        let api = RestApi::new(
            &stack,
            "books",
            api_props(
                "LoggingStack",
                RestApiProps::builder().cloud_watch_role(true).deploy_options(options),
            )?,
        )?;
        api.root().add_method("GET", None)?;
    }
    {
        let stack = Stack::new(app, "RemovalPolicyStack")?;
        let api = RestApi::new(
            &stack,
            "books",
            api_props(
                "RemovalPolicyStack",
                RestApiProps::builder()
                    .cloud_watch_role(true)
                    .cloud_watch_role_removal_policy(RemovalPolicy::Destroy),
            )?,
        )?;
        api.root().add_method("GET", None)?;
    }
    {
        let stack = Stack::new(app, "DefaultStack")?;
        let api = RestApi::new(&stack, "books", RestApiProps::default())?;
        api.root().add_method("GET", None)?;
        CfnOutput::new(&stack, "ApiUrl", CfnOutputProps::new(api.url()?))?;
        CfnOutput::new(&stack, "BooksUrl", CfnOutputProps::new(api.url_for_path("/books")?))?;
    }
    Ok(())
}
