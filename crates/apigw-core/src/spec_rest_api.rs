//! APIs defined by an OpenAPI document (`SpecRestApi` in `restapi.ts`, `api-definition.ts`).

use std::path::PathBuf;
use std::rc::Rc;

use cdk_core::{Construct, Error, IntoProps, Node, RemovalPolicy, Size, Value};
use cdk_iam::PolicyDocument;
use cdk_s3_assets::{Asset, AssetProps};
use cfn_apigateway::{CfnRestApi, CfnRestApiProps};

use crate::rest_api::{
    configure_cloud_watch_role, configure_deployment, configure_endpoints, ApiHandle, ApiShared,
    DeploymentOptions, IRestApi,
};
use crate::{Deployment, EndpointConfiguration, EndpointType, Resource, Stage, StageOptions};

/// Where the OpenAPI document comes from (`ApiDefinition`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ApiDefinition {
    /// The document itself, in the template (`Body`).
    Inline(Value),
    /// A local file, published as an asset (`BodyS3Location`).
    Asset(PathBuf),
    /// An object in S3 (`BodyS3Location`).
    S3 {
        /// The bucket's name.
        bucket: Value,
        /// The object key.
        key: Value,
        /// The object version.
        version: Option<Value>,
    },
}

impl ApiDefinition {
    /// An inline document (`fromInline`); it must be a non-empty object.
    pub fn from_inline(definition: impl Into<Value>) -> Self {
        ApiDefinition::Inline(definition.into())
    }

    /// A local file (`fromAsset`).
    pub fn from_asset(path: impl Into<PathBuf>) -> Self {
        ApiDefinition::Asset(path.into())
    }

    /// An object in a bucket (`fromBucket(bucket, key, objectVersion?)`): any
    /// [`IBucket`](cdk_s3::IBucket), created or imported; `version` is a version id (a
    /// `Value`) or `None` for the latest.
    pub fn from_bucket(
        bucket: &impl cdk_s3::IBucket,
        key: impl Into<Value>,
        version: impl Into<Option<Value>>,
    ) -> Self {
        ApiDefinition::S3 { bucket: bucket.bucket_name(), key: key.into(), version: version.into() }
    }
}

/// How an update of a [`SpecRestApi`] applies its OpenAPI document (CDK's `RestApiMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RestApiMode {
    /// The document replaces the API's definition (`overwrite`).
    #[doc(alias = "OVERWRITE")]
    Overwrite,
    /// The document is merged into the API's definition (`merge`).
    #[doc(alias = "MERGE")]
    Merge,
}

impl RestApiMode {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            RestApiMode::Overwrite => "overwrite",
            RestApiMode::Merge => "merge",
        }
    }
}

impl From<RestApiMode> for Value {
    fn from(mode: RestApiMode) -> Value {
        Value::from(mode.as_str())
    }
}

/// Options of a [`SpecRestApi`] (`SpecRestApiProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct SpecRestApiProps {
    /// The OpenAPI document. Required.
    pub api_definition: ApiDefinition,
    /// The API's name. Default: the construct id.
    #[builder(default)]
    pub rest_api_name: Option<String>,
    /// Description of the automatic deployment. Default: "Automatically created by the
    /// RestApi construct".
    #[builder(default)]
    pub description: Option<String>,
    /// Create a deployment and stage automatically. Default: true.
    #[builder(default)]
    pub deploy: Option<bool>,
    /// Options of the automatic stage. Default: a `prod` stage with API Gateway's settings.
    #[builder(default)]
    pub deploy_options: Option<StageOptions>,
    /// Keep old deployments. Default: false.
    #[builder(default)]
    pub retain_deployments: bool,
    /// Name of the export of the `Endpoint` output. Default: no export.
    #[builder(default)]
    pub endpoint_export_name: Option<String>,
    /// Endpoint types, as a shorthand for `endpoint_configuration`. Default: API Gateway's
    /// (`EDGE`).
    #[builder(default, setter(custom))]
    pub endpoint_types: Option<Vec<EndpointType>>,
    /// Endpoint types and VPC endpoints. Default: API Gateway's (`EDGE`).
    #[builder(default)]
    pub endpoint_configuration: Option<EndpointConfiguration>,
    /// The API's resource policy. Default: none.
    #[builder(default)]
    pub policy: Option<PolicyDocument>,
    /// Fail on warnings in the document. Default: false.
    #[builder(default)]
    pub fail_on_warnings: Option<bool>,
    /// Minimum payload size to compress (`minCompressionSize`). Default: compression off.
    #[builder(default)]
    pub min_compression_size: Option<Size>,
    /// Media types handled as binary. Default: none.
    #[builder(default, setter(custom))]
    pub binary_media_types: Option<Vec<String>>,
    /// Import parameters (`parameters`). Default: none.
    #[builder(default, setter(custom))]
    pub parameters: Option<Value>,
    /// Disable the `execute-api` endpoint. Default: false.
    #[builder(default)]
    pub disable_execute_api_endpoint: Option<bool>,
    /// How an update applies the document (`mode`). Default: API Gateway's
    /// ([`RestApiMode::Overwrite`]).
    #[builder(default)]
    pub mode: Option<RestApiMode>,
    /// Create the CloudWatch role (see `RestApiProps::cloud_watch_role`). Default: false with
    /// the recommended flags, true without.
    #[builder(default)]
    pub cloud_watch_role: Option<bool>,
    /// Removal policy of that role. Default: `Retain`.
    #[builder(default)]
    pub cloud_watch_role_removal_policy: Option<RemovalPolicy>,
    /// A custom domain, created as `CustomDomain` and mapped to the API's root
    /// (`domainName`): pass an `apigw_domains::DomainNameOptions`. Default: none.
    #[builder(default)]
    pub domain_name: Option<crate::DomainNameHook>,
}

cdk_core::impl_props!(SpecRestApiProps, SpecRestApiPropsBuilder);

/// A REST API defined by an OpenAPI document (`SpecRestApi`); resources and methods can
/// still be added to its root.
#[derive(Clone, Debug)]
pub struct SpecRestApi {
    node: Node,
    resource: CfnRestApi,
    root: Resource,
    shared: Rc<ApiShared>,
}

impl Construct for SpecRestApi {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl SpecRestApiPropsBuilder {
    /// Endpoint types, as a shorthand for `endpoint_configuration`. Default: API Gateway's
    /// (`EDGE`).
    pub fn endpoint_types(mut self, types: impl IntoIterator<Item = EndpointType>) -> Self {
        self.endpoint_types = Some(Some(types.into_iter().collect()));
        self
    }

    /// Media types handled as binary, such as `["image/png"]`. Default: none.
    pub fn binary_media_types<S: Into<String>>(
        mut self,
        types: impl IntoIterator<Item = S>,
    ) -> Self {
        self.binary_media_types = Some(Some(types.into_iter().map(Into::into).collect()));
        self
    }

    /// Import parameters (`parameters`), such as `[("endpointConfigurationTypes", "REGIONAL")]`.
    /// Default: none.
    pub fn parameters<K: Into<String>, V: Into<Value>>(
        mut self,
        parameters: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.parameters = Some(Some(Value::object(parameters)));
        self
    }
}

impl IRestApi for SpecRestApi {
    fn api_handle(&self) -> ApiHandle {
        ApiHandle(self.shared.clone())
    }
}

impl SpecRestApi {
    /// Defines the API; `props` is a [`SpecRestApiProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the API's path; id errors; [`Error::InvalidArgument`] for an
    /// empty or non-object inline document, a directory as document, or `deploy_options`
    /// without `deploy`; [`Error::Asset`] when the file cannot be read.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<SpecRestApiProps>,
    ) -> Result<SpecRestApi, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.SpecRestApi", crate::FQN));
        let invalid = |message: &str| Error::InvalidArgument {
            path: node.path(),
            message: message.to_string(),
        };
        let deploy = props.deploy.unwrap_or(true);
        if !deploy && props.deploy_options.is_some() {
            return Err(invalid("Cannot set 'deployOptions' if 'deploy' is disabled"));
        }
        let mut l1 = CfnRestApiProps::default();
        let mut asset = None;
        match &props.api_definition {
            ApiDefinition::Inline(v) => match v {
                Value::Object(m) if m.is_empty() => {
                    return Err(invalid("JSON definition cannot be empty"))
                }
                Value::Object(_) => {
                    crate::checks::check_openapi_inline(&node, v)?;
                    l1.body = Some(v.clone())
                }
                _ => return Err(invalid("definition should be of type object")),
            },
            ApiDefinition::Asset(path) => {
                let a =
                    Asset::new(&node, "APIDefinition", AssetProps::builder().path(path.clone()))?;
                if a.is_zip_archive() {
                    return Err(invalid(&format!(
                        "Asset cannot be a .zip file or a directory ({})",
                        path.display()
                    )));
                }
                crate::checks::check_openapi_asset(&node, path)?;
                let mut loc = cfn_apigateway::rest_api::S3Location::default();
                loc.bucket = Some(a.s3_bucket_name());
                loc.key = Some(a.s3_object_key());
                l1.body_s3_location = Some(loc.into());
                asset = Some(a);
            }
            ApiDefinition::S3 { bucket, key, version } => {
                let mut loc = cfn_apigateway::rest_api::S3Location::default();
                loc.bucket = Some(bucket.clone());
                loc.key = Some(key.clone());
                loc.version = version.clone();
                l1.body_s3_location = Some(loc.into());
            }
        }
        l1.name = Some(Value::String(props.rest_api_name.clone().unwrap_or_else(|| node.id())));
        let policy = props.policy.clone().unwrap_or_default();
        l1.policy = Some(policy.lazy());
        l1.fail_on_warnings = props.fail_on_warnings.map(Value::Bool);
        l1.minimum_compression_size =
            crate::rest_api::compression_size(&node, None, props.min_compression_size)?;
        l1.binary_media_types = props.binary_media_types.clone().map(Value::from);
        l1.endpoint_configuration =
            configure_endpoints(&node, &props.endpoint_types, &props.endpoint_configuration)?;
        l1.parameters = props.parameters.clone();
        l1.disable_execute_api_endpoint = props.disable_execute_api_endpoint.map(Value::Bool);
        l1.mode = props.mode.map(Value::from);
        let resource = CfnRestApi::new(&node, "Resource", l1)?;
        node.set_default_child(&resource);
        if let Some(a) = &asset {
            // `bindAfterCreate`: which property holds the asset (no `is-bundled` here).
            cdk_core::assets::add_asset_metadata(
                &resource,
                &a.asset_path(),
                "BodyS3Location",
                None,
            );
        }
        let name = props.rest_api_name.clone().unwrap_or_else(|| node.id());
        let shared = ApiShared::new(&resource, name, policy, false);
        let root_node = node.add_child("Default")?;
        root_node.set_construct_info(&format!("{}.ResourceBase", crate::FQN));
        let root = Resource::root(shared.clone(), root_node, None, Default::default());
        let account = configure_cloud_watch_role(
            &node,
            &resource,
            props.cloud_watch_role,
            props.cloud_watch_role_removal_policy,
        )?;
        *shared.account.borrow_mut() = account.map(|a| a.node().clone());
        if deploy {
            configure_deployment(
                &node,
                &shared,
                &DeploymentOptions {
                    description: props.description.clone(),
                    retain_deployments: props.retain_deployments,
                    deploy_options: props.deploy_options.clone(),
                    endpoint_export_name: props.endpoint_export_name.clone(),
                },
            )?;
        }
        if let Some(hook) = &props.domain_name {
            hook.run(&node, &ApiHandle(shared.clone()))?;
        }
        Ok(SpecRestApi { node, resource, root, shared })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnRestApi {
        &self.resource
    }

    /// The root resource (`/`), for resources not in the document.
    pub fn root(&self) -> &Resource {
        &self.root
    }

    /// The API id (`Ref`).
    pub fn rest_api_id(&self) -> Value {
        self.shared.rest_api_id.clone()
    }

    /// The API's name (`restApiName`: the given name, else the construct id).
    pub fn rest_api_name(&self) -> String {
        self.shared.name.clone()
    }

    /// The root resource id (`restApiRootResourceId`: `Fn::GetAtt RootResourceId`).
    pub fn rest_api_root_resource_id(&self) -> Value {
        self.shared.root_resource_id.clone()
    }

    /// The automatic deployment (`latestDeployment`); none with `deploy(false)`.
    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.shared.latest_deployment()
    }

    /// Adds a statement to the API's resource policy (`addToResourcePolicy`), created with the
    /// first statement; the result says it was added, the API being what applies it.
    pub fn add_to_resource_policy(
        &self,
        statement: cdk_iam::PolicyStatement,
    ) -> cdk_iam::AddToResourcePolicyResult {
        self.shared.policy.add_statement(statement);
        cdk_iam::AddToResourcePolicyResult::added(self.node.clone())
    }

    /// Lets only these VPC endpoints invoke the API (`grantInvokeFromVpcEndpointsOnly`): a
    /// `Deny` unless `aws:SourceVpce` is one of them, then an `Allow` for everyone.
    pub fn grant_invoke_from_vpc_endpoints_only<E: cdk_ec2::IVpcEndpoint>(
        &self,
        vpc_endpoints: impl IntoIterator<Item = E>,
    ) {
        crate::rest_api::grant_invoke_from_vpc_endpoints_only(&self.shared, vpc_endpoints);
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
    /// [`Error::InvalidArgument`] when the API has no deployment stage or `path` does not
    /// begin with `/`.
    pub fn url_for_path(&self, path: &str) -> Result<Value, Error> {
        self.deployment_stage()?.url_for_path(path)
    }

    /// The automatic stage (`deploymentStage`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the API's path when it has none (`deploy(false)`).
    pub fn deployment_stage(&self) -> Result<Stage, Error> {
        self.shared
            .deployment_stage()
            .ok_or_else(|| crate::rest_api::no_deployment_stage(&self.node))
    }
}
