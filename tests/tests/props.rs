//! Property test: random apps (ids with unicode, `/`, empty and long; path parts; methods;
//! status codes; CORS origins; numbers at their limits; raw overrides; values nested up to
//! 100,000 levels deep in a model schema, a request template and an override) synthesize to
//! `Ok` or to a typed error with a message, never a panic or a stack overflow.
//!
//! 256 cases by default (seconds); `PROPTEST_CASES=5000 cargo test --release -p parity
//! --test props` runs more.
#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};

use apigw_core::{
    CorsOptions, IntegrationOptions, JsonSchema, MethodOptions, MethodResponse, MockIntegration,
    ModelOptions, RestApi, RestApiProps, StageOptions,
};
use cdk_core::{App, AppProps, CfnResource, Construct, Error, Map, Stack, Value};
use proptest::prelude::*;

/// One random app.
#[derive(Clone, Debug)]
struct Case {
    stack_id: String,
    api_id: String,
    cors: Option<(Vec<String>, Option<u16>)>,
    rate: Option<f64>,
    burst: Option<u32>,
    routes: Vec<(String, String, String)>,
    children: Vec<String>,
    overrides: Vec<(String, serde_json::Value)>,
    resource_limit: Option<serde_json::Value>,
    /// A second stack using the API's id, made a dependency of the first when `true`
    /// (a cycle).
    consumer: Option<(String, bool)>,
    /// A value for a feature flag the API reads (`disableCloudWatchRole`).
    flag: Option<serde_json::Value>,
    /// Deep values: (where, depth, list or object levels).
    deep: Vec<(Deep, usize, bool)>,
}

/// Where a deep value goes.
#[derive(Clone, Copy, Debug)]
enum Deep {
    Schema,
    Template,
    Override,
}

fn deep() -> impl Strategy<Value = (Deep, usize, bool)> {
    (
        prop::sample::select(vec![Deep::Schema, Deep::Template, Deep::Override]),
        prop_oneof![4 => 0usize..300, 1 => 300usize..=100_000],
        any::<bool>(),
    )
}

/// A value nested `depth` levels (lists or objects), built without recursion.
fn nested(depth: usize, lists: bool) -> Value {
    (0..depth).fold(Value::from("leaf"), |v, _| {
        if lists {
            Value::Array(vec![v])
        } else {
            let mut m = Map::new();
            m.insert("k".into(), v);
            Value::Object(m)
        }
    })
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => "[A-Za-z][A-Za-z0-9]{0,11}",
        1 => Just(String::new()),
        1 => "[a-zA-Z0-9]{1,12}",
        1 => "\\PC{0,16}",
        1 => "[a-z/]{1,10}",
        1 => "[a-z]{200,300}",
        1 => Just("Default".to_string()),
        1 => Just("Resource".to_string()),
        1 => Just("--".to_string()),
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => "[a-z]{1,8}(/[a-z]{1,8}){0,2}",
        1 => "[a-z]{1,8}",
        1 => "\\{[a-z]{1,5}\\+?\\}",
        1 => "\\PC{0,8}",
        1 => Just(String::new()),
        1 => "/?[a-z{}+/]{0,16}",
        1 => Just("/".to_string()),
        1 => Just("a//b".to_string()),
    ]
}

fn method() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec!["GET", "PUT", "PATCH", "DELETE", "HEAD"]).prop_map(String::from),
        1 => Just("GET".to_string()),
        1 => Just("POST".to_string()),
        1 => Just("ANY".to_string()),
        1 => Just("OPTIONS".to_string()),
        1 => Just("get".to_string()),
        1 => Just(String::new()),
        1 => "\\PC{0,6}",
    ]
}

fn status() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[1-5][0-9]{2}",
        1 => any::<u16>().prop_map(|c| c.to_string()),
        1 => "\\PC{0,4}",
        1 => Just(String::new()),
    ]
}

fn origin() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => "https://[a-z]{1,8}\\.com",
        1 => Just("*".to_string()),
        1 => Just(String::new()),
        1 => "\\PC{0,12}",
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(-0.0),
        Just(1e21),
        Just(9007199254740993.0),
        any::<f64>(),
    ]
}

fn json_leaf() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        number().prop_map(|n| serde_json::Number::from_f64(n)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        "\\PC{0,10}".prop_map(serde_json::Value::from),
        Just(serde_json::json!({ "Ref": "Nope" })),
        Just(serde_json::json!([1, { "a": [] }])),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        (id(), id()),
        proptest::option::of((proptest::collection::vec(origin(), 1..3), any::<Option<u16>>())),
        (proptest::option::of(number()), any::<Option<u32>>()),
        proptest::collection::vec((path(), method(), status()), 0..6),
        proptest::collection::vec(id(), 0..4),
        proptest::collection::vec(("[A-Za-z0-9.]{0,24}|\\PC{0,12}", json_leaf()), 0..4),
        (
            proptest::option::of(json_leaf()),
            proptest::option::of((id(), any::<bool>())),
            proptest::option::of(json_leaf()),
        ),
        proptest::collection::vec(deep(), 0..3),
    )
        .prop_map(
            |(
                ids,
                cors,
                (rate, burst),
                routes,
                children,
                overrides,
                (limit, consumer, flag),
                deep,
            )| {
                Case {
                    stack_id: ids.0,
                    api_id: ids.1,
                    cors,
                    rate,
                    burst,
                    routes,
                    children,
                    overrides,
                    resource_limit: limit,
                    consumer,
                    flag,
                    deep,
                }
            },
        )
}

fn outdir() -> std::path::PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join("parity-props").join(format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Builds and synthesizes the app; the first error ends it.
fn run(case: &Case) -> Result<(), Error> {
    let dir = outdir();
    let mut props = AppProps::builder().outdir(dir.clone());
    if let Some(limit) = &case.resource_limit {
        props = props.context("@aws-cdk/core:stackResourceLimit", limit.clone());
    }
    if let Some(flag) = &case.flag {
        props = props.context("@aws-cdk/aws-apigateway:disableCloudWatchRole", flag.clone());
    }
    let app = App::with_props(props.build()?);
    let stack = Stack::new(&app, &case.stack_id)?;
    let mut api_props = RestApiProps::builder();
    if let Some((origins, code)) = &case.cors {
        let mut cors = CorsOptions::builder().allow_origins(origins.clone());
        if let Some(c) = code {
            cors = cors.status_code(*c);
        }
        api_props = api_props.default_cors_preflight_options(cors.build()?);
    }
    let mut stage = StageOptions::builder();
    if let Some(r) = case.rate {
        stage = stage.throttling_rate_limit(r);
    }
    if let Some(b) = case.burst {
        stage = stage.throttling_burst_limit(b);
    }
    api_props = api_props.deploy_options(stage.build()?);
    let api = RestApi::new(&stack, &case.api_id, api_props.build()?)?;
    for (path, http_method, status) in &case.routes {
        let resource = api.root().resource_for_path(path)?;
        let response = MethodResponse::builder().status_code(status.clone()).build()?;
        let options = MethodOptions::builder().method_responses(vec![response]).build()?;
        resource.add_method_with(http_method, None, options)?;
    }
    for child in &case.children {
        api.root().add_resource(child)?;
    }
    for (i, (place, depth, lists)) in case.deep.iter().enumerate() {
        match place {
            Deep::Schema => {
                let schema = (0..*depth).fold(JsonSchema::new(), |s, _| {
                    if *lists {
                        JsonSchema::new().items(s)
                    } else {
                        JsonSchema::new().properties([("p", s)])
                    }
                });
                api.add_model(&format!("Deep{i}"), ModelOptions::builder().schema(schema))?;
            }
            Deep::Template => {
                let options = IntegrationOptions::builder()
                    .request_templates([("application/json", nested(*depth, *lists))])
                    .build()?;
                let resource = api.root().add_resource(&format!("deep{i}"))?;
                resource.add_method("POST", MockIntegration::with_options(options)?)?;
            }
            Deep::Override => {
                let topic =
                    CfnResource::new(&stack, &format!("Deep{i}"), "AWS::SNS::Topic", Value::Null)?;
                topic.add_property_override("Deep", nested(*depth, *lists));
            }
        }
    }
    if let Some(default) = api.node().default_child()? {
        if let Some(l1) = CfnResource::from_node(&default) {
            for (path, value) in &case.overrides {
                l1.add_override(path, Value::from(value.clone()));
            }
        }
    }
    if let Some((id, cycle)) = &case.consumer {
        let other = Stack::new(&app, id)?;
        let props = Value::object([("Api", api.rest_api_id())]);
        CfnResource::new(&other, "Consumer", "AWS::SNS::Topic", props)?;
        if *cycle {
            stack.add_dependency(&other, None)?;
        }
    }
    let result = app.synth().map(|_| ());
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_apps_synthesize_or_fail_with_a_typed_error(case in case()) {
        if let Err(e) = run(&case) {
            // A typed error with a message; one about a construct names its path.
            prop_assert!(!e.to_string().is_empty(), "{e:?}");
            match &e {
                Error::Build { .. }
                | Error::Validation { .. }
                | Error::Io { .. }
                | Error::EmptyId { .. }
                | Error::TreeModifiedAfterSynth { .. } => {}
                Error::ValueTooDeep { property_path, .. } => {
                    prop_assert!(!property_path.is_empty(), "{e:?}");
                    prop_assert!(e.path().is_some(), "no path: {e:#?}");
                }
                other => prop_assert!(other.path().is_some(), "no path: {other:#?}"),
            }
        }
    }
}
