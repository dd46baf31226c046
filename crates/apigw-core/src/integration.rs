//! Integrations: what a method calls (`integration.ts`, `integrations/mock.ts`).

use cdk_core::{Map, Value};

/// The kind of backend (`IntegrationType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntegrationType {
    /// An AWS service action.
    Aws,
    /// An AWS service with the request passed through (Lambda proxy).
    AwsProxy,
    /// An HTTP backend.
    Http,
    /// An HTTP backend with the request passed through.
    HttpProxy,
    /// A response made up by API Gateway (the default integration).
    #[default]
    Mock,
}

impl IntegrationType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            IntegrationType::Aws => "AWS",
            IntegrationType::AwsProxy => "AWS_PROXY",
            IntegrationType::Http => "HTTP",
            IntegrationType::HttpProxy => "HTTP_PROXY",
            IntegrationType::Mock => "MOCK",
        }
    }
}

/// How API Gateway reaches the backend (`ConnectionType`); converts into the `Value` that
/// [`IntegrationOptions::connection_type`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionType {
    /// Over the internet (`INTERNET`), API Gateway's default.
    Internet,
    /// Through a VPC link (`VPC_LINK`); needs [`IntegrationOptions::vpc_link`].
    VpcLink,
}

impl ConnectionType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionType::Internet => "INTERNET",
            ConnectionType::VpcLink => "VPC_LINK",
        }
    }
}

impl From<ConnectionType> for Value {
    fn from(c: ConnectionType) -> Value {
        Value::from(c.as_str())
    }
}

/// Options common to every integration (`IntegrationOptions`), with CloudFormation's value
/// shapes. Each is documented with aws-cdk-lib's default: absent.
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct IntegrationOptions {
    /// Request parameters used as cache keys.
    #[builder(default)]
    pub cache_key_parameters: Option<Value>,
    /// The cache namespace.
    #[builder(default)]
    pub cache_namespace: Option<Value>,
    /// `CONVERT_TO_BINARY` or `CONVERT_TO_TEXT`.
    #[builder(default)]
    pub content_handling: Option<Value>,
    /// Request parameters mapped to the backend.
    #[builder(default)]
    pub request_parameters: Option<Value>,
    /// Request templates by content type.
    #[builder(default)]
    pub request_templates: Option<Value>,
    /// `WHEN_NO_MATCH`, `NEVER` or `WHEN_NO_TEMPLATES`.
    #[builder(default)]
    pub passthrough_behavior: Option<Value>,
    /// The responses of the integration, mapped to method responses. Default: none.
    #[builder(default)]
    pub integration_responses: Option<Vec<crate::IntegrationResponse>>,
    /// `INTERNET` or `VPC_LINK` (a [`ConnectionType`]). Default: API Gateway's (`INTERNET`),
    /// or `VPC_LINK` when `vpc_link` is set.
    #[builder(default)]
    pub connection_type: Option<Value>,
    /// The VPC link id (`ConnectionId`); `vpc_link` replaces it. Default: none.
    #[builder(default)]
    pub connection_id: Option<Value>,
    /// The VPC link of a private integration (`vpcLink`): `ConnectionType` becomes `VPC_LINK`
    /// and `ConnectionId` the link's id. With `connection_type` `VPC_LINK` and no URI, the URI
    /// is `http://<DNS name of the link's load balancer>`. Default: none.
    #[builder(default)]
    pub vpc_link: Option<crate::VpcLink>,
    /// The role API Gateway assumes (ARN).
    #[builder(default)]
    pub credentials: Option<Value>,
    /// The role API Gateway assumes to call the backend (`credentialsRole`); exclusive with
    /// `credentials_passthrough`.
    #[builder(default)]
    pub credentials_role: Option<cdk_iam::Role>,
    /// Call the backend with the caller's identity (`credentialsPassthrough`:
    /// `arn:<partition>:iam::*:user/*`). Default: false.
    #[builder(default)]
    pub credentials_passthrough: Option<bool>,
    /// Timeout in milliseconds.
    #[builder(default)]
    pub timeout_in_millis: Option<Value>,
}

impl IntegrationOptions {
    /// Starts a builder.
    pub fn builder() -> IntegrationOptionsBuilder {
        IntegrationOptionsBuilder::default()
    }
}

/// What an integration learns of the method it is bound to (`Integration.bind(method)`).
pub struct BindContext<'a> {
    pub(crate) method: &'a cdk_core::Node,
    pub(crate) http_method: &'a str,
    pub(crate) resource: &'a crate::Resource,
}

impl BindContext<'_> {
    /// The method's construct (the scope of what the integration creates, such as roles or
    /// permissions).
    pub fn method_node(&self) -> &cdk_core::Node {
        self.method
    }

    /// The HTTP method (upper case).
    pub fn http_method(&self) -> &str {
        self.http_method
    }

    /// The resource path (`/books/{id}`).
    pub fn resource_path(&self) -> String {
        self.resource.path()
    }

    /// `Names.nodeUniqueId` of the API construct.
    pub fn api_unique_id(&self) -> String {
        self.resource.api().unique_id()
    }

    /// The method's ARN in the API's deployment stage (lazy, like `method.methodArn`).
    pub fn method_arn(&self) -> cdk_core::Value {
        crate::method::lazy_method_arn(self.resource, self.http_method, None)
    }

    /// The ARN of any method of the API in any stage (`api.arnForExecuteApi('*', '/*', '*')`).
    pub fn any_method_arn(&self) -> cdk_core::Value {
        crate::method::lazy_api_arn(self.resource)
    }

    /// The method's ARN for console test invocations (`method.testMethodArn`).
    pub fn test_method_arn(&self) -> cdk_core::Value {
        crate::method::lazy_method_arn(self.resource, self.http_method, Some("test-invoke-stage"))
    }
}

/// What binding adds to an integration.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct BindResult {
    /// Replaces the integration's `Credentials` (a role ARN).
    pub credentials: Option<Value>,
    /// Data hashed into the deployment's logical ID (`deploymentToken`).
    pub deployment_token: Option<String>,
    /// Method responses the integration adds (`method.addMethodResponse`).
    pub method_responses: Vec<crate::MethodResponse>,
}

/// The bind step of an integration: called with the method before its resource is created.
pub type BindFn = dyn Fn(&BindContext<'_>) -> Result<BindResult, cdk_core::Error>;

/// A bind step, compared by identity.
#[derive(Clone)]
pub struct Binder(pub std::rc::Rc<BindFn>);

impl std::fmt::Debug for Binder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Binder")
    }
}

impl PartialEq for Binder {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl IntegrationOptions {
    /// `credentials`: the role's ARN, the caller's identity, or the given value.
    pub(crate) fn effective_credentials(&self) -> Option<Value> {
        if let Some(role) = &self.credentials_role {
            return Some(role.role_arn());
        }
        if self.credentials_passthrough == Some(true) {
            return Some(Value::lazy(|ctx| {
                Some(
                    ctx.stack().format_arn(
                        &cdk_core::ArnComponents::new("iam", "user")
                            .region("")
                            .account("*")
                            .resource_name("*"),
                    ),
                )
            }));
        }
        self.credentials.clone()
    }

    /// `credentialsRole` and `credentialsPassthrough` exclude each other.
    pub(crate) fn validate(&self, scope: &str) -> Result<(), cdk_core::Error> {
        match self.rule_violation() {
            Some((_, message)) => Err(cdk_core::Error::InvalidArgument {
                path: scope.to_string(),
                message: message.into(),
            }),
            None => Ok(()),
        }
    }

    /// The first rule of `Integration`'s constructor the options break, as (field, message):
    /// `credentialsRole` with `credentialsPassthrough`, `VPC_LINK` without a link, a link with
    /// `INTERNET`.
    fn rule_violation(&self) -> Option<(&'static str, &'static str)> {
        if self.credentials_role.is_some() && self.credentials_passthrough == Some(true) {
            return Some((
                "credentials_role",
                "'credentialsPassthrough' and 'credentialsRole' are mutually exclusive",
            ));
        }
        let connection_type = self.connection_type.as_ref().and_then(Value::as_str);
        if connection_type == Some(ConnectionType::VpcLink.as_str()) && self.vpc_link.is_none() {
            return Some((
                "vpc_link",
                "'connectionType' of VPC_LINK requires 'vpcLink' prop to be set",
            ));
        }
        if connection_type == Some(ConnectionType::Internet.as_str()) && self.vpc_link.is_some() {
            return Some(("vpc_link", "cannot set 'vpcLink' where 'connectionType' is INTERNET"));
        }
        None
    }
}

/// Options of a generic [`Integration`] (`IntegrationProps`), for [`Integration::new`].
///
/// `build()` checks the rules of aws-cdk-lib's `Integration` constructor: those of the
/// options, a timeout of at least 50 milliseconds, and an `integration_http_method` for every
/// type but `MOCK`.
///
/// ```
/// use apigw_core::{Integration, IntegrationProps, IntegrationType};
/// let i = Integration::new(IntegrationProps::builder()
///     .type_(IntegrationType::HttpProxy)
///     .integration_http_method("GET")
///     .uri("https://example.com/books")
///     .build()?);
/// assert_eq!(i.type_, IntegrationType::HttpProxy);
/// assert!(IntegrationProps::builder().type_(IntegrationType::Http).build().is_err());
/// # Ok::<(), cdk_core::BuildError>(())
/// ```
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_unvalidated", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct IntegrationProps {
    /// The kind of backend (`type`). Required.
    pub type_: IntegrationType,
    /// The HTTP method used towards the backend. Required unless the type is `MOCK`.
    #[builder(default)]
    pub integration_http_method: Option<Value>,
    /// The backend URI. Default: none; for a VPC link integration
    /// (`connection_type` `VPC_LINK`), `http://<DNS name of the link's load balancer>`.
    #[builder(default)]
    pub uri: Option<Value>,
    /// The options. Default: none set.
    #[builder(default)]
    pub options: IntegrationOptions,
}

impl IntegrationProps {
    /// Starts a builder.
    pub fn builder() -> IntegrationPropsBuilder {
        IntegrationPropsBuilder::default()
    }
}

impl IntegrationPropsBuilder {
    /// Builds the props.
    ///
    /// # Errors
    /// A missing `type_`; `credentials_role` with `credentials_passthrough`; `connection_type`
    /// `VPC_LINK` without `vpc_link`, or `INTERNET` with one; a literal timeout under 50
    /// milliseconds; no `integration_http_method` for a type other than `MOCK`.
    pub fn build(self) -> Result<IntegrationProps, cdk_core::BuildError> {
        let props = self.build_unvalidated()?;
        if let Some((field, message)) = props.options.rule_violation() {
            return Err(cdk_core::BuildError::invalid_field(field, message));
        }
        if let Some(Value::Number(ms)) = &props.options.timeout_in_millis {
            if *ms < 50.0 {
                return Err(cdk_core::BuildError::invalid_field(
                    "timeout_in_millis",
                    "Integration timeout must be greater than 50 milliseconds.",
                ));
            }
        }
        if props.type_ != IntegrationType::Mock && props.integration_http_method.is_none() {
            return Err(cdk_core::BuildError::invalid_field(
                "integration_http_method",
                "integrationHttpMethod is required for non-mock integration types.",
            ));
        }
        Ok(props)
    }
}

/// A method's backend (`Integration`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Integration {
    /// The kind of backend.
    pub type_: IntegrationType,
    /// The backend URI.
    pub uri: Option<Value>,
    /// The HTTP method used towards the backend.
    pub integration_http_method: Option<Value>,
    /// The options.
    pub options: IntegrationOptions,
    /// What happens when the integration is bound to a method (roles, permissions).
    pub binder: Option<Binder>,
}

impl Integration {
    /// A generic integration (`new Integration({ type, integrationHttpMethod, uri, options })`).
    pub fn new(props: IntegrationProps) -> Integration {
        Integration {
            type_: props.type_,
            uri: props.uri,
            integration_http_method: props.integration_http_method,
            options: props.options,
            binder: None,
        }
    }

    /// Binds the integration to a method: runs its bind step and applies what it returns.
    pub(crate) fn bind(
        &self,
        ctx: &BindContext<'_>,
    ) -> Result<(Integration, BindResult), cdk_core::Error> {
        self.options.validate(&ctx.method.path())?;
        let mut bound = self.clone();
        if let Some(link) = &self.options.vpc_link {
            // a URI is derived only when the connection type was given as VPC_LINK
            let vpc_link_type = self.options.connection_type.as_ref().and_then(Value::as_str)
                == Some(ConnectionType::VpcLink.as_str());
            if vpc_link_type && bound.uri.is_none() {
                bound.uri = Some(link.integration_uri(ctx.method));
            }
            bound.options.connection_type = Some(ConnectionType::VpcLink.into());
            bound.options.connection_id = Some(link.vpc_link_id());
        }
        let result = match &self.binder {
            Some(b) => (b.0)(ctx)?,
            None => BindResult::default(),
        };
        if let Some(c) = &result.credentials {
            bound.options.credentials = Some(c.clone());
        }
        Ok((bound, result))
    }
}

/// `MockIntegration`: API Gateway answers itself.
pub struct MockIntegration;

impl MockIntegration {
    /// A mock integration with options.
    pub fn with_options(options: IntegrationOptions) -> Integration {
        Integration { type_: IntegrationType::Mock, options, ..Default::default() }
    }

    /// A mock integration without options.
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> Integration {
        Self::with_options(IntegrationOptions::default())
    }
}

impl Integration {
    /// The `integration` entry of the deployment hash (`renderIntegration`: aws-cdk-lib's
    /// camelCase option names, in its order).
    pub(crate) fn hash_json(&self) -> Value {
        let o = &self.options;
        let mut m = Map::new();
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.to_string(), v);
            }
        };
        put("type", Some(Value::from(self.type_.as_str())));
        put("uri", self.uri.clone());
        put("cacheKeyParameters", o.cache_key_parameters.clone());
        put("cacheNamespace", o.cache_namespace.clone());
        put("contentHandling", o.content_handling.clone());
        put("integrationHttpMethod", self.integration_http_method.clone());
        put("requestParameters", o.request_parameters.clone());
        put("requestTemplates", o.request_templates.clone());
        put("passthroughBehavior", o.passthrough_behavior.clone());
        put(
            "integrationResponses",
            o.integration_responses
                .as_ref()
                .map(|list| Value::array(list.iter().map(|r| r.hash_json()))),
        );
        put("connectionType", o.connection_type.clone());
        put("connectionId", o.connection_id.clone());
        put("credentials", o.effective_credentials());
        put("timeoutInMillis", o.timeout_in_millis.clone());
        Value::Object(m)
    }

    /// The CloudFormation `Integration` property of the method.
    pub(crate) fn to_cfn(&self) -> Result<Value, cdk_core::BuildError> {
        let o = &self.options;
        let mut i =
            cfn_apigateway::method::Integration::builder().type_(self.type_.as_str()).build()?;
        i.uri = self.uri.clone();
        i.integration_http_method = self.integration_http_method.clone();
        i.cache_key_parameters = o.cache_key_parameters.clone();
        i.cache_namespace = o.cache_namespace.clone();
        i.content_handling = o.content_handling.clone();
        i.request_parameters = o.request_parameters.clone();
        i.request_templates = o.request_templates.clone();
        i.passthrough_behavior = o.passthrough_behavior.clone();
        i.integration_responses = match &o.integration_responses {
            Some(list) => {
                Some(Value::Array(list.iter().map(|r| r.to_cfn()).collect::<Result<Vec<_>, _>>()?))
            }
            None => None,
        };
        i.connection_type = o.connection_type.clone();
        i.connection_id = o.connection_id.clone();
        i.credentials = o.effective_credentials();
        i.timeout_in_millis = o.timeout_in_millis.clone();
        Ok(i.into())
    }
}
