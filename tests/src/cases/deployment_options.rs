//! Twin of `cases/deployment-options/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("deployment-options", build);

/// cases/deployment-options
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "LoggingStack")?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder().cloud_watch_role(true).deploy_options(
                StageOptions::builder()
                    .logging_level(MethodLoggingLevel::Info)
                    .data_trace_enabled(true)
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
    }

    {
        let stack = Stack::new(app, "RemovalPolicyStack")?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder()
                .cloud_watch_role(true)
                .cloud_watch_role_removal_policy(RemovalPolicy::Destroy),
        )?;
        api.root().add_method("GET", None)?;
    }

    {
        let stack = Stack::new(app, "DefaultStack")?;
        let api = RestApi::new(&stack, "books", RestApiProps::default())?;
        api.root().add_method("GET", None)?;
        CfnOutput::new(&stack, "ApiUrl", CfnOutputProps::builder().value(api.url()?))?;
        let books_url = api.url_for_path("/books")?;
        CfnOutput::new(&stack, "BooksUrl", CfnOutputProps::builder().value(books_url))?;
    }
    Ok(())
}
