//! `test/deployment.test.ts`: tests in CDK 9, ported 9, passing 9, ignored 0, newer than
//! 2.276.0: 0. Not ported: none.
//!
//! `integration change invalidates deployment` gives its handlers inline code where CDK zips
//! `test/lambda` (`Code.fromAsset`), a directory of aws-cdk's test tree not vendored here; the
//! deployments' logical IDs it checks hash the methods, not the functions' code, and come out
//! as CDK's.

use apigw_core::{
    ApiDefinition, Deployment, DeploymentProps, RestApi, RestApiProps, SpecRestApi,
    SpecRestApiProps, Stage, StageOptions,
};
use cdk_core::CfnResource;

use crate::support::*;

fn api(stack: &Stack) -> Result<RestApi, Error> {
    RestApi::new(stack, "api", RestApiProps::builder().deploy(false).cloud_watch_role(false))
}

fn method_and_api() -> serde_json::Value {
    json!({
        "apiGETECF0BD67": {
            "Type": "AWS::ApiGateway::Method",
            "Properties": {
                "HttpMethod": "GET",
                "ResourceId": { "Fn::GetAtt": ["apiC8550315", "RootResourceId"] },
                "RestApiId": { "Ref": "apiC8550315" },
                "AuthorizationType": "NONE",
                "Integration": { "Type": "MOCK" },
            },
        },
        "apiC8550315": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "api" } },
    })
}

#[test]
fn minimal_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    api.root().add_method("GET", None)?;
    Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?;
    let mut resources = method_and_api();
    resources["deployment33381975bba46c5132329b81e7befcbbba5a0e75"] = json!({
        "Type": "AWS::ApiGateway::Deployment",
        "Properties": { "RestApiId": { "Ref": "apiC8550315" } },
        "DependsOn": ["apiGETECF0BD67"],
    });
    Template::from_stack(&stack)?.template_matches(pattern!({ "Resources": resources }))
}

#[test]
fn retain_deployments_can_be_used_to_control_the_deletion_policy_of_the_resource() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    api.root().add_method("GET", None)?;
    Deployment::new(
        &stack,
        "deployment",
        &api,
        DeploymentProps::builder().retain_deployments(true),
    )?;
    let mut resources = method_and_api();
    resources["deployment33381975bba46c5132329b81e7befcbbba5a0e75"] = json!({
        "Type": "AWS::ApiGateway::Deployment",
        "Properties": { "RestApiId": { "Ref": "apiC8550315" } },
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
        "DependsOn": ["apiGETECF0BD67"],
    });
    Template::from_stack(&stack)?.template_matches(pattern!({ "Resources": resources }))
}

#[test]
fn description_can_be_set_on_the_deployment() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    api.root().add_method("GET", None)?;
    Deployment::new(
        &stack,
        "deployment",
        &api,
        DeploymentProps::builder().description("this is my deployment"),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Deployment",
        pattern!({ "Description": "this is my deployment" }),
    )
}

mod logical_id_of_the_deployment_resource_is_salted {
    use super::*;

    #[test]
    fn before_salting() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api(&stack)?;
        Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?;
        api.root().add_method("GET", None)?;
        let ids = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Deployment")?;
        assert!(
            ids.contains(&"deployment33381975bba46c5132329b81e7befcbbba5a0e75".to_string()),
            "{ids:?}"
        );
        Ok(())
    }

    #[test]
    fn after_salting_with_a_resolved_value() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api(&stack)?;
        let deployment = Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?;
        api.root().add_method("GET", None)?;
        deployment.add_to_logical_id(Value::object([("foo", 123)]));
        let ids = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Deployment")?;
        assert!(
            !ids.contains(&"deployment33381975bba46c5132329b81e7befcbbba5a0e75".to_string()),
            "{ids:?}"
        );
        assert!(
            ids.contains(&"deployment333819758aa4cdb9d204502b959c4903f4d5d29f".to_string()),
            "{ids:?}"
        );
        Ok(())
    }

    #[test]
    fn after_salting_with_a_resolved_value_and_a_token() -> TestResult {
        let (_app, stack) = stack()?;
        let api = api(&stack)?;
        let deployment = Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?;
        api.root().add_method("GET", None)?;
        deployment.add_to_logical_id(Value::object([("foo", 123)]));
        let value = "hello hello";
        deployment
            .add_to_logical_id(Value::object([("foo", Value::lazy(move |_| Value::from(value)))]));
        let ids = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Deployment")?;
        assert!(
            ids.contains(&"deployment333819758d91bed959c6bd6268ba84f6d33e888e".to_string()),
            "{ids:?}"
        );
        Ok(())
    }
}

#[test]
fn add_dependency_can_be_used_to_add_a_resource_as_a_dependency() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    let deployment = Deployment::new(&stack, "deployment", &api, DeploymentProps::default())?;
    api.root().add_method("GET", None)?;
    let dep = CfnResource::new(&stack, "MyResource", "foo", Value::from(json!({})))?;
    deployment.node().add_dependency(&dep);
    Template::from_stack(&stack)?.has_resource(
        "AWS::ApiGateway::Deployment",
        pattern!({ "DependsOn": ["apiGETECF0BD67", "MyResource"] }),
    )
}

#[test]
fn integration_change_invalidates_deployment() -> TestResult {
    use apigw_core::LambdaIntegration;
    use cdk_lambda::{Code, Function, FunctionProps, Runtime};
    let (_app1, stack1) = stack()?;
    let (_app2, stack2) = stack()?;
    let handler = |stack: &Stack, id: &str| {
        Function::new(
            stack,
            id,
            FunctionProps::builder()
                .code(Code::from_inline(LAMBDA_SOURCE))
                .runtime(Runtime::NODEJS_14_X)
                .handler("index.handler"),
        )
    };
    let handler1 = handler(&stack1, "handler1")?;
    let handler2 = handler(&stack2, "handler2")?;

    let api1 = RestApi::new(
        &stack1,
        "myapi",
        RestApiProps::builder().default_integration(LambdaIntegration::new(&handler1)),
    )?;
    let api2 = RestApi::new(
        &stack2,
        "myapi",
        RestApiProps::builder().default_integration(LambdaIntegration::new(&handler2)),
    )?;
    api1.root().add_method("GET", None)?;
    api2.root().add_method("GET", None)?;

    Template::from_stack(&stack1)?.has_resource_properties(
        "AWS::ApiGateway::Stage",
        pattern!({ "DeploymentId": { "Ref": "myapiDeploymentB7EF8EB74c5295c27fa87ff13f4d04e13f67662d" } }),
    )?;
    Template::from_stack(&stack2)?.has_resource_properties(
        "AWS::ApiGateway::Stage",
        pattern!({ "DeploymentId": { "Ref": "myapiDeploymentB7EF8EB7b50d305057ba109c118e4aafd4509355" } }),
    )
}

/// The handler's source; CDK's test zips it from `test/lambda` (`Code.fromAsset`), which
/// changes nothing the deployment's logical ID hashes.
const LAMBDA_SOURCE: &str = "exports.handler = async () => ({ statusCode: 200 });";

#[test]
fn deployment_resource_depends_on_all_restapi_methods_defined() -> TestResult {
    let (_app, stack) = stack()?;
    let restapi = RestApi::new(&stack, "myapi", RestApiProps::builder().deploy(false))?;
    restapi.root().add_method("GET", None)?;
    let deployment = Deployment::new(&stack, "mydeployment", &restapi, DeploymentProps::default())?;
    let stage = Stage::new(&stack, "mystage", &deployment, StageOptions::default())?;
    restapi.set_deployment_stage(&stage);
    restapi.root().add_method("POST", None)?;
    let resource = restapi.root().add_resource("myresource")?;
    resource.add_method("GET", None)?;
    Template::from_stack(&stack)?.has_resource(
        "AWS::ApiGateway::Deployment",
        pattern!({ "DependsOn": ["myapiGET9B7CD29E", "myapimyresourceGET732851A5", "myapiPOST23417BD2"] }),
    )
}

/// Bug: a `Deployment` made by the user for a `SpecRestApi` depended on the methods added to
/// its root. In aws-cdk-lib 2.276.0 only the automatic deployment does (`SpecRestApi` does
/// not track methods: `RestApiBase._attachMethod` is a no-op).
#[test]
fn regression_a_user_deployment_of_a_spec_rest_api_does_not_depend_on_its_methods() -> TestResult {
    let (_app, stack) = stack()?;
    let api = SpecRestApi::new(
        &stack,
        "api",
        SpecRestApiProps::builder()
            .api_definition(ApiDefinition::from_inline(json!({ "openapi": "3.0.2" }))),
    )?;
    api.root().add_method("GET", None)?;
    Deployment::new(&stack, "dep", &api, DeploymentProps::default())?;
    let template = Template::from_stack(&stack)?;
    let deployments = template.find_resources("AWS::ApiGateway::Deployment", pattern!({}))?;
    let depends_on = |prefix: &str| {
        deployments.iter().find(|(k, _)| k.starts_with(prefix)).map(|(_, v)| v["DependsOn"].clone())
    };
    assert_eq!(depends_on("apiDeployment149F1294"), Some(json!(["apiGETECF0BD67"])));
    assert_eq!(depends_on("dep16BA2021"), Some(serde_json::Value::Null));
    Ok(())
}
