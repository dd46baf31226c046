//! Twin of `cases/nested-stacks-split/app.js` (aws-cdk's `integ.restapi-import`).

use super::prelude::*;
use apigw_core::{IntegrationResponse, MethodResponse, RestApiAttributes};
use cfn_apigateway::method::PassthroughBehavior;

/// The case.
pub(crate) const CASE: Case = Case::new("nested-stacks-split", build);

fn mock_get(resource: &apigw_core::Resource) -> Result<apigw_core::Method, Error> {
    let err = build_err("mockGet");
    resource.add_method_with(
        "GET",
        Some(MockIntegration::with_options(
            IntegrationOptions::builder()
                .integration_responses(vec![IntegrationResponse::builder()
                    .status_code("200")
                    .build()
                    .map_err(&err)?])
                .passthrough_behavior(PassthroughBehavior::Never)
                .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
                .build()
                .map_err(&err)?,
        )),
        MethodOptions::builder()
            .method_responses(vec![MethodResponse::builder()
                .status_code("200")
                .build()
                .map_err(&err)?])
            .build()
            .map_err(&err)?,
    )
}

/// `PetsStack` / `BooksStack`: import the API and add one resource with a GET.
fn resource_stack(
    scope: &Stack,
    id: &str,
    path_part: &str,
    rest_api_id: &Value,
    root_resource_id: &Value,
) -> Result<apigw_core::Method, Error> {
    let nested = NestedStack::new(scope, id)?;
    let api = RestApi::from_rest_api_attributes(
        &*nested,
        "RestApi",
        RestApiAttributes::builder()
            .rest_api_id(rest_api_id.clone())
            .root_resource_id(root_resource_id.clone())
            .build()
            .map_err(build_err(id))?,
    )?;
    mock_get(&api.root()?.add_resource(path_part)?)
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let root = Stack::new(app, "integ-restapi-import-RootStack")?;
    let rest_api = RestApi::new(
        &root,
        "RestApi",
        RestApiProps::builder()
            .cloud_watch_role(true)
            .deploy(false)
            .build()
            .map_err(build_err("RestApi"))?,
    )?;
    rest_api.root().add_method("ANY", None)?;
    let rest_api_id = rest_api.rest_api_id();
    let root_resource_id = rest_api.rest_api_root_resource_id();
    let pets = resource_stack(
        &root,
        "integ-restapi-import-PetsStack",
        "pets",
        &rest_api_id,
        &root_resource_id,
    )?;
    let books = resource_stack(
        &root,
        "integ-restapi-import-BooksStack",
        "books",
        &rest_api_id,
        &root_resource_id,
    )?;
    // DeployStack
    let deploy = NestedStack::new(&root, "integ-restapi-import-DeployStack")?;
    let imported = RestApi::from_rest_api_id(&*deploy, "RestApi", rest_api_id.clone())?;
    let deployment =
        Deployment::new(&*deploy, "Deployment", &imported, DeploymentProps::default())?;
    for method in [&pets, &books] {
        deployment.node().add_dependency(method);
    }
    Stage::new(&*deploy, "Stage", &deployment, StageOptions::default())?;
    for (id, path) in [("PetsURL", "pets"), ("BooksURL", "books")] {
        CfnOutput::new(
            &root,
            id,
            CfnOutputProps::new(cfn_format!(
                "https://{}.execute-api.{}.amazonaws.com/prod/{}",
                rest_api_id.clone(),
                root.region(),
                path
            )),
        )?;
    }
    Ok(())
}
