//! REST APIs (`restapi.ts`): the API, its root resource, its automatic deployment and stage.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{CfnOutput, CfnOutputProps, Construct, Error, Node, RemovalPolicy, Value};
use cdk_iam::{Effect, ManagedPolicy, PolicyDocument, PolicyStatement, Principal, Role, RoleProps};
use cfn_apigateway::{CfnAccount, CfnAccountProps};
use cfn_apigateway::{CfnRestApi, CfnRestApiProps};

use crate::method::MethodOptions;
use crate::{Deployment, DeploymentProps, Integration, Resource, Stage, StageOptions};

/// What resources and deployments of one API share.
pub(crate) struct ApiShared {
    /// The API construct (`RestApi`, `SpecRestApi` or an import).
    pub node: Option<Node>,
    /// An imported API: methods and deployments are not tracked (`RestApiBase`'s no-ops).
    pub imported: bool,
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
}

impl ApiShared {
    pub fn new(resource: &CfnRestApi, name: String, policy: PolicyDocument) -> Rc<ApiShared> {
        Rc::new(ApiShared {
            node: resource.node().scope(),
            imported: false,
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
        })
    }

    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.latest_deployment.borrow().clone()
    }

    /// `Names.nodeUniqueId` of the API construct.
    pub fn unique_id(&self) -> String {
        self.node.as_ref().map(Node::unique_id).unwrap_or_default()
    }

    /// `_attachMethod`: every deployment depends on the method.
    pub fn attach_method(&self, method: &Node) {
        if self.imported {
            return;
        }
        for d in self.deployments.borrow().iter() {
            d.node().add_dependency(method);
        }
        self.methods.borrow_mut().push(method.clone());
    }

    /// `_attachDeployment`: the deployment depends on every method so far.
    pub fn attach_deployment(&self, deployment: &Deployment) {
        if self.imported {
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

/// An opaque handle to an API, for constructs that attach to one (deployments, stages).
#[derive(Clone, Debug)]
pub struct ApiHandle(pub(crate) Rc<ApiShared>);

impl ApiHandle {
    /// The API's automatic stage (`deploymentStage`), if any.
    pub fn deployment_stage(&self) -> Option<Stage> {
        self.0.deployment_stage()
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

/// What [`RestApi`] and [`SpecRestApi`](crate::SpecRestApi) share (`RestApiBase`).
pub trait RestApiBase {
    /// The handle deployments and stages attach to.
    fn api_handle(&self) -> ApiHandle;
}

impl RestApiBase for RestApi {
    fn api_handle(&self) -> ApiHandle {
        ApiHandle(self.shared.clone())
    }
}

/// Options of a [`RestApi`] (`RestApiProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct RestApiProps {
    /// The API's name. Default: the construct id.
    #[builder(default)]
    pub rest_api_name: Option<String>,
    /// The API's description.
    #[builder(default)]
    pub description: Option<String>,
    /// Create a deployment and stage automatically. Default: true.
    #[builder(default)]
    pub deploy: Option<bool>,
    /// Options of the automatic stage.
    #[builder(default)]
    pub deploy_options: Option<StageOptions>,
    /// Keep old deployments. Default: false.
    #[builder(default)]
    pub retain_deployments: bool,
    /// Binary media types.
    #[builder(default)]
    pub binary_media_types: Option<Vec<String>>,
    /// Endpoint types, as a shorthand for [`RestApiProps::endpoint_configuration`].
    #[builder(default)]
    pub endpoint_types: Option<Vec<EndpointType>>,
    /// Endpoint types and, for private APIs, the VPC endpoints that may call it.
    #[builder(default)]
    pub endpoint_configuration: Option<EndpointConfiguration>,
    /// The API's resource policy. Statements added later with
    /// [`RestApi::add_to_resource_policy`] join it.
    #[builder(default)]
    pub policy: Option<PolicyDocument>,
    /// Minimum payload size to compress, in bytes.
    #[builder(default)]
    pub minimum_compression_size: Option<u32>,
    /// Fail on warnings when importing a definition.
    #[builder(default)]
    pub fail_on_warnings: Option<bool>,
    /// Name of the `Endpoint` output's export.
    #[builder(default)]
    pub endpoint_export_name: Option<String>,
    /// Integration of methods that give none.
    #[builder(default)]
    pub default_integration: Option<Integration>,
    /// Options of methods, unless they give their own.
    #[builder(default)]
    pub default_method_options: Option<MethodOptions>,
    /// Add a CORS preflight (`OPTIONS`) method to the root and every resource. Default: none.
    #[builder(default)]
    pub default_cors_preflight_options: Option<crate::CorsOptions>,
    /// Disable the `execute-api` endpoint.
    #[builder(default)]
    pub disable_execute_api_endpoint: Option<bool>,
    /// Create the account-wide role API Gateway uses to write CloudWatch logs
    /// (`AWS::ApiGateway::Account`). Default: false with the recommended flags
    /// (`@aws-cdk/aws-apigateway:disableCloudWatchRole`), true without.
    #[builder(default)]
    pub cloud_watch_role: Option<bool>,
    /// Removal policy of that role and account. Default: `Retain`.
    #[builder(default)]
    pub cloud_watch_role_removal_policy: Option<RemovalPolicy>,
    /// A custom domain, created as `CustomDomain` and mapped to the API's root
    /// (`domainName`): pass an `apigw_domains::DomainNameOptions`. Default: none.
    #[builder(default)]
    pub domain_name: Option<DomainNameHook>,
}

impl RestApiProps {
    /// Starts a builder.
    pub fn builder() -> RestApiPropsBuilder {
        RestApiPropsBuilder::default()
    }
}

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

impl RestApi {
    /// Defines a REST API with a `prod` stage (unless `deploy` is false).
    ///
    /// # Errors
    /// Id errors from the tree; [`Error::InvalidArgument`] for `deploy_options` without
    /// `deploy`.
    pub fn new(scope: &impl Construct, id: &str, props: RestApiProps) -> Result<RestApi, Error> {
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
        l1.minimum_compression_size = props.minimum_compression_size.map(Value::from);
        l1.fail_on_warnings = props.fail_on_warnings.map(Value::Bool);
        l1.disable_execute_api_endpoint = props.disable_execute_api_endpoint.map(Value::Bool);
        l1.endpoint_configuration =
            configure_endpoints(&node, &props.endpoint_types, &props.endpoint_configuration)?;
        let policy = props.policy.clone().unwrap_or_default();
        l1.policy = Some(policy.lazy());
        let resource = CfnRestApi::new(&node, "Resource", l1)?;
        node.set_default_child(&resource);
        let name = props.rest_api_name.clone().unwrap_or_else(|| node.id());
        let shared = ApiShared::new(&resource, name, policy);
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

    /// The API id (`Ref`).
    pub fn rest_api_id(&self) -> Value {
        self.shared.rest_api_id.clone()
    }

    /// The root resource id (`Fn::GetAtt RootResourceId`).
    pub fn rest_api_root_resource_id(&self) -> Value {
        self.shared.root_resource_id.clone()
    }

    /// The automatic deployment, if any.
    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.shared.latest_deployment()
    }

    /// The automatic stage, if any.
    pub fn deployment_stage(&self) -> Option<Stage> {
        self.shared.deployment_stage()
    }

    pub(crate) fn shared(&self) -> &Rc<ApiShared> {
        &self.shared
    }

    /// Adds a statement to the API's resource policy (`addToResourcePolicy`).
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) {
        self.shared.policy.add_statement(statement);
    }

    /// Lets only these VPC endpoints invoke the API (`grantInvokeFromVpcEndpointsOnly`): a
    /// `Deny` unless `aws:SourceVpce` is one of them, then an `Allow` for everyone.
    pub fn grant_invoke_from_vpc_endpoints_only(&self, vpc_endpoint_ids: Vec<Value>) {
        let base = || {
            PolicyStatement::new()
                .principal("AWS", "*")
                .actions(["execute-api:Invoke"])
                .resources([Value::from("execute-api:/*")])
        };
        self.add_to_resource_policy(base().effect(Effect::Deny).condition(
            "StringNotEquals",
            "aws:SourceVpce",
            Value::Array(vpc_endpoint_ids),
        ));
        self.add_to_resource_policy(base().effect(Effect::Allow));
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
        match self.deployment_stage() {
            Some(s) => s.url_for_path(path),
            None => Err(Error::InvalidArgument {
                path: self.node.path(),
                message: "Cannot determine deployment stage for API from \"deploymentStage\". Use \"deploy\" or explicitly set \"deploymentStage\"".into(),
            }),
        }
    }
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
        RoleProps::new(Principal::service("apigateway.amazonaws.com")).managed_policy(
            ManagedPolicy::from_aws_managed_policy_name(
                "service-role/AmazonAPIGatewayPushToCloudWatchLogs",
            ),
        ),
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
    Edge,
    /// In the API's region.
    Regional,
    /// Only from VPCs, through interface VPC endpoints.
    Private,
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

/// Endpoint types and VPC endpoints of an API (`EndpointConfiguration`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct EndpointConfiguration {
    /// The endpoint types.
    #[builder(default)]
    pub types: Vec<EndpointType>,
    /// Ids of the interface VPC endpoints that reach a private API.
    #[builder(default)]
    pub vpc_endpoint_ids: Option<Vec<Value>>,
}

impl EndpointConfiguration {
    /// Starts a builder.
    pub fn builder() -> EndpointConfigurationBuilder {
        EndpointConfigurationBuilder::default()
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
            let mut m = cfn_apigateway::rest_api::EndpointConfiguration::default();
            m.types = Some(types(&c.types));
            m.vpc_endpoint_ids = c.vpc_endpoint_ids.clone().map(Value::Array);
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
            description: Some(Value::String(
                options
                    .description
                    .clone()
                    .unwrap_or_else(|| "Automatically created by the RestApi construct".into()),
            )),
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
    let mut out = CfnOutputProps::new(stage.url_for_path("/")?);
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
    fn resource_policy_is_minimized_and_left_out_when_empty() {
        let t = synth("rest-api-resource-policy", |stack| {
            let props = || RestApiProps::builder().deploy(false).build().unwrap();
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
