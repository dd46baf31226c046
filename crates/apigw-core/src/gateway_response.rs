//! Gateway responses (`gateway-response.ts`): what API Gateway answers when a request fails
//! before reaching the integration (`AWS::ApiGateway::GatewayResponse`).

use cdk_core::{Construct, Error, IntoProps, Map, Node, Value};
use cfn_apigateway::{CfnGatewayResponse, CfnGatewayResponseProps};
use indexmap::IndexMap;

use crate::rest_api::ApiHandle;
use crate::RestApi;

/// The kind of failure a gateway response answers (`ResponseType`); converts into a
/// `Value`. [`ResponseType::of`] names a type this list lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseType {
    /// The authorization failed.
    #[doc(alias = "ACCESS_DENIED")]
    AccessDenied,
    /// The API configuration is invalid.
    #[doc(alias = "API_CONFIGURATION_ERROR")]
    ApiConfigurationError,
    /// The custom or Amazon Cognito authorizer failed to authenticate the caller.
    #[doc(alias = "AUTHORIZER_FAILURE")]
    AuthorizerFailure,
    /// API Gateway could not connect to the authorizer.
    #[doc(alias = "AUTHORIZER_CONFIGURATION_ERROR")]
    AuthorizerConfigurationError,
    /// A request parameter could not be validated.
    #[doc(alias = "BAD_REQUEST_PARAMETERS")]
    BadRequestParameters,
    /// The request body could not be validated.
    #[doc(alias = "BAD_REQUEST_BODY")]
    BadRequestBody,
    /// The default response of 4XX errors without a more specific response.
    #[doc(alias = "DEFAULT_4XX")]
    Default4xx,
    /// The default response of 5XX errors without a more specific response.
    #[doc(alias = "DEFAULT_5XX")]
    Default5xx,
    /// An AWS authentication token expired.
    #[doc(alias = "EXPIRED_TOKEN")]
    ExpiredToken,
    /// The AWS signature could not be verified.
    #[doc(alias = "INVALID_SIGNATURE")]
    InvalidSignature,
    /// The integration failed.
    #[doc(alias = "INTEGRATION_FAILURE")]
    IntegrationFailure,
    /// The integration timed out.
    #[doc(alias = "INTEGRATION_TIMEOUT")]
    IntegrationTimeout,
    /// The API key is invalid.
    #[doc(alias = "INVALID_API_KEY")]
    InvalidApiKey,
    /// No authentication token was found.
    #[doc(alias = "MISSING_AUTHENTICATION_TOKEN")]
    MissingAuthenticationToken,
    /// The usage plan quota was exceeded.
    #[doc(alias = "QUOTA_EXCEEDED")]
    QuotaExceeded,
    /// The request is too large.
    #[doc(alias = "REQUEST_TOO_LARGE")]
    RequestTooLarge,
    /// The resource was not found.
    #[doc(alias = "RESOURCE_NOT_FOUND")]
    ResourceNotFound,
    /// The usage plan, method, stage or account throttled the request.
    #[doc(alias = "THROTTLED")]
    Throttled,
    /// The custom or Amazon Cognito authorizer failed to authenticate the caller.
    #[doc(alias = "UNAUTHORIZED")]
    Unauthorized,
    /// The payload's media type is not supported.
    #[doc(alias = "UNSUPPORTED_MEDIA_TYPE")]
    UnsupportedMediaType,
    /// AWS WAF blocked the request.
    #[doc(alias = "WAF_FILTERED")]
    WafFiltered,
    /// A type by its CloudFormation name, upper-cased ([`ResponseType::of`]).
    Other(String),
}

impl ResponseType {
    /// A response type by name, upper-cased (`ResponseType.of`); a known name gives its
    /// variant.
    pub fn of(name: &str) -> ResponseType {
        let name = name.to_uppercase();
        match name.as_str() {
            "ACCESS_DENIED" => ResponseType::AccessDenied,
            "API_CONFIGURATION_ERROR" => ResponseType::ApiConfigurationError,
            "AUTHORIZER_FAILURE" => ResponseType::AuthorizerFailure,
            "AUTHORIZER_CONFIGURATION_ERROR" => ResponseType::AuthorizerConfigurationError,
            "BAD_REQUEST_PARAMETERS" => ResponseType::BadRequestParameters,
            "BAD_REQUEST_BODY" => ResponseType::BadRequestBody,
            "DEFAULT_4XX" => ResponseType::Default4xx,
            "DEFAULT_5XX" => ResponseType::Default5xx,
            "EXPIRED_TOKEN" => ResponseType::ExpiredToken,
            "INVALID_SIGNATURE" => ResponseType::InvalidSignature,
            "INTEGRATION_FAILURE" => ResponseType::IntegrationFailure,
            "INTEGRATION_TIMEOUT" => ResponseType::IntegrationTimeout,
            "INVALID_API_KEY" => ResponseType::InvalidApiKey,
            "MISSING_AUTHENTICATION_TOKEN" => ResponseType::MissingAuthenticationToken,
            "QUOTA_EXCEEDED" => ResponseType::QuotaExceeded,
            "REQUEST_TOO_LARGE" => ResponseType::RequestTooLarge,
            "RESOURCE_NOT_FOUND" => ResponseType::ResourceNotFound,
            "THROTTLED" => ResponseType::Throttled,
            "UNAUTHORIZED" => ResponseType::Unauthorized,
            "UNSUPPORTED_MEDIA_TYPE" => ResponseType::UnsupportedMediaType,
            "WAF_FILTERED" => ResponseType::WafFiltered,
            _ => ResponseType::Other(name),
        }
    }

    /// The CloudFormation value.
    pub fn as_str(&self) -> &str {
        match self {
            ResponseType::AccessDenied => "ACCESS_DENIED",
            ResponseType::ApiConfigurationError => "API_CONFIGURATION_ERROR",
            ResponseType::AuthorizerFailure => "AUTHORIZER_FAILURE",
            ResponseType::AuthorizerConfigurationError => "AUTHORIZER_CONFIGURATION_ERROR",
            ResponseType::BadRequestParameters => "BAD_REQUEST_PARAMETERS",
            ResponseType::BadRequestBody => "BAD_REQUEST_BODY",
            ResponseType::Default4xx => "DEFAULT_4XX",
            ResponseType::Default5xx => "DEFAULT_5XX",
            ResponseType::ExpiredToken => "EXPIRED_TOKEN",
            ResponseType::InvalidSignature => "INVALID_SIGNATURE",
            ResponseType::IntegrationFailure => "INTEGRATION_FAILURE",
            ResponseType::IntegrationTimeout => "INTEGRATION_TIMEOUT",
            ResponseType::InvalidApiKey => "INVALID_API_KEY",
            ResponseType::MissingAuthenticationToken => "MISSING_AUTHENTICATION_TOKEN",
            ResponseType::QuotaExceeded => "QUOTA_EXCEEDED",
            ResponseType::RequestTooLarge => "REQUEST_TOO_LARGE",
            ResponseType::ResourceNotFound => "RESOURCE_NOT_FOUND",
            ResponseType::Throttled => "THROTTLED",
            ResponseType::Unauthorized => "UNAUTHORIZED",
            ResponseType::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            ResponseType::WafFiltered => "WAF_FILTERED",
            ResponseType::Other(name) => name,
        }
    }
}

impl From<ResponseType> for Value {
    fn from(t: ResponseType) -> Value {
        Value::from(t.as_str())
    }
}

/// Options of a gateway response added with [`RestApi::add_gateway_response`]
/// (`GatewayResponseOptions`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct GatewayResponseOptions {
    /// The failure this response answers. Required.
    pub type_: ResponseType,
    /// The HTTP status code. Default: the response type's.
    #[builder(default)]
    pub status_code: Option<String>,
    /// Response headers: name → value (a static value is single-quoted: `"'*'"`).
    /// Default: none.
    #[builder(default, setter(custom))]
    pub response_headers: Option<IndexMap<String, Value>>,
    /// Body templates by content type. Default: none.
    #[builder(default, setter(custom))]
    pub templates: Option<IndexMap<String, Value>>,
}

cdk_core::impl_props!(GatewayResponseOptions, GatewayResponseOptionsBuilder);

/// Props of a [`GatewayResponse`] (`GatewayResponseProps`): its options and its API.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct GatewayResponseProps {
    /// The API the response belongs to (`restApi`: any [`IRestApi`](crate::IRestApi), by
    /// reference). Required.
    pub rest_api: ApiHandle,
    /// The failure this response answers. Required.
    pub type_: ResponseType,
    /// The HTTP status code. Default: the response type's.
    #[builder(default)]
    pub status_code: Option<String>,
    /// Response headers: name → value (a static value is single-quoted: `"'*'"`).
    /// Default: none.
    #[builder(default, setter(custom))]
    pub response_headers: Option<IndexMap<String, Value>>,
    /// Body templates by content type. Default: none.
    #[builder(default, setter(custom))]
    pub templates: Option<IndexMap<String, Value>>,
}

cdk_core::impl_props!(GatewayResponseProps, GatewayResponsePropsBuilder);

fn entries<K: Into<String>, V: Into<Value>>(
    entries: impl IntoIterator<Item = (K, V)>,
) -> IndexMap<String, Value> {
    entries.into_iter().map(|(k, v)| (k.into(), v.into())).collect()
}

macro_rules! map_setters {
    ($builder:ident) => {
        impl $builder {
            /// Response headers: name → value (a static value is single-quoted: `"'*'"`).
            /// Default: none.
            pub fn response_headers<K: Into<String>, V: Into<Value>>(
                mut self,
                headers: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.response_headers = Some(Some(entries(headers)));
                self
            }

            /// Body templates by content type. Default: none.
            pub fn templates<K: Into<String>, V: Into<Value>>(
                mut self,
                templates: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.templates = Some(Some(entries(templates)));
                self
            }
        }
    };
}

map_setters!(GatewayResponseOptionsBuilder);
map_setters!(GatewayResponsePropsBuilder);

/// A gateway response (`GatewayResponse`).
#[derive(Clone, Debug)]
pub struct GatewayResponse {
    node: Node,
    resource: CfnGatewayResponse,
}

impl Construct for GatewayResponse {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl GatewayResponse {
    /// Defines a gateway response of `props.rest_api`; `props` is a [`GatewayResponseProps`]
    /// or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the response's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<GatewayResponseProps>,
    ) -> Result<GatewayResponse, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.GatewayResponse", crate::FQN));
        let response_type = Value::from(props.type_.as_str());
        let parameters = props.response_headers.map(|headers| {
            Value::Object(
                headers
                    .into_iter()
                    .map(|(h, v)| (format!("gatewayresponse.header.{h}"), v))
                    .collect(),
            )
        });
        let templates = props.templates.map(|t| Value::Object(t.into_iter().collect()));
        let status_code = props.status_code.map(Value::String);
        let rest_api_id = props.rest_api.rest_api_id();
        let mut l1 = CfnGatewayResponseProps::builder()
            .rest_api_id(rest_api_id.clone())
            .response_type(response_type.clone())
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.response_parameters = parameters.clone();
        l1.response_templates = templates.clone();
        l1.status_code = status_code.clone();
        let resource = CfnGatewayResponse::new(&node, "Resource", l1)?;
        if let Some(deployment) = props.rest_api.latest_deployment() {
            deployment.node().add_dependency(resource.node());
            let mut m = Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    m.insert(k.to_string(), v);
                }
            };
            put("restApiId", Some(rest_api_id));
            put("responseType", Some(response_type));
            put("responseParameters", parameters);
            put("responseTemplates", templates);
            put("statusCode", status_code);
            deployment.add_to_logical_id_for(
                &node,
                Value::object([("gatewayResponse", Value::Object(m))]),
            );
        }
        Ok(GatewayResponse { node, resource })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnGatewayResponse {
        &self.resource
    }

    /// The response's id (`Ref`).
    pub fn gateway_response_id(&self) -> Value {
        self.resource.ref_()
    }

    /// The reference to the response (`gatewayResponseRef`).
    pub fn gateway_response_ref(&self) -> GatewayResponseReference {
        IGatewayResponse::gateway_response_ref(self)
    }

    /// Imports an existing gateway response by id (`GatewayResponse.fromGatewayResponseId`):
    /// a construct at `scope/id` that adds nothing to the template.
    ///
    /// ```
    /// use apigw_core::{GatewayResponse, IGatewayResponse};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// # app.skip_synth_check();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let response = GatewayResponse::from_gateway_response_id(&stack, "Imported", "gr-123")?;
    /// assert_eq!(response.gateway_response_ref().gateway_response_id, "gr-123".into());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_gateway_response_id(
        scope: &impl Construct,
        id: &str,
        gateway_response_id: impl Into<Value>,
    ) -> Result<ImportedGatewayResponse, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(ImportedGatewayResponse { node, gateway_response_id: gateway_response_id.into() })
    }
}

/// A gateway response (`IGatewayResponse`): created ([`GatewayResponse`]) or imported
/// ([`ImportedGatewayResponse`]).
pub trait IGatewayResponse: Construct {
    /// The response's id.
    fn gateway_response_id(&self) -> Value;

    /// The reference to the response (`gatewayResponseRef`).
    fn gateway_response_ref(&self) -> GatewayResponseReference {
        GatewayResponseReference { gateway_response_id: self.gateway_response_id() }
    }
}

/// A reference to a gateway response (`GatewayResponseReference`), what
/// [`IGatewayResponse::gateway_response_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GatewayResponseReference {
    /// The response's id (`gatewayResponseId`).
    pub gateway_response_id: Value,
}

impl IGatewayResponse for GatewayResponse {
    fn gateway_response_id(&self) -> Value {
        GatewayResponse::gateway_response_id(self)
    }
}

/// A gateway response defined outside the app, from
/// [`GatewayResponse::from_gateway_response_id`].
#[derive(Clone, Debug)]
pub struct ImportedGatewayResponse {
    node: Node,
    gateway_response_id: Value,
}

impl Construct for ImportedGatewayResponse {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IGatewayResponse for ImportedGatewayResponse {
    fn gateway_response_id(&self) -> Value {
        self.gateway_response_id.clone()
    }
}

impl RestApi {
    /// Adds a gateway response to this API (`addGatewayResponse`); `options` is a
    /// [`GatewayResponseOptions`] or its unfinished builder.
    ///
    /// ```
    /// use apigw_core::{GatewayResponseOptions, ResponseType, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// api.root().add_method("GET", None)?;
    /// api.add_gateway_response(
    ///     "default-4xx",
    ///     GatewayResponseOptions::builder()
    ///         .type_(ResponseType::Default4xx)
    ///         .response_headers([("Access-Control-Allow-Origin", "'*'")]),
    /// )?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the response's path; id errors from the tree.
    pub fn add_gateway_response(
        &self,
        id: &str,
        options: impl IntoProps<GatewayResponseOptions>,
    ) -> Result<GatewayResponse, Error> {
        let options = options.into_props_at(&self.node().child_path(id))?;
        GatewayResponse::new(
            self,
            id,
            GatewayResponseProps {
                rest_api: crate::IRestApi::api_handle(self),
                type_: options.type_,
                status_code: options.status_code,
                response_headers: options.response_headers,
                templates: options.templates,
            },
        )
    }
}

impl crate::SpecRestApi {
    /// Adds a gateway response to this API (`addGatewayResponse`), as
    /// [`RestApi::add_gateway_response`] does.
    ///
    /// # Errors
    /// A builder error naming the response's path; id errors from the tree.
    pub fn add_gateway_response(
        &self,
        id: &str,
        options: impl IntoProps<GatewayResponseOptions>,
    ) -> Result<GatewayResponse, Error> {
        let options = options.into_props_at(&self.node().child_path(id))?;
        GatewayResponse::new(
            self,
            id,
            GatewayResponseProps {
                rest_api: crate::IRestApi::api_handle(self),
                type_: options.type_,
                status_code: options.status_code,
                response_headers: options.response_headers,
                templates: options.templates,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_types() {
        assert_eq!(ResponseType::AccessDenied.as_str(), "ACCESS_DENIED");
        assert_eq!(ResponseType::Default4xx.as_str(), "DEFAULT_4XX");
        assert_eq!(ResponseType::of("new_type").as_str(), "NEW_TYPE");
        assert_eq!(ResponseType::of("default_4xx"), ResponseType::Default4xx);
        assert_eq!(Value::from(ResponseType::Throttled), Value::from("THROTTLED"));
        assert_eq!(ResponseType::of("waf_filtered"), ResponseType::WafFiltered);
    }

    #[test]
    fn options_need_a_type() {
        let e = GatewayResponseOptions::builder().status_code("500").build().unwrap_err();
        assert!(e.message().contains("type_"), "{e}");
        let o = GatewayResponseOptions::builder().type_(ResponseType::Throttled).build().unwrap();
        assert_eq!(o.response_headers, None);
    }
}
