//! Twin of `cases/integration-sagemaker/app.js`.

use super::prelude::*;
use apigw_core::{SagemakerEndpoint, SagemakerIntegration};
use cfn_apigateway::method::PassthroughBehavior;

/// The case.
pub(crate) const CASE: Case = Case::new("integration-sagemaker", build);

/// The app's `ImportedEndpoint`: a construct with a name and an ARN, nothing in the template.
fn imported_endpoint(stack: &Stack, id: &str, name: &str) -> Result<SagemakerEndpoint, Error> {
    let node = stack.node().add_child(id)?;
    node.set_construct_info("aws-cdk-lib.Resource");
    Ok(SagemakerEndpoint {
        endpoint_name: Value::from(name),
        endpoint_arn: stack
            .format_arn(&ArnComponents::new("sagemaker", "endpoint").resource_name(name)),
    })
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;
    let err = build_err("Stack/Api");
    let endpoint = imported_endpoint(&stack, "Endpoint", "my-sagemaker-endpoint")?;
    let api = RestApi::new(&stack, "Api", RestApiProps::default())?;
    api.root().add_resource("predict")?.add_method(
        "POST",
        Some(SagemakerIntegration::new(&endpoint, IntegrationOptions::default()).map_err(&err)?),
    )?;
    let role = Role::new(
        &stack,
        "InvokeRole",
        RoleProps::new(Principal::service("apigateway.amazonaws.com")),
    )?;
    api.root().add_resource("predict-v2")?.add_method(
        "POST",
        Some(
            SagemakerIntegration::new(
                &endpoint,
                IntegrationOptions::builder()
                    .credentials_role(role)
                    .request_templates(Value::object([("application/json", "$input.body")]))
                    .passthrough_behavior(PassthroughBehavior::WhenNoTemplates)
                    .timeout_in_millis(10_000)
                    .build()
                    .map_err(&err)?,
            )
            .map_err(&err)?,
        ),
    )?;
    Ok(())
}
