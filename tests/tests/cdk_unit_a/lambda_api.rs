//! `test/lambda-api.test.ts`: tests in CDK 13, ported 9, passing 9, ignored 0, newer than
//! 2.276.0: 0. Not ported (4): `setting deployOptions variable with invalid value throws
//! validation error` (needs `Version.fromVersionAttributes` in cdk-lambda and the stage
//! variable validation of `Stage`, neither ported yet), and the three `LambdaRestApi inherits
//! from RestApi prop injector` tests (cdk-core has no property injectors). `Runtime.NODEJS_LATEST`
//! of 2.276.0 is `NODEJS_24_X`.

use apigw_core::{
    AuthorizationType, CorsOptions, HttpIntegration, LambdaIntegrationOptions, LambdaRestApi,
    LambdaRestApiProps, MethodOptions,
};
use cdk_lambda::{Code, Function, FunctionProps, Runtime};

use crate::support::*;

fn handler(stack: &Stack) -> Result<Function, Error> {
    Function::new(
        stack,
        "handler",
        FunctionProps::builder()
            .handler("index.handler")
            .code(Code::from_inline("boom"))
            .runtime(Runtime::NODEJS_24_X),
    )
}

#[test]
fn lambda_rest_api_supports_function_alias() -> TestResult {
    use cdk_lambda::{Alias, AliasProps, Version, VersionProps};
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    let version = Version::new(&stack, "version", VersionProps::builder().lambda(&handler))?;
    let alias = Alias::new(
        &stack,
        "alias",
        AliasProps::builder().alias_name("my-alias").version(&version),
    )?;
    let api = LambdaRestApi::new(
        &stack,
        "lambda-rest-api",
        LambdaRestApiProps::builder().handler(&alias),
    )?;
    assert!(api.root().add_resource("cant-touch-this").is_err());
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties("AWS::ApiGateway::Resource", pattern!({ "PathPart": "{proxy+}" }))?;
    t.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "HttpMethod": "ANY",
        "ResourceId": { "Ref": "lambdarestapiproxyE3AE07E3" },
        "RestApiId": { "Ref": "lambdarestapiAAD10924" },
        "AuthorizationType": "NONE",
        "Integration": {
            "IntegrationHttpMethod": "POST",
            "Type": "AWS_PROXY",
            "Uri": { "Fn::Join": ["", [
                "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" },
                ":lambda:path/2015-03-31/functions/", { "Ref": "alias68BF17F5" }, "/invocations",
            ]] },
        },
    }))
}

#[test]
fn lambda_rest_api_defines_a_rest_api_with_lambda_proxy_integration() -> TestResult {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    let api = LambdaRestApi::new(
        &stack,
        "lambda-rest-api",
        LambdaRestApiProps::builder().handler(&handler),
    )?;
    assert!(api.root().add_resource("cant-touch-this").is_err());
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties("AWS::ApiGateway::Resource", pattern!({ "PathPart": "{proxy+}" }))?;
    t.has_resource_properties("AWS::ApiGateway::Method", pattern!({
        "HttpMethod": "ANY",
        "ResourceId": { "Ref": "lambdarestapiproxyE3AE07E3" },
        "RestApiId": { "Ref": "lambdarestapiAAD10924" },
        "AuthorizationType": "NONE",
        "Integration": {
            "IntegrationHttpMethod": "POST",
            "Type": "AWS_PROXY",
            "Uri": { "Fn::Join": ["", [
                "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" },
                ":lambda:path/2015-03-31/functions/", { "Fn::GetAtt": ["handlerE1533BD5", "Arn"] }, "/invocations",
            ]]},
        },
    }))
}

fn not_proxied(stack: &Stack) -> Result<(), Error> {
    let handler = handler(stack)?;
    let api = LambdaRestApi::new(
        stack,
        "lambda-rest-api",
        LambdaRestApiProps::builder().handler(&handler).proxy(false),
    )?;
    let tasks = api.root().add_resource("tasks")?;
    tasks.add_method("GET", None)?;
    tasks.add_method("POST", None)?;
    Ok(())
}

#[test]
fn when_proxy_is_set_to_false_users_need_to_define_the_model() -> TestResult {
    let (_app, stack) = stack()?;
    not_proxied(&stack)?;
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties(
        "AWS::ApiGateway::Resource",
        Match::not(pattern!({ "PathPart": "{proxy+}" })),
    )?;
    t.has_resource_properties("AWS::ApiGateway::Resource", pattern!({ "PathPart": "tasks" }))?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "GET", "ResourceId": { "Ref": "lambdarestapitasks224418C8" } }),
    )?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "POST", "ResourceId": { "Ref": "lambdarestapitasks224418C8" } }),
    )
}

#[test]
fn when_proxy_is_false_aws_proxy_is_still_used() -> TestResult {
    let (_app, stack) = stack()?;
    not_proxied(&stack)?;
    // every method has an `AWS_PROXY` integration
    Template::from_stack(&stack)?.all_resources(
        "AWS::ApiGateway::Method",
        pattern!({ "Properties": { "Integration": { "Type": "AWS_PROXY" } } }),
    )
}

#[test]
fn fails_if_options_default_integration_is_also_set() -> Result<(), Error> {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    for _ in 0..2 {
        let m = message(LambdaRestApi::new(
            &stack,
            "lambda-rest-api",
            LambdaRestApiProps::builder()
                .handler(&handler)
                .default_integration(HttpIntegration::new("https://foo/bar")),
        ));
        assert!(m.contains("Cannot specify \"defaultIntegration\" since Lambda integration is automatically defined"), "{m}");
    }
    Ok(())
}

fn cors_options_method(extra: serde_json::Value) -> serde_json::Value {
    let mut m = json!({
        "HttpMethod": "OPTIONS",
        "ResourceId": { "Ref": "lambdarestapiproxyE3AE07E3" },
        "Integration": {
            "IntegrationResponses": [{
                "ResponseParameters": {
                    "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
                    "method.response.header.Access-Control-Allow-Origin": "'https://aws.amazon.com'",
                    "method.response.header.Vary": "'Origin'",
                    "method.response.header.Access-Control-Allow-Methods": "'GET,PUT'",
                },
                "StatusCode": "204",
            }],
            "RequestTemplates": { "application/json": "{ statusCode: 200 }" },
            "Type": "MOCK",
        },
        "MethodResponses": [{
            "ResponseParameters": {
                "method.response.header.Access-Control-Allow-Headers": true,
                "method.response.header.Access-Control-Allow-Origin": true,
                "method.response.header.Vary": true,
                "method.response.header.Access-Control-Allow-Methods": true,
            },
            "StatusCode": "204",
        }],
    });
    if let (Some(m), Some(extra)) = (m.as_object_mut(), extra.as_object()) {
        m.extend(extra.clone());
    }
    m
}

fn cors() -> Result<CorsOptions, Error> {
    Ok(CorsOptions::builder()
        .allow_origins(["https://aws.amazon.com"])
        .allow_methods(["GET", "PUT"])
        .build()?)
}

#[test]
fn lambda_rest_api_defines_a_rest_api_with_cors_enabled() -> TestResult {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    LambdaRestApi::new(
        &stack,
        "lambda-rest-api",
        LambdaRestApiProps::builder().handler(&handler).default_cors_preflight_options(cors()?),
    )?;
    Template::from_stack(&stack)?
        .has_resource_properties("AWS::ApiGateway::Method", cors_options_method(json!({})))
}

#[test]
fn lambda_rest_api_defines_a_rest_api_with_cors_enabled_and_default_method_options() -> TestResult {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    LambdaRestApi::new(
        &stack,
        "lambda-rest-api",
        LambdaRestApiProps::builder()
            .handler(&handler)
            .default_method_options(
                MethodOptions::builder().authorization_type(AuthorizationType::Iam).build()?,
            )
            .default_cors_preflight_options(cors()?),
    )?;
    let expected =
        cors_options_method(json!({ "AuthorizationType": "NONE", "ApiKeyRequired": false }));
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties("AWS::ApiGateway::Method", expected)?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "HttpMethod": "OPTIONS", "AuthorizerId": Match::absent() }),
    )
}

#[test]
fn provided_integration_options_are_applied() -> TestResult {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    LambdaRestApi::new(
        &stack,
        "lamda-rest-api",
        LambdaRestApiProps::builder().handler(&handler).integration_options(
            LambdaIntegrationOptions::builder()
                .timeout(std::time::Duration::from_secs(1))
                .build()?,
        ),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "Integration": { "TimeoutInMillis": 1000, "Type": "AWS_PROXY" } }),
    )
}

#[test]
fn setting_integration_options_proxy_to_false_retains_proxy_path_part() -> TestResult {
    let (_app, stack) = stack()?;
    let handler = handler(&stack)?;
    LambdaRestApi::new(
        &stack,
        "lamda-rest-api",
        LambdaRestApiProps::builder()
            .handler(&handler)
            .integration_options(LambdaIntegrationOptions::builder().proxy(false).build()?),
    )?;
    let t = Template::from_stack(&stack)?;
    t.has_resource_properties("AWS::ApiGateway::Resource", pattern!({ "PathPart": "{proxy+}" }))?;
    t.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({ "Integration": { "Type": "AWS" } }),
    )
}
