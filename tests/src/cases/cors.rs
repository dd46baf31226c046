//! Twin of `cases/cors/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("cors", build);

/// cases/cors: `defaultCorsPreflightOptions` on a RestApi (AllOriginsStack); an explicit
/// `addCorsPreflight` and a sub-tree default inherited by children (ResourceStack).
fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "AllOriginsStack")?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().default_cors_preflight_options(
                CorsOptions::builder()
                    .allow_origins(Cors::ALL_ORIGINS)
                    .allow_methods(Cors::ALL_METHODS) // this is also the default
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
        let books = api.root().add_resource("books")?;
        books.add_method("GET", None)?;
        books.add_resource("{book_id}")?.add_method("DELETE", None)?;
    }

    {
        let stack = Stack::new(app, "ResourceStack")?;
        let api = RestApi::new(&stack, "api", RestApiProps::default())?;
        let my_resource = api.root().add_resource("myResource")?;
        my_resource.add_method("GET", None)?;

        my_resource.add_cors_preflight(
            CorsOptions::builder()
                .allow_origins(["https://amazon.com"])
                .allow_methods(["GET", "PUT"]),
        )?;

        let resource = api.root().add_resource("resource")?;
        let subtree = resource.add_resource_with(
            "subtree",
            ResourceOptions::builder().default_cors_preflight_options(
                CorsOptions::builder().allow_origins(["https://amazon.com"]).build()?,
            ),
        )?;
        subtree.add_method("GET", None)?;
        subtree.add_resource("child")?.add_method("POST", None)?;
    }
    Ok(())
}
