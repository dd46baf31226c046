//! The synth-time API Gateway checks (`apigw_core::checks`, `docs/synth-checks.md`): each
//! builds the app API Gateway (or Lambda, or CloudFormation) would refuse at deployment and
//! expects the check's error, naming the construct, the value, the rule and the fix.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use apigw_core::{
    ApiDefinition, ApiKey, ApiKeyProps, Check, Deployment, DeploymentProps, HttpIntegration,
    Integration, IntegrationOptions, IntegrationProps, IntegrationType, JsonSchema, JsonSchemaType,
    LambdaIntegration, LambdaIntegrationOptions, MethodDeploymentOptions, MethodOptions,
    ModelOptions, ProxyResourceOptions, RestApi, RestApiProps, SpecRestApi, SpecRestApiProps,
    Stage, StageOptions, ThrottleSettings, UsagePlanPerApiStage, UsagePlanProps,
};
use cdk_core::{App, AppProps, CfnResource, Construct, Error, Stack, Value};

fn app(name: &str) -> (App, Stack) {
    let dir = std::env::temp_dir().join("apigw-core-synth-checks").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(AppProps::builder().outdir(dir).build().unwrap());
    let stack = Stack::new(&app, "Stack").unwrap();
    (app, stack)
}

fn api(name: &str) -> (App, Stack, RestApi) {
    let (app, stack) = app(name);
    let api = RestApi::new(&stack, "Api", RestApiProps::default()).unwrap();
    (app, stack, api)
}

/// The path and message of a check's error; the message ends with the check's code.
fn failed(err: Error, check: Check) -> (String, String) {
    match err {
        Error::InvalidArgument { path, message } => {
            assert!(message.ends_with(&format!("[{}]", check.code())), "{message}");
            assert!(message.contains(". Fix: "), "{message}");
            (path, message)
        }
        other => panic!("expected the error of {check:?}, got {other:?}"),
    }
}

/// The messages of a failed synthesis.
fn synth_messages(app: &App) -> Vec<(String, String)> {
    match app.synth() {
        Err(Error::Validation { messages }) => messages,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn sibling_resources_with_different_path_variables() {
    let (_app, _, api) = api("siblings");
    let books = api.root().add_resource("books").unwrap();
    books.add_resource("{id}").unwrap();
    books.add_resource("fixed").unwrap();
    let (path, message) =
        failed(books.add_resource("{name}").unwrap_err(), Check::SiblingPathVariables);
    assert_eq!(path, "Stack/Api/Default/books/{name}");
    assert!(message.starts_with("path variable '{name}' next to its sibling '{id}' under '/books'"));
    assert!(message.contains("only one is allowed"), "{message}");
    // the same variable again is aws-cdk-lib's duplicate id, not ours
    assert!(matches!(books.add_resource("{id}").unwrap_err(), Error::DuplicateId { .. }));
    // a greedy variable is a variable too
    failed(
        books.add_proxy(ProxyResourceOptions::default()).unwrap_err(),
        Check::SiblingPathVariables,
    );
}

#[test]
fn a_resource_under_a_greedy_path_variable() {
    let (_app, _, api) = api("greedy");
    let proxy = api.root().add_resource("files").unwrap().add_resource("{proxy+}").unwrap();
    let (path, message) = failed(proxy.add_resource("meta").unwrap_err(), Check::ChildOfGreedyPath);
    assert_eq!(path, "Stack/Api/Default/files/{proxy+}/meta");
    assert!(message.starts_with("resource 'meta' under '/files/{proxy+}'"), "{message}");
    assert!(message.contains("'proxy' path parameter"), "{message}");
    let proxy = api.root().add_proxy(ProxyResourceOptions::default()).unwrap();
    failed(proxy.add_resource("{id}").unwrap_err(), Check::ChildOfGreedyPath);
}

#[test]
fn method_parameters_and_mappings_naming_a_missing_path_parameter() {
    let (_app, _, api) = api("path-params");
    let book = api.root().add_resource("books").unwrap().add_resource("{id}").unwrap();
    let options = |name: &str| {
        MethodOptions::builder().request_parameters([(format!("method.request.path.{name}"), true)])
    };
    book.add_method_with("GET", None, options("id")).unwrap();
    // a method request parameter alone: a warning (aws-cdk-lib's own tests declare such)
    let put = book.add_method_with("PUT", None, options("bookId")).unwrap();
    let warnings = put.node().warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, "Stack/Api/Default/books/{id}/PUT");
    let message = &warnings[0].1;
    assert!(message.starts_with(
        "request parameter 'method.request.path.bookId' of a method on '/books/{id}'"
    ));
    assert!(message.contains("name one of its path parameters (id)"), "{message}");
    assert!(message.ends_with("[APIGW-3]"));

    let mapped = |from: &str| {
        HttpIntegration::with_props(
            "https://example.com/{b}",
            apigw_core::HttpIntegrationProps::builder().options(
                IntegrationOptions::builder()
                    .request_parameters([("integration.request.path.b", from)])
                    .build()
                    .unwrap(),
            ),
        )
        .unwrap()
    };
    book.add_method("POST", Some(mapped("method.request.path.id"))).unwrap();
    let (_, message) = failed(
        book.add_method("PATCH", Some(mapped("method.request.path.page"))).unwrap_err(),
        Check::UnknownPathParameter,
    );
    assert!(message.contains("Invalid mapping expression parameter specified"), "{message}");
    // static values and other sources are not path parameters
    book.add_method("DELETE", Some(mapped("'static'"))).unwrap();
}

#[test]
fn http_and_aws_integrations_with_an_empty_or_malformed_uri() {
    let (_app, _, api) = api("uris");
    let with = |type_: IntegrationType, uri: Option<&str>| {
        let mut props = IntegrationProps::builder().type_(type_).integration_http_method("GET");
        if let Some(u) = uri {
            props = props.uri(u);
        }
        Integration::new(props).unwrap()
    };
    let r = api.root();
    r.add_method("GET", Some(HttpIntegration::new("https://example.com/x"))).unwrap();
    let (path, message) = failed(
        r.add_method("POST", Some(HttpIntegration::new("example.com/x"))).unwrap_err(),
        Check::IntegrationUri,
    );
    assert_eq!(path, "Stack/Api/Default/POST");
    assert!(message.starts_with("HTTP_PROXY integration URI 'example.com/x'"), "{message}");
    // no URI at all: a warning (aws-cdk-lib's own tests build such integrations)
    let put = r.add_method("PUT", Some(with(IntegrationType::Http, None))).unwrap();
    let warnings = put.node().warnings();
    assert!(warnings[0].1.starts_with("HTTP integration without a URI"), "{warnings:?}");
    assert!(warnings[0].1.ends_with("[APIGW-4]"));
    let (_, message) = failed(
        r.add_method(
            "PATCH",
            Some(with(IntegrationType::Aws, Some("arn:aws:apigateway:us-east-1:sqs:queue"))),
        )
        .unwrap_err(),
        Check::IntegrationUri,
    );
    assert!(message.contains("path|action"), "{message}");
    r.add_method(
        "DELETE",
        Some(with(IntegrationType::Aws, Some("arn:aws:apigateway:us-east-1:sqs:path/1/q"))),
    )
    .unwrap();
    // a token is not checked
    let token = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("GET")
            .uri(cdk_core::Fn::join("", [Value::from("https://"), cdk_core::Aws::url_suffix()])),
    )
    .unwrap();
    r.add_method("OPTIONS", Some(token)).unwrap();
}

#[test]
fn api_key_values_outside_20_to_128_characters() {
    let (_app, stack) = app("api-key");
    ApiKey::new(&stack, "Ok", ApiKeyProps::builder().value("a".repeat(20))).unwrap();
    let (path, message) = failed(
        ApiKey::new(&stack, "Short", ApiKeyProps::builder().value("too-short")).unwrap_err(),
        Check::ApiKeyValueLength,
    );
    assert_eq!(path, "Stack/Short");
    assert!(message.starts_with("API key value of 9 characters"), "{message}");
    failed(
        ApiKey::new(&stack, "Long", ApiKeyProps::builder().value("x".repeat(129))).unwrap_err(),
        Check::ApiKeyValueLength,
    );
}

#[test]
fn a_usage_plan_api_stage_without_a_stage() {
    let (_app, _, api) = api("usage-plan-stage");
    api.root().add_method("GET", None).unwrap();
    let plan = api.add_usage_plan("Plan", UsagePlanProps::default()).unwrap();
    let (path, message) = failed(
        plan.add_api_stage(UsagePlanPerApiStage::builder().api(&api)).unwrap_err(),
        Check::UsagePlanStageMissing,
    );
    assert_eq!(path, "Stack/Api/Plan");
    assert!(message.starts_with("usage plan API stage without a stage"), "{message}");
    plan.add_api_stage(
        UsagePlanPerApiStage::builder().api(&api).stage(&api.deployment_stage().unwrap()),
    )
    .unwrap();
}

#[test]
fn ttls_throttles_quotas_and_stage_names_outside_their_ranges() {
    let (_app, stack, api) = api("ranges");
    api.root().add_method("GET", None).unwrap();
    let deployment = Deployment::new(&stack, "D", &api, DeploymentProps::default()).unwrap();
    let stage = |id: &str, options: StageOptions| Stage::new(&stack, id, &deployment, options);
    let (path, message) = failed(
        stage(
            "Ttl",
            StageOptions::builder()
                .stage_name("ttl")
                .cache_ttl(Duration::from_secs(7200))
                .build()
                .unwrap(),
        )
        .unwrap_err(),
        Check::OutOfRange,
    );
    assert_eq!(path, "Stack/Ttl");
    assert!(message.starts_with("cache TTL of 7200 seconds for '/*/*'"), "{message}");
    let (_, message) = failed(
        stage("Name", StageOptions::builder().stage_name("my stage").build().unwrap()).unwrap_err(),
        Check::StageName,
    );
    assert!(message.starts_with("stage name 'my stage'"), "{message}");
    stage("Fine", StageOptions::builder().stage_name("v1-beta_2").build().unwrap()).unwrap();
}

#[test]
fn negative_throttle_rates_are_the_cloudformation_validations() {
    // Not a check of ours: the CloudFormation validation refuses them at synthesis with
    // aws-cdk-lib's F3034, for the stage's method settings and the usage plan alike.
    let (app, stack, api) = api("negative-throttle");
    api.root().add_method("GET", None).unwrap();
    let deployment = Deployment::new(&stack, "D", &api, DeploymentProps::default()).unwrap();
    Stage::new(
        &stack,
        "Rate",
        &deployment,
        StageOptions::builder().stage_name("rate").throttling_rate_limit(-1.0).build().unwrap(),
    )
    .unwrap();
    api.add_usage_plan(
        "Plan",
        UsagePlanProps::builder()
            .throttle(ThrottleSettings::builder().rate_limit(-5.0).build().unwrap()),
    )
    .unwrap();
    match app.synth() {
        Err(Error::TemplateValidation { violations }) => {
            let found: Vec<_> = violations.iter().map(|v| v.description.as_str()).collect();
            assert_eq!(
                found,
                [
                    "Throttle.RateLimit: -5 is less than the minimum of 0",
                    "MethodSettings.0.ThrottlingRateLimit: -1 is less than the minimum of 0",
                ],
                "{violations:?}"
            );
            assert!(violations.iter().all(|v| v.rule_id == "F3034"));
        }
        other => panic!("expected the F3034 findings, got {other:?}"),
    }
}

#[test]
fn integration_timeouts_over_29_seconds_on_an_edge_optimized_api() {
    let slow = || {
        HttpIntegration::with_props(
            "https://example.com",
            apigw_core::HttpIntegrationProps::builder().options(
                IntegrationOptions::builder().timeout(Duration::from_secs(60)).build().unwrap(),
            ),
        )
        .unwrap()
    };
    let (edge, _, api) = api("edge-timeout");
    api.root().add_method("GET", Some(slow())).unwrap();
    let messages = synth_messages(&edge);
    assert_eq!(messages[0].0, "Stack/Api/Default/GET");
    assert!(
        messages[0].1.starts_with("integration timeout of 60000 ms on an edge-optimized API"),
        "{messages:?}"
    );
    assert!(messages[0].1.ends_with("[APIGW-7]"));
    // a Regional API may raise its quota
    let (regional, stack) = app("regional-timeout");
    let api = RestApi::new(
        &stack,
        "Api",
        RestApiProps::builder().endpoint_types([apigw_core::EndpointType::Regional]),
    )
    .unwrap();
    api.root().add_method("GET", Some(slow())).unwrap();
    regional.synth().unwrap();
}

#[test]
fn two_stages_with_one_name_on_one_api() {
    let (_app, stack, api) = api("duplicate-stages");
    api.root().add_method("GET", None).unwrap();
    let deployment = Deployment::new(&stack, "D", &api, DeploymentProps::default()).unwrap();
    // the API's own deployment stage is 'prod': a warning (aws-cdk-lib's own tests do this)
    let prod = Stage::new(&stack, "Prod", &deployment, StageOptions::default()).unwrap();
    let warnings = prod.node().warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, "Stack/Prod");
    assert!(warnings[0]
        .1
        .starts_with("stage name 'prod' is used by 'Stack/Api/DeploymentStage.prod' already"));
    assert!(warnings[0].1.ends_with("[APIGW-9]"));
    let beta = Stage::new(
        &stack,
        "Beta",
        &deployment,
        StageOptions::builder().stage_name("beta").build().unwrap(),
    )
    .unwrap();
    assert!(beta.node().warnings().is_empty());
}

#[test]
fn stage_method_settings_naming_no_method() {
    let (app, stack, api) = api("method-settings");
    api.root().add_resource("books").unwrap().add_method("GET", None).unwrap();
    let deployment = Deployment::new(&stack, "D", &api, DeploymentProps::default()).unwrap();
    let settings = MethodDeploymentOptions::builder().throttling_rate_limit(10.0).build().unwrap();
    Stage::new(
        &stack,
        "Beta",
        &deployment,
        StageOptions::builder()
            .stage_name("beta")
            .method_options([
                ("/books/GET", settings.clone()),
                ("/*/*", settings.clone()),
                ("/books/POST", settings.clone()),
                ("/authors/GET", settings),
            ])
            .build()
            .unwrap(),
    )
    .unwrap();
    // known once every method is added: warnings of the synthesis (aws-cdk-lib's own tests
    // set such paths)
    app.synth().unwrap();
    let messages = stack.node().warnings();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(messages[0].0, "Stack/Beta");
    assert!(messages[0].1.starts_with("method settings for '/books/POST'"), "{messages:?}");
    assert!(messages[1].1.starts_with("method settings for '/authors/GET'"), "{messages:?}");
    assert!(messages[1].1.ends_with("[APIGW-10]"));
}

fn function(stack: &Stack) -> cdk_lambda::Function {
    cdk_lambda::Function::new(
        stack,
        "Handler",
        cdk_lambda::FunctionProps::builder()
            .runtime(cdk_lambda::Runtime::NODEJS_20_X)
            .handler("index.handler")
            .code(cdk_lambda::Code::from_inline("exports.handler = async () => ({})")),
    )
    .unwrap()
}

/// An API with `n` resources, each with GET and POST through one function (the app not yet
/// synthesized).
fn lambda_api(name: &str, n: usize, scoped: bool) -> (App, Stack) {
    let (app, stack, api) = api(name);
    let handler = function(&stack);
    let integration = LambdaIntegration::with_options(
        &handler,
        LambdaIntegrationOptions::builder().scope_permission_to_method(scoped),
    )
    .unwrap();
    for i in 0..n {
        let r = api.root().add_resource(&format!("resource{i}")).unwrap();
        r.add_method("GET", &integration).unwrap();
        r.add_method("POST", &integration).unwrap();
    }
    (app, stack)
}

#[test]
fn per_method_lambda_permissions_over_the_policy_size_limit() {
    // 32 methods: 64 statements (with the test-invoke ones), under 20,480 bytes
    let (app, _) = lambda_api("lambda-policy-ok", 16, true);
    app.synth().unwrap();
    // 36 methods: over the limit, an error of the function
    let (app, _) = lambda_api("lambda-policy-over", 18, true);
    let messages = synth_messages(&app);
    assert_eq!(messages.len(), 1, "{messages:?}");
    let (path, message) = &messages[0];
    assert_eq!(path, "Stack/Handler");
    assert!(
        message.starts_with("the resource policy of function 'Stack/Handler' would be at least ")
    );
    assert!(
        message.contains("from 72 permissions for API Gateway (72 of them for one method each)")
    );
    assert!(message.contains("scope_permission_to_method(false)"), "{message}");
    assert!(message.ends_with("[APIGW-11]"));
    let size: usize = message
        ["the resource policy of function 'Stack/Handler' would be at least ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(size > 20_480 && size < 22_000, "{size}");
    // the hint works: one permission for the whole API
    let (app, _) = lambda_api("lambda-policy-api-scoped", 18, false);
    app.synth().unwrap();
    // an app that is never deployed (the benchmark) acknowledges the check
    let (app, stack) = lambda_api("lambda-policy-acknowledged", 18, true);
    assert_eq!(Check::LambdaPolicySize.acknowledgement_id(), "apigw-checks::APIGW-11");
    let acknowledgements = cdk_core::Validations::of(&stack);
    assert!(!acknowledgements.is_acknowledged("apigw-checks::APIGW-11"));
    acknowledgements.acknowledge("apigw-checks::APIGW-11", "benchmark, not deployed").unwrap();
    assert!(acknowledgements.is_acknowledged("apigw-checks::APIGW-11"));
    app.synth().unwrap();
}

#[test]
fn a_stack_over_the_resource_limit_names_its_biggest_groups() {
    let (app, stack) = app("resource-limit");
    let big = stack.node().add_child("Big").unwrap();
    for i in 0..400 {
        CfnResource::new(&big, &format!("Q{i}"), "AWS::SQS::Queue", Value::Null).unwrap();
    }
    for i in 0..101 {
        CfnResource::new(&stack, &format!("T{i}"), "AWS::SNS::Topic", Value::Null).unwrap();
    }
    let messages = synth_messages(&app);
    // aws-cdk-lib's message first, unchanged, then the hint
    assert!(messages[0].1.starts_with("Number of resources in stack 'Stack': 501"), "{messages:?}");
    assert!(messages[1].1.contains("nested stacks"), "{messages:?}");
    assert!(
        messages[1]
            .1
            .ends_with(": Stack/Big (400), Stack/T0 (1), Stack/T1 (1), Stack/T2 (1), Stack/T3 (1)"),
        "{messages:?}"
    );
}

#[test]
fn a_template_over_one_million_bytes() {
    let (app, stack) = app("template-size");
    let text = "x".repeat(4_000);
    for i in 0..300 {
        CfnResource::new(
            &stack,
            &format!("P{i}"),
            "AWS::SSM::Parameter",
            Value::object([("Type", Value::from("String")), ("Value", Value::from(text.clone()))]),
        )
        .unwrap();
    }
    let messages = synth_messages(&app);
    assert_eq!(messages[0].0, "Stack");
    assert!(messages[0].1.starts_with("the template is 12"), "{messages:?}");
    assert!(messages[0].1.contains("at most 1000000 bytes"), "{messages:?}");
    // a template never deployed as it is (a benchmark) acknowledges the check
    cdk_core::Validations::of(&stack)
        .acknowledge(cdk_core::app::TEMPLATE_SIZE_ACKNOWLEDGEMENT, "benchmark")
        .unwrap();
    app.synth().unwrap();
}

#[test]
fn spec_rest_api_definitions_that_are_not_openapi_2_or_3_0() {
    let (_app, stack) = app("openapi");
    let spec = |id: &str, definition: serde_json::Value| {
        SpecRestApi::new(
            &stack,
            id,
            SpecRestApiProps::builder().api_definition(ApiDefinition::from_inline(definition)),
        )
    };
    let (path, message) = failed(
        spec("V31", serde_json::json!({"openapi": "3.1.0", "info": {}, "paths": {}})).unwrap_err(),
        Check::OpenApiDefinition,
    );
    assert_eq!(path, "Stack/V31");
    assert!(message.starts_with("OpenAPI version '3.1.0'"), "{message}");
    let (_, message) = failed(
        spec("Paths", serde_json::json!({"swagger": "2.0", "info": {}, "paths": {"books": {}}}))
            .unwrap_err(),
        Check::OpenApiDefinition,
    );
    assert!(message.starts_with("path 'books' does not start with '/'"), "{message}");
    // no version at all: a warning (aws-cdk-lib's own tests deploy such documents)
    let api = spec("Foo", serde_json::json!({"foo": "bar"})).unwrap();
    let warnings = api.node().warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].1.contains("neither an 'openapi' nor a 'swagger' field"), "{warnings:?}");
    assert!(warnings[0].1.ends_with("[APIGW-12]"));

    let file = std::env::temp_dir().join("apigw-core-synth-checks-openapi.json");
    std::fs::write(&file, r#"{"swagger": "3.0", "paths": {}}"#).unwrap();
    let (_, message) = failed(
        SpecRestApi::new(
            &stack,
            "Asset",
            SpecRestApiProps::builder().api_definition(ApiDefinition::from_asset(&file)),
        )
        .unwrap_err(),
        Check::OpenApiDefinition,
    );
    assert!(message.starts_with("Swagger version '3.0'"), "{message}");
}

#[test]
fn model_schemas_that_are_not_json_schema_draft_4() {
    let (_app, _, api) = api("models");
    api.root().add_method("GET", None).unwrap();
    let model =
        |id: &str, schema: JsonSchema| api.add_model(id, ModelOptions::builder().schema(schema));
    model("Ok", JsonSchema::new().type_(JsonSchemaType::Object).required(["a"])).unwrap();
    let (path, message) = failed(
        model("BadType", JsonSchema::new().properties([("a", JsonSchema::new().types([]))]))
            .unwrap_err(),
        Check::ModelSchema,
    );
    assert_eq!(path, "Stack/Api/BadType");
    assert!(
        message.starts_with("#/properties/a/type is not a type or a non-empty list"),
        "{message}"
    );
    // an empty `required`: a warning (the meta-schema's rule, which API Gateway may not enforce)
    let m = model("NoRequired", JsonSchema::new().required(Vec::<String>::new())).unwrap();
    let warnings = m.node().warnings();
    assert!(warnings[0].1.starts_with("#/required is an empty list"), "{warnings:?}");
    assert!(warnings[0].1.ends_with("[APIGW-13]"));
    let (_, message) = failed(
        model("Nested", JsonSchema::new().properties([("n", JsonSchema::new().multiple_of(0.0))]))
            .unwrap_err(),
        Check::ModelSchema,
    );
    assert!(message.starts_with("#/properties/n/multipleOf is not greater than 0"), "{message}");
    let m = model("Contradiction", JsonSchema::new().min_length(5).max_length(2)).unwrap();
    let warnings = m.node().warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].1.contains("minLength 5 is greater than maxLength 2"), "{warnings:?}");
}
