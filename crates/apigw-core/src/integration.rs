//! Integrations: what a method calls (`integration.ts`, `integrations/mock.ts`).

use std::rc::Rc;
use std::time::Duration;

use cdk_core::Value;

pub use cfn_apigateway::method::{ContentHandling, PassthroughBehavior};

/// The kind of backend (`IntegrationType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntegrationType {
    /// An AWS service action.
    #[doc(alias = "AWS")]
    Aws,
    /// An AWS service with the request passed through (Lambda proxy).
    #[doc(alias = "AWS_PROXY")]
    AwsProxy,
    /// An HTTP backend.
    #[doc(alias = "HTTP")]
    Http,
    /// An HTTP backend with the request passed through.
    #[doc(alias = "HTTP_PROXY")]
    HttpProxy,
    /// A response made up by API Gateway (the default integration).
    #[default]
    #[doc(alias = "MOCK")]
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

/// How API Gateway returns the backend's response (`ResponseTransferMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseTransferMode {
    /// API Gateway waits for the whole response before sending it (`BUFFERED`), API
    /// Gateway's default.
    #[doc(alias = "BUFFERED")]
    Buffered,
    /// API Gateway streams the response as it arrives (`STREAM`); only for `AWS_PROXY` and
    /// `HTTP_PROXY` integrations.
    #[doc(alias = "STREAM")]
    Stream,
}

impl ResponseTransferMode {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ResponseTransferMode::Buffered => "BUFFERED",
            ResponseTransferMode::Stream => "STREAM",
        }
    }
}

impl From<ResponseTransferMode> for Value {
    fn from(m: ResponseTransferMode) -> Value {
        Value::from(m.as_str())
    }
}

/// The message of a `STREAM` response transfer mode on an integration type that cannot
/// stream (aws-cdk-lib's `ResponseTransferModeSupportedInteg`).
fn transfer_mode_problem(
    type_: IntegrationType,
    mode: Option<ResponseTransferMode>,
) -> Option<String> {
    let streams = matches!(type_, IntegrationType::AwsProxy | IntegrationType::HttpProxy);
    (mode == Some(ResponseTransferMode::Stream) && !streams).then(|| {
        format!(
            "ResponseTransferMode STREAM is only supported for AWS_PROXY and HTTP_PROXY integration types, got: {}",
            type_.as_str()
        )
    })
}

/// How API Gateway reaches the backend (`ConnectionType`); converts into the `Value` that
/// [`IntegrationOptions::connection_type`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionType {
    /// Over the internet (`INTERNET`), API Gateway's default.
    #[doc(alias = "INTERNET")]
    Internet,
    /// Through a VPC link (`VPC_LINK`); needs [`IntegrationOptions::vpc_link`].
    #[doc(alias = "VPC_LINK")]
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

impl From<IntegrationType> for Value {
    fn from(t: IntegrationType) -> Value {
        Value::from(t.as_str())
    }
}

impl From<ConnectionType> for Value {
    fn from(c: ConnectionType) -> Value {
        Value::from(c.as_str())
    }
}

/// Declares a props struct with the fields of CDK's `IntegrationOptions` after its own, their
/// custom setters on its builder, and `integration_options()` to get them as an
/// [`IntegrationOptions`]: the one list of these fields, shared by [`IntegrationOptions`] and
/// [`LambdaIntegrationOptions`](crate::LambdaIntegrationOptions) (rule 11: extended props are
/// flat). Exported (hidden) for the other `apigw-*` crates
/// (`apigw_stepfunctions::StepFunctionsExecutionIntegrationOptions`); the struct's crate needs
/// `derive_builder`, `cdk_core` and `cdk_iam`.
#[doc(hidden)]
#[macro_export]
macro_rules! integration_options {
    (
        $(#[$attr:meta])*
        pub struct $name:ident / $builder:ident { $($body:tt)* }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($body)*
        /// Request parameters used as cache keys (`cacheKeyParameters`). Default: none.
        #[builder(default, setter(custom))]
        pub cache_key_parameters: Option<cdk_core::Value>,
        /// The cache namespace (`cacheNamespace`). Default: none.
        #[builder(default)]
        pub cache_namespace: Option<cdk_core::Value>,
        /// How the payload is converted (`contentHandling`): a
        /// [`ContentHandling`](crate::ContentHandling). Default: the
        /// payload passes through.
        #[builder(default)]
        pub content_handling: Option<cdk_core::Value>,
        /// Request parameters mapped to the backend (`requestParameters`): destination →
        /// source. Default: none.
        #[builder(default, setter(custom))]
        pub request_parameters: Option<cdk_core::Value>,
        /// Request templates by content type (`requestTemplates`). Default: none.
        #[builder(default, setter(custom))]
        pub request_templates: Option<cdk_core::Value>,
        /// What happens to a request without a matching template (`passthroughBehavior`): a
        /// [`PassthroughBehavior`](crate::PassthroughBehavior). Default: API Gateway's
        /// (`WHEN_NO_MATCH`).
        #[builder(default)]
        pub passthrough_behavior: Option<cdk_core::Value>,
        /// The responses of the integration, mapped to method responses
        /// (`integrationResponses`). Default: none.
        #[builder(default, setter(custom))]
        pub integration_responses: Option<Vec<$crate::IntegrationResponse>>,
        /// How API Gateway reaches the backend (`connectionType`): a
        /// [`ConnectionType`](crate::ConnectionType).
        /// Default: API Gateway's (`INTERNET`), or `VPC_LINK` when `vpc_link` is set.
        #[builder(default)]
        pub connection_type: Option<cdk_core::Value>,
        /// The VPC link id (`ConnectionId`); `vpc_link` replaces it. Default: none.
        #[builder(default)]
        pub connection_id: Option<cdk_core::Value>,
        /// The VPC link of a private integration (`vpcLink`, by reference or value):
        /// `ConnectionType` becomes `VPC_LINK` and `ConnectionId` the link's id. With
        /// `connection_type` `VPC_LINK` and no URI, the URI is `http://<DNS name of the link's
        /// load balancer>`. Default: none.
        #[builder(default)]
        pub vpc_link: Option<$crate::VpcLink>,
        /// The role API Gateway assumes, as an ARN (`credentials`). Default: none.
        #[builder(default)]
        pub credentials: Option<cdk_core::Value>,
        /// The role API Gateway assumes to call the backend (`credentialsRole`); exclusive with
        /// `credentials_passthrough`. Default: none.
        #[builder(default)]
        pub credentials_role: Option<cdk_iam::Role>,
        /// Call the backend with the caller's identity (`credentialsPassthrough`:
        /// `arn:<partition>:iam::*:user/*`). Default: false.
        #[builder(default)]
        pub credentials_passthrough: Option<bool>,
        /// How long API Gateway waits for the backend (`timeout`, rendered as
        /// `TimeoutInMillis`): at least 50 milliseconds (aws-cdk-lib's rule; API Gateway's
        /// default quota is 29 seconds, which Regional and private APIs may raise, so no upper
        /// bound is enforced). Default: API Gateway's (29 seconds).
        #[builder(default)]
        pub timeout: Option<std::time::Duration>,
        /// How API Gateway returns the backend's response (`responseTransferMode`): a
        /// [`ResponseTransferMode`](crate::ResponseTransferMode); `Stream` needs an
        /// `AWS_PROXY` or `HTTP_PROXY` integration. Default: none set (API Gateway's
        /// `BUFFERED`).
        #[builder(default)]
        pub response_transfer_mode: Option<$crate::ResponseTransferMode>,
        }

        impl $name {
            /// The fields of `IntegrationOptions`.
            #[allow(dead_code)]
            pub fn integration_options(&self) -> $crate::IntegrationOptions {
                let mut o = $crate::IntegrationOptions::default();
                o.cache_key_parameters = ::core::clone::Clone::clone(&self.cache_key_parameters);
                o.cache_namespace = ::core::clone::Clone::clone(&self.cache_namespace);
                o.content_handling = ::core::clone::Clone::clone(&self.content_handling);
                o.request_parameters = ::core::clone::Clone::clone(&self.request_parameters);
                o.request_templates = ::core::clone::Clone::clone(&self.request_templates);
                o.passthrough_behavior = ::core::clone::Clone::clone(&self.passthrough_behavior);
                o.integration_responses = ::core::clone::Clone::clone(&self.integration_responses);
                o.connection_type = ::core::clone::Clone::clone(&self.connection_type);
                o.connection_id = ::core::clone::Clone::clone(&self.connection_id);
                o.vpc_link = ::core::clone::Clone::clone(&self.vpc_link);
                o.credentials = ::core::clone::Clone::clone(&self.credentials);
                o.credentials_role = ::core::clone::Clone::clone(&self.credentials_role);
                o.credentials_passthrough = ::core::clone::Clone::clone(&self.credentials_passthrough);
                o.timeout = ::core::clone::Clone::clone(&self.timeout);
                o.response_transfer_mode = self.response_transfer_mode;
                o
            }
        }

        impl $builder {
            /// Request parameters used as cache keys (`cacheKeyParameters`), such as
            /// `["method.request.path.id"]`. Default: none.
            pub fn cache_key_parameters<S: Into<cdk_core::Value>>(
                mut self,
                parameters: impl IntoIterator<Item = S>,
            ) -> Self {
                self.cache_key_parameters =
                    Some(Some(cdk_core::Value::Array(
                        parameters.into_iter().map(Into::into).collect(),
                    )));
                self
            }

            /// Request parameters mapped to the backend (`requestParameters`): any iterator of
            /// (destination, source) pairs, such as
            /// `[("integration.request.path.proxy", "method.request.path.proxy")]`. Default: none.
            pub fn request_parameters<K: Into<String>, V: Into<cdk_core::Value>>(
                mut self,
                parameters: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.request_parameters = Some(Some(cdk_core::Value::object(parameters)));
                self
            }

            /// Request templates by content type (`requestTemplates`): any iterator of
            /// (content type, template) pairs, such as `[("application/json", "{}")]`.
            /// Default: none.
            pub fn request_templates<K: Into<String>, V: Into<cdk_core::Value>>(
                mut self,
                templates: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.request_templates = Some(Some(cdk_core::Value::object(templates)));
                self
            }

            /// The responses of the integration (`integrationResponses`): any iterator of
            /// [`IntegrationResponse`](crate::IntegrationResponse). Default: none.
            pub fn integration_responses(
                mut self,
                responses: impl IntoIterator<Item = $crate::IntegrationResponse>,
            ) -> Self {
                self.integration_responses = Some(Some(responses.into_iter().collect()));
                self
            }
        }
    };
}

crate::integration_options! {
    /// Options common to every integration (`IntegrationOptions`). Every field is optional and
    /// absent by default (API Gateway's behaviour).
    #[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(
            private,
            name = "build_fields",
            error = "cdk_core::BuildError",
            validate = "Self::validate"
        )
    )]
    #[non_exhaustive]
    pub struct IntegrationOptions / IntegrationOptionsBuilder {}
}

cdk_core::impl_props!(IntegrationOptions, IntegrationOptionsBuilder);

/// The shortest integration timeout.
pub const MIN_TIMEOUT: Duration = Duration::from_millis(50);
/// The message of a timeout under [`MIN_TIMEOUT`] (aws-cdk-lib's only bound: API Gateway's
/// 29-second default quota can be raised for Regional and private APIs).
fn timeout_problem(timeout: Option<Duration>) -> Option<String> {
    let t = timeout?;
    if t < MIN_TIMEOUT {
        Some(format!(
            "Integration timeout must be greater than 50 milliseconds (got {} ms).",
            t.as_millis()
        ))
    } else {
        None
    }
}

impl IntegrationOptionsBuilder {
    fn validate(&self) -> Result<(), cdk_core::BuildError> {
        match timeout_problem(self.timeout.flatten()) {
            Some(message) => Err(cdk_core::BuildError::invalid_field("timeout", message)),
            None => Ok(()),
        }
    }
}

/// What an integration learns of the method it is bound to (`Integration.bind(method)`):
/// what a [`Binder`] is called with.
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

    /// The API's construct (`method.api.node`): the scope of what an integration creates
    /// once per API. `None` only for an API without a construct.
    pub fn api_node(&self) -> Option<&cdk_core::Node> {
        self.resource.api().node.as_ref()
    }

    /// The method's ARN for console test invocations (`method.testMethodArn`).
    pub fn test_method_arn(&self) -> cdk_core::Value {
        crate::method::lazy_method_arn(self.resource, self.http_method, Some("test-invoke-stage"))
    }
}

/// What binding adds to an integration: what a [`Binder`] returns. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct BindResult {
    /// Replaces the integration's `Credentials` (a role ARN). Default: none.
    pub credentials: Option<Value>,
    /// Data hashed into the deployment's logical ID (`deploymentToken`). Default: none.
    pub deployment_token: Option<String>,
    /// Method responses the integration adds (`method.addMethodResponse`). Default: none.
    pub method_responses: Vec<crate::MethodResponse>,
}

/// The bind step of an integration: called with the method before its resource is created.
pub type BindFn = dyn Fn(&BindContext<'_>) -> Result<BindResult, cdk_core::Error>;

/// The bind step of an integration (CDK's `Integration.bind`), compared by identity: see
/// [`Integration`] for a custom integration that uses one.
#[derive(Clone)]
pub struct Binder(pub Rc<BindFn>);

impl Binder {
    /// A bind step running `bind` each time the integration is bound to a method.
    pub fn new(
        bind: impl Fn(&BindContext<'_>) -> Result<BindResult, cdk_core::Error> + 'static,
    ) -> Binder {
        Binder(Rc::new(bind))
    }
}

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

    /// The rules of `Integration`'s constructor, checked when the integration is bound: an
    /// [`Error::InvalidArgument`](cdk_core::Error::InvalidArgument) naming the method.
    pub(crate) fn validate(&self, scope: impl FnOnce() -> String) -> Result<(), cdk_core::Error> {
        match self.rule_violation() {
            Some((_, message)) => Err(cdk_core::Error::InvalidArgument { path: scope(), message }),
            None => Ok(()),
        }
    }

    /// The first rule of `Integration`'s constructor the options break, as (field, message):
    /// `credentialsRole` with `credentialsPassthrough`, `VPC_LINK` without a link, a link with
    /// `INTERNET`, a timeout under 50 ms.
    fn rule_violation(&self) -> Option<(&'static str, String)> {
        if self.credentials_role.is_some() && self.credentials_passthrough == Some(true) {
            return Some((
                "credentials_role",
                "'credentialsPassthrough' and 'credentialsRole' are mutually exclusive".into(),
            ));
        }
        let connection_type = self.connection_type.as_ref().and_then(Value::as_str);
        if connection_type == Some(ConnectionType::VpcLink.as_str()) && self.vpc_link.is_none() {
            return Some((
                "vpc_link",
                "'connectionType' of VPC_LINK requires 'vpcLink' prop to be set".into(),
            ));
        }
        if connection_type == Some(ConnectionType::Internet.as_str()) && self.vpc_link.is_some() {
            return Some((
                "vpc_link",
                "cannot set 'vpcLink' where 'connectionType' is INTERNET".into(),
            ));
        }
        timeout_problem(self.timeout).map(|message| ("timeout", message))
    }
}

/// Options of a generic [`Integration`] (`IntegrationProps`), for [`Integration::new`].
///
/// `build()` checks the rules of aws-cdk-lib's `Integration` constructor: those of the
/// options (a timeout of at least 50 milliseconds among them), and an
/// `integration_http_method` for every type but `MOCK`.
///
/// ```
/// use apigw_core::{Integration, IntegrationOptions, IntegrationProps, IntegrationType};
/// use std::time::Duration;
///
/// let i = Integration::new(IntegrationProps::builder()
///     .type_(IntegrationType::HttpProxy)
///     .integration_http_method("GET")
///     .uri("https://example.com/books")
///     .options(IntegrationOptions::builder().timeout(Duration::from_secs(3)).build()?))?;
/// assert_eq!(i.type_, IntegrationType::HttpProxy);
/// assert!(IntegrationProps::builder().type_(IntegrationType::Http).build().is_err());
/// let e = IntegrationOptions::builder().timeout(Duration::from_millis(20)).build().unwrap_err();
/// assert!(e.to_string().contains("greater than 50 milliseconds"));
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
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

cdk_core::impl_props!(IntegrationProps, IntegrationPropsBuilder);

impl IntegrationPropsBuilder {
    /// `credentials_role` with `credentials_passthrough`; `connection_type` `VPC_LINK`
    /// without `vpc_link`, or `INTERNET` with one; a timeout under 50 ms; no
    /// `integration_http_method` for a type other than `MOCK`.
    fn validate(&self) -> Result<(), cdk_core::BuildError> {
        if let Some(options) = &self.options {
            if let Some((field, message)) = options.rule_violation() {
                return Err(cdk_core::BuildError::invalid_field(field, message));
            }
        }
        let type_ = self.type_.unwrap_or(IntegrationType::Mock);
        let mode = self.options.as_ref().and_then(|o| o.response_transfer_mode);
        if let Some(message) = transfer_mode_problem(type_, mode) {
            return Err(cdk_core::BuildError::invalid_field("options", message));
        }
        if type_ != IntegrationType::Mock
            && self.integration_http_method.clone().flatten().is_none()
        {
            return Err(cdk_core::BuildError::invalid_field(
                "integration_http_method",
                "integrationHttpMethod is required for non-mock integration types.",
            ));
        }
        Ok(())
    }
}

/// A method's backend (`Integration`). Cloning is cheap (the options are shared), and
/// `&Integration` converts into `Option<Integration>`, so one integration can serve several
/// methods: `resource.add_method("GET", &integration)`.
///
/// # Custom integrations
///
/// A custom integration sets the fields and, to create what it needs when a method uses it
/// (roles, permissions), a [`Binder`]: a function of the [`BindContext`] (the method's node,
/// HTTP method, path and ARNs) returning a [`BindResult`] (credentials, a deployment token,
/// method responses):
///
/// ```
/// use apigw_core::{
///     BindContext, BindResult, Binder, Integration, IntegrationProps, IntegrationType,
///     RestApi, RestApiProps,
/// };
/// use cdk_core::{App, Stack};
///
/// /// An HTTP integration that makes the deployment change with the method's path.
/// fn path_aware(url: &str) -> Result<Integration, cdk_core::Error> {
///     let base = Integration::new(IntegrationProps::builder()
///         .type_(IntegrationType::HttpProxy)
///         .integration_http_method("ANY")
///         .uri(url))?;
///     Ok(base.with_binder(Binder::new(|ctx: &BindContext<'_>| {
///         let mut result = BindResult::default();
///         let token = format!("{} {}", ctx.http_method(), ctx.resource_path());
///         result.deployment_token = Some(token);
///         Ok(result)
///     })))
/// }
///
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
/// let integration = path_aware("https://example.com")?;
/// api.root().add_method("GET", &integration)?;
/// api.root().add_resource("books")?.add_method("GET", &integration)?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Integration {
    /// The kind of backend.
    pub type_: IntegrationType,
    /// The backend URI. Default: none.
    pub uri: Option<Value>,
    /// The HTTP method used towards the backend. Default: none (`MOCK`).
    pub integration_http_method: Option<Value>,
    /// The options (shared between clones; `Rc::make_mut` changes one copy).
    pub options: Rc<IntegrationOptions>,
    /// What happens when the integration is bound to a method (roles, permissions).
    /// Default: nothing.
    pub binder: Option<Binder>,
}

impl From<&Integration> for Option<Integration> {
    fn from(integration: &Integration) -> Option<Integration> {
        Some(integration.clone())
    }
}

impl From<&Integration> for Integration {
    fn from(integration: &Integration) -> Integration {
        integration.clone()
    }
}

impl Integration {
    /// A generic integration (`new Integration({ type, integrationHttpMethod, uri, options })`);
    /// `props` is an [`IntegrationProps`] or its unfinished builder.
    ///
    /// # Errors
    /// [`cdk_core::Error::Build`] when the builder cannot be finished: no `type_`, the rules
    /// of `Integration`'s constructor (see [`IntegrationProps`]).
    #[allow(clippy::new_ret_no_self)]
    pub fn new(
        props: impl cdk_core::IntoProps<IntegrationProps>,
    ) -> Result<Integration, cdk_core::Error> {
        let props = props.into_props()?;
        Ok(Integration {
            type_: props.type_,
            uri: props.uri,
            integration_http_method: props.integration_http_method,
            options: Rc::new(props.options),
            binder: None,
        })
    }

    /// This integration with `binder` as its bind step.
    pub fn with_binder(mut self, binder: Binder) -> Integration {
        self.binder = Some(binder);
        self
    }

    /// Binds the integration to `method` (CDK's `integration.bind(method)`): runs its bind
    /// step again, creating what it makes per method (permissions, roles), and returns what
    /// it adds to the method (`IntegrationConfig`: credentials, the deployment token, method
    /// responses). [`Resource::add_method`](crate::Resource::add_method) binds the
    /// integration already; call this for a custom construct that reads the configuration.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](cdk_core::Error::InvalidArgument) naming the method when
    /// the options break a rule of `Integration` (see [`IntegrationProps`]); errors of the
    /// bind step (a permission id used twice).
    pub fn bind(&self, method: &crate::Method) -> Result<BindResult, cdk_core::Error> {
        use cdk_core::Construct;
        let ctx = BindContext {
            method: method.node(),
            http_method: method.http_method(),
            resource: method.api_resource(),
        };
        Ok(self.bind_context(&ctx)?.1)
    }

    /// Binds the integration to a method: runs its bind step and applies what it returns.
    pub(crate) fn bind_context(
        &self,
        ctx: &BindContext<'_>,
    ) -> Result<(Integration, BindResult), cdk_core::Error> {
        self.options.validate(|| ctx.method.path())?;
        if let Some(message) =
            transfer_mode_problem(self.type_, self.options.response_transfer_mode)
        {
            return Err(cdk_core::Error::InvalidArgument { path: ctx.method.path(), message });
        }
        let mut bound = self.clone();
        if let Some(link) = &self.options.vpc_link {
            // a URI is derived only when the connection type was given as VPC_LINK
            let vpc_link_type = self.options.connection_type.as_ref().and_then(Value::as_str)
                == Some(ConnectionType::VpcLink.as_str());
            if vpc_link_type && bound.uri.is_none() {
                bound.uri = Some(link.integration_uri(ctx.method));
            }
            let options = Rc::make_mut(&mut bound.options);
            options.connection_type = Some(ConnectionType::VpcLink.into());
            options.connection_id = Some(link.vpc_link_id());
        }
        let result = match &self.binder {
            Some(b) => (b.0)(ctx)?,
            None => BindResult::default(),
        };
        if let Some(c) = &result.credentials {
            Rc::make_mut(&mut bound.options).credentials = Some(c.clone());
        }
        Ok((bound, result))
    }
}

/// `MockIntegration`: API Gateway answers itself.
pub struct MockIntegration;

impl MockIntegration {
    /// A mock integration with options (`new MockIntegration(options)`): an
    /// [`IntegrationOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// [`cdk_core::Error::Build`] when the builder cannot be finished (a rule of
    /// [`IntegrationOptions`] broken).
    pub fn with_options(
        options: impl cdk_core::IntoProps<IntegrationOptions>,
    ) -> Result<Integration, cdk_core::Error> {
        Ok(Integration {
            type_: IntegrationType::Mock,
            options: Rc::new(options.into_props()?),
            ..Default::default()
        })
    }

    /// A mock integration without options (`new MockIntegration()`).
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> Integration {
        Integration { type_: IntegrationType::Mock, ..Default::default() }
    }
}

impl Integration {
    /// The entries of the `integration` object of the deployment hash (`renderIntegration`:
    /// aws-cdk-lib's camelCase option names, in its order).
    pub(crate) fn hash_entries(
        &self,
        sink: &mut dyn crate::deployment::ObjectSink,
    ) -> Result<(), cdk_core::Error> {
        let o = &self.options;
        sink.string("type", self.type_.as_str())?;
        let mut put = |k: &str, v: Option<&Value>| sink.optional(k, v);
        put("uri", self.uri.as_ref())?;
        put("cacheKeyParameters", o.cache_key_parameters.as_ref())?;
        put("cacheNamespace", o.cache_namespace.as_ref())?;
        put("contentHandling", o.content_handling.as_ref())?;
        put("integrationHttpMethod", self.integration_http_method.as_ref())?;
        put("requestParameters", o.request_parameters.as_ref())?;
        put("requestTemplates", o.request_templates.as_ref())?;
        put("passthroughBehavior", o.passthrough_behavior.as_ref())?;
        let responses = o
            .integration_responses
            .as_ref()
            .map(|list| Value::array(list.iter().map(|r| r.hash_json())));
        put("integrationResponses", responses.as_ref())?;
        put("connectionType", o.connection_type.as_ref())?;
        put("connectionId", o.connection_id.as_ref())?;
        put("credentials", o.effective_credentials().as_ref())?;
        put("timeoutInMillis", o.timeout.map(|t| Value::from(t.as_millis() as f64)).as_ref())?;
        put("responseTransferMode", o.response_transfer_mode.map(Value::from).as_ref())
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
        i.timeout_in_millis = o.timeout.map(|t| Value::from(t.as_millis() as f64));
        i.response_transfer_mode = o.response_transfer_mode.map(Value::from);
        Ok(i.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{resources_of_type, synth};
    use crate::{HttpIntegration, HttpIntegrationProps, RestApi, RestApiProps};
    use cdk_core::{App, Stack};

    #[test]
    fn timeouts_under_50_ms_are_refused() {
        let build = |ms: u64| {
            IntegrationOptions::builder().timeout(Duration::from_millis(ms)).build().map(|_| ())
        };
        assert!(build(50).is_ok() && build(29_000).is_ok() && build(120_000).is_ok());
        let short = build(49).unwrap_err().to_string();
        assert_eq!(
            short,
            "IntegrationOptions: property 'timeout' is invalid: Integration timeout must be greater than 50 milliseconds (got 49 ms)."
        );
        // options made without the builder are checked when bound, naming the method
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::default()).unwrap();
        let options = IntegrationOptions {
            timeout: Some(Duration::from_millis(10)),
            ..IntegrationOptions::default()
        };
        let props = HttpIntegrationProps::builder().options(options).build().unwrap();
        let e = api
            .root()
            .add_method("GET", HttpIntegration::with_props("https://example.com", props).unwrap())
            .unwrap_err();
        assert_eq!(e.path(), Some("Stack/api/Default/GET"));
        assert!(e.to_string().contains("greater than 50 milliseconds"), "{e}");
    }

    #[test]
    fn a_shared_integration_renders_its_timeout_and_typed_options() {
        let t = synth("integration-shared", |stack| {
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let integration = MockIntegration::with_options(
                IntegrationOptions::builder()
                    .timeout(Duration::from_secs(3))
                    .passthrough_behavior(PassthroughBehavior::Never)
                    .content_handling(ContentHandling::ConvertToText)
                    .request_templates([("application/json", "{}")])
                    .cache_key_parameters(["method.request.path.id"]),
            )?;
            api.root().add_method("GET", &integration)?;
            api.root().add_method("POST", &integration)?;
            Ok(())
        });
        let methods = resources_of_type(&t, "AWS::ApiGateway::Method");
        assert_eq!(methods.len(), 2);
        for m in methods.values() {
            let i = &m["Properties"]["Integration"];
            assert_eq!(i["TimeoutInMillis"], 3000);
            assert_eq!(i["PassthroughBehavior"], "NEVER");
            assert_eq!(i["ContentHandling"], "CONVERT_TO_TEXT");
            assert_eq!(i["RequestTemplates"]["application/json"], "{}");
            assert_eq!(i["CacheKeyParameters"][0], "method.request.path.id");
        }
    }
}
