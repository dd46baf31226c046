//! Twin of `integ/integ-api-definition-asset/app.js` (aws-cdk's `integ.api-definition.asset.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-api-definition-asset", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "integtest-restapi-fromdefinition-asset")?;

    let api = SpecRestApi::new(
        &stack,
        "my-api",
        SpecRestApiProps::builder()
            .cloud_watch_role(true)
            .api_definition(ApiDefinition::from_asset(inputs.join("sample-definition.yaml"))),
    )?;

    api.root().add_resource("books")?.add_method_with(
        "GET",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .build()?])
                .passthrough_behavior(PassthroughBehavior::Never)
                .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
        )?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;

    CfnOutput::new(&stack, "PetsURL", CfnOutputProps::builder().value(api.url_for_path("/pets")?))?;

    CfnOutput::new(
        &stack,
        "BooksURL",
        CfnOutputProps::builder().value(api.url_for_path("/books")?),
    )?;
    Ok(())
}
