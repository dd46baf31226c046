//! `test/integrations/lambda.test.ts`: tests in CDK 11, ported 11, passing 11, ignored 0,
//! newer than 2.276.0: 0. `Runtime.NODEJS_LATEST` of 2.276.0 is `NODEJS_24_X`.

use apigw_core::{
    LambdaIntegration, LambdaIntegrationOptions, RestApi, RestApiAttributes, RestApiProps,
};
use cdk_lambda::Runtime;

use crate::support::*;

#[test]
fn minimal_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let handler = function(&stack, "Handler", Runtime::PYTHON_3_9, "boom", "foo")?;
    let integ = LambdaIntegration::new(&handler);
    api.root().add_method("GET", &integ)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "Integration": {
                "IntegrationHttpMethod": "POST",
                "Type": "AWS_PROXY",
                "Uri": join(json!([
                    "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" },
                    ":lambda:path/2015-03-31/functions/",
                    { "Fn::GetAtt": ["Handler886CB40B", "Arn"] }, "/invocations",
                ])),
            },
        }),
    )
}

/// The method's permission, `arn:...:<api>/<stage>/GET/`.
fn stage_get_arn() -> serde_json::Value {
    execute_api_arn(&[
        json!({ "Ref": "apiC8550315" }),
        json!("/"),
        json!({ "Ref": "apiDeploymentStageprod896C8101" }),
        json!("/GET/"),
    ])
}

/// The test-invoke permission, `arn:...:<api>/test-invoke-stage/GET/`.
fn test_get_arn() -> serde_json::Value {
    execute_api_arn(&[json!({ "Ref": "apiC8550315" }), json!("/test-invoke-stage/GET/")])
}

#[test]
fn allow_test_invoke_can_be_used_to_disallow_calling_the_api_from_the_test_ui() -> TestResult {
    let (_app, stack) = stack()?;
    let f = function(&stack, "Handler", Runtime::NODEJS_24_X, "index.handler", "foo")?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let integ = LambdaIntegration::with_options(
        &f,
        LambdaIntegrationOptions::builder().allow_test_invoke(false),
    )?;
    api.root().add_method("GET", &integ)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": stage_get_arn() }),
    )?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        Match::not(pattern!({ "SourceArn": test_get_arn() })),
    )
}

#[test]
fn allow_test_invoke_set_to_true_allows_calling_the_api_from_the_test_ui() -> TestResult {
    let (_app, stack) = stack()?;
    let f = function(&stack, "Handler", Runtime::NODEJS_24_X, "index.handler", "foo")?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let integ = LambdaIntegration::with_options(
        &f,
        LambdaIntegrationOptions::builder().allow_test_invoke(true),
    )?;
    api.root().add_method("GET", &integ)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": test_get_arn() }),
    )
}

#[test]
fn proxy_can_be_used_to_disable_proxy_mode() -> TestResult {
    let (_app, stack) = stack()?;
    let f = function(&stack, "Handler", Runtime::NODEJS_24_X, "index.handler", "foo")?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    let integ =
        LambdaIntegration::with_options(&f, LambdaIntegrationOptions::builder().proxy(false))?;
    api.root().add_method("GET", &integ)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "Integration": { "Type": "AWS" } }),
    )
}

#[test]
fn when_any_is_used_lambda_permission_will_include_star_for_method() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let handler = function(&stack, "MyFunc", Runtime::NODEJS_24_X, "index.handler", "loo")?;
    let target = LambdaIntegration::new(&handler);
    api.root().add_method("ANY", &target)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": execute_api_arn(&[
            json!({ "Ref": "testapiD6451F70" }),
            json!("/test-invoke-stage/*/"),
        ]) }),
    )?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": execute_api_arn(&[
            json!({ "Ref": "testapiD6451F70" }),
            json!("/"),
            json!({ "Ref": "testapiDeploymentStageprod5C9E92A4" }),
            json!("/*/"),
        ]) }),
    )
}

#[test]
fn works_for_imported_rest_api() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::from_rest_api_attributes(
        &stack,
        "RestApi",
        RestApiAttributes::builder()
            .rest_api_id("imported-rest-api-id")
            .root_resource_id("imported-root-resource-id"),
    )?;
    let handler = function(&stack, "MyFunc", Runtime::NODEJS_24_X, "index.handler", "loo")?;
    api.root().add_method("ANY", LambdaIntegration::new(&handler))?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "RestApiId": "imported-rest-api-id",
            "ResourceId": "imported-root-resource-id",
            "HttpMethod": "ANY",
        }),
    )
}

#[test]
fn fingerprint_is_computed_when_function_name_is_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
    let method = restapi.root().add_method("ANY", None)?;
    let handler = cdk_lambda::Function::new(
        &stack,
        "MyFunc",
        cdk_lambda::FunctionProps::builder()
            .function_name("ThisFunction")
            .runtime(Runtime::NODEJS_24_X)
            .handler("index.handler")
            .code(cdk_lambda::Code::from_inline("loo")),
    )?;
    let integration = LambdaIntegration::new(&handler);
    let bind_result = integration.bind(&method)?;
    assert_eq!(
        bind_result.deployment_token.as_deref(),
        Some("{\"functionName\":\"ThisFunction\"}")
    );
    Ok(())
}

#[test]
fn fingerprint_is_not_computed_when_function_name_is_not_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
    let method = restapi.root().add_method("ANY", None)?;
    let handler = function(&stack, "MyFunc", Runtime::NODEJS_24_X, "index.handler", "loo")?;
    let integration = LambdaIntegration::new(&handler);
    let bind_result = integration.bind(&method)?;
    assert_eq!(bind_result.deployment_token, None);
    Ok(())
}

#[test]
fn bind_works_for_integration_with_imported_functions() -> TestResult {
    let (_app, stack) = stack()?;
    let restapi = RestApi::new(&stack, "RestApi", RestApiProps::default())?;
    let method = restapi.root().add_method("ANY", None)?;
    let handler = cdk_lambda::Function::from_function_arn(
        &stack,
        "MyFunc",
        "arn:aws:lambda:region:account:function:myfunc",
    )?;
    let integration = LambdaIntegration::new(&handler);
    let bind_result = integration.bind(&method)?;
    // The function name is a literal, so the deployment token is defined.
    assert_eq!(bind_result.deployment_token.as_deref(), Some("{\"functionName\":\"myfunc\"}"));
    Ok(())
}

/// The API-scoped permission, `arn:...:<api>/*/*/*`.
fn api_scoped_arn() -> serde_json::Value {
    execute_api_arn(&[json!({ "Ref": "myapi4C7BF186" }), json!("/*/*/*")])
}

#[test]
fn scope_permission_to_method_set_to_false_creates_api_scoped_permission() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let handler = function(&stack, "Handler", Runtime::PYTHON_3_9, "boom", "foo")?;
    let integ = LambdaIntegration::with_options(
        &handler,
        LambdaIntegrationOptions::builder().scope_permission_to_method(false),
    )?;
    api.root().add_method("GET", &integ)?;
    let template = Template::from_stack(&stack)?;
    template.resource_count_is("AWS::Lambda::Permission", 1)?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": api_scoped_arn() }),
    )
}

#[test]
fn scope_permission_to_method_set_to_false_reuses_permission_for_multiple_integrations(
) -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    let handler = function(&stack, "Handler", Runtime::PYTHON_3_9, "boom", "foo")?;
    let integ = LambdaIntegration::with_options(
        &handler,
        LambdaIntegrationOptions::builder().scope_permission_to_method(false),
    )?;
    api.root().add_method("GET", &integ)?;
    api.root().add_method("POST", &integ)?;
    let template = Template::from_stack(&stack)?;
    template.resource_count_is("AWS::Lambda::Permission", 1)?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "SourceArn": api_scoped_arn() }),
    )?;
    // Not in the CDK test: the logical ID and the deployment's dependencies, as
    // aws-cdk-lib 2.276.0 synthesizes them (the permission under the API, created once).
    let permissions = template.find_resources("AWS::Lambda::Permission", pattern!({}))?;
    let ids: Vec<&String> = permissions.keys().collect();
    assert_eq!(ids, ["myapiApiPermissionApiScopedHandlermyapi44E06B51"]);
    Ok(())
}
