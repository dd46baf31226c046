//! OpenAPI 3 export: a [`RestApi`](crate::RestApi) (and so a
//! [`LambdaRestApi`](crate::LambdaRestApi) or a Step Functions API) as the OpenAPI 3.0
//! document with API Gateway extensions that describes it
//! ([`RestApi::to_openapi`](crate::RestApi::to_openapi), [`export`], [`export_all`]).
//!
//! The document is read from the API's synthesized template, so it shows what CloudFormation
//! is given, escape hatches and overrides included. Tokens are rendered as CloudFormation sees
//! them: an integration URI is the template's `{"Fn::Join": ...}`, a Lambda authorizer's URI
//! its `Fn::Join` of the function's `Fn::GetAtt`, a role `{"Fn::GetAtt": [..., "Arn"]}`.
//! CloudFormation resolves intrinsic functions inside a `Body`, so the document can be
//! deployed as it is by a [`SpecRestApi`](crate::SpecRestApi) with
//! [`ApiDefinition::from_inline`](crate::ApiDefinition::from_inline) in the same stack; out of
//! it, the references name logical IDs that are not there. See the guide's
//! [OpenAPI export](crate#openapi-export) section for what is exported and how.

mod schema;

use cdk_core::{CfnResource, Construct, Error, Node};
use serde_json::{json, Map, Value as Json};

/// The OpenAPI version of exported documents.
pub const OPENAPI_VERSION: &str = "3.0.1";

/// The security scheme of methods that require an API key (`ApiKeyRequired`).
pub const API_KEY_SCHEME: &str = "api_key";

/// The security scheme of IAM-authorized methods (`AWS_IAM`).
pub const SIGV4_SCHEME: &str = "sigv4";

/// The HTTP methods OpenAPI has operations for (API Gateway's `ANY` is
/// `x-amazon-apigateway-any-method`).
const OPERATIONS: &[&str] = &["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH"];

/// The built-in models of every API, referenced by name rather than by a `Model` resource.
const BUILT_IN_MODELS: &[(&str, &str)] = &[("Empty", "Empty Schema"), ("Error", "Error Schema")];

/// One exported API of [`export_all`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ApiExport {
    /// The API's construct path (`Stack/books-api`).
    pub path: String,
    /// The stack's artifact id (`Stack`; a nested stack's is its unique id).
    pub stack: String,
    /// `<stack>.<API path below the stack, with '/' as '.'>.json`, unique in an app.
    pub file_name: String,
    /// The logical ID of the API's `AWS::ApiGateway::RestApi` in the stack's template.
    pub logical_id: String,
    /// The OpenAPI 3.0 document.
    pub document: Json,
}

/// The API constructs below (and including) `scope` that can be exported: those whose
/// default child is an `AWS::ApiGateway::RestApi` without a `Body` or `BodyS3Location` (a
/// [`RestApi`](crate::RestApi), [`LambdaRestApi`](crate::LambdaRestApi) or Step Functions
/// API; not a [`SpecRestApi`](crate::SpecRestApi), which has its own document, nor an
/// imported API), in construct-tree order.
pub fn rest_apis(scope: &impl Construct) -> Vec<Node> {
    scope.node().find_all().into_iter().filter(|n| exportable(n).is_some()).collect()
}

/// The `AWS::ApiGateway::RestApi` of an exportable API construct.
fn exportable(node: &Node) -> Option<CfnResource> {
    let child = node.default_child().ok().flatten()?;
    let cfn = CfnResource::from_node_of_type(&child, "AWS::ApiGateway::RestApi").ok()?;
    let has_body = |p: &str| cfn.property(p).is_some_and(|v| !v.is_absent());
    (!has_body("Body") && !has_body("BodyS3Location")).then_some(cfn)
}

/// Exports one API construct (a [`RestApi`](crate::RestApi) or what derefs to one) as an
/// OpenAPI 3.0 document; [`RestApi::to_openapi`](crate::RestApi::to_openapi) calls it. The
/// app is synthesized in memory ([`Stack::synthesize_template`](cdk_core::Stack::synthesize_template)),
/// so its validations run.
///
/// # Errors
/// [`Error::InvalidArgument`] naming the construct when it is not an exportable API (see
/// [`rest_apis`]); whatever synthesis reports.
pub fn export(api: &impl Construct) -> Result<Json, Error> {
    let node = api.node();
    let cfn = exportable(node).ok_or_else(|| Error::InvalidArgument {
        path: node.path(),
        message: "not a REST API to export as OpenAPI: a RestApi (or LambdaRestApi, StepFunctionsRestApi) defines one; a SpecRestApi has its own definition".into(),
    })?;
    let template = node.stack()?.synthesize_template()?;
    document(node, &cfn, &template)
}

/// Exports every API of [`rest_apis`] below `scope` (for a whole app: `export_all(&app)`),
/// synthesizing the app once per stack that has one.
///
/// # Errors
/// As [`export`].
pub fn export_all(scope: &impl Construct) -> Result<Vec<ApiExport>, Error> {
    let mut templates: Vec<(String, Json)> = Vec::new();
    let mut out = Vec::new();
    for node in rest_apis(scope) {
        let Some(cfn) = exportable(&node) else { continue };
        let stack = node.stack()?;
        let file = stack.template_file();
        let template = match templates.iter().find(|(f, _)| *f == file) {
            Some((_, t)) => t.clone(),
            None => {
                let t = stack.synthesize_template()?;
                templates.push((file, t.clone()));
                t
            }
        };
        let document = document(&node, &cfn, &template)?;
        let logical_id = cfn.template_logical_id()?;
        let stack_path = stack.node().path();
        let path = node.path();
        let below = path.strip_prefix(&stack_path).unwrap_or(&path).trim_start_matches('/');
        let file_name = format!("{}.{}.json", stack.artifact_id(), below.replace('/', "."));
        out.push(ApiExport { path, stack: stack.artifact_id(), file_name, logical_id, document });
    }
    Ok(out)
}

/// A key usable in `components` (`^[a-zA-Z0-9.\-_]+$`): other characters become `_`.
pub(crate) fn component_key(name: &str) -> String {
    let key: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    if key.is_empty() {
        "_".into()
    } else {
        key
    }
}

/// The API's resources of one type in the template, in template order, with their
/// properties.
fn of_type<'t>(
    resources: &'t Map<String, Json>,
    api: &Json,
    resource_type: &str,
) -> Vec<(&'t str, &'t Json)> {
    resources
        .iter()
        .filter(|(_, r)| r["Type"] == resource_type && r["Properties"]["RestApiId"] == *api)
        .map(|(id, r)| (id.as_str(), &r["Properties"]))
        .collect()
}

/// `{"Ref": id}` → `id`.
fn ref_target(v: &Json) -> Option<&str> {
    v.as_object().filter(|o| o.len() == 1)?.get("Ref")?.as_str()
}

/// A literal name, else the logical ID, as a component key.
fn name_or_id(props: &Json, id: &str) -> String {
    component_key(props["Name"].as_str().unwrap_or(id))
}

/// Copies the present properties of `from` into `to` under their OpenAPI names.
fn copy(to: &mut Map<String, Json>, from: &Json, names: &[(&str, &str)]) {
    for (cfn, oas) in names {
        if let Some(v) = from.get(*cfn) {
            to.insert((*oas).to_string(), v.clone());
        }
    }
}

fn invalid(node: &Node, message: String) -> Error {
    Error::InvalidArgument { path: node.path(), message }
}

struct Exporter<'t> {
    node: &'t Node,
    resources: &'t Map<String, Json>,
    api_ref: Json,
    root: Json,
    /// Resource logical ID → path.
    paths: Vec<(String, String)>,
    /// Model logical ID → component key.
    models: Vec<(String, String)>,
    /// Authorizer logical ID → scheme key.
    authorizers: Vec<(String, String)>,
    /// Validator logical ID → name.
    validators: Vec<(String, String)>,
    schemas: Map<String, Json>,
    schemes: Map<String, Json>,
    operation_ids: Vec<String>,
}

fn document(node: &Node, cfn: &CfnResource, template: &Json) -> Result<Json, Error> {
    let lid = cfn.template_logical_id()?;
    let empty = Map::new();
    let resources = template["Resources"].as_object().unwrap_or(&empty);
    let Some(api) = resources.get(&lid) else {
        return Err(invalid(node, format!("the template has no resource '{lid}'")));
    };
    let mut ex = Exporter {
        node,
        resources,
        api_ref: json!({ "Ref": lid }),
        root: json!({ "Fn::GetAtt": [lid, "RootResourceId"] }),
        paths: Vec::new(),
        models: Vec::new(),
        authorizers: Vec::new(),
        validators: Vec::new(),
        schemas: Map::new(),
        schemes: Map::new(),
        operation_ids: Vec::new(),
    };
    ex.collect_paths()?;
    ex.collect_models();
    ex.collect_authorizers();
    let validators = ex.collect_validators();
    let paths = ex.paths_object()?;

    let props = &api["Properties"];
    let mut info = Map::new();
    info.insert("title".into(), Json::String(props["Name"].as_str().unwrap_or(&node.id()).into()));
    if let Some(d) = props["Description"].as_str() {
        info.insert("description".into(), Json::String(d.into()));
    }
    info.insert("version".into(), Json::String("1.0".into()));
    let mut doc = Map::new();
    doc.insert("openapi".into(), Json::String(OPENAPI_VERSION.into()));
    doc.insert("info".into(), Json::Object(info));
    doc.insert("paths".into(), Json::Object(paths));
    let mut components = Map::new();
    if !ex.schemas.is_empty() {
        components.insert("schemas".into(), Json::Object(std::mem::take(&mut ex.schemas)));
    }
    if !ex.schemes.is_empty() {
        components.insert("securitySchemes".into(), Json::Object(std::mem::take(&mut ex.schemes)));
    }
    if !components.is_empty() {
        doc.insert("components".into(), Json::Object(components));
    }
    copy(
        &mut doc,
        props,
        &[
            ("ApiKeySourceType", "x-amazon-apigateway-api-key-source"),
            ("BinaryMediaTypes", "x-amazon-apigateway-binary-media-types"),
            ("MinimumCompressionSize", "x-amazon-apigateway-minimum-compression-size"),
            ("Policy", "x-amazon-apigateway-policy"),
        ],
    );
    let mut endpoint = Map::new();
    copy(&mut endpoint, &props["EndpointConfiguration"], &[("VpcEndpointIds", "vpcEndpointIds")]);
    copy(&mut endpoint, props, &[("DisableExecuteApiEndpoint", "disableExecuteApiEndpoint")]);
    if !endpoint.is_empty() {
        doc.insert("x-amazon-apigateway-endpoint-configuration".into(), Json::Object(endpoint));
    }
    if !validators.is_empty() {
        doc.insert("x-amazon-apigateway-request-validators".into(), Json::Object(validators));
    }
    let responses = ex.gateway_responses();
    if !responses.is_empty() {
        doc.insert("x-amazon-apigateway-gateway-responses".into(), Json::Object(responses));
    }
    Ok(Json::Object(doc))
}

impl Exporter<'_> {
    /// The path of every `AWS::ApiGateway::Resource` of the API.
    fn collect_paths(&mut self) -> Result<(), Error> {
        let resources: Vec<(String, Json)> =
            of_type(self.resources, &self.api_ref, "AWS::ApiGateway::Resource")
                .into_iter()
                .map(|(id, p)| (id.to_string(), p.clone()))
                .collect();
        for (id, _) in &resources {
            let path = self.path_of(&resources, id, 0)?;
            self.paths.push((id.clone(), path));
        }
        Ok(())
    }

    fn path_of(&self, all: &[(String, Json)], id: &str, depth: usize) -> Result<String, Error> {
        if let Some((_, p)) = self.paths.iter().find(|(r, _)| r == id) {
            return Ok(p.clone());
        }
        let Some((_, props)) = all.iter().find(|(r, _)| r == id) else {
            return Err(invalid(
                self.node,
                format!("resource '{id}' is not a resource of the API"),
            ));
        };
        let Some(part) = props["PathPart"].as_str() else {
            return Err(invalid(
                self.node,
                format!("resource '{id}' has a path part that is not a literal string"),
            ));
        };
        let parent = &props["ParentId"];
        let prefix = if *parent == self.root {
            String::new()
        } else if let (Some(p), true) = (ref_target(parent), depth < 1000) {
            self.path_of(all, p, depth + 1)?
        } else {
            return Err(invalid(
                self.node,
                format!("resource '{id}' has a parent outside the API's template"),
            ));
        };
        Ok(format!("{prefix}/{part}"))
    }

    fn collect_models(&mut self) {
        for (id, props) in of_type(self.resources, &self.api_ref, "AWS::ApiGateway::Model") {
            let key = name_or_id(props, id);
            for (i, (component, mut s)) in
                schema::convert_model(&key, &props["Schema"]).into_iter().enumerate()
            {
                if let (0, Some(d), Json::Object(m)) = (i, props["Description"].as_str(), &mut s) {
                    m.entry("description").or_insert_with(|| Json::String(d.into()));
                }
                self.schemas.insert(component, s);
            }
            self.models.push((id.to_string(), key));
        }
    }

    /// A `$ref` to the component of a model (`{"Ref": model}` or a built-in model's name).
    fn model_ref(&mut self, model: &Json) -> Option<Json> {
        let key = if let Some(id) = ref_target(model) {
            self.models.iter().find(|(m, _)| m == id)?.1.clone()
        } else {
            let name = model.as_str()?;
            if let Some((n, title)) = BUILT_IN_MODELS.iter().find(|(n, _)| *n == name) {
                self.schemas
                    .entry(*n)
                    .or_insert_with(|| json!({ "type": "object", "title": title }));
            }
            component_key(name)
        };
        Some(json!({ "$ref": format!("#/components/schemas/{key}") }))
    }

    fn content(&mut self, models: &Json) -> Map<String, Json> {
        let mut content = Map::new();
        for (content_type, model) in models.as_object().into_iter().flatten() {
            if let Some(r) = self.model_ref(model) {
                content.insert(content_type.clone(), json!({ "schema": r }));
            }
        }
        content
    }

    fn collect_authorizers(&mut self) {
        for (id, props) in of_type(self.resources, &self.api_ref, "AWS::ApiGateway::Authorizer") {
            let key = name_or_id(props, id);
            let kind = props["Type"].as_str().unwrap_or("TOKEN").to_ascii_lowercase();
            let mut authorizer = Map::new();
            authorizer.insert("type".into(), Json::String(kind.clone()));
            copy(
                &mut authorizer,
                props,
                &[
                    ("AuthorizerUri", "authorizerUri"),
                    ("AuthorizerCredentials", "authorizerCredentials"),
                    ("IdentitySource", "identitySource"),
                    ("IdentityValidationExpression", "identityValidationExpression"),
                    ("AuthorizerResultTtlInSeconds", "authorizerResultTtlInSeconds"),
                    ("ProviderARNs", "providerARNs"),
                ],
            );
            // the header a token or Cognito authorizer reads (`method.request.header.<name>`)
            let header = props["IdentitySource"]
                .as_str()
                .and_then(|s| s.strip_prefix("method.request.header."))
                .filter(|_| kind != "request")
                .unwrap_or(if kind == "request" { "Unused" } else { "Authorization" });
            let auth_type =
                if kind == "cognito_user_pools" { "cognito_user_pools" } else { "custom" };
            self.schemes.insert(
                key.clone(),
                json!({
                    "type": "apiKey",
                    "name": header,
                    "in": "header",
                    "x-amazon-apigateway-authtype": auth_type,
                    "x-amazon-apigateway-authorizer": authorizer,
                }),
            );
            self.authorizers.push((id.to_string(), key));
        }
    }

    fn collect_validators(&mut self) -> Map<String, Json> {
        let mut out = Map::new();
        let all = of_type(self.resources, &self.api_ref, "AWS::ApiGateway::RequestValidator");
        for (id, props) in all {
            let name = props["Name"].as_str().unwrap_or(id).to_string();
            let mut v = Map::new();
            v.insert(
                "validateRequestBody".into(),
                props["ValidateRequestBody"].as_bool().unwrap_or(false).into(),
            );
            v.insert(
                "validateRequestParameters".into(),
                props["ValidateRequestParameters"].as_bool().unwrap_or(false).into(),
            );
            out.insert(name.clone(), Json::Object(v));
            self.validators.push((id.to_string(), name));
        }
        out
    }

    fn gateway_responses(&self) -> Map<String, Json> {
        let mut out = Map::new();
        for (_, props) in of_type(self.resources, &self.api_ref, "AWS::ApiGateway::GatewayResponse")
        {
            let Some(kind) = props["ResponseType"].as_str() else { continue };
            let mut r = Map::new();
            copy(
                &mut r,
                props,
                &[
                    ("StatusCode", "statusCode"),
                    ("ResponseParameters", "responseParameters"),
                    ("ResponseTemplates", "responseTemplates"),
                ],
            );
            out.insert(kind.to_string(), Json::Object(r));
        }
        out
    }

    /// The `paths` object: `/` when it has methods, then every resource, in template order.
    fn paths_object(&mut self) -> Result<Map<String, Json>, Error> {
        let mut paths: Map<String, Json> = Map::new();
        let methods = of_type(self.resources, &self.api_ref, "AWS::ApiGateway::Method");
        let mut order: Vec<String> = Vec::new();
        if methods.iter().any(|(_, p)| p["ResourceId"] == self.root) {
            order.push("/".into());
        }
        order.extend(self.paths.iter().map(|(_, p)| p.clone()));
        for p in order {
            paths.insert(p, Json::Object(Map::new()));
        }
        for (id, props) in methods {
            let target = &props["ResourceId"];
            let path = if *target == self.root {
                "/".to_string()
            } else {
                let found = ref_target(target)
                    .and_then(|r| self.paths.iter().find(|(res, _)| res == r))
                    .map(|(_, p)| p.clone());
                match found {
                    Some(p) => p,
                    None => {
                        return Err(invalid(
                            self.node,
                            format!("method '{id}' is on a resource outside the API's template"),
                        ))
                    }
                }
            };
            let Some(verb) = props["HttpMethod"].as_str() else {
                return Err(invalid(self.node, format!("method '{id}' has no literal HttpMethod")));
            };
            let key = if OPERATIONS.contains(&verb) {
                verb.to_ascii_lowercase()
            } else {
                "x-amazon-apigateway-any-method".to_string()
            };
            let operation = self.operation(&path, props, !OPERATIONS.contains(&verb));
            if let Some(Json::Object(item)) = paths.get_mut(&path) {
                item.insert(key, operation);
            }
        }
        Ok(paths)
    }

    fn operation(&mut self, path: &str, props: &Json, any_method: bool) -> Json {
        let mut op = Map::new();
        if let Some(name) = props["OperationName"].as_str() {
            // operation ids are unique in a document: the first method keeps a repeated one
            if !self.operation_ids.iter().any(|o| o == name) {
                self.operation_ids.push(name.to_string());
                op.insert("operationId".into(), Json::String(name.into()));
            }
        }
        let parameters = parameters(path, &props["RequestParameters"], any_method);
        if !parameters.is_empty() {
            op.insert("parameters".into(), Json::Array(parameters));
        }
        let body = self.content(&props["RequestModels"]);
        if !body.is_empty() {
            op.insert("requestBody".into(), json!({ "content": body }));
        }
        op.insert("responses".into(), Json::Object(self.responses(&props["MethodResponses"])));
        let security = self.security(props);
        if !security.is_empty() {
            op.insert("security".into(), json!([security]));
        }
        if let Some(v) = ref_target(&props["RequestValidatorId"])
            .and_then(|id| self.validators.iter().find(|(v, _)| v == id))
        {
            op.insert("x-amazon-apigateway-request-validator".into(), Json::String(v.1.clone()));
        }
        op.insert("x-amazon-apigateway-integration".into(), integration(&props["Integration"]));
        Json::Object(op)
    }

    fn responses(&mut self, method_responses: &Json) -> Map<String, Json> {
        let mut out = Map::new();
        for r in method_responses.as_array().into_iter().flatten() {
            let Some(status) = r["StatusCode"].as_str() else { continue };
            let mut response = Map::new();
            response.insert("description".into(), Json::String(format!("{status} response")));
            let mut headers = Map::new();
            for (k, _) in r["ResponseParameters"].as_object().into_iter().flatten() {
                if let Some(h) = k.strip_prefix("method.response.header.") {
                    headers.insert(h.to_string(), json!({ "schema": { "type": "string" } }));
                }
            }
            if !headers.is_empty() {
                response.insert("headers".into(), Json::Object(headers));
            }
            let content = self.content(&r["ResponseModels"]);
            if !content.is_empty() {
                response.insert("content".into(), Json::Object(content));
            }
            out.insert(status.to_string(), Json::Object(response));
        }
        if out.is_empty() {
            // OpenAPI wants one response at least
            out.insert("default".into(), json!({ "description": "No method response declared" }));
        }
        out
    }

    fn security(&mut self, props: &Json) -> Map<String, Json> {
        let mut requirement = Map::new();
        match props["AuthorizationType"].as_str() {
            Some("AWS_IAM") => {
                self.schemes.entry(SIGV4_SCHEME).or_insert_with(|| {
                    json!({
                        "type": "apiKey",
                        "name": "Authorization",
                        "in": "header",
                        "x-amazon-apigateway-authtype": "awsSigv4",
                    })
                });
                requirement.insert(SIGV4_SCHEME.into(), json!([]));
            }
            Some("CUSTOM" | "COGNITO_USER_POOLS") => {
                let scheme = ref_target(&props["AuthorizerId"])
                    .and_then(|id| self.authorizers.iter().find(|(a, _)| a == id));
                if let Some((_, key)) = scheme {
                    let scopes = props["AuthorizationScopes"].clone();
                    let scopes = if scopes.is_array() { scopes } else { json!([]) };
                    requirement.insert(key.clone(), scopes);
                }
            }
            _ => {}
        }
        if props["ApiKeyRequired"] == Json::Bool(true) {
            self.schemes.entry(API_KEY_SCHEME).or_insert_with(
                || json!({ "type": "apiKey", "name": "x-api-key", "in": "header" }),
            );
            requirement.insert(API_KEY_SCHEME.into(), json!([]));
        }
        requirement
    }
}

/// The parameters of an operation: every path parameter of `path`, then the method's request
/// parameters (`method.request.<location>.<name>`).
///
/// A greedy path variable (`{proxy+}`) is the parameter `proxy` for API Gateway (what
/// `method.request.path.proxy` maps; AWS's own exports name it so), while OpenAPI names it as
/// the template does (`proxy+`), and its validators refuse an operation that declares another
/// name. The catch-all `x-amazon-apigateway-any-method`, which OpenAPI tools do not read,
/// declares `proxy`; other operations declare `proxy+`.
fn parameters(path: &str, request_parameters: &Json, any_method: bool) -> Vec<Json> {
    let mut out: Vec<Json> = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut push = |name: &str, location: &str, required: bool, multi: bool| {
        if seen.iter().any(|(n, l)| n == name && l == location) {
            return;
        }
        seen.push((name.to_string(), location.to_string()));
        let schema = if multi {
            json!({ "type": "array", "items": { "type": "string" } })
        } else {
            json!({ "type": "string" })
        };
        out.push(json!({ "name": name, "in": location, "required": required, "schema": schema }));
    };
    for part in path.split('/') {
        if let Some(name) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            match name.strip_suffix('+') {
                Some(greedy) if any_method => push(greedy, "path", true, false),
                _ => push(name, "path", true, false),
            }
        }
    }
    for (key, required) in request_parameters.as_object().into_iter().flatten() {
        let Some(rest) = key.strip_prefix("method.request.") else { continue };
        let Some((location, name)) = rest.split_once('.') else { continue };
        let required = required.as_bool().unwrap_or(false);
        match location {
            // a path parameter the path does not have is not OpenAPI's to declare
            "path" => {}
            "querystring" => push(name, "query", required, false),
            "multivaluequerystring" => push(name, "query", required, true),
            "header" => push(name, "header", required, false),
            "multivalueheader" => push(name, "header", required, true),
            _ => {}
        }
    }
    out
}

/// `x-amazon-apigateway-integration` from a method's `Integration`.
fn integration(cfn: &Json) -> Json {
    let mut out = Map::new();
    let lower = |v: &Json| match v.as_str() {
        Some(s) => Json::String(s.to_ascii_lowercase()),
        None => v.clone(),
    };
    if let Some(t) = cfn.get("Type") {
        out.insert("type".into(), lower(t));
    }
    copy(
        &mut out,
        cfn,
        &[
            ("Uri", "uri"),
            ("IntegrationHttpMethod", "httpMethod"),
            ("Credentials", "credentials"),
            ("RequestParameters", "requestParameters"),
            ("RequestTemplates", "requestTemplates"),
        ],
    );
    if let Some(p) = cfn.get("PassthroughBehavior") {
        out.insert("passthroughBehavior".into(), lower(p));
    }
    copy(
        &mut out,
        cfn,
        &[
            ("ContentHandling", "contentHandling"),
            ("TimeoutInMillis", "timeoutInMillis"),
            ("CacheKeyParameters", "cacheKeyParameters"),
            ("CacheNamespace", "cacheNamespace"),
            ("ConnectionType", "connectionType"),
            ("ConnectionId", "connectionId"),
            ("IntegrationTarget", "integrationTarget"),
            ("ResponseTransferMode", "responseTransferMode"),
        ],
    );
    let mut responses = Map::new();
    for r in cfn["IntegrationResponses"].as_array().into_iter().flatten() {
        let pattern = r["SelectionPattern"].as_str().unwrap_or("default").to_string();
        let mut response = Map::new();
        copy(
            &mut response,
            r,
            &[
                ("StatusCode", "statusCode"),
                ("ResponseParameters", "responseParameters"),
                ("ResponseTemplates", "responseTemplates"),
                ("ContentHandling", "contentHandling"),
            ],
        );
        // the first response of a selection pattern wins, as in API Gateway
        responses.entry(pattern).or_insert(Json::Object(response));
    }
    if !responses.is_empty() {
        out.insert("responses".into(), Json::Object(responses));
    }
    Json::Object(out)
}

impl crate::RestApi {
    /// The API as an OpenAPI 3.0 document with API Gateway's extensions (a
    /// `serde_json::Value`): its paths and methods with their parameters, request bodies,
    /// responses and `x-amazon-apigateway-integration`, its models as `components/schemas`,
    /// its API key, IAM, Lambda and Cognito authorizers as `components/securitySchemes`, its
    /// request validators and gateway responses. Tokens are rendered as CloudFormation sees
    /// them (`{"Fn::GetAtt": ...}`); see [`crate::openapi`]. The app is synthesized in memory
    /// to read the API's template, so its validations run. A [`LambdaRestApi`](crate::LambdaRestApi)
    /// or `StepFunctionsRestApi` has it through `Deref`.
    ///
    /// ```
    /// use apigw_core::{Cors, CorsOptions, MethodOptions, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
    /// let book = api.root().add_resource("books")?.add_resource("{book_id}")?;
    /// book.add_method_with("GET", None, MethodOptions::builder().api_key_required(true))?;
    /// book.add_cors_preflight(CorsOptions::builder().allow_origins(Cors::ALL_ORIGINS))?;
    ///
    /// let doc = api.to_openapi()?;
    /// assert_eq!(doc["openapi"], "3.0.1");
    /// let get = &doc["paths"]["/books/{book_id}"]["get"];
    /// assert_eq!(get["parameters"][0]["name"], "book_id");
    /// assert_eq!(get["security"][0]["api_key"], serde_json::json!([]));
    /// assert_eq!(get["x-amazon-apigateway-integration"]["type"], "mock");
    /// assert!(doc["paths"]["/books/{book_id}"]["options"].is_object());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Whatever synthesizing the app reports (an API without methods, say).
    pub fn to_openapi(&self) -> Result<Json, Error> {
        export(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_cover_the_path_and_the_request_parameters() {
        let got = parameters(
            "/a/{id}/{proxy+}",
            &json!({
                "method.request.path.id": true,
                "method.request.querystring.q": false,
                "method.request.header.X-Trace": true,
                "method.request.multivaluequerystring.tags": false,
            }),
            false,
        );
        let names: Vec<(&str, &str, bool)> = got
            .iter()
            .map(|p| {
                (p["name"].as_str().unwrap(), p["in"].as_str().unwrap(), p["required"] == true)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("id", "path", true),
                ("proxy+", "path", true),
                ("q", "query", false),
                ("X-Trace", "header", true),
                ("tags", "query", false)
            ]
        );
        assert_eq!(got[4]["schema"]["type"], "array");
        let any = parameters("/{proxy+}", &json!({}), true);
        assert_eq!(
            any,
            [
                json!({ "name": "proxy", "in": "path", "required": true, "schema": { "type": "string" } })
            ]
        );
    }

    #[test]
    fn integrations_use_the_extension_names() {
        let got = integration(&json!({
            "Type": "AWS_PROXY",
            "IntegrationHttpMethod": "POST",
            "Uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }]] },
            "PassthroughBehavior": "WHEN_NO_MATCH",
            "TimeoutInMillis": 1000,
            "ConnectionType": "VPC_LINK",
            "ConnectionId": { "Ref": "Link" },
            "IntegrationResponses": [
                { "StatusCode": "200" },
                { "StatusCode": "500", "SelectionPattern": "Error.*", "ResponseTemplates": { "a": "b" } }
            ]
        }));
        assert_eq!(
            got,
            json!({
                "type": "aws_proxy",
                "uri": { "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }]] },
                "httpMethod": "POST",
                "passthroughBehavior": "when_no_match",
                "timeoutInMillis": 1000,
                "connectionType": "VPC_LINK",
                "connectionId": { "Ref": "Link" },
                "responses": {
                    "default": { "statusCode": "200" },
                    "Error.*": { "statusCode": "500", "responseTemplates": { "a": "b" } }
                }
            })
        );
    }

    use crate::{
        ApiDefinition, JsonSchema, JsonSchemaType, Model, ModelOptions, RestApi, RestApiProps,
        SpecRestApi, SpecRestApiProps,
    };
    use cdk_core::{App, Stack};

    fn app_with_api() -> Result<(App, Stack, RestApi), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let api = RestApi::new(&stack, "api", RestApiProps::builder().description("Pets"))?;
        Ok((app, stack, api))
    }

    #[test]
    fn any_methods_models_operation_ids_and_overrides() -> Result<(), Error> {
        let (_app, _stack, api) = app_with_api()?;
        api.root().add_method("ANY", None)?;
        let pet = api.add_model(
            "Pet",
            ModelOptions::builder().model_name("Pet").schema(
                JsonSchema::new()
                    .schema(crate::JsonSchemaVersion::Draft4)
                    .type_(JsonSchemaType::Object),
            ),
        )?;
        let pets = api.root().add_resource("pets")?;
        let options = || {
            crate::MethodOptions::builder()
                .operation_name("listPets")
                .request_models([("application/json", &pet)])
        };
        pets.add_method_with("POST", None, options())?;
        pets.add_method_with(
            "PUT",
            None,
            options().request_models([("application/json", Model::EMPTY_MODEL)]),
        )?;
        let get = pets.add_method("GET", None)?;
        // an escape hatch is in the template, so it is in the document
        get.resource().add_property_override("Integration.TimeoutInMillis", 1234);

        let doc = api.to_openapi()?;
        assert_eq!(doc["info"], json!({ "title": "api", "description": "Pets", "version": "1.0" }));
        assert!(doc["paths"]["/"]["x-amazon-apigateway-any-method"].is_object());
        let item = &doc["paths"]["/pets"];
        assert_eq!(item["post"]["operationId"], "listPets");
        assert!(item["put"].get("operationId").is_none(), "operation ids stay unique");
        assert_eq!(
            item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Pet"
        );
        assert_eq!(
            item["put"]["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Empty"
        );
        assert_eq!(doc["components"]["schemas"]["Pet"], json!({ "type": "object" }));
        assert_eq!(doc["components"]["schemas"]["Empty"]["type"], "object");
        assert_eq!(item["get"]["x-amazon-apigateway-integration"]["timeoutInMillis"], 1234);
        assert_eq!(
            item["get"]["responses"]["default"]["description"],
            "No method response declared"
        );
        Ok(())
    }

    #[test]
    fn api_settings_definitions_validators_and_multi_value_parameters() -> Result<(), Error> {
        use crate::{ApiKeySourceType, JsonSchemaVersion, MethodResponse, RequestValidatorOptions};
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder()
                .binary_media_types(["image/png"])
                .min_compression_size(cdk_core::Size::kibibytes(1))
                .api_key_source_type(ApiKeySourceType::Header),
        )?;
        let toy = JsonSchema::new().type_(JsonSchemaType::Object).required(Vec::<String>::new());
        let pet = api.add_model(
            "Pet",
            ModelOptions::builder().model_name("Pet").description("a pet").schema(
                JsonSchema::new()
                    .schema(JsonSchemaVersion::Draft4)
                    .type_(JsonSchemaType::Object)
                    .definitions([("Toy", toy)])
                    .properties([("toy", JsonSchema::new().ref_("#/definitions/Toy"))]),
            ),
        )?;
        let validator = api.add_request_validator(
            "v",
            RequestValidatorOptions::builder().validate_request_body(true),
        )?;
        api.root().add_resource("pets")?.add_method_with(
            "POST",
            None,
            crate::MethodOptions::builder()
                .request_models([("application/json", &pet)])
                .request_validator(validator)
                .request_parameters([("method.request.multivalueheader.X-Tags", false)])
                .method_responses([MethodResponse::builder()
                    .status_code("400")
                    .response_models([("application/json", Model::ERROR_MODEL)])
                    .build()?]),
        )?;
        let doc = api.to_openapi()?;
        assert_eq!(doc["x-amazon-apigateway-api-key-source"], "HEADER");
        assert_eq!(doc["x-amazon-apigateway-binary-media-types"], json!(["image/png"]));
        assert_eq!(doc["x-amazon-apigateway-minimum-compression-size"], 1024);
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["Pet"]["description"], "a pet");
        assert_eq!(schemas["Pet"]["properties"]["toy"]["$ref"], "#/components/schemas/PetToy");
        assert_eq!(schemas["PetToy"], json!({ "type": "object" }));
        assert_eq!(schemas["Error"]["title"], "Error Schema");
        let post = &doc["paths"]["/pets"]["post"];
        let validator = post["x-amazon-apigateway-request-validator"].as_str().expect("name");
        assert_eq!(
            doc["x-amazon-apigateway-request-validators"][validator],
            json!({ "validateRequestBody": true, "validateRequestParameters": false })
        );
        assert_eq!(
            post["parameters"],
            json!([{ "name": "X-Tags", "in": "header", "required": false,
                     "schema": { "type": "array", "items": { "type": "string" } } }])
        );
        assert_eq!(
            post["responses"]["400"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Error"
        );
        Ok(())
    }

    #[test]
    fn spec_apis_are_not_exported() -> Result<(), Error> {
        let (app, stack, api) = app_with_api()?;
        api.root().add_method("GET", None)?;
        let spec = SpecRestApi::new(
            &stack,
            "spec",
            SpecRestApiProps::builder().api_definition(ApiDefinition::from_inline(json!({
                "openapi": "3.0.1", "info": { "title": "t", "version": "1" }, "paths": {}
            }))),
        )?;
        let e = export(&spec).unwrap_err();
        assert!(e.to_string().starts_with("Stack/spec: not a REST API to export"), "{e}");
        let found: Vec<String> = rest_apis(&app).iter().map(Node::path).collect();
        assert_eq!(found, ["Stack/api"]);
        let all = export_all(&app)?;
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].file_name, "Stack.api.json");
        assert_eq!(all[0].logical_id, api.resource().template_logical_id()?);
        assert_eq!(all[0].document, api.to_openapi()?);
        Ok(())
    }

    #[test]
    fn an_api_without_methods_is_a_synthesis_error() -> Result<(), Error> {
        let (_app, _stack, api) = app_with_api()?;
        let e = api.to_openapi().unwrap_err();
        assert!(e.to_string().contains("The REST API doesn't contain any methods"), "{e}");
        api.root().add_method("GET", None)?;
        assert!(api.to_openapi().is_ok());
        Ok(())
    }

    #[test]
    fn component_keys_are_sanitized() {
        assert_eq!(component_key("My Model!"), "My_Model_");
        assert_eq!(component_key(""), "_");
    }
}
