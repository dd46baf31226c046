//! Twin of `integ/integ-restapi-import-lit/app.js` (aws-cdk's `integ.restapi-import.lit.ts`): a
//! RestApi whose resources and methods are split across nested stacks.

use crate::cases::prelude::*;
use apigw_core::{
    IntegrationResponse, Method, MethodResponse, PassthroughBehavior, Resource, RestApiAttributes,
};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-import-lit", build);

/// `RootStack`
fn root_stack(scope: &App) -> Result<(), Error> {
    let this = Stack::new(scope, "integ-restapi-import-RootStack")?;

    let rest_api = RestApi::new(
        &this,
        "RestApi",
        RestApiProps::builder().cloud_watch_role(true).deploy(false),
    )?;
    rest_api.root().add_method("ANY", None)?;

    let pets_methods =
        pets_stack(&this, &rest_api.rest_api_id(), &rest_api.rest_api_root_resource_id())?;
    let books_methods =
        books_stack(&this, &rest_api.rest_api_id(), &rest_api.rest_api_root_resource_id())?;
    deploy_stack(&this, &rest_api.rest_api_id(), [pets_methods, books_methods].concat())?;

    CfnOutput::new(
        &this,
        "PetsURL",
        CfnOutputProps::builder().value(cfn_format!(
            "https://{}.execute-api.{}.amazonaws.com/prod/pets",
            rest_api.rest_api_id(),
            this.region()
        )),
    )?;

    CfnOutput::new(
        &this,
        "BooksURL",
        CfnOutputProps::builder().value(cfn_format!(
            "https://{}.execute-api.{}.amazonaws.com/prod/books",
            rest_api.rest_api_id(),
            this.region()
        )),
    )?;
    Ok(())
}

/// The mocked `GET` each resource stack adds (the same code in both of the test's classes).
fn mock_get(resource: &Resource) -> Result<Method, Error> {
    resource.add_method_with(
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
    )
}

/// `PetsStack`
fn pets_stack(
    scope: &Stack,
    rest_api_id: &Value,
    root_resource_id: &Value,
) -> Result<Vec<Method>, Error> {
    let this =
        NestedStack::new(scope, "integ-restapi-import-PetsStack", NestedStackProps::default())?;

    let api = RestApi::from_rest_api_attributes(
        &this,
        "RestApi",
        RestApiAttributes::builder().rest_api_id(rest_api_id).root_resource_id(root_resource_id),
    )?;

    Ok(vec![mock_get(&api.root().add_resource("pets")?)?])
}

/// `BooksStack`
fn books_stack(
    scope: &Stack,
    rest_api_id: &Value,
    root_resource_id: &Value,
) -> Result<Vec<Method>, Error> {
    let this =
        NestedStack::new(scope, "integ-restapi-import-BooksStack", NestedStackProps::default())?;

    let api = RestApi::from_rest_api_attributes(
        &this,
        "RestApi",
        RestApiAttributes::builder().rest_api_id(rest_api_id).root_resource_id(root_resource_id),
    )?;

    Ok(vec![mock_get(&api.root().add_resource("books")?)?])
}

/// `DeployStack`
fn deploy_stack(scope: &Stack, rest_api_id: &Value, methods: Vec<Method>) -> Result<(), Error> {
    let this =
        NestedStack::new(scope, "integ-restapi-import-DeployStack", NestedStackProps::default())?;

    let deployment = Deployment::new(
        &this,
        "Deployment",
        &RestApi::from_rest_api_id(&this, "RestApi", rest_api_id)?,
        DeploymentProps::default(),
    )?;
    for method in &methods {
        deployment.node().add_dependency(method);
    }
    Stage::new(&this, "Stage", &deployment, StageOptions::default())?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/core:disableGitSource", true)?;
    root_stack(app)
}
