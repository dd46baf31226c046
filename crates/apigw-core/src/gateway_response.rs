//! Gateway responses (`gateway-response.ts`): what API Gateway answers when a request fails
//! before reaching the integration (`AWS::ApiGateway::GatewayResponse`).

use std::borrow::Cow;

use cdk_core::{Construct, Error, Map, Node, Value};
use cfn_apigateway::{CfnGatewayResponse, CfnGatewayResponseProps};
use indexmap::IndexMap;

use crate::RestApi;

/// The kind of failure a gateway response answers (`ResponseType`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseType(Cow<'static, str>);

macro_rules! response_types {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        impl ResponseType {
            $(
                $(#[$doc])*
                pub const $name: ResponseType = ResponseType(Cow::Borrowed(stringify!($name)));
            )*
        }
    };
}

response_types! {
    /// The authorization failed.
    ACCESS_DENIED,
    /// The API configuration is invalid.
    API_CONFIGURATION_ERROR,
    /// The custom or Amazon Cognito authorizer failed to authenticate the caller.
    AUTHORIZER_FAILURE,
    /// API Gateway could not connect to the authorizer.
    AUTHORIZER_CONFIGURATION_ERROR,
    /// A request parameter could not be validated.
    BAD_REQUEST_PARAMETERS,
    /// The request body could not be validated.
    BAD_REQUEST_BODY,
    /// The default response of 4XX errors without a more specific response.
    DEFAULT_4XX,
    /// The default response of 5XX errors without a more specific response.
    DEFAULT_5XX,
    /// An AWS authentication token expired.
    EXPIRED_TOKEN,
    /// The AWS signature could not be verified.
    INVALID_SIGNATURE,
    /// The integration failed.
    INTEGRATION_FAILURE,
    /// The integration timed out.
    INTEGRATION_TIMEOUT,
    /// The API key is invalid.
    INVALID_API_KEY,
    /// No authentication token was found.
    MISSING_AUTHENTICATION_TOKEN,
    /// The usage plan quota was exceeded.
    QUOTA_EXCEEDED,
    /// The request is too large.
    REQUEST_TOO_LARGE,
    /// The resource was not found.
    RESOURCE_NOT_FOUND,
    /// The usage plan, method, stage or account throttled the request.
    THROTTLED,
    /// The custom or Amazon Cognito authorizer failed to authenticate the caller.
    UNAUTHORIZED,
    /// The payload's media type is not supported.
    UNSUPPORTED_MEDIA_TYPE,
    /// AWS WAF blocked the request.
    WAF_FILTERED,
}

impl ResponseType {
    /// A response type by name, upper-cased (`ResponseType.of`), for types this list lacks.
    pub fn of(name: &str) -> ResponseType {
        ResponseType(Cow::Owned(name.to_uppercase()))
    }

    /// The CloudFormation value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Options of a gateway response added with [`RestApi::add_gateway_response`]
/// (`GatewayResponseOptions`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
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

impl GatewayResponseOptions {
    /// Starts a builder.
    pub fn builder() -> GatewayResponseOptionsBuilder {
        GatewayResponseOptionsBuilder::default()
    }
}

/// Props of a [`GatewayResponse`] (`GatewayResponseProps`): its options and its API.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct GatewayResponseProps {
    /// The API the response belongs to. Required.
    pub rest_api: RestApi,
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

impl GatewayResponseProps {
    /// Starts a builder.
    pub fn builder() -> GatewayResponsePropsBuilder {
        GatewayResponsePropsBuilder::default()
    }
}

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
    /// Defines a gateway response of `props.rest_api`.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: GatewayResponseProps,
    ) -> Result<GatewayResponse, Error> {
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
            .map_err(|source| Error::Build { path: node.path(), source })?;
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
            deployment.add_to_logical_id(Value::object([("gatewayResponse", Value::Object(m))]));
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
}

impl RestApi {
    /// Adds a gateway response to this API (`addGatewayResponse`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn add_gateway_response(
        &self,
        id: &str,
        options: GatewayResponseOptions,
    ) -> Result<GatewayResponse, Error> {
        GatewayResponse::new(
            self,
            id,
            GatewayResponseProps {
                rest_api: self.clone(),
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
        assert_eq!(ResponseType::ACCESS_DENIED.as_str(), "ACCESS_DENIED");
        assert_eq!(ResponseType::DEFAULT_4XX.as_str(), "DEFAULT_4XX");
        assert_eq!(ResponseType::of("new_type").as_str(), "NEW_TYPE");
        assert_eq!(ResponseType::of("waf_filtered"), ResponseType::WAF_FILTERED);
    }

    #[test]
    fn options_need_a_type() {
        let e = GatewayResponseOptions::builder().status_code("500").build().unwrap_err();
        assert!(e.message().contains("type_"), "{e}");
        let o = GatewayResponseOptions::builder().type_(ResponseType::THROTTLED).build().unwrap();
        assert_eq!(o.response_headers, None);
    }
}
