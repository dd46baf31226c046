//! Twin of `integ/integ-spec-restapi-endpointconfiguration/app.js` (aws-cdk's
//! `integ.spec-restapi-endpointconfiguration.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-spec-restapi-endpointconfiguration", build);

fn build(app: &App, inputs: &Path) -> Result<(), Error> {
    // The test's `new App({ context: { '@aws-cdk/core:disableGitSource': true } })`.
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;
    let stack = Stack::new(app, "specrestapi-endpointConfiguration")?;

    let api = SpecRestApi::new(
        &stack,
        "my-api",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_asset(inputs.join("sample-definition.yaml")))
            .endpoint_configuration(
                EndpointConfiguration::builder().types([EndpointType::Regional]).build()?,
            ),
    )?;

    CfnOutput::new(&stack, "PetsURL", CfnOutputProps::builder().value(api.url_for_path("/pets")?))?;
    Ok(())
}
