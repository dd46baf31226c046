//! Methods (`method.ts`): an HTTP verb on a resource, with its integration.

use cdk_core::{ArnComponents, ArnFormat, Construct, Error, Node, Value};
use cfn_apigateway::{CfnMethod, CfnMethodProps};

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::deployment::{HashObject, ObjectSink, SmallValue};
use crate::resource::Resource;
use crate::rest_api::ApiShared;
use crate::Integration;
use crate::{MethodResponse, ModelRef, RequestValidator, RequestValidatorOptions};

/// The HTTP methods API Gateway accepts.
pub const ALLOWED_METHODS: &[&str] =
    &["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/// How callers are authorized (`AuthorizationType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthorizationType {
    /// Open access (the default).
    #[default]
    #[doc(alias = "NONE")]
    None,
    /// IAM (SigV4) permissions.
    #[doc(alias = "IAM")]
    Iam,
    /// A Lambda authorizer.
    #[doc(alias = "CUSTOM")]
    Custom,
    /// A Cognito user pool.
    #[doc(alias = "COGNITO")]
    Cognito,
}

impl From<AuthorizationType> for Value {
    fn from(t: AuthorizationType) -> Value {
        Value::from(t.as_str())
    }
}

impl AuthorizationType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorizationType::None => "NONE",
            AuthorizationType::Iam => "AWS_IAM",
            AuthorizationType::Custom => "CUSTOM",
            AuthorizationType::Cognito => "COGNITO_USER_POOLS",
        }
    }
}

/// Options of a method (`MethodOptions`); unset ones come from the resource's defaults.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct MethodOptions {
    /// An operation name for SDK generation. Default: none.
    #[builder(default)]
    pub operation_name: Option<String>,
    /// Whether an API key is required. Default: false.
    #[builder(default)]
    pub api_key_required: Option<bool>,
    /// How callers are authorized. Default: the authorizer's type, else
    /// [`AuthorizationType::None`].
    #[builder(default)]
    pub authorization_type: Option<AuthorizationType>,
    /// The authorizer (Lambda or Cognito, from `apigw-auth`): anything that converts into an
    /// [`Authorizer`](crate::Authorizer), such as `&TokenAuthorizer`. Default: none.
    #[builder(default)]
    pub authorizer: Option<crate::Authorizer>,
    /// Request parameters: `method.request.<location>.<name>` → whether it is required
    /// (`requestParameters`). Default: none.
    #[builder(default, setter(custom))]
    pub request_parameters: Option<Value>,
    /// OAuth scopes accepted by a Cognito user pools authorizer (only rendered with
    /// [`AuthorizationType::Cognito`]). Default: none.
    #[builder(default, setter(custom))]
    pub authorization_scopes: Option<Vec<String>>,
    /// The responses the method declares (more can be added with
    /// [`Method::add_method_response`]). Default: none.
    #[builder(default, setter(custom))]
    pub method_responses: Option<Vec<MethodResponse>>,
    /// The model of the request body, by content type. Default: none. As in aws-cdk-lib,
    /// not taken from the resource's default method options.
    #[builder(default, setter(custom))]
    pub request_models: Option<IndexMap<String, ModelRef>>,
    /// A validator of the API to check requests with (by reference or value). Default: none.
    /// Not together with `request_validator_options`; not taken from the resource's default
    /// method options.
    #[builder(default)]
    pub request_validator: Option<RequestValidator>,
    /// Options of a validator created for this method (a child of the API, named
    /// `validator`, or uniquely with the `@aws-cdk/aws-apigateway:requestValidatorUniqueId`
    /// flag). Default: none. Not together with `request_validator`; not taken from the
    /// resource's default method options.
    #[builder(default)]
    pub request_validator_options: Option<RequestValidatorOptions>,
}

cdk_core::impl_props!(MethodOptions, MethodOptionsBuilder);

impl MethodOptionsBuilder {
    /// Request parameters (`requestParameters`): any iterator of
    /// (`method.request.<location>.<name>`, required) pairs, such as
    /// `[("method.request.querystring.q", true)]`. Default: none.
    pub fn request_parameters<K: Into<String>>(
        mut self,
        parameters: impl IntoIterator<Item = (K, bool)>,
    ) -> Self {
        self.request_parameters = Some(Some(Value::object(parameters)));
        self
    }

    /// OAuth scopes accepted by a Cognito user pools authorizer (`authorizationScopes`), such
    /// as `["Scope1", "Scope2"]`. Default: none.
    pub fn authorization_scopes<S: Into<String>>(
        mut self,
        scopes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.authorization_scopes = Some(Some(scopes.into_iter().map(Into::into).collect()));
        self
    }

    /// The responses the method declares (`methodResponses`): any iterator of
    /// [`MethodResponse`]. Default: none.
    pub fn method_responses(mut self, responses: impl IntoIterator<Item = MethodResponse>) -> Self {
        self.method_responses = Some(Some(responses.into_iter().collect()));
        self
    }

    /// The model of the request body, by content type (a [`crate::Model`], `&Model` or
    /// [`crate::Model::EMPTY_MODEL`]). Default: none.
    pub fn request_models<K: Into<String>, M: Into<ModelRef>>(
        mut self,
        models: impl IntoIterator<Item = (K, M)>,
    ) -> Self {
        self.request_models =
            Some(Some(models.into_iter().map(|(k, m)| (k.into(), m.into())).collect()));
        self
    }
}

impl MethodOptions {
    /// Options where `self` wins and `defaults` fill the gaps.
    pub(crate) fn or(&self, defaults: &MethodOptions) -> MethodOptions {
        MethodOptions {
            operation_name: self.operation_name.clone().or_else(|| defaults.operation_name.clone()),
            api_key_required: self.api_key_required.or(defaults.api_key_required),
            authorization_type: self.authorization_type.or(defaults.authorization_type),
            authorizer: self.authorizer.clone().or_else(|| defaults.authorizer.clone()),
            request_parameters: self
                .request_parameters
                .clone()
                .or_else(|| defaults.request_parameters.clone()),
            authorization_scopes: self
                .authorization_scopes
                .clone()
                .or_else(|| defaults.authorization_scopes.clone()),
            method_responses: self
                .method_responses
                .clone()
                .or_else(|| defaults.method_responses.clone()),
            // aws-cdk-lib reads these from the method's own options only
            request_models: self.request_models.clone(),
            request_validator: self.request_validator.clone(),
            request_validator_options: self.request_validator_options.clone(),
        }
    }
}

/// A method of a resource (`Method`).
#[derive(Clone, Debug)]
pub struct Method {
    node: Node,
    resource: CfnMethod,
    http_method: String,
    api_resource: Resource,
    method_responses: Rc<RefCell<Vec<MethodResponse>>>,
}

impl Construct for Method {
    fn node(&self) -> &Node {
        &self.node
    }
}

/// The construct class of a method in the tree (`aws-cdk-lib.aws_apigateway.Method`).
const METHOD_FQN: &str = "aws-cdk-lib.aws_apigateway.Method";

/// Checks an HTTP method name (`validateHttpMethod`).
pub(crate) fn validate_http_method(
    scope_path: impl FnOnce() -> String,
    method: &str,
) -> Result<String, Error> {
    if let Some(m) = ALLOWED_METHODS.iter().find(|m| m.eq_ignore_ascii_case(method)) {
        return Ok(m.to_string());
    }
    // beyond ASCII, upper case as JavaScript's `toUpperCase` (`ſ` is `S`)
    let upper = method.to_uppercase();
    if ALLOWED_METHODS.contains(&upper.as_str()) {
        Ok(upper)
    } else {
        Err(Error::InvalidArgument {
            path: scope_path(),
            message: format!(
                "Invalid HTTP method \"{method}\". Allowed methods: {}",
                ALLOWED_METHODS.join(",")
            ),
        })
    }
}

/// Props of a [`Method`] defined with [`Method::new`] (`MethodProps`): the resource, the
/// HTTP method, and optionally its integration and options.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct MethodProps {
    /// The resource the method is on (`resource`). Required.
    #[builder(setter(custom))]
    pub resource: Resource,
    /// The HTTP method (`httpMethod`), such as `GET` (any case; upper-cased in the
    /// template). Required.
    pub http_method: String,
    /// The backend (`integration`). Default: the resource's default integration, else a
    /// mock integration.
    #[builder(default)]
    pub integration: Option<Integration>,
    /// The method's options (`options`). Default: the resource's default method options.
    #[builder(default)]
    pub options: Option<MethodOptions>,
}

cdk_core::impl_props!(MethodProps, MethodPropsBuilder);

impl MethodPropsBuilder {
    /// The resource the method is on (`resource`), such as `api.root()`. Required.
    pub fn resource(mut self, resource: &Resource) -> Self {
        self.resource = Some(resource.clone());
        self
    }
}

impl Method {
    /// Defines a method in any scope (`new Method(scope, id, props)`); most methods are
    /// added with [`Resource::add_method`], which uses the resource as scope and the HTTP
    /// method as id.
    ///
    /// ```
    /// use apigw_core::{Method, MethodProps, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// Method::new(&stack, "my-method", MethodProps::builder().resource(api.root()).http_method("POST"))?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the method's path; [`Error::InvalidArgument`] for an unknown
    /// HTTP method and the rules of [`MethodOptions`]; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl cdk_core::IntoProps<MethodProps>,
    ) -> Result<Method, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        Self::create(
            scope.node(),
            id,
            &props.resource,
            &props.http_method,
            props.integration,
            props.options.unwrap_or_default(),
        )
    }

    /// `resource.addMethod(httpMethod, ...)`: the method as given is the construct id
    /// (`addMethod('get')` is `.../get`); only the `HttpMethod` property is upper-cased.
    pub(crate) fn on(
        on: &Resource,
        http_method: &str,
        integration: Option<Integration>,
        options: MethodOptions,
    ) -> Result<Method, Error> {
        Self::create(on.node(), http_method, on, http_method, integration, options)
    }

    fn create(
        scope: &Node,
        id: &str,
        on: &Resource,
        http_method: &str,
        integration: Option<Integration>,
        options: MethodOptions,
    ) -> Result<Method, Error> {
        let http_method = validate_http_method(|| scope.path(), http_method)?;
        let node = scope.add_child(id)?;
        node.set_construct_info(METHOD_FQN);
        // A method that sets `AuthorizationType::None` and no authorizer of its own opts out of
        // the default authorizer (aws-cdk-lib's `Method`).
        let opts_out = options.authorization_type == Some(AuthorizationType::None)
            && options.authorizer.is_none();
        let options = options.or(on.default_method_options_ref());
        let authorizer = if opts_out { None } else { options.authorizer.clone() };
        let authorizer_id = authorizer.as_ref().and_then(|a| a.0.authorizer_id());
        let required = authorizer.as_ref().and_then(|a| a.0.authorization_type());
        if let (Some(required), Some(given)) = (required, options.authorization_type) {
            if required != given {
                return Err(Error::InvalidArgument {
                    path: node.path(),
                    message: format!(
                        "{}/{http_method} - Authorization type is set to {} which is different from what is required by the authorizer [{}]",
                        on.path(),
                        given.as_str(),
                        required.as_str()
                    ),
                });
            }
        }
        if let Some(a) = &authorizer {
            a.0.attach_to_api(&crate::rest_api::ApiHandle(on.api().clone()))?;
        }
        let integration = integration.or_else(|| on.default_integration()).unwrap_or_default();
        let (integration, bound) = integration.bind_context(&crate::integration::BindContext {
            method: &node,
            http_method: &http_method,
            resource: on,
        })?;
        crate::checks::check_method(
            &node,
            on.path_str(),
            on.has_greedy_child(),
            options.request_parameters.as_ref(),
            &integration,
        )?;
        on.api().checks.add_method(on.path_str(), &http_method);
        if let (Some(timeout), Some(api), true) =
            (integration.options.timeout, &on.api().resource, on.api().tracks_methods)
        {
            crate::checks::check_edge_timeout(&node, api, timeout);
        }
        let authorization_type = required.or(options.authorization_type).unwrap_or_default();
        let build_err = |source| Error::build(node.path(), source);
        let mut responses = options.method_responses.clone().unwrap_or_default();
        responses.extend(bound.method_responses.iter().cloned());
        let method_responses: Rc<RefCell<Vec<MethodResponse>>> = Rc::new(RefCell::new(responses));
        let request_models = options.request_models.as_ref().map(|models| {
            Value::Object(
                models
                    .iter()
                    .map(|(content_type, m)| (content_type.clone(), m.model_id()))
                    .collect(),
            )
        });
        let request_validator_id = match (
            &options.request_validator,
            &options.request_validator_options,
        ) {
            (Some(_), Some(_)) => return Err(Error::InvalidArgument {
                path: node.path(),
                message:
                    "Only one of 'requestValidator' or 'requestValidatorOptions' must be specified."
                        .into(),
            }),
            (None, Some(o)) => Some(
                crate::request_validator::for_method(&node, on.api(), o.clone())?
                    .request_validator_id(),
            ),
            (Some(v), None) => Some(v.request_validator_id()),
            (None, None) => None,
        };
        let mut l1 = CfnMethodProps::builder()
            .http_method(http_method.clone())
            .resource_id(on.resource_id())
            .rest_api_id(on.rest_api_id())
            .build()
            .map_err(build_err)?;
        l1.authorization_type = Some(Value::from(authorization_type.as_str()));
        l1.authorizer_id = authorizer_id.clone();
        l1.api_key_required = options.api_key_required.map(Value::Bool);
        l1.operation_name = options.operation_name.clone().map(Value::String);
        l1.request_parameters = options.request_parameters.clone();
        let scopes = (authorization_type == AuthorizationType::Cognito)
            .then(|| options.authorization_scopes.clone().map(Value::from))
            .flatten();
        l1.authorization_scopes = scopes.clone();
        l1.integration = Some(integration.to_cfn().map_err(build_err)?);
        l1.method_responses = Some(render_method_responses(&method_responses, |r| r.to_cfn().ok()));
        l1.request_models = request_models.clone();
        l1.request_validator_id = request_validator_id.clone();
        let resource = CfnMethod::new(&node, "Resource", l1)?;
        on.api().attach_method(resource.node());
        if let Some(deployment) = on.api().latest_deployment() {
            deployment.node().add_dependency(resource.node());
            let options_api_key_required = options.api_key_required;
            let options = MethodHashOptions {
                operation_name: options.operation_name.clone(),
                authorizer_id,
                request_parameters: options.request_parameters.clone(),
                request_models,
                request_validator_id,
                authorization_scopes: scopes,
            };
            let hash = MethodHash {
                resource_id: SmallValue::new(on.resource_id()),
                rest_api_id: SmallValue::new(on.rest_api_id()),
                http_method: static_http_method(&http_method),
                api_key_required: options_api_key_required,
                authorization_type,
                integration,
                method_responses: method_responses.clone(),
                integration_token: bound.deployment_token,
                options: (!options.is_empty()).then(|| Box::new(options)),
            };
            deployment.add_object_to_logical_id(Some(&node), Box::new(hash));
        }
        Ok(Method { node, resource, http_method, api_resource: on.clone(), method_responses })
    }

    /// Adds a response the method declares (`addMethodResponse`); it is rendered with the
    /// others when the template is written.
    pub fn add_method_response(&self, response: MethodResponse) {
        self.method_responses.borrow_mut().push(response);
    }

    /// The responses the method declares so far.
    pub fn method_responses(&self) -> Vec<MethodResponse> {
        self.method_responses.borrow().clone()
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnMethod {
        &self.resource
    }

    /// The HTTP method (upper case).
    pub fn http_method(&self) -> &str {
        &self.http_method
    }

    /// The method id (`Ref`).
    pub fn method_id(&self) -> Value {
        self.resource.ref_()
    }

    /// The API this method belongs to (`api`), as a handle.
    pub fn api(&self) -> crate::ApiHandle {
        crate::ApiHandle(self.api_resource.api().clone())
    }

    /// The resource this method is on.
    pub fn api_resource(&self) -> &Resource {
        &self.api_resource
    }

    /// `arn:<partition>:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>` for the
    /// API's deployment stage (`*` without one); path parameters become `*` (`methodArn`).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack.
    pub fn method_arn(&self) -> Result<Value, Error> {
        let stage = self
            .api_resource
            .api()
            .deployment_stage()
            .map(|s| s.stage_name())
            .unwrap_or_else(|| Value::from("*"));
        self.arn_for_stage(stage)
    }

    /// The same ARN for the console's test invocations (`test-invoke-stage`).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack.
    pub fn test_method_arn(&self) -> Result<Value, Error> {
        self.arn_for_stage(Value::from("test-invoke-stage"))
    }

    fn arn_for_stage(&self, stage: Value) -> Result<Value, Error> {
        let stack = self.node.stack()?;
        let api = self.api_resource.api();
        Ok(execute_api_arn(&stack, api, stage, &self.http_method, self.api_resource.path_str()))
    }

    /// Grants `execute-api:Invoke` on this method to a principal (`grantExecute`).
    ///
    /// # Errors
    /// Errors of the grantee's policy.
    pub fn grant_execute(&self, grantee: &impl cdk_iam::Grantable) -> Result<(), Error> {
        cdk_iam::Grant::add_to_principal(grantee, &["execute-api:Invoke"], vec![self.method_arn()?])
    }
}

/// A method's entry of the deployment hash (`{"method": {...}}`, aws-cdk-lib's keys in its
/// order), kept as its parts and written when the deployment's logical ID is computed.
struct MethodHash {
    resource_id: SmallValue,
    rest_api_id: SmallValue,
    http_method: std::borrow::Cow<'static, str>,
    api_key_required: Option<bool>,
    authorization_type: AuthorizationType,
    integration: Integration,
    method_responses: Rc<RefCell<Vec<MethodResponse>>>,
    integration_token: Option<String>,
    /// The entries most methods do not have, when one is set.
    options: Option<Box<MethodHashOptions>>,
}

/// The entries of a [`MethodHash`] most methods do not have.
#[derive(Default)]
struct MethodHashOptions {
    operation_name: Option<String>,
    authorizer_id: Option<Value>,
    request_parameters: Option<Value>,
    request_models: Option<Value>,
    request_validator_id: Option<Value>,
    authorization_scopes: Option<Value>,
}

impl MethodHashOptions {
    fn is_empty(&self) -> bool {
        self.operation_name.is_none()
            && self.authorizer_id.is_none()
            && self.request_parameters.is_none()
            && self.request_models.is_none()
            && self.request_validator_id.is_none()
            && self.authorization_scopes.is_none()
    }
}

impl HashObject for MethodHash {
    fn entries(&self, sink: &mut dyn ObjectSink) -> Result<(), Error> {
        let none = MethodHashOptions::default();
        let o = self.options.as_deref().unwrap_or(&none);
        sink.object("method", &mut |sink| {
            sink.value("resourceId", &self.resource_id.value())?;
            sink.value("restApiId", &self.rest_api_id.value())?;
            sink.string("httpMethod", &self.http_method)?;
            if let Some(name) = &o.operation_name {
                sink.string("operationName", name)?;
            }
            if let Some(required) = self.api_key_required {
                sink.value("apiKeyRequired", &Value::Bool(required))?;
            }
            sink.string("authorizationType", self.authorization_type.as_str())?;
            sink.optional("authorizerId", o.authorizer_id.as_ref())?;
            sink.optional("requestParameters", o.request_parameters.as_ref())?;
            sink.integration("integration", &self.integration)?;
            // absent while there are none (`Lazy` with `omitEmptyArray`)
            let responses = {
                let list = self.method_responses.borrow();
                (!list.is_empty())
                    .then(|| Value::Array(list.iter().map(MethodResponse::hash_json).collect()))
            };
            sink.optional("methodResponses", responses.as_ref())?;
            sink.optional("requestModels", o.request_models.as_ref())?;
            sink.optional("requestValidatorId", o.request_validator_id.as_ref())?;
            sink.optional("authorizationScopes", o.authorization_scopes.as_ref())?;
            match &self.integration_token {
                Some(token) => sink.string("integrationToken", token),
                None => Ok(()),
            }
        })
    }
}

/// `arnForExecuteApi`: `arn:<partition>:execute-api:<region>:<account>:<api>/<stage>/<METHOD><path>`
/// (`ANY` is `*`, path parameters are `*`), in `stack`.
pub(crate) fn execute_api_arn(
    stack: &cdk_core::Stack,
    api: &ApiShared,
    stage: Value,
    http_method: &str,
    resource_path: &str,
) -> Value {
    let method = if http_method == "ANY" { "*" } else { http_method };
    // `/<METHOD><path>` after the stage, the literal part made in one string
    let mut tail = String::with_capacity(1 + method.len() + resource_path.len());
    tail.push('/');
    tail.push_str(method);
    push_path_for_arn(&mut tail, resource_path);
    // the prefix (shared by the API's ARNs, not copied) and these, written as one ARN
    // formatted with the whole resource name
    Value::concat_shared([api.execute_api_arn_prefix(stack), stage, Value::String(tail)])
}

/// `arn:<partition>:execute-api:<region>:<account>:<api id>/`: the start of the API's
/// execute-api ARNs in `stack` (its resource name left empty).
pub(crate) fn execute_api_arn_prefix(stack: &cdk_core::Stack, rest_api_id: Value) -> Value {
    stack.format_arn(
        &ArnComponents::new("execute-api", rest_api_id)
            .arn_format(ArnFormat::SlashResourceName)
            .resource_name(""),
    )
}

/// The HTTP method as a `'static` string when it is one API Gateway accepts (it is, once
/// validated), so that what keeps it needs no copy.
pub(crate) fn static_http_method(http_method: &str) -> std::borrow::Cow<'static, str> {
    match ALLOWED_METHODS.iter().find(|m| **m == http_method) {
        Some(m) => std::borrow::Cow::Borrowed(m),
        None => std::borrow::Cow::Owned(http_method.to_string()),
    }
}

/// A method's ARN, resolved when the template is written (the deployment stage may be set
/// later); `stage` overrides the API's deployment stage.
pub(crate) fn lazy_method_arn(
    resource: &Resource,
    http_method: &str,
    stage: Option<&'static str>,
) -> Value {
    let resource = resource.clone();
    let http_method = static_http_method(http_method);
    // Produced when resolved, not kept: the ARN is cheap to make again, and an app holds one
    // per Lambda permission.
    Value::lazy_uncached(move |_| {
        let api = resource.api();
        let stage = match stage {
            Some(s) => Value::from(s),
            None => {
                api.deployment_stage().map(|s| s.stage_name()).unwrap_or_else(|| Value::from("*"))
            }
        };
        let stack = resource.node().stack().ok()?;
        Some(execute_api_arn(&stack, api, stage, &http_method, resource.path_str()))
    })
}

/// `api.arnForExecuteApi('*', '/*', '*')`, resolved when the template is written.
pub(crate) fn lazy_api_arn(resource: &Resource) -> Value {
    let resource = resource.clone();
    Value::lazy_uncached(move |_| {
        let stack = resource.node().stack().ok()?;
        Some(execute_api_arn(&stack, resource.api(), Value::from("*"), "*", "/*"))
    })
}

/// The method responses as a list rendered when the template is written, absent while there
/// are none (`Lazy` with `omitEmptyArray`).
fn render_method_responses(
    responses: &Rc<RefCell<Vec<MethodResponse>>>,
    render: impl Fn(&MethodResponse) -> Option<Value> + 'static,
) -> Value {
    let responses = responses.clone();
    Value::lazy_uncached(move |_| {
        let list = responses.borrow();
        (!list.is_empty()).then(|| Value::Array(list.iter().filter_map(&render).collect()))
    })
}

/// `pathForArn`: path parameters (`{id}`) become `*`.
pub fn path_for_arn(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    push_path_for_arn(&mut out, path);
    out
}

/// [`path_for_arn`] appended to `out`.
fn push_path_for_arn(out: &mut String, path: &str) {
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push('*');
            }
            '}' if in_param => in_param = false,
            _ if in_param => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arn_paths_and_methods() {
        assert_eq!(path_for_arn("/books/{book_id}/reviews"), "/books/*/reviews");
        assert_eq!(path_for_arn("/{proxy+}"), "/*");
        assert_eq!(validate_http_method(|| "p".into(), "get").unwrap(), "GET");
        assert_eq!(validate_http_method(|| "p".into(), "Delete").unwrap(), "DELETE");
        // JavaScript's upper case beyond ASCII
        assert_eq!(validate_http_method(|| "p".into(), "poſt").unwrap(), "POST");
        assert_eq!(METHOD_FQN, format!("{}.Method", crate::FQN));
        let e = validate_http_method(|| "Stack/api/Default".into(), "FETCH").unwrap_err();
        assert!(e.to_string().starts_with("Stack/api/Default: Invalid HTTP method \"FETCH\""));
    }
}
