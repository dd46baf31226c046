//! REST APIs (`restapi.ts`): the API, its root resource, its automatic deployment and stage.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{
    CfnOutput, CfnOutputProps, Construct, Error, IntoProps, Node, RemovalPolicy, Value,
};
use cdk_ec2::IVpcEndpoint;
use cdk_iam::{Effect, ManagedPolicy, PolicyDocument, PolicyStatement, Principal, Role, RoleProps};
use cfn_apigateway::{CfnAccount, CfnAccountProps};
use cfn_apigateway::{CfnRestApi, CfnRestApiProps};

use crate::{Deployment, DeploymentProps, Resource, Stage, StageOptions};

/// What resources and deployments of one API share.
pub(crate) struct ApiShared {
    /// The API construct (`RestApi`, `SpecRestApi` or an import).
    pub node: Option<Node>,
    /// Methods and deployments are tracked (`RestApi._attachMethod`/`_attachDeployment`):
    /// false for a `SpecRestApi` and an imported API (`RestApiBase`'s no-ops), whose methods
    /// only the automatic deployment depends on.
    pub tracks_methods: bool,
    pub rest_api_id: Value,
    pub root_resource_id: Value,
    /// The API's name (`restApiName`: the given name, else the construct id).
    pub name: String,
    pub latest_deployment: RefCell<Option<Deployment>>,
    pub deployment_stage: RefCell<Option<Stage>>,
    /// The `AWS::ApiGateway::Method` resources (an API without methods is refused; every
    /// deployment depends on each of them).
    pub methods: RefCell<Vec<Node>>,
    /// Every deployment of the API (`_attachDeployment`).
    pub deployments: RefCell<Vec<Deployment>>,
    /// The `AWS::ApiGateway::Account`, when the API made a CloudWatch role: stages wait for it.
    pub account: RefCell<Option<Node>>,
    /// The `AWS::ApiGateway::RestApi`, hashed into deployment logical IDs.
    pub resource: Option<cdk_core::CfnResource>,
    /// The resource policy.
    pub policy: PolicyDocument,
    /// The default custom domain (`domainName`), stored type-erased by `apigw-domains`.
    pub domain_name: RefCell<Option<Rc<dyn std::any::Any>>>,
    /// The VPC endpoints `grantInvokeFromVpcEndpointsOnly` allowed so far
    /// (`allowedVpcEndpoints`), rendered lazily in the policy's `Deny` statements.
    pub allowed_vpc_endpoints: Rc<RefCell<Vec<Value>>>,
    /// What the synth-time checks remember of the API (`crate::checks`).
    pub checks: crate::checks::ApiRecord,
    /// [`ApiShared::unique_id`], made once (it names every per-method Lambda permission).
    pub unique_id: std::cell::OnceCell<String>,
    /// The start of the API's execute-api ARNs in a stack, and that stack (made once: every
    /// method's Lambda permission has two such ARNs).
    pub execute_api_arn_prefix: RefCell<Option<(Node, Value)>>,
}

impl ApiShared {
    pub fn new(
        resource: &CfnRestApi,
        name: String,
        policy: PolicyDocument,
        tracks_methods: bool,
    ) -> Rc<ApiShared> {
        Rc::new(ApiShared {
            node: resource.node().scope(),
            tracks_methods,
            rest_api_id: resource.ref_(),
            root_resource_id: resource.attr_root_resource_id(),
            name,
            latest_deployment: RefCell::new(None),
            deployment_stage: RefCell::new(None),
            methods: RefCell::default(),
            deployments: RefCell::default(),
            account: RefCell::new(None),
            resource: Some((**resource).clone()),
            policy,
            domain_name: RefCell::new(None),
            allowed_vpc_endpoints: Rc::default(),
            checks: Default::default(),
            unique_id: Default::default(),
            execute_api_arn_prefix: Default::default(),
        })
    }

    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.latest_deployment.borrow().clone()
    }

    /// `Names.nodeUniqueId` of the API construct.
    pub fn unique_id(&self) -> String {
        self.unique_id_str().to_string()
    }

    /// [`crate::method::execute_api_arn_prefix`] of this API in `stack`.
    pub fn execute_api_arn_prefix(&self, stack: &cdk_core::Stack) -> Value {
        if let Some((at, prefix)) = &*self.execute_api_arn_prefix.borrow() {
            if at == stack.node() {
                return prefix.clone();
            }
        }
        let prefix = crate::method::execute_api_arn_prefix(stack, self.rest_api_id.clone());
        *self.execute_api_arn_prefix.borrow_mut() = Some((stack.node().clone(), prefix.clone()));
        prefix
    }

    /// [`ApiShared::unique_id`], borrowed.
    pub fn unique_id_str(&self) -> &str {
        self.unique_id.get_or_init(|| self.node.as_ref().map(Node::unique_id).unwrap_or_default())
    }

    /// `_attachMethod`: every deployment depends on the method.
    pub fn attach_method(&self, method: &Node) {
        if !self.tracks_methods {
            return;
        }
        for d in self.deployments.borrow().iter() {
            d.node().add_dependency(method);
        }
        self.methods.borrow_mut().push(method.clone());
    }

    /// `_attachDeployment`: the deployment depends on every method so far.
    pub fn attach_deployment(&self, deployment: &Deployment) {
        if !self.tracks_methods {
            return;
        }
        for m in self.methods.borrow().iter() {
            deployment.node().add_dependency(m);
        }
        self.deployments.borrow_mut().push(deployment.clone());
    }

    /// `_attachStage`: the stage waits for the CloudWatch account, if any.
    pub fn attach_stage(&self, stage: &Node) {
        if let Some(account) = self.account.borrow().as_ref() {
            stage.add_dependency(account);
        }
    }
    pub fn deployment_stage(&self) -> Option<Stage> {
        self.deployment_stage.borrow().clone()
    }
}

/// A reference to a REST API (`RestApiReference`), what [`IRestApi::rest_api_ref`] gives.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RestApiReference {
    /// The API id (`restApiId`).
    pub rest_api_id: Value,
}

/// An opaque handle to an API, for constructs that attach to one (deployments, stages).
/// Any [`IRestApi`] converts into it (`ApiHandle::from(&api)`); handles are equal when they
/// are of the same API.
#[derive(Clone, Debug)]
pub struct ApiHandle(pub(crate) Rc<ApiShared>);

impl PartialEq for ApiHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl ApiHandle {
    /// The API's automatic stage (`deploymentStage`), as [`IRestApi::deployment_stage`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the API's path when it has none (`deploy: false`,
    /// or an imported API).
    pub fn deployment_stage(&self) -> Result<Stage, Error> {
        self.0.deployment_stage().ok_or_else(|| self.no_deployment_stage())
    }

    /// The error of `deploymentStage` on an API without one, naming the API's path.
    fn no_deployment_stage(&self) -> Error {
        match &self.0.node {
            Some(node) => no_deployment_stage(node),
            None => {
                Error::InvalidArgument { path: String::new(), message: NO_DEPLOYMENT_STAGE.into() }
            }
        }
    }

    /// The API's default custom domain (`domainName`: the first one added with
    /// `addDomainName`), type-erased because its type lives in `apigw-domains`, which depends
    /// on this crate; `apigw_domains::AddDomainName::domain_name` hands it out typed.
    pub fn default_domain_name(&self) -> Option<Rc<dyn std::any::Any>> {
        self.0.domain_name.borrow().clone()
    }

    /// Records `domain` as the API's default custom domain unless it already has one
    /// (`this._domainName || (this._domainName = domainName)`).
    pub fn set_default_domain_name(&self, domain: Rc<dyn std::any::Any>) {
        self.0.domain_name.borrow_mut().get_or_insert(domain);
    }
}

/// The `domainName` prop of [`RestApiProps`] and [`SpecRestApiProps`](crate::SpecRestApiProps):
/// a custom domain created with the API.
///
/// aws-cdk-lib creates it as `CustomDomain` right after the deployment stage and the
/// `Endpoint` output (before the root resource of a `RestApi`), which fixes its place in the
/// template. `DomainName` lives in `apigw-domains`, which depends on this crate, so the prop is
/// this opaque step, run at that point with the API's node and handle; `apigw-domains`
/// converts its `DomainNameOptions` into it (`RestApiProps::builder().domain_name(options)`).
#[derive(Clone)]
pub struct DomainNameHook(Rc<DomainNameStep>);

/// The step a [`DomainNameHook`] runs: given the API's node and handle, add the domain.
type DomainNameStep = dyn Fn(&Node, &ApiHandle) -> Result<(), Error>;

impl DomainNameHook {
    /// A step that adds a custom domain to the API (its construct node and handle).
    pub fn new(add: impl Fn(&Node, &ApiHandle) -> Result<(), Error> + 'static) -> Self {
        DomainNameHook(Rc::new(add))
    }

    /// Runs the step for the API `api`.
    ///
    /// # Errors
    /// Whatever the step returns.
    pub(crate) fn run(&self, api: &Node, handle: &ApiHandle) -> Result<(), Error> {
        (self.0)(api, handle)
    }
}

impl std::fmt::Debug for DomainNameHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DomainNameHook")
    }
}

/// A REST API, defined in this app or imported (CDK's `IRestApi`): what deployments, stages,
/// usage plans, gateway responses, models, validators and custom domains attach to.
///
/// Implemented by [`RestApi`], [`SpecRestApi`](crate::SpecRestApi),
/// [`LambdaRestApi`](crate::LambdaRestApi), [`ImportedRestApi`](crate::ImportedRestApi) and
/// `apigw_stepfunctions::StepFunctionsRestApi`; functions take `&impl IRestApi` (or
/// `&dyn IRestApi` where they keep it).
pub trait IRestApi: Construct {
    /// The handle deployments and stages attach to.
    fn api_handle(&self) -> ApiHandle;

    /// The API id (`restApiId`: the `Ref` of the `AWS::ApiGateway::RestApi`, or the imported
    /// id).
    fn rest_api_id(&self) -> Value {
        self.api_handle().rest_api_id()
    }

    /// The reference to the API (`restApiRef`).
    fn rest_api_ref(&self) -> RestApiReference {
        RestApiReference { rest_api_id: self.rest_api_id() }
    }

    /// The API's name (`restApiName`: the given name, else the construct id).
    fn rest_api_name(&self) -> String {
        self.api_handle().0.name.clone()
    }

    /// The automatic deployment (`latestDeployment`); none when `deploy` is false or for an
    /// imported API.
    fn latest_deployment(&self) -> Option<Deployment> {
        self.api_handle().latest_deployment()
    }

    /// The `execute-api` ARN of a method and path in a stage (`arnForExecuteApi`):
    /// `arn:<partition>:execute-api:<region>:<account>:<api id>/<stage>/<method><path>`;
    /// `None` stands for CDK's defaults (`*`, `/*`, `*`), and `ANY` becomes `*`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the API's path when a literal `path` does not begin
    /// with `/` (`"path" must begin with a "/": 'p'`); [`Error::NoStack`] outside a stack.
    fn arn_for_execute_api(
        &self,
        method: Option<&str>,
        path: Option<Value>,
        stage: Option<Value>,
    ) -> Result<Value, Error> {
        let path = path.unwrap_or_else(|| Value::from("/*"));
        if let Value::String(p) = &path {
            if !p.starts_with('/') {
                return Err(Error::InvalidArgument {
                    path: self.node().path(),
                    message: format!("\"path\" must begin with a \"/\": '{p}'"),
                });
            }
        }
        let method = match method.unwrap_or("*") {
            m if m.eq_ignore_ascii_case("ANY") => "*".to_string(),
            m => m.to_string(),
        };
        let stage = stage.unwrap_or_else(|| Value::from("*"));
        let stack = self.node().stack()?;
        Ok(stack.format_arn(
            &cdk_core::ArnComponents::new("execute-api", self.rest_api_id())
                .arn_format(cdk_core::ArnFormat::SlashResourceName)
                .resource_name(cdk_core::cfn_format!("{}/{}{}", stage, Value::from(method), path)),
        ))
    }

    /// The automatic stage (`deploymentStage`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the API's path when it has none (`deploy: false`,
    /// or an imported API): CDK's "Cannot determine deployment stage for API from
    /// "deploymentStage"".
    fn deployment_stage(&self) -> Result<Stage, Error> {
        self.api_handle().0.deployment_stage().ok_or_else(|| no_deployment_stage(self.node()))
    }
}

/// The error of `deploymentStage` on an API without one.
pub(crate) fn no_deployment_stage(api: &Node) -> Error {
    Error::InvalidArgument { path: api.path(), message: NO_DEPLOYMENT_STAGE.into() }
}

/// CDK's message for `deploymentStage` on an API without one.
const NO_DEPLOYMENT_STAGE: &str = "Cannot determine deployment stage for API from \"deploymentStage\". Use \"deploy\" or explicitly set \"deploymentStage\"";

impl IRestApi for RestApi {
    fn api_handle(&self) -> ApiHandle {
        ApiHandle(self.shared.clone())
    }
}

impl<T: IRestApi + ?Sized> From<&T> for ApiHandle {
    fn from(api: &T) -> ApiHandle {
        api.api_handle()
    }
}

/// Declares a props struct with the fields of CDK's `RestApiProps` (those of
/// `RestApiOptions` included) after its own, the custom setters of those fields on its
/// builder, and `rest_api_props()` to get them as a [`RestApiProps`]: the one list of these
/// fields, shared by [`RestApiProps`] and [`LambdaRestApiProps`](crate::LambdaRestApiProps)
/// (rule 11: extended props are flat). Exported (hidden) for the other `apigw-*` crates
/// (`apigw_stepfunctions::StepFunctionsRestApiProps`); the struct's crate needs
/// `derive_builder`, `cdk_core` and `cdk_iam`.
#[doc(hidden)]
#[macro_export]
macro_rules! rest_api_props {
    (
        $(#[$attr:meta])*
        pub struct $name:ident / $builder:ident { $($body:tt)* }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($body)*
            /// The API's name (`restApiName`). Default: the construct id.
            #[builder(default)]
            pub rest_api_name: Option<String>,
            /// The API's description, also that of the automatic deployment unless
            /// `deploy_options` gives one. Default: none (the deployment's is "Automatically
            /// created by the RestApi construct").
            #[builder(default)]
            pub description: Option<String>,
            /// Create a deployment and a stage automatically. Default: true.
            #[builder(default)]
            pub deploy: Option<bool>,
            /// Options of the automatic stage (`deployOptions`). Default: a `prod` stage
            /// with API Gateway's settings; not allowed with `deploy(false)`.
            #[builder(default)]
            pub deploy_options: Option<$crate::StageOptions>,
            /// Keep old deployments (`Retain` removal policy). Default: false.
            #[builder(default)]
            pub retain_deployments: bool,
            /// Media types handled as binary (`binaryMediaTypes`), such as `["image/png"]`.
            /// Default: none.
            #[builder(default, setter(custom))]
            pub binary_media_types: Option<Vec<String>>,
            /// Endpoint types, as a shorthand for `endpoint_configuration`
            /// (`endpointTypes`). Default: API Gateway's (`EDGE`).
            #[builder(default, setter(custom))]
            pub endpoint_types: Option<Vec<$crate::EndpointType>>,
            /// Endpoint types and, for private APIs, the VPC endpoints that may call it.
            /// Default: API Gateway's (`EDGE`).
            #[builder(default)]
            pub endpoint_configuration: Option<$crate::EndpointConfiguration>,
            /// The API's resource policy. Statements added later with
            /// [`RestApi::add_to_resource_policy`](crate::RestApi::add_to_resource_policy) join
            /// it. Default: none.
            #[builder(default)]
            pub policy: Option<cdk_iam::PolicyDocument>,
            /// Minimum payload size to compress, in bytes (`minimumCompressionSize`,
            /// deprecated in CDK for `min_compression_size`). Default: compression off.
            #[builder(default, setter(into = false))]
            pub minimum_compression_size: Option<u32>,
            /// Minimum payload size to compress (`minCompressionSize`). Default:
            /// compression off.
            #[builder(default)]
            pub min_compression_size: Option<cdk_core::Size>,
            /// Fail on warnings when importing a definition. Default: false.
            #[builder(default)]
            pub fail_on_warnings: Option<bool>,
            /// Name of the export of the `Endpoint` output. Default: no export.
            #[builder(default)]
            pub endpoint_export_name: Option<String>,
            /// Integration of methods that give none. Default: a mock integration.
            #[builder(default)]
            pub default_integration: Option<$crate::Integration>,
            /// Options of methods, unless they give their own. Default: none.
            #[builder(default)]
            pub default_method_options: Option<$crate::MethodOptions>,
            /// Add a CORS preflight (`OPTIONS`) method to the root and every resource.
            /// Default: none.
            #[builder(default)]
            pub default_cors_preflight_options: Option<$crate::CorsOptions>,
            /// Disable the `execute-api` endpoint. Default: false.
            #[builder(default)]
            pub disable_execute_api_endpoint: Option<bool>,
            /// Create the account-wide role API Gateway uses to write CloudWatch logs
            /// (`AWS::ApiGateway::Account`). Default: false with the recommended flags
            /// (`@aws-cdk/aws-apigateway:disableCloudWatchRole`), true without.
            #[builder(default)]
            pub cloud_watch_role: Option<bool>,
            /// Removal policy of that role and account. Default: `Retain`.
            #[builder(default)]
            pub cloud_watch_role_removal_policy: Option<cdk_core::RemovalPolicy>,
            /// A custom domain, created as `CustomDomain` and mapped to the API's root
            /// (`domainName`): pass an `apigw_domains::DomainNameOptions`. Default: none.
            #[builder(default)]
            pub domain_name: Option<$crate::DomainNameHook>,
            /// The API to clone (`cloneFrom`: any [`IRestApi`]($crate::IRestApi), by
            /// reference; rendered as `CloneFrom`). Default: none.
            #[builder(default)]
            pub clone_from: Option<$crate::ApiHandle>,
            /// Where API keys come from (`apiKeySourceType`). Default: API Gateway's
            /// (`HEADER`).
            #[builder(default)]
            pub api_key_source_type: Option<$crate::ApiKeySourceType>,
            /// Custom header parameters of the import request (`parameters`), name → value.
            /// Default: none.
            #[builder(default, setter(custom))]
            pub parameters: Option<cdk_core::Value>,
        }

        impl $name {
            /// The options of the REST API itself (the fields of `RestApiProps`).
            #[allow(dead_code)]
            pub fn rest_api_props(&self) -> $crate::RestApiProps {
                let mut p = $crate::RestApiProps::default();
                p.rest_api_name = ::core::clone::Clone::clone(&self.rest_api_name);
                p.description = ::core::clone::Clone::clone(&self.description);
                p.deploy = ::core::clone::Clone::clone(&self.deploy);
                p.deploy_options = ::core::clone::Clone::clone(&self.deploy_options);
                p.retain_deployments = ::core::clone::Clone::clone(&self.retain_deployments);
                p.binary_media_types = ::core::clone::Clone::clone(&self.binary_media_types);
                p.endpoint_types = ::core::clone::Clone::clone(&self.endpoint_types);
                p.endpoint_configuration = ::core::clone::Clone::clone(&self.endpoint_configuration);
                p.policy = ::core::clone::Clone::clone(&self.policy);
                p.minimum_compression_size = ::core::clone::Clone::clone(&self.minimum_compression_size);
                p.min_compression_size = ::core::clone::Clone::clone(&self.min_compression_size);
                p.fail_on_warnings = ::core::clone::Clone::clone(&self.fail_on_warnings);
                p.endpoint_export_name = ::core::clone::Clone::clone(&self.endpoint_export_name);
                p.default_integration = ::core::clone::Clone::clone(&self.default_integration);
                p.default_method_options = ::core::clone::Clone::clone(&self.default_method_options);
                p.default_cors_preflight_options = ::core::clone::Clone::clone(&self.default_cors_preflight_options);
                p.disable_execute_api_endpoint = ::core::clone::Clone::clone(&self.disable_execute_api_endpoint);
                p.cloud_watch_role = ::core::clone::Clone::clone(&self.cloud_watch_role);
                p.cloud_watch_role_removal_policy = ::core::clone::Clone::clone(&self.cloud_watch_role_removal_policy);
                p.domain_name = ::core::clone::Clone::clone(&self.domain_name);
                p.clone_from = ::core::clone::Clone::clone(&self.clone_from);
                p.api_key_source_type = ::core::clone::Clone::clone(&self.api_key_source_type);
                p.parameters = ::core::clone::Clone::clone(&self.parameters);
                p
            }
        }

        impl $builder {
            /// Custom header parameters of the import request (`parameters`): any iterator
            /// of (name, value) pairs. Default: none.
            pub fn parameters<K: Into<String>, V: Into<cdk_core::Value>>(
                mut self,
                parameters: impl IntoIterator<Item = (K, V)>,
            ) -> Self {
                self.parameters = Some(Some(cdk_core::Value::object(parameters)));
                self
            }

            /// Media types handled as binary (`binaryMediaTypes`), such as `["image/png"]`.
            /// Default: none.
            pub fn binary_media_types<S: Into<String>>(
                mut self,
                types: impl IntoIterator<Item = S>,
            ) -> Self {
                self.binary_media_types = Some(Some(types.into_iter().map(Into::into).collect()));
                self
            }

            /// Endpoint types, as a shorthand for `endpoint_configuration`
            /// (`endpointTypes`). Default: API Gateway's (`EDGE`).
            pub fn endpoint_types(
                mut self,
                types: impl IntoIterator<Item = $crate::EndpointType>,
            ) -> Self {
                self.endpoint_types = Some(Some(types.into_iter().collect()));
                self
            }
        }
    };
}

crate::rest_api_props! {
    /// Options of a [`RestApi`] (`RestApiProps`, with the fields of `RestApiOptions`). Every
    /// field is optional.
    #[derive(Clone, Debug, Default, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct RestApiProps / RestApiPropsBuilder {}
}

cdk_core::impl_props!(RestApiProps, RestApiPropsBuilder);

/// A REST API (`RestApi`).
#[derive(Clone, Debug)]
pub struct RestApi {
    node: Node,
    resource: CfnRestApi,
    root: Resource,
    shared: Rc<ApiShared>,
}

impl Construct for RestApi {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl std::fmt::Debug for ApiShared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiShared")
    }
}

/// `MinimumCompressionSize` from `minimumCompressionSize` or `minCompressionSize`.
pub(crate) fn compression_size(
    api: &Node,
    minimum_compression_size: Option<u32>,
    min_compression_size: Option<cdk_core::Size>,
) -> Result<Option<Value>, Error> {
    match (minimum_compression_size, min_compression_size) {
        (Some(_), Some(_)) => Err(Error::InvalidArgument {
            path: api.path(),
            message: "both properties minCompressionSize and minimumCompressionSize cannot be set at once.".into(),
        }),
        (Some(n), None) => Ok(Some(Value::from(n))),
        (None, Some(size)) => {
            let bytes = size.to_bytes().map_err(|e| Error::InvalidArgument {
                path: api.path(),
                message: e.to_string(),
            })?;
            Ok(Some(Value::from(bytes as f64)))
        }
        (None, None) => Ok(None),
    }
}

impl RestApi {
    /// Defines a REST API with a `prod` stage (unless `deploy` is false); `props` is a
    /// [`RestApiProps`] or its unfinished builder.
    ///
    /// ```
    /// use apigw_core::{RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
    /// api.root().add_method("GET", None)?;
    /// assert!(api.deployment_stage().is_err());
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the API's path; id errors from the tree;
    /// [`Error::InvalidArgument`] for `deploy_options` without `deploy`, both endpoint
    /// settings, both compression sizes, or a CloudWatch role removal policy without the role.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<RestApiProps>,
    ) -> Result<RestApi, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.RestApi", crate::FQN));
        let deploy = props.deploy.unwrap_or(true);
        if !deploy && props.deploy_options.is_some() {
            return Err(Error::InvalidArgument {
                path: node.path(),
                message: "Cannot set 'deployOptions' if 'deploy' is disabled".into(),
            });
        }
        let mut l1 = CfnRestApiProps::default();
        l1.name = Some(Value::String(props.rest_api_name.clone().unwrap_or_else(|| node.id())));
        l1.description = props.description.clone().map(Value::String);
        l1.binary_media_types = props.binary_media_types.clone().map(Value::from);
        l1.minimum_compression_size =
            compression_size(&node, props.minimum_compression_size, props.min_compression_size)?;
        l1.fail_on_warnings = props.fail_on_warnings.map(Value::Bool);
        l1.disable_execute_api_endpoint = props.disable_execute_api_endpoint.map(Value::Bool);
        l1.clone_from = props.clone_from.as_ref().map(ApiHandle::rest_api_id);
        l1.api_key_source_type = props.api_key_source_type.map(Value::from);
        l1.parameters = props.parameters.clone();
        l1.endpoint_configuration =
            configure_endpoints(&node, &props.endpoint_types, &props.endpoint_configuration)?;
        let policy = props.policy.clone().unwrap_or_default();
        l1.policy = Some(policy.lazy());
        let resource = CfnRestApi::new(&node, "Resource", l1)?;
        node.set_default_child(&resource);
        let name = props.rest_api_name.clone().unwrap_or_else(|| node.id());
        let shared = ApiShared::new(&resource, name, policy, true);
        let account = configure_cloud_watch_role(
            &node,
            &resource,
            props.cloud_watch_role,
            props.cloud_watch_role_removal_policy,
        )?;
        *shared.account.borrow_mut() = account.map(|a| a.node().clone());
        if deploy {
            configure_deployment(&node, &shared, &props.deployment_options())?;
        }
        if let Some(hook) = &props.domain_name {
            hook.run(&node, &ApiHandle(shared.clone()))?;
        }
        let root_node = node.add_child("Default")?;
        root_node.set_construct_info(&format!("{}.ResourceBase", crate::FQN));
        let root = Resource::root_with(
            shared.clone(),
            root_node,
            crate::ResourceOptions {
                default_integration: props.default_integration.clone(),
                default_method_options: props.default_method_options.clone(),
                default_cors_preflight_options: props.default_cors_preflight_options.clone(),
            },
        )?;
        let counted = shared.clone();
        node.add_validation(move || {
            if counted.methods.borrow().is_empty() {
                vec!["The REST API doesn't contain any methods".into()]
            } else {
                Vec::new()
            }
        });
        Ok(RestApi { node, resource, root, shared })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnRestApi {
        &self.resource
    }

    /// The root resource (`/`).
    pub fn root(&self) -> &Resource {
        &self.root
    }

    /// The construct nodes of the API's methods (`methods`), in the order they were added.
    pub fn methods(&self) -> Vec<Node> {
        self.shared.methods.borrow().iter().filter_map(Node::scope).collect()
    }

    /// The API id (`Ref`).
    pub fn rest_api_id(&self) -> Value {
        self.shared.rest_api_id.clone()
    }

    /// The API's name (`restApiName`: the given name, else the construct id).
    pub fn rest_api_name(&self) -> String {
        self.shared.name.clone()
    }

    /// The root resource id (`Fn::GetAtt RootResourceId`).
    pub fn rest_api_root_resource_id(&self) -> Value {
        self.shared.root_resource_id.clone()
    }

    /// The automatic deployment (`latestDeployment`); none with `deploy(false)`.
    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.shared.latest_deployment()
    }

    /// The automatic stage (`deploymentStage`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the API's path when it has none (`deploy(false)`).
    pub fn deployment_stage(&self) -> Result<Stage, Error> {
        self.shared.deployment_stage().ok_or_else(|| no_deployment_stage(&self.node))
    }

    /// Makes `stage` the API's stage (CDK's `restapi.deploymentStage = stage`): the one
    /// [`deployment_stage`](Self::deployment_stage), the URLs and the `execute-api` ARNs of
    /// the API and its methods use from now on; for an API made with `deploy(false)` and
    /// deployed by a [`Deployment`] and a [`Stage`] of its own. The automatic deployment and
    /// stage, if any, stay in the template.
    #[doc(alias = "deploymentStage")]
    pub fn set_deployment_stage(&self, stage: &Stage) {
        *self.shared.deployment_stage.borrow_mut() = Some(stage.clone());
    }

    pub(crate) fn shared(&self) -> &Rc<ApiShared> {
        &self.shared
    }

    /// Adds a statement to the API's resource policy (`addToResourcePolicy`), created with the
    /// first statement; the result says it was added, the API being what applies it.
    pub fn add_to_resource_policy(
        &self,
        statement: PolicyStatement,
    ) -> cdk_iam::AddToResourcePolicyResult {
        self.shared.policy.add_statement(statement);
        cdk_iam::AddToResourcePolicyResult::added(self.node.clone())
    }

    /// Lets only these VPC endpoints invoke the API (`grantInvokeFromVpcEndpointsOnly`): a
    /// `Deny` unless `aws:SourceVpce` is one of them, then an `Allow` for everyone. Takes
    /// endpoints by reference, created or imported (`[&endpoint]`).
    pub fn grant_invoke_from_vpc_endpoints_only<E: IVpcEndpoint>(
        &self,
        vpc_endpoints: impl IntoIterator<Item = E>,
    ) {
        grant_invoke_from_vpc_endpoints_only(&self.shared, vpc_endpoints);
    }

    /// The URL of the automatic stage's root (`url`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the API has no deployment stage.
    pub fn url(&self) -> Result<Value, Error> {
        self.url_for_path("/")
    }

    /// The URL of a path in the automatic stage (`urlForPath`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when the API has no deployment stage.
    pub fn url_for_path(&self, path: &str) -> Result<Value, Error> {
        self.deployment_stage()?.url_for_path(path)
    }
}

/// `grantInvokeFromVpcEndpointsOnly` on an API's resource policy: the endpoints join the
/// API's allowed set, then a `Deny` unless `aws:SourceVpce` is one of the set (rendered
/// lazily, so that every call's `Deny` lists them all and identical statements collapse)
/// and an `Allow` for everyone.
pub(crate) fn grant_invoke_from_vpc_endpoints_only<E: IVpcEndpoint>(
    api: &ApiShared,
    vpc_endpoints: impl IntoIterator<Item = E>,
) {
    {
        let mut allowed = api.allowed_vpc_endpoints.borrow_mut();
        for id in vpc_endpoints.into_iter().map(|e| e.vpc_endpoint_id()) {
            // a set of endpoints, as CDK's `allowedVpcEndpoints`
            let key = format!("{id:?}");
            if !allowed.iter().any(|a| format!("{a:?}") == key) {
                allowed.push(id);
            }
        }
    }
    let allowed = api.allowed_vpc_endpoints.clone();
    let ids = Value::lazy(move |_| Value::Array(allowed.borrow().clone()));
    let base = || {
        PolicyStatement::new()
            .principal("AWS", "*")
            .actions(["execute-api:Invoke"])
            .resources([Value::from("execute-api:/*")])
    };
    api.policy.add_statement(base().effect(Effect::Deny).condition(
        "StringNotEquals",
        "aws:SourceVpce",
        ids,
    ));
    api.policy.add_statement(base().effect(Effect::Allow));
}

/// The CloudWatch role and `AWS::ApiGateway::Account` (`_configureCloudWatchRole`).
pub(crate) fn configure_cloud_watch_role(
    api: &Node,
    resource: &CfnRestApi,
    cloud_watch_role: Option<bool>,
    removal_policy: Option<RemovalPolicy>,
) -> Result<Option<CfnAccount>, Error> {
    let default = !api.feature_flag(cdk_core::feature_flags::APIGATEWAY_DISABLE_CLOUDWATCH_ROLE);
    if !cloud_watch_role.unwrap_or(default) {
        if removal_policy.is_some() {
            return Err(Error::InvalidArgument {
                path: api.path(),
                message: "'cloudWatchRole' must be enabled for 'cloudWatchRoleRemovalPolicy' to be applied.".into(),
            });
        }
        return Ok(None);
    }
    let removal = removal_policy.unwrap_or(RemovalPolicy::Retain);
    let role = Role::new(
        api,
        "CloudWatchRole",
        RoleProps::builder()
            .assumed_by(Principal::service("apigateway.amazonaws.com"))
            .managed_policy(ManagedPolicy::from_aws_managed_policy_name(
                "service-role/AmazonAPIGatewayPushToCloudWatchLogs",
            )),
    )?;
    role.apply_removal_policy(removal);
    let mut l1 = CfnAccountProps::default();
    l1.cloud_watch_role_arn = Some(role.role_arn());
    let account = CfnAccount::new(api, "Account", l1)?;
    account.apply_removal_policy(removal);
    account.node().add_dependency(resource.node());
    Ok(Some(account))
}

/// Where the API is reachable (`EndpointType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EndpointType {
    /// Through CloudFront edge locations.
    #[doc(alias = "EDGE")]
    Edge,
    /// In the API's region.
    #[doc(alias = "REGIONAL")]
    Regional,
    /// Only from VPCs, through interface VPC endpoints.
    #[doc(alias = "PRIVATE")]
    Private,
}

impl From<EndpointType> for Value {
    fn from(t: EndpointType) -> Value {
        Value::from(t.as_str())
    }
}

impl EndpointType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointType::Edge => "EDGE",
            EndpointType::Regional => "REGIONAL",
            EndpointType::Private => "PRIVATE",
        }
    }
}

/// Where an API's keys come from (`ApiKeySourceType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiKeySourceType {
    /// The `X-API-Key` header of the request.
    #[doc(alias = "HEADER")]
    Header,
    /// The `UsageIdentifierKey` of a custom authorizer.
    #[doc(alias = "AUTHORIZER")]
    Authorizer,
}

impl ApiKeySourceType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiKeySourceType::Header => "HEADER",
            ApiKeySourceType::Authorizer => "AUTHORIZER",
        }
    }
}

impl From<ApiKeySourceType> for Value {
    fn from(t: ApiKeySourceType) -> Value {
        Value::from(t.as_str())
    }
}

/// The IP address types that can call an API (`IpAddressType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IpAddressType {
    /// IPv4 only.
    #[doc(alias = "IPV4")]
    Ipv4,
    /// IPv4 and IPv6.
    #[doc(alias = "DUAL_STACK")]
    DualStack,
}

impl IpAddressType {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            IpAddressType::Ipv4 => "ipv4",
            IpAddressType::DualStack => "dualstack",
        }
    }
}

impl From<IpAddressType> for Value {
    fn from(t: IpAddressType) -> Value {
        Value::from(t.as_str())
    }
}

/// Endpoint types and VPC endpoints of an API (`EndpointConfiguration`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct EndpointConfiguration {
    /// The endpoint types (`types`). Default: none (API Gateway's `EDGE`).
    #[builder(default, setter(custom))]
    pub types: Vec<EndpointType>,
    /// The ids of the VPC endpoints that reach a private API (`vpcEndpoints`, set from the
    /// endpoints). Default: none.
    #[builder(default, setter(custom))]
    pub vpc_endpoints: Option<Vec<Value>>,
    /// The IP address types that can call the API (`ipAddressType`); a private API must be
    /// [`IpAddressType::DualStack`]. Default: API Gateway's (`ipv4` for edge and regional
    /// APIs, `dualstack` for private ones).
    #[builder(default)]
    pub ip_address_type: Option<IpAddressType>,
}

cdk_core::impl_props!(EndpointConfiguration, EndpointConfigurationBuilder);

impl EndpointConfigurationBuilder {
    /// The endpoint types (`types`), such as `[EndpointType::Private]`. Default: none.
    pub fn types(mut self, types: impl IntoIterator<Item = EndpointType>) -> Self {
        self.types = Some(types.into_iter().collect());
        self
    }

    /// The VPC endpoints that reach a private API (`vpcEndpoints`), by reference, created or
    /// imported (`[&endpoint]`). Default: none.
    pub fn vpc_endpoints<E: IVpcEndpoint>(
        mut self,
        endpoints: impl IntoIterator<Item = E>,
    ) -> Self {
        self.vpc_endpoints =
            Some(Some(endpoints.into_iter().map(|e| e.vpc_endpoint_id()).collect()));
        self
    }
}

/// `_configureEndpoints`: one of `endpoint_types` and `endpoint_configuration`.
pub(crate) fn configure_endpoints(
    api: &Node,
    endpoint_types: &Option<Vec<EndpointType>>,
    endpoint_configuration: &Option<EndpointConfiguration>,
) -> Result<Option<Value>, Error> {
    let types = |t: &[EndpointType]| Value::array(t.iter().map(|t| t.as_str()));
    match (endpoint_types, endpoint_configuration) {
        (Some(_), Some(_)) => Err(Error::InvalidArgument {
            path: api.path(),
            message:
                "Only one of the RestApi props, endpointTypes or endpointConfiguration, is allowed"
                    .into(),
        }),
        (None, Some(c)) => {
            if c.types.contains(&EndpointType::Private)
                && c.ip_address_type == Some(IpAddressType::Ipv4)
            {
                return Err(Error::InvalidArgument {
                    path: api.path(),
                    message: "Private APIs can only have a dualstack IP address type.".into(),
                });
            }
            let mut m = cfn_apigateway::rest_api::EndpointConfiguration::default();
            m.ip_address_type = c.ip_address_type.map(Value::from);
            m.types = Some(types(&c.types));
            m.vpc_endpoint_ids = c.vpc_endpoints.clone().map(Value::Array);
            Ok(Some(m.into()))
        }
        (Some(t), None) => {
            let mut m = cfn_apigateway::rest_api::EndpointConfiguration::default();
            m.types = Some(types(t));
            Ok(Some(m.into()))
        }
        (None, None) => Ok(None),
    }
}

/// What `_configureDeployment` needs of the API's props.
pub(crate) struct DeploymentOptions {
    pub description: Option<String>,
    pub retain_deployments: bool,
    pub deploy_options: Option<StageOptions>,
    pub endpoint_export_name: Option<String>,
}

impl RestApiProps {
    fn deployment_options(&self) -> DeploymentOptions {
        DeploymentOptions {
            description: self.description.clone(),
            retain_deployments: self.retain_deployments,
            deploy_options: self.deploy_options.clone(),
            endpoint_export_name: self.endpoint_export_name.clone(),
        }
    }
}

/// `_configureDeployment`: the automatic deployment, its stage and the `Endpoint` output.
pub(crate) fn configure_deployment(
    api: &Node,
    shared: &Rc<ApiShared>,
    options: &DeploymentOptions,
) -> Result<(), Error> {
    let deployment = Deployment::create(
        api,
        "Deployment",
        shared,
        DeploymentProps {
            // `deployOptions.description ?? description ?? "Automatically created ..."`
            description: Some(
                options
                    .deploy_options
                    .as_ref()
                    .and_then(|o| o.description.clone())
                    .or_else(|| options.description.clone().map(Value::String))
                    .unwrap_or_else(|| "Automatically created by the RestApi construct".into()),
            ),
            retain_deployments: options.retain_deployments,
            stage_name: None,
        },
    )?;
    *shared.latest_deployment.borrow_mut() = Some(deployment.clone());
    let stage_options = options.deploy_options.clone().unwrap_or_default();
    let stage_name = stage_options.stage_name.clone().unwrap_or_else(|| "prod".into());
    let stage =
        Stage::new(api, &format!("DeploymentStage.{stage_name}"), &deployment, stage_options)?;
    *shared.deployment_stage.borrow_mut() = Some(stage.clone());
    let mut out = CfnOutputProps::builder().value(stage.url_for_path("/")?);
    if let Some(name) = &options.endpoint_export_name {
        out = out.export_name(name.as_str());
    }
    CfnOutput::new(api, "Endpoint", out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{resources_of_type, synth};
    use serde_json::json;

    /// The resource policy renders as aws-cdk-lib's `PolicyDocument` token does: left out
    /// while empty; with `@aws-cdk/aws-iam:minimizePolicies` (a recommended flag),
    /// statements differing only in resources merged, resources sorted.
    #[test]
    fn deployment_stage_without_deploy_is_an_error_naming_the_api() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false)).unwrap();
        let message = "Stack/api: Cannot determine deployment stage for API from \"deploymentStage\". Use \"deploy\" or explicitly set \"deploymentStage\"";
        assert_eq!(api.deployment_stage().unwrap_err().to_string(), message);
        assert_eq!(IRestApi::deployment_stage(&api).unwrap_err().to_string(), message);
        assert_eq!(api.url().unwrap_err().to_string(), message);
        let deployed = RestApi::new(&stack, "deployed", RestApiProps::default()).unwrap();
        assert_eq!(
            deployed.deployment_stage().unwrap().node().path(),
            "Stack/deployed/DeploymentStage.prod"
        );
    }

    #[test]
    fn unfinished_builders_name_the_construct_path() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let e = crate::SpecRestApi::new(&stack, "spec", crate::SpecRestApiProps::builder())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/spec: SpecRestApiProps: required property 'api_definition' is not set"
        );
        assert_eq!(e.path(), Some("Stack/spec"));
        let api = RestApi::new(&stack, "api", RestApiProps::default()).unwrap();
        let e = api
            .add_gateway_response(
                "resp",
                crate::GatewayResponseOptions::builder().status_code("500"),
            )
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/api/resp: GatewayResponseOptions: required property 'type_' is not set"
        );
    }

    #[test]
    fn every_kind_of_api_is_an_irestapi() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::default()).unwrap();
        api.root().add_method("GET", None).unwrap();
        let spec = crate::SpecRestApi::new(
            &stack,
            "spec",
            crate::SpecRestApiProps::builder()
                .api_definition(crate::ApiDefinition::from_inline(json!({"openapi": "3.0.2"}))),
        )
        .unwrap();
        let imported = RestApi::from_rest_api_id(&stack, "imported", "abc").unwrap();
        let apis: [&dyn IRestApi; 3] = [&api, &spec, &imported];
        let names: Vec<String> = apis.iter().map(|a| a.rest_api_name()).collect();
        assert_eq!(names, ["api", "spec", "imported"]);
        assert!(apis[2].deployment_stage().is_err());
        let deployment = Deployment::new(&stack, "dep", apis[2], DeploymentProps::default());
        assert!(deployment.is_ok());
        assert_eq!(ApiHandle::from(&api), api.api_handle());
    }

    #[test]
    fn an_api_imported_by_id_has_a_root_that_refuses_additions() {
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let api = RestApi::from_rest_api_id(&stack, "imported", "abc").unwrap();
        let e = api.root().add_resource("books").unwrap_err().to_string();
        assert!(
            e.starts_with(
                "Stack/imported: root is not configured when imported using `fromRestApiId()`"
            ),
            "{e}"
        );
        assert!(api.root().add_method("GET", None).is_err());
        assert_eq!(api.rest_api_id(), Value::from("abc"));
    }

    #[test]
    fn lambda_rest_api_props_take_rest_api_setters_directly() {
        use cdk_lambda::{Code, Function, FunctionProps, Runtime};
        let t = synth("lambda-rest-api-flat-props", |stack| {
            let handler = Function::new(
                stack,
                "Handler",
                FunctionProps::builder()
                    .runtime(Runtime::NODEJS_20_X)
                    .handler("index.handler")
                    .code(Code::from_inline("exports.handler = 1")),
            )?;
            let api = crate::LambdaRestApi::new(
                stack,
                "api",
                crate::LambdaRestApiProps::builder()
                    .handler(&handler)
                    .rest_api_name("flat")
                    .binary_media_types(["image/png"])
                    .min_compression_size(cdk_core::Size::kibibytes(1)),
            )?;
            assert_eq!(api.rest_api_name(), "flat");
            Ok(())
        });
        let apis = resources_of_type(&t, "AWS::ApiGateway::RestApi");
        let (_, api) = apis.iter().next().unwrap();
        assert_eq!(
            api["Properties"],
            json!({"BinaryMediaTypes": ["image/png"], "MinimumCompressionSize": 1024, "Name": "flat"})
        );
    }

    #[test]
    fn resource_policy_is_minimized_and_left_out_when_empty() {
        let t = synth("rest-api-resource-policy", |stack| {
            let props = || RestApiProps::builder().deploy(false);
            let api = RestApi::new(stack, "Api", props())?;
            api.root().add_method("GET", None)?;
            for path in ["execute-api:/b", "execute-api:/a"] {
                api.add_to_resource_policy(
                    PolicyStatement::new()
                        .principal("AWS", "*")
                        .actions(["execute-api:Invoke"])
                        .resources([Value::from(path)]),
                );
            }
            let bare = RestApi::new(stack, "Bare", props())?;
            bare.root().add_method("GET", None)?;
            Ok(())
        });
        let apis = resources_of_type(&t, "AWS::ApiGateway::RestApi");
        let policy = |prefix: &str| {
            let (_, api) = apis.iter().find(|(k, _)| k.starts_with(prefix)).unwrap();
            api["Properties"].get("Policy").cloned()
        };
        assert_eq!(
            policy("Api"),
            Some(json!({
                "Statement": [{
                    "Action": "execute-api:Invoke",
                    "Effect": "Allow",
                    "Principal": { "AWS": "*" },
                    "Resource": ["execute-api:/a", "execute-api:/b"]
                }],
                "Version": "2012-10-17"
            }))
        );
        assert_eq!(policy("Bare"), None);
    }
}
