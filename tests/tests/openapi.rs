//! The OpenAPI 3 export of every parity twin (`apigw_core::openapi`): each non-Spec API's
//! document round-trips through a `SpecRestApi`, and the exports carry what the twins declare
//! (authorizers, API keys, models, validators, CORS preflights, private integrations).
//!
//! "Same API" in the round trip means, comparing the original API's synthesized template with
//! the `Body` of a `SpecRestApi` made from its export (what CloudFormation imports):
//! - the same resource paths: the paths of the API's `AWS::ApiGateway::Resource`s (from their
//!   `ParentId`/`PathPart` chains) equal the document's paths other than `/` together with
//!   their ancestors (API Gateway creates those on import);
//! - the same methods: the set of (path, HTTP method) of the API's `AWS::ApiGateway::Method`s
//!   equals the document's operations (`x-amazon-apigateway-any-method` is `ANY`);
//! - the same integrations: for each method, the integration's type (upper-cased), URI, HTTP
//!   method, credentials, connection type and connection id are equal, tokens included (the
//!   template's `Fn::Join`/`Fn::GetAtt`/`Ref` objects compare as JSON).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use apigw_core::openapi::ApiExport;
use apigw_core::{ApiDefinition, SpecRestApi, SpecRestApiProps};
use cdk_core::{App, Stack};
use serde_json::{json, Value as Json};

/// The assembly folder of a case in one test's run (tests run in parallel: one folder each).
fn out_dir(run: &str, case: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi").join(run).join(case)
}

/// One method: its path, HTTP method and integration summary.
type MethodKey = (String, String, String);

/// The summary compared for an integration, from the template's `Integration` (CloudFormation
/// names) or the document's `x-amazon-apigateway-integration` (OpenAPI names).
fn summary(integration: &Json, names: [&str; 6]) -> String {
    let mut out = serde_json::Map::new();
    for (i, (name, key)) in names
        .iter()
        .zip(["type", "uri", "httpMethod", "credentials", "connectionType", "connectionId"])
        .enumerate()
    {
        if let Some(v) = integration.get(*name) {
            let v = match (i, v.as_str()) {
                (0, Some(t)) => Json::String(t.to_ascii_uppercase()),
                _ => v.clone(),
            };
            out.insert(key.into(), v);
        }
    }
    Json::Object(out).to_string()
}

const CFN_NAMES: [&str; 6] =
    ["Type", "Uri", "IntegrationHttpMethod", "Credentials", "ConnectionType", "ConnectionId"];
const OAS_NAMES: [&str; 6] =
    ["type", "uri", "httpMethod", "credentials", "connectionType", "connectionId"];

/// Resource paths and methods of the API `api` (a logical ID) in a synthesized template.
fn from_template(template: &Json, api: &str) -> (BTreeSet<String>, BTreeSet<MethodKey>) {
    let resources = template["Resources"].as_object().expect("resources");
    let of_api = |r: &&Json, t: &str| {
        r["Type"] == t && r["Properties"]["RestApiId"] == json!({ "Ref": api })
    };
    let root = json!({ "Fn::GetAtt": [api, "RootResourceId"] });
    let path_of = |mut id: Json| {
        let mut parts = Vec::new();
        while id != root {
            let lid = id["Ref"].as_str().expect("a Ref to a resource").to_string();
            let props = &resources[&lid]["Properties"];
            parts.push(props["PathPart"].as_str().expect("path part").to_string());
            id = props["ParentId"].clone();
        }
        parts.reverse();
        format!("/{}", parts.join("/"))
    };
    let paths = resources
        .iter()
        .filter(|(_, r)| of_api(r, "AWS::ApiGateway::Resource"))
        .map(|(lid, _)| path_of(json!({ "Ref": lid })))
        .collect();
    let methods = resources
        .values()
        .filter(|r| of_api(r, "AWS::ApiGateway::Method"))
        .map(|r| {
            let p = &r["Properties"];
            (
                path_of(p["ResourceId"].clone()),
                p["HttpMethod"].as_str().expect("method").to_string(),
                summary(&p["Integration"], CFN_NAMES),
            )
        })
        .collect();
    (paths, methods)
}

/// Resource paths and methods of an OpenAPI document (as imported by API Gateway).
fn from_document(doc: &Json) -> (BTreeSet<String>, BTreeSet<MethodKey>) {
    let mut paths = BTreeSet::new();
    let mut methods = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let mut prefix = String::new();
        for part in path.split('/').filter(|p| !p.is_empty()) {
            prefix = format!("{prefix}/{part}");
            paths.insert(prefix.clone());
        }
        for (key, op) in item.as_object().expect("path item") {
            let verb = match key.as_str() {
                "x-amazon-apigateway-any-method" => "ANY".to_string(),
                k => k.to_ascii_uppercase(),
            };
            let integration = &op["x-amazon-apigateway-integration"];
            methods.insert((path.clone(), verb, summary(integration, OAS_NAMES)));
        }
    }
    (paths, methods)
}

/// The template of the export's stack in a synthesized assembly.
fn template_of(dir: &Path, export: &ApiExport) -> Json {
    for name in [
        format!("{}.template.json", export.stack),
        format!("{}.nested.template.json", export.stack),
    ] {
        if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
            return serde_json::from_str(&text).expect("template JSON");
        }
    }
    panic!("no template of stack {} in {}", export.stack, dir.display());
}

/// Feeds `doc` to a `SpecRestApi` in a fresh app and returns the `Body` it synthesizes.
fn through_spec_rest_api(doc: &Json) -> Result<Json, cdk_core::Error> {
    let app = App::new();
    let stack = Stack::new(&app, "RoundTrip")?;
    SpecRestApi::new(
        &stack,
        "Api",
        SpecRestApiProps::builder().api_definition(ApiDefinition::from_inline(doc.clone())),
    )?;
    let template = stack.synthesize_template()?;
    let body = template["Resources"]
        .as_object()
        .into_iter()
        .flatten()
        .find(|(_, r)| r["Type"] == "AWS::ApiGateway::RestApi")
        .map(|(_, r)| r["Properties"]["Body"].clone())
        .unwrap_or(Json::Null);
    Ok(body)
}

/// Every twin's app, synthesized, with its exports.
fn all_exports(run: &str) -> Vec<(&'static str, PathBuf, Vec<ApiExport>)> {
    parity::cases()
        .iter()
        .map(|case| {
            let dir = out_dir(run, case.name);
            let _ = std::fs::remove_dir_all(&dir);
            let (_, exports) = parity::synth_case_with_openapi(case, &dir)
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            (case.name, dir, exports)
        })
        .collect()
}

#[test]
fn every_export_round_trips_through_a_spec_rest_api() {
    let mut failures = Vec::new();
    let mut apis = 0;
    for (case, dir, exports) in all_exports("round-trip") {
        for export in exports {
            apis += 1;
            let original = from_template(&template_of(&dir, &export), &export.logical_id);
            assert!(!original.1.is_empty(), "{case}/{}: no method", export.file_name);
            let body = match through_spec_rest_api(&export.document) {
                Ok(b) => b,
                Err(e) => {
                    failures
                        .push(format!("{case}/{}: SpecRestApi refused it: {e}", export.file_name));
                    continue;
                }
            };
            assert_eq!(
                body, export.document,
                "{case}/{}: the Body is the document",
                export.file_name
            );
            let imported = from_document(&body);
            if original.0 != imported.0 {
                failures.push(format!(
                    "{case}/{}: resources differ\n  template: {:?}\n  document: {:?}",
                    export.file_name, original.0, imported.0
                ));
            }
            if original.1 != imported.1 {
                let missing: Vec<_> = original.1.difference(&imported.1).collect();
                let extra: Vec<_> = imported.1.difference(&original.1).collect();
                failures.push(format!(
                    "{case}/{}: methods or integrations differ\n  only in the template: {missing:?}\n  only in the document: {extra:?}",
                    export.file_name
                ));
            }
        }
    }
    assert!(apis >= 40, "only {apis} APIs exported");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The export of the first API of `case`.
fn export_of(all: &[(&str, PathBuf, Vec<ApiExport>)], case: &str) -> Json {
    let (_, _, exports) = all.iter().find(|(c, _, _)| *c == case).expect("case");
    exports.first().expect("an export").document.clone()
}

/// The security schemes with an `x-amazon-apigateway-authorizer` of `kind`.
fn authorizers(doc: &Json, kind: &str) -> Vec<Json> {
    doc["components"]["securitySchemes"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, s)| s.clone())
        .filter(|s| s["x-amazon-apigateway-authorizer"]["type"] == kind)
        .collect()
}

/// Every operation of a document.
fn operations(doc: &Json) -> Vec<(String, String, Json)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (verb, op) in item.as_object().into_iter().flatten() {
            out.push((path.clone(), verb.clone(), op.clone()));
        }
    }
    out
}

#[test]
fn exports_carry_authorizers_keys_models_validators_cors_and_links() {
    let all = all_exports("coverage");

    let token = export_of(&all, "token-authorizer");
    let schemes = authorizers(&token, "token");
    assert!(!schemes.is_empty());
    let a = &schemes[0];
    assert_eq!(a["x-amazon-apigateway-authtype"], "custom");
    assert_eq!(a["name"], "Authorization");
    assert_eq!(
        a["x-amazon-apigateway-authorizer"]["identitySource"],
        "method.request.header.Authorization"
    );
    assert_eq!(a["x-amazon-apigateway-authorizer"]["authorizerResultTtlInSeconds"], 300);
    // the function's ARN as CloudFormation sees it
    assert!(a["x-amazon-apigateway-authorizer"]["authorizerUri"]["Fn::Join"].is_array());

    let request = export_of(&all, "request-authorizer");
    let schemes = authorizers(&request, "request");
    assert!(!schemes.is_empty());
    assert_eq!(
        schemes[0]["x-amazon-apigateway-authorizer"]["identitySource"],
        "method.request.header.Authorization,method.request.querystring.allow"
    );

    let cognito = export_of(&all, "cognito-authorizer");
    let schemes = authorizers(&cognito, "cognito_user_pools");
    assert_eq!(schemes[0]["x-amazon-apigateway-authtype"], "cognito_user_pools");
    assert!(
        schemes[0]["x-amazon-apigateway-authorizer"]["providerARNs"][0]["Fn::GetAtt"].is_array()
    );
    let scoped =
        operations(&cognito).into_iter().find(|(_, verb, _)| verb == "post").expect("POST /books");
    assert_eq!(
        scoped.2["security"][0].as_object().unwrap().values().next().unwrap(),
        &json!(["books/write", "Scope2"])
    );

    let iam = export_of(&all, "iam-authorizer");
    assert_eq!(
        iam["components"]["securitySchemes"]["sigv4"]["x-amazon-apigateway-authtype"],
        "awsSigv4"
    );
    assert!(operations(&iam).iter().any(|(_, _, op)| op["security"][0]["sigv4"] == json!([])));

    let keys = export_of(&all, "default-integration-and-options");
    assert_eq!(
        keys["components"]["securitySchemes"]["api_key"],
        json!({ "type": "apiKey", "name": "x-api-key", "in": "header" })
    );
    assert!(operations(&keys).iter().any(|(_, _, op)| op["security"][0]["api_key"] == json!([])));

    let models = export_of(&all, "models-validators-hello");
    assert_eq!(models["components"]["schemas"]["ResponseModel"]["title"], "pollResponse");
    assert!(models["components"]["schemas"]["ResponseModel"].get("$schema").is_none());
    assert_eq!(
        models["x-amazon-apigateway-request-validators"]["test-validator"],
        json!({ "validateRequestBody": true, "validateRequestParameters": false })
    );
    let get = &models["paths"]["/v1"]["get"];
    assert_eq!(get["x-amazon-apigateway-request-validator"], "test-validator");
    assert_eq!(
        get["parameters"][0],
        json!({ "name": "who", "in": "query", "required": true, "schema": { "type": "string" } })
    );
    assert_eq!(
        get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ResponseModel"
    );
    assert_eq!(get["x-amazon-apigateway-integration"]["type"], "aws");

    let cors = export_of(&all, "cors");
    let preflights: Vec<_> =
        operations(&cors).into_iter().filter(|(_, v, _)| v == "options").collect();
    assert!(!preflights.is_empty());
    for (_, _, op) in preflights {
        assert_eq!(op["x-amazon-apigateway-integration"]["type"], "mock");
        assert!(op["x-amazon-apigateway-integration"]["responses"]["default"]
            ["responseParameters"]
            .as_object()
            .is_some_and(|p| p.contains_key("method.response.header.Access-Control-Allow-Origin")));
    }

    // LambdaRestApi and StepFunctionsRestApi export through their RestApi
    let (_, _, lambda) = all.iter().find(|(c, _, _)| *c == "lambda-rest-api").expect("case");
    let proxy =
        lambda.iter().find(|e| e.file_name == "ProxyStack.myapi.json").expect("ProxyStack's API");
    let any = &proxy.document["paths"]["/{proxy+}"]["x-amazon-apigateway-any-method"];
    assert_eq!(any["x-amazon-apigateway-integration"]["type"], "aws_proxy");
    // API Gateway's name of the greedy variable (`method.request.path.proxy`)
    assert_eq!(
        any["parameters"],
        json!([{ "name": "proxy", "in": "path", "required": true, "schema": { "type": "string" } }])
    );
    let routes = export_of(&all, "proxy-routes");
    let get = &routes["paths"]["/{proxy+}"]["get"];
    let names: Vec<&Json> =
        get["parameters"].as_array().expect("parameters").iter().map(|p| &p["name"]).collect();
    assert_eq!(names, [&json!("proxy+")], "OpenAPI's name on an operation OpenAPI tools read");
    let states = export_of(&all, "stepfunctions-rest-api");
    let root =
        &states["paths"]["/"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"];
    assert_eq!(root["type"], "aws");
    assert!(root["uri"].to_string().contains(":states:action/StartSyncExecution"), "{root}");
    assert!(root["credentials"]["Fn::GetAtt"].is_array());

    let link = export_of(&all, "private-integration-vpc-link");
    let root =
        &link["paths"]["/"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"];
    assert_eq!(root["connectionType"], "VPC_LINK");
    assert!(root["connectionId"]["Ref"].is_string());
}
