//! `test/authorizers/lambda.test.ts`: tests in CDK 13, ported 13, passing 13, ignored 0,
//! newer than 2.276.0: 0. `Function.fromFunctionName` is not in cdk-lambda: its import is
//! built with `Function::from_function_attributes` and the ARN `fromFunctionName` formats.
//!
//! The two `throws when not attached to a rest api` tests resolve `authorizerArn` in CDK,
//! whose lazy `RestApiId` throws; here the same message is a validation error of synthesis.

use std::time::Duration;

use apigw_auth::{
    IdentitySource, RequestAuthorizer, RequestAuthorizerProps, TokenAuthorizer,
    TokenAuthorizerProps,
};
use apigw_core::{AuthorizationType, Authorizer, MethodOptions, RestApi, RestApiProps};
use cdk_iam::{Principal, Role, RoleProps};
use cdk_lambda::Runtime;

use crate::support::*;

/// `new lambda.Function(stack, 'myfunction', { handler: 'handler', code: fromInline('foo') })`.
fn myfunction(stack: &Stack, runtime: Runtime) -> Result<cdk_lambda::Function, Error> {
    function(stack, "myfunction", runtime, "handler", "foo")
}

/// `restApi.root.addMethod('ANY', undefined, { authorizer, authorizationType: CUSTOM })`.
fn add_any(stack: &Stack, auth: impl Into<Authorizer>) -> Result<RestApi, Error> {
    let rest_api = RestApi::new(stack, "myrestapi", RestApiProps::default())?;
    rest_api.root().add_method_with(
        "ANY",
        None,
        MethodOptions::builder().authorizer(auth).authorization_type(AuthorizationType::Custom),
    )?;
    Ok(rest_api)
}

/// The authorizer URI of a function with the given logical ID.
fn authorizer_uri(function: &str) -> serde_json::Value {
    let arn = json!({ "Fn::GetAtt": [function, "Arn"] });
    let part = |i: u32| json!({ "Fn::Select": [i, { "Fn::Split": [":", arn] }] });
    join(json!([
        "arn:",
        part(1),
        ":apigateway:",
        part(3),
        ":lambda:path/2015-03-31/functions/",
        arn,
        "/invocations",
    ]))
}

const REST_API: &str = "myrestapi551C8392";

#[test]
fn default_token_authorizer() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let auth = TokenAuthorizer::new(
        &stack,
        "myauthorizer",
        TokenAuthorizerProps::builder().handler(&func),
    )?;
    add_any(&stack, &auth)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "TOKEN",
            "RestApiId": { "Ref": REST_API },
            "IdentitySource": "method.request.header.Authorization",
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "Action": "lambda:InvokeFunction", "Principal": "apigateway.amazonaws.com" }),
    )?;
    assert_authorizer_arn(&stack, auth.authorizer_arn(), auth.authorizer_id())
}

/// `authorizerArn.endsWith('/authorizers/' + authorizerId)`: the resolved ARN ends with the
/// resolved id.
fn assert_authorizer_arn(stack: &Stack, arn: Value, id: Value) -> TestResult {
    let rendered = stack.to_json_string(Value::array([arn, id]), None);
    let template_value = Capture::new();
    let probe = cdk_core::CfnOutput::new(
        stack,
        "Probe",
        cdk_core::CfnOutputProps::builder().value(rendered),
    )?;
    let _ = probe;
    Template::from_stack(stack)?.has_output("Probe", pattern!({ "Value": &template_value }))?;
    let text = serde_json::Value::Object(template_value.as_object()?).to_string();
    // `["<arn>","<id>"]`: the ARN ends with `/authorizers/` and the id's `Ref`, as the id.
    let id = r#"{"Ref":"myauthorizer23CB99DD"}"#;
    let tail = format!(r#""/authorizers/",{id},"\",\"",{id},"\"]""#);
    assert!(text.contains(&tail), "{text}");
    Ok(())
}

#[test]
fn default_request_authorizer() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let auth = RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .results_cache_ttl(Duration::from_secs(0))
            .identity_sources(Vec::<String>::new()),
    )?;
    add_any(&stack, &auth)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "REQUEST",
            "RestApiId": { "Ref": REST_API },
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )?;
    template.has_resource_properties(
        "AWS::Lambda::Permission",
        pattern!({ "Action": "lambda:InvokeFunction", "Principal": "apigateway.amazonaws.com" }),
    )?;
    assert_authorizer_arn(&stack, auth.authorizer_arn(), auth.authorizer_id())
}

#[test]
fn invalid_request_authorizer_config() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let err = RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .results_cache_ttl(Duration::from_secs(1))
            .identity_sources(Vec::<String>::new()),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        err.contains("At least one Identity Source is required for a REQUEST-based Lambda authorizer if caching is enabled."),
        "{err}"
    );
    Ok(())
}

#[test]
fn token_authorizer_with_all_parameters_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let auth = TokenAuthorizer::new(
        &stack,
        "myauthorizer",
        TokenAuthorizerProps::builder()
            .handler(&func)
            .identity_source("method.request.header.whoami")
            .validation_regex("a-hacker")
            .authorizer_name("myauthorizer")
            .results_cache_ttl(Duration::from_secs(60)),
    )?;
    add_any(&stack, &auth)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "TOKEN",
            "RestApiId": { "Ref": REST_API },
            "IdentitySource": "method.request.header.whoami",
            "IdentityValidationExpression": "a-hacker",
            "Name": "myauthorizer",
            "AuthorizerResultTtlInSeconds": 60,
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )
}

#[test]
fn request_authorizer_with_all_parameters_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let auth = RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .identity_sources([IdentitySource::header("whoami")])
            .authorizer_name("myauthorizer")
            .results_cache_ttl(Duration::from_secs(60)),
    )?;
    add_any(&stack, &auth)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "REQUEST",
            "RestApiId": { "Ref": REST_API },
            "IdentitySource": "method.request.header.whoami",
            "Name": "myauthorizer",
            "AuthorizerResultTtlInSeconds": 60,
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )
}

/// `new iam.Role(stack, 'authorizerassumerole', { assumedBy: apigateway, roleName })`.
fn assume_role(stack: &Stack) -> Result<Role, Error> {
    Role::new(
        stack,
        "authorizerassumerole",
        RoleProps::builder()
            .assumed_by(Principal::service("apigateway.amazonaws.com"))
            .role_name("authorizerassumerole"),
    )
}

/// What both `... with assume role` tests check after the authorizer's own properties: an
/// inline policy on the role, no permission on the function.
fn assert_assume_role_policy(template: &Template) -> TestResult {
    template.has_resource("AWS::IAM::Role", Match::any_value())?;
    template.has_resource_properties(
        "AWS::IAM::Policy",
        pattern!({
            "Roles": [{ "Ref": "authorizerassumerole26BEF9F7" }],
            "PolicyDocument": {
                "Statement": [{
                    "Resource": [
                        { "Fn::GetAtt": ["myfunction9B95E948", "Arn"] },
                        join(json!([{ "Fn::GetAtt": ["myfunction9B95E948", "Arn"] }, ":*"])),
                    ],
                    "Action": "lambda:InvokeFunction",
                    "Effect": "Allow",
                }],
            },
        }),
    )?;
    template.resource_count_is("AWS::Lambda::Permission", 0)?;
    // Not in the CDK test: the policy is `authorizerInvokePolicy` under the authorizer, as
    // aws-cdk-lib 2.276.0 names it, and the deployment waits for the method only.
    let policies = template.find_resources("AWS::IAM::Policy", pattern!({}))?;
    assert_eq!(policies.keys().collect::<Vec<_>>(), ["myauthorizerauthorizerInvokePolicyC2F7FF24"]);
    template.has_resource_properties(
        "AWS::IAM::Policy",
        pattern!({ "PolicyName": "myauthorizerauthorizerInvokePolicyC2F7FF24" }),
    )?;
    template.has_resource(
        "AWS::ApiGateway::Deployment",
        pattern!({ "DependsOn": ["myrestapiANY94B0497F"] }),
    )
}

#[test]
fn token_authorizer_with_assume_role() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let role = assume_role(&stack)?;
    let auth = TokenAuthorizer::new(
        &stack,
        "myauthorizer",
        TokenAuthorizerProps::builder().handler(&func).assume_role(&role),
    )?;
    add_any(&stack, &auth)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "TOKEN",
            "RestApiId": { "Ref": REST_API },
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )?;
    assert_assume_role_policy(&template)
}

#[test]
fn request_authorizer_with_assume_role() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let role = assume_role(&stack)?;
    let auth = RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .assume_role(&role)
            .results_cache_ttl(Duration::from_secs(0))
            .identity_sources(Vec::<String>::new()),
    )?;
    add_any(&stack, &auth)?;
    let template = Template::from_stack(&stack)?;
    template.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "REQUEST",
            "RestApiId": { "Ref": REST_API },
            "AuthorizerUri": authorizer_uri("myfunction9B95E948"),
        }),
    )?;
    assert_assume_role_policy(&template)
}

/// Synthesizing `stack` fails with `must be attached to a RestApi`.
fn assert_unattached(stack: &Stack) -> TestResult {
    let err = match Template::from_stack(stack) {
        Ok(_) => String::from("synthesized"),
        Err(e) => e.message().to_string(),
    };
    assert!(
        err.contains("Authorizer (Default/myauthorizer) must be attached to a RestApi"),
        "{err}"
    );
    Ok(())
}

#[test]
fn token_authorizer_throws_when_not_attached_to_a_rest_api() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    TokenAuthorizer::new(&stack, "myauthorizer", TokenAuthorizerProps::builder().handler(&func))?;
    assert_unattached(&stack)
}

#[test]
fn request_authorizer_throws_when_not_attached_to_a_rest_api() -> TestResult {
    let (_app, stack) = stack()?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .identity_sources([IdentitySource::header("myheader")]),
    )?;
    assert_unattached(&stack)
}

/// The deployment's `DependsOn` holds the authorizer's logical ID.
fn assert_deployment_depends_on_authorizer(stack: &Stack) -> TestResult {
    let template = Template::from_stack(stack)?;
    let authorizers = template.find_resources("AWS::ApiGateway::Authorizer", pattern!({}))?;
    let authorizer_id = authorizers.keys().next().cloned().unwrap_or_default();
    template.has_resource(
        "AWS::ApiGateway::Deployment",
        pattern!({ "DependsOn": Match::array_with([authorizer_id.as_str()]) }),
    )
}

const FLAG: &str = "@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId";

#[test]
fn rest_api_depends_on_the_token_authorizer_when_flag_is_enabled() -> TestResult {
    let (_app, stack) = stack()?;
    stack.node().set_context(FLAG, true)?;
    let func = myfunction(&stack, Runtime::NODEJS_18_X)?;
    let auth = TokenAuthorizer::new(
        &stack,
        "myauthorizer",
        TokenAuthorizerProps::builder().handler(&func),
    )?;
    add_any(&stack, &auth)?;
    assert_deployment_depends_on_authorizer(&stack)
}

#[test]
fn rest_api_depends_on_the_request_authorizer_when_flag_is_enabled() -> TestResult {
    let (_app, stack) = stack()?;
    stack.node().set_context(FLAG, true)?;
    let func = myfunction(&stack, Runtime::NODEJS_14_X)?;
    let auth = RequestAuthorizer::new(
        &stack,
        "myauthorizer",
        RequestAuthorizerProps::builder()
            .handler(&func)
            .results_cache_ttl(Duration::from_secs(0))
            .identity_sources(Vec::<String>::new()),
    )?;
    add_any(&stack, &auth)?;
    assert_deployment_depends_on_authorizer(&stack)
}

#[test]
fn a_new_deployment_is_created_when_a_lambda_function_changes_name_and_flag_is_enabled(
) -> TestResult {
    let deployment_id = |name: &str| -> Result<String, AssertionError> {
        let (_app, stack) = stack()?;
        stack.node().set_context(FLAG, true)?;
        let func = cdk_lambda::Function::new(
            &stack,
            "myfunction",
            cdk_lambda::FunctionProps::builder()
                .handler("handler")
                .function_name(name)
                .code(cdk_lambda::Code::from_inline("foo"))
                .runtime(Runtime::NODEJS_18_X),
        )?;
        let auth = RequestAuthorizer::new(
            &stack,
            "myauthorizer",
            RequestAuthorizerProps::builder()
                .handler(&func)
                .results_cache_ttl(Duration::from_secs(0))
                .identity_sources(Vec::<String>::new()),
        )?;
        add_any(&stack, &auth)?;
        let template = Template::from_stack(&stack)?;
        let deployments = template.find_resources("AWS::ApiGateway::Deployment", pattern!({}))?;
        Ok(deployments.keys().next().cloned().unwrap_or_default())
    };
    assert_ne!(deployment_id("foo")?, deployment_id("bar")?);
    Ok(())
}

#[test]
fn a_new_deployment_is_created_when_an_imported_lambda_function_changes_name_and_flag_is_enabled(
) -> TestResult {
    let deployment_id = |name: &str| -> Result<String, AssertionError> {
        let (_app, stack) = stack()?;
        stack.node().set_context(FLAG, true)?;
        // `lambda.Function.fromFunctionName(stack, 'myfunction', name)`: an import by the ARN
        // it formats (`arn:<partition>:lambda:<region>:<account>:function:<name>`).
        let arn = stack.format_arn(
            &cdk_core::ArnComponents::new("lambda", "function")
                .resource_name(name)
                .arn_format(cdk_core::ArnFormat::ColonResourceName),
        );
        let func = cdk_lambda::Function::from_function_attributes(
            &stack,
            "myfunction",
            cdk_lambda::FunctionAttributes::builder().function_arn(arn),
        )?;
        let auth = RequestAuthorizer::new(
            &stack,
            "myauthorizer",
            RequestAuthorizerProps::builder()
                .handler(&func)
                .results_cache_ttl(Duration::from_secs(0))
                .identity_sources(Vec::<String>::new()),
        )?;
        add_any(&stack, &auth)?;
        let template = Template::from_stack(&stack)?;
        let deployments = template.find_resources("AWS::ApiGateway::Deployment", pattern!({}))?;
        Ok(deployments.keys().next().cloned().unwrap_or_default())
    };
    assert_ne!(deployment_id("foo")?, deployment_id("bar")?);
    Ok(())
}
