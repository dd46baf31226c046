//! Request validators (`requestvalidator.ts`): whether API Gateway checks a request's body
//! against its model and its required parameters (`AWS::ApiGateway::RequestValidator`).

use std::rc::Rc;

use cdk_core::logical_id::{path_hash, HASH_LEN, HIDDEN_FROM_HUMAN_ID, HIDDEN_ID};
use cdk_core::{Construct, Error, IntoProps, Node, Value};
use cfn_apigateway::{CfnRequestValidator, CfnRequestValidatorProps};

use crate::rest_api::{ApiHandle, ApiShared};
use crate::RestApi;

/// Options of a request validator (`RequestValidatorOptions`), for
/// [`RestApi::add_request_validator`] and a method's `request_validator_options`.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RequestValidatorOptions {
    /// The validator's name. Default: a name CloudFormation generates.
    #[builder(default)]
    pub request_validator_name: Option<String>,
    /// Validate the body against the method's request model. Default: false.
    #[builder(default)]
    pub validate_request_body: Option<bool>,
    /// Validate the required request parameters. Default: false.
    #[builder(default)]
    pub validate_request_parameters: Option<bool>,
}

cdk_core::impl_props!(RequestValidatorOptions, RequestValidatorOptionsBuilder);

/// Props of a [`RequestValidator`] (`RequestValidatorProps`): its options and its API.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RequestValidatorProps {
    /// The API the validator belongs to (`restApi`: any [`IRestApi`](crate::IRestApi), by
    /// reference). Required.
    pub rest_api: ApiHandle,
    /// The validator's name. Default: a name CloudFormation generates.
    #[builder(default)]
    pub request_validator_name: Option<String>,
    /// Validate the body against the method's request model. Default: false.
    #[builder(default)]
    pub validate_request_body: Option<bool>,
    /// Validate the required request parameters. Default: false.
    #[builder(default)]
    pub validate_request_parameters: Option<bool>,
}

cdk_core::impl_props!(RequestValidatorProps, RequestValidatorPropsBuilder);

/// A request validator (`RequestValidator`).
#[derive(Clone, Debug)]
pub struct RequestValidator {
    node: Node,
    resource: Option<CfnRequestValidator>,
    request_validator_id: Value,
}

impl PartialEq for RequestValidator {
    /// Two handles are equal when they name the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.node.same(&other.node)
    }
}

impl From<&RequestValidator> for RequestValidator {
    fn from(validator: &RequestValidator) -> RequestValidator {
        validator.clone()
    }
}

impl Construct for RequestValidator {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl RequestValidator {
    /// Defines a request validator of `props.rest_api`; `props` is a
    /// [`RequestValidatorProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<RequestValidatorProps>,
    ) -> Result<RequestValidator, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let options = RequestValidatorOptions {
            request_validator_name: props.request_validator_name,
            validate_request_body: props.validate_request_body,
            validate_request_parameters: props.validate_request_parameters,
        };
        Self::create(scope.node(), id, &props.rest_api.0, options)
    }

    pub(crate) fn create(
        scope: &Node,
        id: &str,
        api: &Rc<ApiShared>,
        options: RequestValidatorOptions,
    ) -> Result<RequestValidator, Error> {
        let node = scope.add_child(id)?;
        node.set_construct_info(&format!("{}.RequestValidator", crate::FQN));
        let name = options.request_validator_name.map(Value::String);
        let body = options.validate_request_body.map(Value::Bool);
        let parameters = options.validate_request_parameters.map(Value::Bool);
        let mut l1 = CfnRequestValidatorProps::builder()
            .rest_api_id(api.rest_api_id.clone())
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.name = name.clone();
        l1.validate_request_body = body.clone();
        l1.validate_request_parameters = parameters.clone();
        let resource = CfnRequestValidator::new(&node, "Resource", l1)?;
        if let Some(deployment) = api.latest_deployment() {
            deployment.node().add_dependency(resource.node());
            let mut m = cdk_core::Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    m.insert(k.to_string(), v);
                }
            };
            put("name", name);
            put("restApiId", Some(api.rest_api_id.clone()));
            put("validateRequestBody", body);
            put("validateRequestParameters", parameters);
            deployment
                .add_to_logical_id_for(&node, Value::object([("validator", Value::Object(m))]));
        }
        Ok(RequestValidator {
            node,
            request_validator_id: resource.ref_(),
            resource: Some(resource),
        })
    }

    /// A validator defined elsewhere, by id (`RequestValidator.fromRequestValidatorId`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_request_validator_id(
        scope: &impl Construct,
        id: &str,
        request_validator_id: impl Into<Value>,
    ) -> Result<RequestValidator, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(RequestValidator {
            node,
            resource: None,
            request_validator_id: request_validator_id.into(),
        })
    }

    /// The L1 resource (`None` for an imported validator).
    pub fn resource(&self) -> Option<&CfnRequestValidator> {
        self.resource.as_ref()
    }

    /// The validator's id (`requestValidatorId`, its `Ref`).
    pub fn request_validator_id(&self) -> Value {
        self.request_validator_id.clone()
    }

    /// The reference to the validator (`requestValidatorRef`).
    pub fn request_validator_ref(&self) -> RequestValidatorReference {
        RequestValidatorReference { request_validator_id: self.request_validator_id() }
    }
}

/// A reference to a request validator (`RequestValidatorReference`), what
/// [`RequestValidator::request_validator_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RequestValidatorReference {
    /// The validator's id (`requestValidatorId`).
    pub request_validator_id: Value,
}

impl RestApi {
    /// Adds a request validator to this API (`addRequestValidator`); `options` is a
    /// [`RequestValidatorOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree.
    pub fn add_request_validator(
        &self,
        id: &str,
        options: impl IntoProps<RequestValidatorOptions>,
    ) -> Result<RequestValidator, Error> {
        let options = options.into_props_at(&self.node().child_path(id))?;
        RequestValidator::create(self.node(), id, self.shared(), options)
    }
}

/// The validator a method creates from its `request_validator_options`
/// (`Method.requestValidatorId`): a child of the API with id `validator`, or, with the
/// `@aws-cdk/aws-apigateway:requestValidatorUniqueId` flag, the unique resource name of a
/// `Validator` construct added under the method.
pub(crate) fn for_method(
    method: &Node,
    api: &Rc<ApiShared>,
    options: RequestValidatorOptions,
) -> Result<RequestValidator, Error> {
    let id = if method.feature_flag(cdk_core::feature_flags::APIGATEWAY_REQUEST_VALIDATOR_UNIQUE_ID)
    {
        let marker = method.add_child("Validator")?;
        marker.set_construct_info("constructs.Construct");
        unique_resource_name(&marker)
    } else {
        "validator".to_string()
    };
    let Some(api_node) = api.resource.as_ref().and_then(|r| r.node().scope()) else {
        return Err(Error::InvalidArgument {
            path: method.path(),
            message: "request validator options need an API defined in this app".into(),
        });
    };
    RequestValidator::create(&api_node, &id, api, options)
}

/// `Names.uniqueResourceName(construct, {})` (`core/lib/names.ts`,
/// `private/unique-resource-name.ts`): the path from the top-level stack (named by its stack
/// name) down to the construct, `Default` dropped, `Resource` and repeated components left
/// out of the readable part, non-alphanumerics removed, then the [`HASH_LEN`]-digit path hash;
/// at most 256 characters (a longer readable part keeps its two ends).
pub(crate) fn unique_resource_name(node: &Node) -> String {
    const MAX_LEN: usize = 256;
    let mut scopes = vec![node.clone()];
    while let Some(parent) = scopes.last().and_then(Node::scope) {
        scopes.push(parent);
    }
    scopes.reverse();
    let is_top_level_stack = |n: &Node| match n.stack() {
        Ok(s) => s.node().same(n) && !s.is_nested(),
        Err(_) => false,
    };
    let start = scopes.iter().rposition(is_top_level_stack).unwrap_or(0);
    let components: Vec<String> = scopes[start..]
        .iter()
        .map(|n| match n.stack() {
            Ok(s) if is_top_level_stack(n) => s.stack_name(),
            _ => n.id(),
        })
        .filter(|c| c != HIDDEN_ID)
        .collect();
    let alnum = |s: &str| -> String { s.chars().filter(char::is_ascii_alphanumeric).collect() };
    if components.len() == 1 {
        let top = alnum(&components[0]);
        if top.len() <= MAX_LEN {
            return top;
        }
    }
    let hash = path_hash(&components);
    let mut kept: Vec<&str> = Vec::new();
    for c in &components {
        match kept.last() {
            Some(last) if last.ends_with(c.as_str()) => {}
            _ => kept.push(c),
        }
    }
    let human: String =
        kept.into_iter().filter(|c| *c != HIDDEN_FROM_HUMAN_ID).map(alnum).collect();
    let max_human = MAX_LEN - HASH_LEN;
    if human.len() > max_human {
        let half = max_human / 2;
        format!("{}{}{hash}", &human[..half], &human[human.len() - half..])
    } else {
        format!("{human}{hash}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, AppProps, NestedStack, Stack, StackProps};

    fn method_with(
        app: &App,
        options: crate::MethodOptions,
    ) -> Result<(RestApi, crate::Method), Error> {
        let stack = Stack::new(app, "Stack")?;
        let api = RestApi::new(&stack, "api", crate::RestApiProps::default())?;
        let m = api.root().add_method_with("GET", None, options)?;
        Ok((api, m))
    }

    fn with_options() -> crate::MethodOptions {
        crate::MethodOptions::builder()
            .request_validator_options(RequestValidatorOptions::default())
            .build()
            .unwrap()
    }

    #[test]
    fn method_validator_ids_follow_the_flag() {
        // recommended flags: a unique name, and a `Validator` construct under the method
        let app = App::with_props(AppProps::builder().build().unwrap());
        let (api, m) = method_with(&app, with_options()).unwrap();
        let marker = m.node().try_find_child("Validator").unwrap();
        let id = unique_resource_name(&marker);
        assert!(id.starts_with("StackapiGETValidator"), "{id}");
        assert!(api.node().try_find_child(&id).is_some());
        // without the flag: `validator`
        let app = App::with_props(
            AppProps::builder()
                .context(cdk_core::feature_flags::APIGATEWAY_REQUEST_VALIDATOR_UNIQUE_ID, false)
                .build()
                .unwrap(),
        );
        let (api, m) = method_with(&app, with_options()).unwrap();
        assert!(m.node().try_find_child("Validator").is_none());
        assert!(api.node().try_find_child("validator").is_some());
    }

    #[test]
    fn validator_and_options_are_exclusive() {
        let app = App::with_props(AppProps::builder().build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", crate::RestApiProps::default()).unwrap();
        let v = RequestValidator::new(
            &stack,
            "V",
            RequestValidatorProps::builder()
                .rest_api(&api)
                .validate_request_body(true)
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(v.node().path(), "Stack/V");
        let options = crate::MethodOptions::builder()
            .request_validator(v)
            .request_validator_options(RequestValidatorOptions::default())
            .build()
            .unwrap();
        let e = api.root().add_method_with("GET", None, options).unwrap_err();
        assert_eq!(
            e,
            Error::InvalidArgument {
                path: "Stack/api/Default/GET".into(),
                message:
                    "Only one of 'requestValidator' or 'requestValidatorOptions' must be specified."
                        .into(),
            }
        );
    }

    #[test]
    fn imported_validators() {
        let app = App::with_props(AppProps::builder().build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let v = RequestValidator::from_request_validator_id(&stack, "Imported", "abc").unwrap();
        assert_eq!(v.request_validator_id(), Value::from("abc"));
        assert!(v.resource().is_none());
        assert_eq!(v, v.clone());
        assert!(RequestValidatorProps::builder().build().is_err());
    }

    #[test]
    fn unique_resource_names() {
        let app = App::with_props(AppProps::builder().build().unwrap());
        let stack = Stack::with_props(
            &app,
            "Stack",
            StackProps::builder().stack_name("Named").build().unwrap(),
        )
        .unwrap();
        let a = stack.node().add_child("hello-api").unwrap();
        let b = a.add_child("Default").unwrap().add_child("v1").unwrap();
        let v = b.add_child("GET").unwrap().add_child("Validator").unwrap();
        let expected_hash = path_hash(&["Named", "hello-api", "v1", "GET", "Validator"]);
        assert_eq!(unique_resource_name(&v), format!("Namedhelloapiv1GETValidator{expected_hash}"));
        // a single component is kept as is
        assert_eq!(unique_resource_name(stack.node()), "Named");
        // nested stacks are part of the path below the top-level stack
        let nested =
            NestedStack::new(&stack, "Nested", cdk_core::NestedStackProps::default()).unwrap();
        let r = nested.node().add_child("Resource").unwrap();
        let x = r.add_child("x-y").unwrap();
        let h = path_hash(&["Named", "Nested", "Resource", "x-y"]);
        assert_eq!(unique_resource_name(&x), format!("NamedNestedxy{h}"));
        // long names keep both ends
        let long = stack.node().add_child(&"a".repeat(300)).unwrap();
        let leaf = long.add_child("b").unwrap();
        let n = unique_resource_name(&leaf);
        assert_eq!(n.len(), 256);
        assert!(n.ends_with(&format!("b{}", path_hash(&["Named", &"a".repeat(300), "b"]))));
    }
}
