//! `test/authorizers/cognito.test.ts`: tests in CDK 4, ported 4, passing 4, ignored 0, newer
//! than 2.276.0: 0.

use std::time::Duration;

use apigw_auth::{CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps};
use apigw_core::{AuthorizationType, MethodOptions, RestApi, RestApiProps};
use cdk_cognito::{UserPool, UserPoolProps};

use crate::support::*;

/// `restApi.root.addMethod('ANY', undefined, { authorizer, authorizationType: COGNITO })`.
fn add_any(
    stack: &Stack,
    id: &str,
    authorizer: &CognitoUserPoolsAuthorizer,
) -> Result<RestApi, Error> {
    let rest_api = RestApi::new(stack, id, RestApiProps::default())?;
    rest_api.root().add_method_with(
        "ANY",
        None,
        MethodOptions::builder()
            .authorizer(authorizer)
            .authorization_type(AuthorizationType::Cognito),
    )?;
    Ok(rest_api)
}

/// `authorizerArn.endsWith('/authorizers/' + authorizerId)`, on the rendered values.
fn assert_authorizer_arn(stack: &Stack, authorizer: &CognitoUserPoolsAuthorizer) -> TestResult {
    let pair = Value::array([authorizer.authorizer_arn(), authorizer.authorizer_id()]);
    let props = cdk_core::CfnOutputProps::builder().value(stack.to_json_string(pair, None));
    cdk_core::CfnOutput::new(stack, "Probe", props)?;
    let rendered = Capture::new();
    Template::from_stack(stack)?.has_output("Probe", pattern!({ "Value": &rendered }))?;
    let text = serde_json::Value::Object(rendered.as_object()?).to_string();
    let id = r#"{"Ref":"myauthorizer23CB99DD"}"#;
    let tail = format!(r#""/authorizers/",{id},"\",\"",{id},"\"]""#);
    assert!(text.contains(&tail), "{text}");
    Ok(())
}

#[test]
fn default_cognito_authorizer() -> TestResult {
    let (_app, stack) = stack()?;
    let user_pool = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;
    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "myauthorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool]),
    )?;
    add_any(&stack, "myrestapi", &authorizer)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "COGNITO_USER_POOLS",
            "RestApiId": { "Ref": "myrestapi551C8392" },
            "IdentitySource": "method.request.header.Authorization",
            "ProviderARNs": [{ "Fn::GetAtt": ["UserPool6BA7E5F2", "Arn"] }],
        }),
    )?;
    assert_authorizer_arn(&stack, &authorizer)
}

#[test]
fn cognito_authorizer_with_all_parameters_specified() -> TestResult {
    let (_app, stack) = stack()?;
    let user_pool1 = UserPool::new(&stack, "UserPool1", UserPoolProps::default())?;
    let user_pool2 = UserPool::new(&stack, "UserPool2", UserPoolProps::default())?;
    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "myauthorizer",
        CognitoUserPoolsAuthorizerProps::builder()
            .cognito_user_pools([&user_pool1, &user_pool2])
            .identity_source("method.request.header.whoami")
            .authorizer_name("myauthorizer")
            .results_cache_ttl(Duration::from_secs(60)),
    )?;
    add_any(&stack, "myrestapi", &authorizer)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Authorizer",
        pattern!({
            "Type": "COGNITO_USER_POOLS",
            "Name": "myauthorizer",
            "RestApiId": { "Ref": "myrestapi551C8392" },
            "IdentitySource": "method.request.header.whoami",
            "AuthorizerResultTtlInSeconds": 60,
            "ProviderARNs": [
                { "Fn::GetAtt": ["UserPool1724C05E8", "Arn"] },
                { "Fn::GetAtt": ["UserPool2106A1C8E", "Arn"] },
            ],
        }),
    )?;
    assert_authorizer_arn(&stack, &authorizer)
}

const FLAG: &str = "@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId";

#[test]
fn rest_api_depends_on_the_authorizer_when_flag_is_enabled() -> TestResult {
    let (_app, stack) = stack()?;
    stack.node().set_context(FLAG, true)?;
    let user_pool1 = UserPool::new(&stack, "UserPool", UserPoolProps::default())?;
    let authorizer = CognitoUserPoolsAuthorizer::new(
        &stack,
        "Authorizer",
        CognitoUserPoolsAuthorizerProps::builder().cognito_user_pools([&user_pool1]),
    )?;
    add_any(&stack, "Api", &authorizer)?;
    let template = Template::from_stack(&stack)?;
    let authorizers = template.find_resources("AWS::ApiGateway::Authorizer", pattern!({}))?;
    let authorizer_id = authorizers.keys().next().cloned().unwrap_or_default();
    template.has_resource(
        "AWS::ApiGateway::Deployment",
        pattern!({ "DependsOn": Match::array_with([authorizer_id.as_str()]) }),
    )
}

#[test]
fn a_new_deployment_is_created_when_a_cognito_user_pool_is_re_created_and_flag_is_enabled(
) -> TestResult {
    let deployment_id = |user_pool_id: &str| -> Result<String, AssertionError> {
        let (_app, stack) = stack()?;
        stack.node().set_context(FLAG, true)?;
        let user_pool = UserPool::new(&stack, user_pool_id, UserPoolProps::default())?;
        let auth = CognitoUserPoolsAuthorizer::new(
            &stack,
            "myauthorizer",
            CognitoUserPoolsAuthorizerProps::builder()
                .results_cache_ttl(Duration::from_secs(0))
                .cognito_user_pools([&user_pool]),
        )?;
        add_any(&stack, "myrestapi", &auth)?;
        let template = Template::from_stack(&stack)?;
        let deployments = template.find_resources("AWS::ApiGateway::Deployment", pattern!({}))?;
        Ok(deployments.keys().next().cloned().unwrap_or_default())
    };
    assert_ne!(deployment_id("foo")?, deployment_id("bar")?);
    Ok(())
}
