//! `test/method.test.ts`: tests in CDK 40, ported 38, passing 38, ignored 0, newer than
//! 2.276.0: 2 (`"restApi" and "api" properties return the RestApi correctly` and `"restApi"
//! throws an error on imported while "api" returns correctly`, left out of the other counts:
//! they test the deprecated `Method.restApi`, which is not in 2.276.0's typings
//! (`aws-apigateway/lib/method.d.ts` of the 2.276.0 package has `api`, no `restApi`)). Their
//! `api` halves are kept as `method_api_returns_the_rest_api` and
//! `method_api_returns_an_imported_api`, outside the counts.
//!
//! The stored test file predates 2.276.0's rule "integrationHttpMethod is required for
//! non-mock integration types" (checked with the 2.276.0 package): the `HTTP_PROXY` and
//! `AWS_PROXY` integrations here get an `integration_http_method`; nor does it know that
//! 2.276.0 renders `AuthorizationScopes` only for `COGNITO_USER_POOLS` methods (checked too),
//! so the three scope tests that expect them set that authorization type. The 7 `metric*` tests with
//! `{ color }` do not check the color (cdk-cloudwatch's `MetricOptions` has none).

use apigw_core::{
    AuthorizationType, Authorizer, AwsIntegration, AwsIntegrationProps, IAuthorizer, IRestApi,
    Integration, IntegrationOptions, IntegrationProps, IntegrationResponse, IntegrationType,
    JsonSchema, JsonSchemaType, JsonSchemaVersion, Method, MethodOptions, MethodProps,
    MethodResponse, Model, ModelOptions, RequestValidatorOptions, RestApi, RestApiAttributes,
    RestApiProps,
};
use cdk_iam::{Principal, Role, RoleProps};

use crate::support::*;

/// `DUMMY_AUTHORIZER`: `{ authorizerId: 'dummyauthorizer', authorizationType: CUSTOM }`.
#[derive(Debug)]
struct Dummy;

impl IAuthorizer for Dummy {
    fn authorizer_id(&self) -> Option<Value> {
        Some(Value::from("dummyauthorizer"))
    }
    fn authorization_type(&self) -> Option<AuthorizationType> {
        Some(AuthorizationType::Custom)
    }
}

fn dummy() -> Authorizer {
    Authorizer::new(Dummy)
}

fn api(stack: &Stack) -> Result<RestApi, Error> {
    RestApi::new(stack, "test-api", RestApiProps::builder().cloud_watch_role(false).deploy(false))
}

fn method_props(stack: &Stack, props: impl Into<cdk_assertions::Pattern>) -> TestResult {
    Template::from_stack(stack)?.has_resource_properties("AWS::ApiGateway::Method", props)
}

fn post(api: &RestApi) -> apigw_core::MethodPropsBuilder {
    MethodProps::builder().http_method("POST").resource(api.root())
}

#[test]
fn default_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    Method::new(&stack, "my-method", post(&api))?;
    method_props(
        &stack,
        json!({ "HttpMethod": "POST", "AuthorizationType": "NONE", "Integration": { "Type": "MOCK" } }),
    )
}

#[test]
fn method_options_can_be_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    Method::new(
        &stack,
        "my-method",
        post(&api).options(
            MethodOptions::builder()
                .api_key_required(true)
                .operation_name("MyOperation")
                .build()?,
        ),
    )?;
    method_props(&stack, json!({ "ApiKeyRequired": true, "OperationName": "MyOperation" }))
}

#[test]
fn integration_can_be_set_via_a_property() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    let integration =
        AwsIntegration::new(AwsIntegrationProps::builder().service("s3").path("bucket/key"))?;
    Method::new(&stack, "my-method", post(&api).integration(integration))?;
    method_props(
        &stack,
        json!({ "Integration": {
            "IntegrationHttpMethod": "POST",
            "Type": "AWS",
            "Uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" }, ":s3:path/bucket/key"]] },
        }}),
    )
}

#[test]
fn integration_can_be_set_for_a_service_in_the_provided_region() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    let integration = AwsIntegration::new(
        AwsIntegrationProps::builder().service("sqs").path("queueName").region("eu-west-1"),
    )?;
    Method::new(&stack, "my-method", post(&api).integration(integration))?;
    method_props(
        &stack,
        json!({ "Integration": {
            "IntegrationHttpMethod": "POST",
            "Type": "AWS",
            "Uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":apigateway:eu-west-1:sqs:path/queueName"]] },
        }}),
    )
}

#[test]
fn integration_with_a_custom_http_method_can_be_set_via_a_property() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    let integration = AwsIntegration::new(
        AwsIntegrationProps::builder()
            .service("s3")
            .path("bucket/key")
            .integration_http_method("GET"),
    )?;
    Method::new(&stack, "my-method", post(&api).integration(integration))?;
    method_props(&stack, json!({ "Integration": { "IntegrationHttpMethod": "GET" } }))
}

#[test]
fn use_default_integration_from_api() -> TestResult {
    let (_app, stack) = stack()?;
    let default_integration = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("ANY")
            .uri("https://amazon.com"),
    )?;
    let api = RestApi::new(
        &stack,
        "test-api",
        RestApiProps::builder()
            .cloud_watch_role(false)
            .deploy(false)
            .default_integration(default_integration),
    )?;
    Method::new(&stack, "my-method", post(&api))?;
    method_props(
        &stack,
        json!({ "Integration": { "Type": "HTTP_PROXY", "Uri": "https://amazon.com" } }),
    )
}

/// `stack.resolve(value)`: the value as an output of the stack's template.
fn resolve(stack: &Stack, value: Value) -> Result<serde_json::Value, AssertionError> {
    let id = format!(
        "Probe{}",
        Template::from_stack(stack)
            .map(|t| t.find_outputs("*", pattern!({})).map(|o| o.len()).unwrap_or(0))
            .unwrap_or(0)
    );
    cdk_core::CfnOutput::new(stack, &id, cdk_core::CfnOutputProps::builder().value(value))?;
    let captured = Capture::new();
    Template::from_stack(stack)?.has_output(&id, pattern!({ "Value": &captured }))?;
    captured.as_value()
}

fn execute_api(rest: serde_json::Value) -> serde_json::Value {
    let mut parts = vec![
        json!("arn:"),
        json!({ "Ref": "AWS::Partition" }),
        json!(":execute-api:"),
        json!({ "Ref": "AWS::Region" }),
        json!(":"),
        json!({ "Ref": "AWS::AccountId" }),
        json!(":"),
        json!({ "Ref": "testapiD6451F70" }),
    ];
    parts.extend(rest.as_array().cloned().unwrap_or_default());
    json!({ "Fn::Join": ["", parts] })
}

#[test]
fn method_arn_returns_the_arn_execute_api_arn_for_this_method_in_the_current_stage() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let method = Method::new(&stack, "my-method", post(&api))?;
    assert_eq!(
        resolve(&stack, method.method_arn()?)?,
        execute_api(json!(["/", { "Ref": "testapiDeploymentStageprod5C9E92A4" }, "/POST/"]))
    );
    Ok(())
}

#[test]
fn test_method_arn_returns_the_arn_of_the_test_invoke_stage_stage_console_ui() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let method = Method::new(&stack, "my-method", post(&api))?;
    assert_eq!(
        resolve(&stack, method.test_method_arn()?)?,
        execute_api(json!(["/test-invoke-stage/POST/"]))
    );
    Ok(())
}

#[test]
fn method_arn_returns_an_arn_with_star_as_its_stage_when_deployment_stage_is_not_set() -> TestResult
{
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let method = Method::new(&stack, "my-method", post(&api))?;
    assert_eq!(resolve(&stack, method.method_arn()?)?, execute_api(json!(["/*/POST/"])));
    Ok(())
}

#[test]
fn method_arn_and_test_method_arn_replace_path_parameters_with_asterisks() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let pet_id = api.root().add_resource("pets")?.add_resource("{petId}")?;
    let comment_id = pet_id.add_resource("comments")?.add_resource("{commentId}")?;
    let method = comment_id.add_method("GET", None)?;
    assert_eq!(
        resolve(&stack, method.method_arn()?)?,
        execute_api(
            json!(["/", { "Ref": "testapiDeploymentStageprod5C9E92A4" }, "/GET/pets/*/comments/*"])
        )
    );
    assert_eq!(
        resolve(&stack, method.test_method_arn()?)?,
        execute_api(json!(["/test-invoke-stage/GET/pets/*/comments/*"]))
    );
    Ok(())
}

#[test]
fn integration_credentials_role_can_be_used_to_assume_a_role_when_calling_backend() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let role =
        Role::new(&stack, "MyRole", RoleProps::builder().assumed_by(Principal::service("foo")))?;
    let integration = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .options(IntegrationOptions::builder().credentials_role(&role).build()?),
    )?;
    api.root().add_method("GET", integration)?;
    method_props(
        &stack,
        json!({ "Integration": { "Credentials": { "Fn::GetAtt": ["MyRoleF48FFE04", "Arn"] } } }),
    )
}

#[test]
fn integration_credentials_passthrough_can_be_used_to_passthrough_user_credentials_to_backend(
) -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let integration = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::AwsProxy)
            .integration_http_method("POST")
            .options(IntegrationOptions::builder().credentials_passthrough(true).build()?),
    )?;
    api.root().add_method("GET", integration)?;
    method_props(
        &stack,
        json!({ "Integration": {
            "Credentials": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":iam::*:user/*"]] },
        }}),
    )
}

fn three_responses(extra: Option<&Model>) -> Result<Vec<MethodResponse>, Error> {
    let mut models =
        vec![("application/json", Model::EMPTY_MODEL), ("text/plain", Model::ERROR_MODEL)];
    if let Some(m) = extra {
        models.push(("text/html", m.into()));
    }
    Ok(vec![
        MethodResponse::builder().status_code("200").build()?,
        MethodResponse::builder()
            .status_code("400")
            .response_parameters([("method.response.header.killerbees", false)])
            .build()?,
        MethodResponse::builder()
            .status_code("500")
            .response_parameters([("method.response.header.errthing", true)])
            .response_models(models)
            .build()?,
    ])
}

#[test]
fn method_response_set_one_or_more_method_responses_via_options() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder()
            .http_method("GET")
            .resource(api.root())
            .options(MethodOptions::builder().method_responses(three_responses(None)?).build()?),
    )?;
    method_props(
        &stack,
        json!({
            "HttpMethod": "GET",
            "MethodResponses": [
                { "StatusCode": "200" },
                { "StatusCode": "400", "ResponseParameters": { "method.response.header.killerbees": false } },
                {
                    "StatusCode": "500",
                    "ResponseParameters": { "method.response.header.errthing": true },
                    "ResponseModels": { "application/json": "Empty", "text/plain": "Error" },
                },
            ],
        }),
    )
}

#[test]
fn multiple_integration_responses_can_be_used() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let integration = AwsIntegration::new(
        AwsIntegrationProps::builder().service("foo-service").action("BarAction").options(
            IntegrationOptions::builder()
                .integration_responses([
                    IntegrationResponse::builder()
                        .status_code("200")
                        .response_templates([(
                            "application/json",
                            json!({ "success": true }).to_string(),
                        )])
                        .build()?,
                    IntegrationResponse::builder()
                        .selection_pattern("Invalid")
                        .status_code("503")
                        .response_templates([(
                            "application/json",
                            json!({ "success": false, "message": "Invalid Request" }).to_string(),
                        )])
                        .build()?,
                ])
                .build()?,
        ),
    )?;
    api.root().add_method("GET", integration)?;
    method_props(
        &stack,
        json!({ "Integration": {
            "IntegrationHttpMethod": "POST",
            "IntegrationResponses": [
                { "ResponseTemplates": { "application/json": "{\"success\":true}" }, "StatusCode": "200" },
                {
                    "ResponseTemplates": { "application/json": "{\"success\":false,\"message\":\"Invalid Request\"}" },
                    "SelectionPattern": "Invalid",
                    "StatusCode": "503",
                },
            ],
            "Type": "AWS",
            "Uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" }, ":foo-service:action/BarAction"]] },
        }}),
    )
}

#[test]
fn method_is_always_set_as_uppercase() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    api.root().add_method("get", None)?;
    api.root().add_method("PoSt", None)?;
    api.root().add_method("PUT", None)?;
    method_props(&stack, json!({ "HttpMethod": "POST" }))?;
    method_props(&stack, json!({ "HttpMethod": "GET" }))?;
    method_props(&stack, json!({ "HttpMethod": "PUT" }))
}

/// Bug: `addMethod('get')` named the construct `GET`. aws-cdk-lib 2.276.0 uses the method as
/// given as the construct id (`api/Default/get`, logical ID `apiget28E603B3`) and upper-cases
/// only `HttpMethod`.
#[test]
fn regression_add_method_keeps_the_given_case_in_the_construct_id() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
    let method = api.root().add_method("get", None)?;
    assert_eq!(method.node().path(), "Default/api/Default/get");
    assert_eq!(method.http_method(), "GET");
    let ids = logical_ids(&Template::from_stack(&stack)?, "AWS::ApiGateway::Method")?;
    assert_eq!(ids, ["apiget28E603B3"]);
    Ok(())
}

fn test_model_schema(draft4: bool) -> JsonSchema {
    let s = JsonSchema::new();
    let s = if draft4 { s.schema(JsonSchemaVersion::Draft4) } else { s };
    s.title("test")
        .type_(JsonSchemaType::Object)
        .properties([("message", JsonSchema::new().type_(JsonSchemaType::String))])
}

#[test]
fn request_model_can_be_set() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let model = api.add_model(
        "test-model",
        ModelOptions::builder()
            .content_type("application/json")
            .model_name("test-model")
            .schema(test_model_schema(false)),
    )?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder().http_method("GET").resource(api.root()).options(
            MethodOptions::builder().request_models([("application/json", &model)]).build()?,
        ),
    )?;
    method_props(
        &stack,
        json!({
            "HttpMethod": "GET",
            "RequestModels": { "application/json": ref_(&["test-api", "test-model", "Resource"]) },
        }),
    )
}

#[test]
fn method_response_has_a_mix_of_response_modes() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let html_model =
        api.add_model("my-model", ModelOptions::builder().schema(test_model_schema(true)))?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder().http_method("GET").resource(api.root()).options(
            MethodOptions::builder()
                .method_responses(three_responses(Some(&html_model))?)
                .build()?,
        ),
    )?;
    method_props(
        &stack,
        json!({
            "HttpMethod": "GET",
            "MethodResponses": [
                { "StatusCode": "200" },
                { "StatusCode": "400", "ResponseParameters": { "method.response.header.killerbees": false } },
                {
                    "StatusCode": "500",
                    "ResponseParameters": { "method.response.header.errthing": true },
                    "ResponseModels": {
                        "application/json": "Empty",
                        "text/plain": "Error",
                        "text/html": ref_(&["test-api", "my-model", "Resource"]),
                    },
                },
            ],
        }),
    )
}

#[test]
fn method_has_a_request_validator() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let validator = api.add_request_validator(
        "validator",
        RequestValidatorOptions::builder()
            .validate_request_body(true)
            .validate_request_parameters(false),
    )?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder()
            .http_method("GET")
            .resource(api.root())
            .options(MethodOptions::builder().request_validator(&validator).build()?),
    )?;
    method_props(
        &stack,
        json!({ "RequestValidatorId": ref_(&["test-api", "validator", "Resource"]) }),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::RequestValidator",
        pattern!({ "RestApiId": ref_(&["test-api", "Resource"]), "ValidateRequestBody": true, "ValidateRequestParameters": false }),
    )
}

#[test]
fn use_default_request_parameters() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(
        &stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(false).default_method_options(
            MethodOptions::builder()
                .request_parameters([("method.request.path.proxy", true)])
                .build()?,
        ),
    )?;
    Method::new(
        &stack,
        "defaultRequestParameters",
        post(&api)
            .options(MethodOptions::builder().operation_name("defaultRequestParameters").build()?),
    )?;
    method_props(
        &stack,
        json!({ "OperationName": "defaultRequestParameters", "RequestParameters": { "method.request.path.proxy": true } }),
    )
}

#[test]
fn authorizer_is_bound_correctly() -> TestResult {
    let (_app, stack) = stack()?;
    let rest_api = RestApi::new(&stack, "myrestapi", RestApiProps::default())?;
    rest_api.root().add_method_with("ANY", None, MethodOptions::builder().authorizer(dummy()))?;
    method_props(
        &stack,
        json!({ "HttpMethod": "ANY", "AuthorizationType": "CUSTOM", "AuthorizerId": "dummyauthorizer" }),
    )
}

#[test]
fn authorizer_via_default_method_options() -> TestResult {
    let (_app, stack) = stack()?;
    let func = cdk_lambda::Function::new(
        &stack,
        "myfunction",
        cdk_lambda::FunctionProps::builder()
            .handler("handler")
            .code(cdk_lambda::Code::from_inline("foo"))
            .runtime(cdk_lambda::Runtime::NODEJS_14_X),
    )?;
    let auth = apigw_auth::TokenAuthorizer::new(
        &stack,
        "myauthorizer1",
        apigw_auth::TokenAuthorizerProps::builder().authorizer_name("myauthorizer1").handler(&func),
    )?;
    let rest_api = RestApi::new(
        &stack,
        "myrestapi",
        RestApiProps::builder()
            .default_method_options(MethodOptions::builder().authorizer(&auth).build()?),
    )?;
    rest_api.root().add_method("ANY", None)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({ "Name": "myauthorizer1", "Type": "TOKEN", "RestApiId": ref_(&["myrestapi", "Resource"]) }),
    )
}

#[test]
fn fails_when_authorization_type_does_not_match_the_authorizer() -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let rest_api = RestApi::new(&stack, "myrestapi", RestApiProps::default())?;
    let m = message(rest_api.root().add_method_with(
        "ANY",
        None,
        MethodOptions::builder().authorization_type(AuthorizationType::Iam).authorizer(dummy()),
    ));
    assert!(m.contains("Authorization type is set to AWS_IAM which is different from what is required by the authorizer"), "{m}");
    Ok(())
}

#[test]
fn fails_when_authorization_type_does_not_match_the_authorizer_in_default_method_options(
) -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let rest_api = RestApi::new(
        &stack,
        "myrestapi",
        RestApiProps::builder()
            .default_method_options(MethodOptions::builder().authorizer(dummy()).build()?),
    )?;
    let m = message(rest_api.root().add_method_with(
        "ANY",
        None,
        MethodOptions::builder().authorization_type(AuthorizationType::Iam),
    ));
    // aws-cdk-lib 2.276.0's test uses IAM: NONE without an authorizer of the method's own opts
    // out of the default authorizer instead of failing.
    assert!(m.contains("Authorization type is set to AWS_IAM which is different from what is required by the authorizer"), "{m}");
    Ok(())
}

#[test]
fn method_has_auth_scopes() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    Method::new(
        &stack,
        "my-method",
        post(&api).options(
            MethodOptions::builder()
                .api_key_required(true)
                .authorization_type(AuthorizationType::Cognito)
                .authorization_scopes(["AuthScope1", "AuthScope2"])
                .build()?,
        ),
    )?;
    method_props(
        &stack,
        json!({ "ApiKeyRequired": true, "AuthorizationScopes": ["AuthScope1", "AuthScope2"] }),
    )
}

fn with_default_scopes(stack: &Stack) -> Result<RestApi, Error> {
    RestApi::new(
        stack,
        "test-api",
        RestApiProps::builder().cloud_watch_role(false).deploy(false).default_method_options(
            MethodOptions::builder().authorization_scopes(["DefaultAuth"]).build()?,
        ),
    )
}

#[test]
fn use_default_auth_scopes() -> TestResult {
    let (_app, stack) = stack()?;
    let api = with_default_scopes(&stack)?;
    Method::new(
        &stack,
        "defaultAuthScopes",
        post(&api).options(
            MethodOptions::builder()
                .operation_name("defaultAuthScopes")
                .authorization_type(AuthorizationType::Cognito)
                .build()?,
        ),
    )?;
    method_props(
        &stack,
        json!({ "OperationName": "defaultAuthScopes", "AuthorizationScopes": ["DefaultAuth"] }),
    )
}

#[test]
fn method_options_auth_scopes_is_picked_up() -> TestResult {
    let (_app, stack) = stack()?;
    let api = with_default_scopes(&stack)?;
    Method::new(
        &stack,
        "MethodAuthScopeUsed",
        post(&api).options(
            MethodOptions::builder()
                .api_key_required(true)
                .authorization_type(AuthorizationType::Cognito)
                .authorization_scopes(["MethodAuthScope"])
                .build()?,
        ),
    )?;
    method_props(
        &stack,
        json!({ "ApiKeyRequired": true, "AuthorizationScopes": ["MethodAuthScope"] }),
    )
}

#[test]
fn auth_scopes_absent() -> TestResult {
    let (_app, stack) = stack()?;
    let api = api(&stack)?;
    Method::new(
        &stack,
        "authScopesAbsent",
        post(&api).options(MethodOptions::builder().operation_name("authScopesAbsent").build()?),
    )?;
    method_props(
        &stack,
        pattern!({ "OperationName": "authScopesAbsent", "AuthorizationScopes": Match::absent() }),
    )
}

#[test]
fn method_has_a_request_validator_with_provided_properties() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder().http_method("GET").resource(api.root()).options(
            MethodOptions::builder()
                .request_validator_options(
                    RequestValidatorOptions::builder()
                        .request_validator_name("test-validator")
                        .validate_request_body(true)
                        .validate_request_parameters(false)
                        .build()?,
                )
                .build()?,
        ),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::RequestValidator",
        pattern!({
            "RestApiId": ref_(&["test-api", "Resource"]),
            "ValidateRequestBody": true,
            "ValidateRequestParameters": false,
            "Name": "test-validator",
        }),
    )
}

#[test]
fn method_does_not_have_a_request_validator() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    Method::new(
        &stack,
        "method-man",
        MethodProps::builder().http_method("GET").resource(api.root()),
    )?;
    method_props(&stack, pattern!({ "RequestValidatorId": Match::absent() }))
}

#[test]
fn method_does_not_support_both_request_validator_and_request_validator_options(
) -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::builder().deploy(false))?;
    let validator = api.add_request_validator(
        "test-validator1",
        RequestValidatorOptions::builder()
            .validate_request_body(true)
            .validate_request_parameters(false),
    )?;
    let options = MethodOptions::builder()
        .request_validator_options(
            RequestValidatorOptions::builder()
                .request_validator_name("test-validator2")
                .validate_request_body(true)
                .validate_request_parameters(false)
                .build()?,
        )
        .request_validator(&validator)
        .build()?;
    let m = message(Method::new(
        &stack,
        "method",
        MethodProps::builder().http_method("GET").resource(api.root()).options(options),
    ));
    assert!(
        m.contains(
            "Only one of 'requestValidator' or 'requestValidatorOptions' must be specified."
        ),
        "{m}"
    );
    Ok(())
}

/// The `api` half of `"restApi" and "api" properties return the RestApi correctly`.
#[test]
fn method_api_returns_the_rest_api() -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
    let method = api.root().add_resource("pets")?.add_method("GET", None)?;
    assert_eq!(method.api(), api.api_handle());
    Ok(())
}

/// The `api` half of `"restApi" throws an error on imported while "api" returns correctly`.
#[test]
fn method_api_returns_an_imported_api() -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let api = RestApi::from_rest_api_attributes(
        &stack,
        "test-api",
        RestApiAttributes::builder()
            .rest_api_id("test-rest-api-id")
            .root_resource_id("test-root-resource-id"),
    )?;
    let method = api.root().add_resource("pets")?.add_method("GET", None)?;
    assert_eq!(method.api(), api.api_handle());
    Ok(())
}

mod metrics {
    use super::*;
    use apigw_core::MetricOptions;

    /// `method.<metric>(api.deploymentStage, { color })`: name, statistic and dimensions.
    fn check(
        get: impl Fn(&Method, &apigw_core::Stage) -> Result<apigw_core::Metric, Error>,
        name: &str,
        statistic: &str,
    ) -> Result<(), Error> {
        let (_app, stack) = stack()?;
        let api = RestApi::new(&stack, "test-api", RestApiProps::default())?;
        let method = api.root().add_resource("pets")?.add_method("GET", None)?;
        let stage = api.deployment_stage()?;
        let metric = get(&method, &stage)?;
        assert_eq!(metric.namespace(), "AWS/ApiGateway");
        assert_eq!(metric.metric_name(), name);
        assert_eq!(metric.statistic(), statistic);
        let dims: Vec<String> =
            metric.dimensions().iter().map(|(k, v)| format!("{k}={v:?}")).collect();
        assert_eq!(
            dims,
            [
                format!("ApiName={:?}", Value::from("test-api")),
                format!("Method={:?}", Value::from("GET")),
                format!("Resource={:?}", Value::from("/pets")),
                format!("Stage={:?}", stage.stage_name()),
            ]
        );
        Ok(())
    }

    #[test]
    fn metric() -> Result<(), Error> {
        check(
            |m, s| m.metric("4XXError", s, MetricOptions::builder().statistic("Sum").build()?),
            "4XXError",
            "Sum",
        )
    }

    #[test]
    fn metric_client_error() -> Result<(), Error> {
        check(|m, s| m.metric_client_error(s, None), "4XXError", "Sum")
    }

    #[test]
    fn metric_server_error() -> Result<(), Error> {
        check(|m, s| m.metric_server_error(s, None), "5XXError", "Sum")
    }

    #[test]
    fn metric_cache_hit_count() -> Result<(), Error> {
        check(|m, s| m.metric_cache_hit_count(s, None), "CacheHitCount", "Sum")
    }

    #[test]
    fn metric_cache_miss_count() -> Result<(), Error> {
        check(|m, s| m.metric_cache_miss_count(s, None), "CacheMissCount", "Sum")
    }

    #[test]
    fn metric_count() -> Result<(), Error> {
        check(|m, s| m.metric_count(s, None), "Count", "SampleCount")
    }

    #[test]
    fn metric_integration_latency() -> Result<(), Error> {
        check(|m, s| m.metric_integration_latency(s, None), "IntegrationLatency", "Average")
    }

    #[test]
    fn metric_latency() -> Result<(), Error> {
        check(|m, s| m.metric_latency(s, None), "Latency", "Average")
    }
}
