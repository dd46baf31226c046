//! Models, request validators, method and integration responses, gateway responses and CORS
//! against aws-cdk-lib 2.276.0: the probe app `goldens/zz-gr-models/app.js` (synthesized with
//! the parity harness) covers what the parity cases do not (schemas with `$ref`, definitions
//! and free-form defaults, models without a name, the built-in models, a method response
//! added after the method, integration responses set in a custom order, several CORS origins,
//! credentials, `max_age`, `disable_cache`, `ANY`, the legacy validator id, an API without
//! deployment). Both templates must be byte-identical to aws-cdk-lib's.

use std::path::{Path, PathBuf};
use std::time::Duration;

use apigw_core::{
    CorsOptions, GatewayResponseOptions, IntegrationOptions, IntegrationResponse, JsonSchema,
    JsonSchemaType, JsonSchemaVersion, MethodOptions, MethodResponse, MockIntegration, Model,
    ModelOptions, ModelRef, RequestValidatorOptions, ResourceOptions, ResponseType, RestApi,
    RestApiProps,
};
use cdk_core::{App, AppProps, Construct, Error, Flags, Stack, Value};
use cfn_apigateway::method::ContentHandling;

fn golden(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goldens/zz-gr-models").join(file)
}

fn build(app: &App) -> Result<(), Box<dyn std::error::Error>> {
    {
        let stack = Stack::new(app, "Stack")?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder()
                .default_cors_preflight_options(
                    CorsOptions::builder()
                        .allow_origins(["https://a.com", "https://b.com", "https://c.com"])
                        .allow_credentials(true)
                        .max_age(Duration::from_secs(600))
                        .expose_headers(["X-A", "X-B"])
                        .allow_headers(["X-Custom"])
                        .status_code(200u16)
                        .build()?,
                )
                .build()?,
        )?;
        let model = api.add_model(
            "BookModel",
            ModelOptions::builder()
                .description("a book")
                .schema(
                    JsonSchema::new()
                        .title("book")
                        .type_(JsonSchemaType::Object)
                        .definitions([(
                            "author",
                            JsonSchema::new().types([JsonSchemaType::String, JsonSchemaType::Null]),
                        )])
                        .properties([
                            ("author", JsonSchema::new().ref_("#/definitions/author")),
                            (
                                "tags",
                                JsonSchema::new()
                                    .type_(JsonSchemaType::Array)
                                    .items(JsonSchema::new().type_(JsonSchemaType::String))
                                    .min_items(1),
                            ),
                            (
                                "price",
                                JsonSchema::new()
                                    .type_(JsonSchemaType::Number)
                                    .minimum(0.0)
                                    .exclusive_minimum(true),
                            ),
                        ])
                        .required(["author"])
                        .additional_properties_allowed(false)
                        .default_(Value::object([
                            ("schema", Value::from(1)),
                            ("properties", Value::object([("ref", 2)])),
                        ])),
                )
                .build()?,
        )?;
        let books = api.root().add_resource("books")?;
        let get = books.add_method_with(
            "GET",
            Some(MockIntegration::with_options(
                IntegrationOptions::builder()
                    .integration_responses(vec![
                        IntegrationResponse::builder()
                            .selection_pattern("4\\d{2}")
                            .status_code("400")
                            .content_handling(ContentHandling::ConvertToText)
                            .build()?,
                        IntegrationResponse::builder()
                            .status_code("200")
                            .response_templates([("application/json", "{}")])
                            .response_parameters([("method.response.header.X", "'x'")])
                            .build()?,
                    ])
                    .request_templates([("application/json", "{ \"statusCode\": 200 }")]),
            )?),
            MethodOptions::builder()
                .request_models([("application/json", &model)])
                .request_validator_options(
                    RequestValidatorOptions::builder().validate_request_body(true).build()?,
                )
                .method_responses(vec![
                    MethodResponse::builder()
                        .status_code("200")
                        .response_models([
                            ("application/json", ModelRef::from(&model)),
                            ("text/plain", Model::EMPTY_MODEL),
                        ])
                        .response_parameters([("method.response.header.X", true)])
                        .build()?,
                    MethodResponse::builder()
                        .status_code("400")
                        .response_models([("application/json", Model::ERROR_MODEL)])
                        .build()?,
                ])
                .build()?,
        )?;
        get.add_method_response(MethodResponse::builder().status_code("500").build()?);
        let v = api.add_request_validator(
            "Explicit",
            RequestValidatorOptions::builder().validate_request_parameters(true).build()?,
        )?;
        books.add_method_with(
            "POST",
            None,
            MethodOptions::builder().request_validator(v).build()?,
        )?;
        api.add_gateway_response(
            "gr",
            GatewayResponseOptions::builder()
                .type_(ResponseType::of("custom_type"))
                .templates([("application/json", "{}")])
                .build()?,
        )?;
        let no_models =
            RestApi::new(&stack, "plain", RestApiProps::builder().deploy(false).build()?)?;
        no_models.root().add_method_with(
            "GET",
            None,
            MethodOptions::builder()
                .request_validator_options(
                    RequestValidatorOptions::builder().request_validator_name("x").build()?,
                )
                .build()?,
        )?;
        no_models.add_model(
            "M",
            ModelOptions::builder()
                .model_name("Named")
                .content_type("text/plain")
                .schema(JsonSchema::new().schema(JsonSchemaVersion::Draft7))
                .build()?,
        )?;
    }
    {
        let stack = Stack::new(app, "Legacy")?;
        stack.node().set_context("@aws-cdk/aws-apigateway:requestValidatorUniqueId", false)?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder()
                .default_cors_preflight_options(
                    CorsOptions::builder()
                        .allow_origins(["*"])
                        .allow_credentials(true)
                        .disable_cache(true)
                        .allow_methods(["ANY"])
                        .build()?,
                )
                .build()?,
        )?;
        api.root().add_method_with(
            "GET",
            None,
            MethodOptions::builder()
                .request_validator_options(
                    RequestValidatorOptions::builder().validate_request_body(false).build()?,
                )
                .build()?,
        )?;
        api.root()
            .add_resource_with(
                "x",
                ResourceOptions::builder()
                    .default_cors_preflight_options(
                        CorsOptions::builder()
                            .allow_origins(["https://x.com"])
                            .expose_headers(Vec::<String>::new())
                            .build()?,
                    )
                    .build()?,
            )?
            .add_method("PUT", None)?;
    }
    Ok(())
}

#[test]
fn probe_templates_match_aws_cdk_lib_byte_for_byte() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("models-cors-zz-gr-models");
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::with_props(
        AppProps::builder()
            .outdir(dir.clone())
            .flags(Flags::Recommended)
            .build()
            .expect("app props"),
    );
    build(&app).expect("build");
    app.synth().expect("synth");
    for file in ["Stack.template.json", "Legacy.template.json"] {
        let expected = std::fs::read_to_string(golden(file)).expect("golden");
        let actual = std::fs::read_to_string(dir.join(file)).expect("template");
        assert!(actual == expected, "{file} differs:\n{actual}");
    }
}

fn api(stack: &Stack) -> RestApi {
    RestApi::new(stack, "api", RestApiProps::default()).expect("api")
}

#[test]
fn refused_method_and_cors_options_name_the_construct() {
    let app = App::with_props(AppProps::builder().build().expect("props"));
    let stack = Stack::new(&app, "S").expect("stack");
    let api = api(&stack);
    let v = api.add_request_validator("V", RequestValidatorOptions::default()).expect("validator");
    let both = MethodOptions::builder()
        .request_validator(v)
        .request_validator_options(RequestValidatorOptions::default())
        .build()
        .expect("options");
    let e = api.root().add_method_with("GET", None, both).expect_err("both validators");
    assert_eq!(
        e.to_string(),
        "S/api/Default/GET: Only one of 'requestValidator' or 'requestValidatorOptions' must be specified."
    );
    // options built field by field skip the builder's checks; adding the preflight refuses them
    let mut cors = CorsOptions::builder().allow_origins(["*"]).build().expect("cors");
    cors.allow_origins.push("https://a.com".into());
    let e = api.root().add_cors_preflight(cors).expect_err("mixed origins");
    assert!(matches!(e, Error::InvalidArgument { .. }));
    assert_eq!(
        e.to_string(),
        "S/api/Default: Invalid \"allowOrigins\" - cannot mix \"*\" with specific origins: *,https://a.com"
    );
}

#[test]
fn legacy_validator_ids_collide_as_in_aws_cdk_lib() {
    let app = App::with_props(
        AppProps::builder()
            .context("@aws-cdk/aws-apigateway:requestValidatorUniqueId", false)
            .build()
            .expect("props"),
    );
    let stack = Stack::new(&app, "S").expect("stack");
    let api = api(&stack);
    let with_validator = || {
        MethodOptions::builder()
            .request_validator_options(RequestValidatorOptions::default())
            .build()
            .expect("options")
    };
    api.root().add_method_with("GET", None, with_validator()).expect("first");
    assert!(api.node().try_find_child("validator").is_some());
    let e =
        api.root().add_method_with("POST", None, with_validator()).expect_err("second validator");
    assert!(matches!(e, Error::DuplicateId { .. }), "{e}");
}
