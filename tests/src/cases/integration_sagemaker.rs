//! Twin of `cases/integration-sagemaker/app.js`.

use super::prelude::*;
use apigw_core::{SagemakerEndpoint, SagemakerIntegration, SagemakerIntegrationOptions};

/// The case.
pub(crate) const CASE: Case = Case::new("integration-sagemaker", build);

/// The app's `ImportedEndpoint`: a construct with a name and an ARN, nothing in the template.
fn imported_endpoint(
    scope: &Stack,
    id: &str,
    endpoint_name: &str,
) -> Result<SagemakerEndpoint, Error> {
    let this = scope.node().add_child(id)?;
    this.set_construct_info("aws-cdk-lib.Resource");
    let endpoint_arn = Stack::of(&this)?
        .format_arn(&ArnComponents::new("sagemaker", "endpoint").resource_name(endpoint_name));
    Ok(SagemakerEndpoint { endpoint_name: endpoint_name.into(), endpoint_arn })
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let endpoint = imported_endpoint(&stack, "Endpoint", "my-sagemaker-endpoint")?;
    let api = RestApi::new(&stack, "Api", RestApiProps::default())?;

    api.root().add_resource("predict")?.add_method("POST", SagemakerIntegration::new(&endpoint))?;

    let role = Role::new(
        &stack,
        "InvokeRole",
        RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")),
    )?;
    api.root().add_resource("predict-v2")?.add_method(
        "POST",
        SagemakerIntegration::with_options(
            &endpoint,
            SagemakerIntegrationOptions::builder()
                .credentials_role(role)
                .request_templates([("application/json", "$input.body")])
                .passthrough_behavior(PassthroughBehavior::WhenNoTemplates)
                .timeout(Duration::from_secs(10)),
        )?,
    )?;
    Ok(())
}
