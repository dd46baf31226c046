//! APIs defined by an OpenAPI document (`SpecRestApi` in `restapi.ts`, `api-definition.ts`).

use std::path::PathBuf;
use std::rc::Rc;

use cdk_core::{Construct, Error, Node, RemovalPolicy, Value};
use cdk_iam::PolicyDocument;
use cdk_s3_assets::{Asset, AssetProps};
use cfn_apigateway::{CfnRestApi, CfnRestApiProps};

use crate::rest_api::{
    configure_cloud_watch_role, configure_deployment, configure_endpoints, ApiHandle, ApiShared,
    DeploymentOptions, RestApiBase,
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
        /// The bucket name.
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

    /// An S3 object (`fromBucket`).
    pub fn from_bucket(
        bucket: impl Into<Value>,
        key: impl Into<Value>,
        version: Option<Value>,
    ) -> Self {
        ApiDefinition::S3 { bucket: bucket.into(), key: key.into(), version }
    }
}

/// Options of a [`SpecRestApi`] (`SpecRestApiProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct SpecRestApiProps {
    /// The OpenAPI document.
    pub api_definition: ApiDefinition,
    /// The API's name. Default: the construct id.
    #[builder(default)]
    pub rest_api_name: Option<String>,
    /// Description of the automatic deployment.
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
    /// Name of the `Endpoint` output's export.
    #[builder(default)]
    pub endpoint_export_name: Option<String>,
    /// Endpoint types, as a shorthand for `endpoint_configuration`.
    #[builder(default)]
    pub endpoint_types: Option<Vec<EndpointType>>,
    /// Endpoint types and VPC endpoints.
    #[builder(default)]
    pub endpoint_configuration: Option<EndpointConfiguration>,
    /// The API's resource policy.
    #[builder(default)]
    pub policy: Option<PolicyDocument>,
    /// Fail on warnings in the document.
    #[builder(default)]
    pub fail_on_warnings: Option<bool>,
    /// Minimum payload size to compress, in bytes.
    #[builder(default)]
    pub minimum_compression_size: Option<u32>,
    /// Binary media types.
    #[builder(default)]
    pub binary_media_types: Option<Vec<String>>,
    /// Import parameters.
    #[builder(default)]
    pub parameters: Option<Value>,
    /// Disable the `execute-api` endpoint.
    #[builder(default)]
    pub disable_execute_api_endpoint: Option<bool>,
    /// `overwrite` or `merge` when updating from the document.
    #[builder(default)]
    pub mode: Option<String>,
    /// Create the CloudWatch role (see `RestApiProps::cloud_watch_role`).
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

impl SpecRestApiProps {
    /// Starts a builder.
    pub fn builder() -> SpecRestApiPropsBuilder {
        SpecRestApiPropsBuilder::default()
    }
}

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

impl RestApiBase for SpecRestApi {
    fn api_handle(&self) -> ApiHandle {
        ApiHandle(self.shared.clone())
    }
}

impl SpecRestApi {
    /// Defines the API.
    ///
    /// # Errors
    /// Id errors; [`Error::InvalidArgument`] for an empty or non-object inline document, a
    /// directory as document, or `deploy_options` without `deploy`; [`Error::Asset`] when the
    /// file cannot be read.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: SpecRestApiProps,
    ) -> Result<SpecRestApi, Error> {
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
                Value::Object(_) => l1.body = Some(v.clone()),
                _ => return Err(invalid("definition should be of type object")),
            },
            ApiDefinition::Asset(path) => {
                let a = Asset::new(&node, "APIDefinition", AssetProps::new(path.clone()))?;
                if a.is_zip_archive() {
                    return Err(invalid(&format!(
                        "Asset cannot be a .zip file or a directory ({})",
                        path.display()
                    )));
                }
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
        l1.minimum_compression_size = props.minimum_compression_size.map(Value::from);
        l1.binary_media_types = props.binary_media_types.clone().map(Value::from);
        l1.endpoint_configuration =
            configure_endpoints(&node, &props.endpoint_types, &props.endpoint_configuration)?;
        l1.parameters = props.parameters.clone();
        l1.disable_execute_api_endpoint = props.disable_execute_api_endpoint.map(Value::Bool);
        l1.mode = props.mode.clone().map(Value::String);
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
        let shared = ApiShared::new(&resource, name, policy);
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

    /// The automatic deployment, if any.
    pub fn latest_deployment(&self) -> Option<Deployment> {
        self.shared.latest_deployment()
    }

    /// The automatic stage, if any.
    pub fn deployment_stage(&self) -> Option<Stage> {
        self.shared.deployment_stage()
    }
}
