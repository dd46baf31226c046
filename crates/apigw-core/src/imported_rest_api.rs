//! APIs defined elsewhere (`RestApi.fromRestApiId`, `RestApi.fromRestApiAttributes` in
//! `restapi.ts`): resources, methods and deployments can be added to them from another stack.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Error, IntoProps, Node, Value};
use cdk_iam::PolicyDocument;

use crate::rest_api::{ApiHandle, ApiShared, IRestApi};
use crate::{Resource, RestApi};

/// What an import needs to know (`RestApiAttributes`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RestApiAttributes {
    /// The API id. Required.
    pub rest_api_id: Value,
    /// The id of its root resource. Required.
    pub root_resource_id: Value,
    /// The API's name. Default: the construct id.
    #[builder(default)]
    pub rest_api_name: Option<String>,
}

cdk_core::impl_props!(RestApiAttributes, RestApiAttributesBuilder);

/// An imported REST API ([`RestApi::from_rest_api_id`], [`RestApi::from_rest_api_attributes`]).
#[derive(Clone, Debug)]
pub struct ImportedRestApi {
    node: Node,
    root: Resource,
    shared: Rc<ApiShared>,
}

impl Construct for ImportedRestApi {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IRestApi for ImportedRestApi {
    fn api_handle(&self) -> ApiHandle {
        ApiHandle(self.shared.clone())
    }
}

fn import(
    scope: &impl Construct,
    id: &str,
    rest_api_id: Value,
    root_resource_id: Option<Value>,
    name: Option<String>,
) -> Result<ImportedRestApi, Error> {
    let node = scope.node().add_child(id)?;
    node.set_construct_info(&format!("{}.RestApiBase", crate::FQN));
    let shared = Rc::new(ApiShared {
        node: Some(node.clone()),
        tracks_methods: false,
        rest_api_id,
        root_resource_id: root_resource_id.clone().unwrap_or(Value::Null),
        name: name.unwrap_or_else(|| node.id()),
        latest_deployment: RefCell::new(None),
        deployment_stage: RefCell::new(None),
        methods: RefCell::default(),
        deployments: RefCell::default(),
        account: RefCell::new(None),
        resource: None,
        policy: PolicyDocument::new(),
        domain_name: RefCell::new(None),
        allowed_vpc_endpoints: Default::default(),
        checks: Default::default(),
        unique_id: Default::default(),
        execute_api_arn_prefix: Default::default(),
    });
    let root = match root_resource_id {
        Some(_) => {
            let root_node = node.add_child("Default")?;
            root_node.set_construct_info(&format!("{}.ResourceBase", crate::FQN));
            Resource::root(shared.clone(), root_node, None, Default::default())
        }
        // CDK throws when `root` is read; here the root refuses every addition instead, so
        // that `root()` is infallible as it is for the other APIs.
        None => {
            let root = Resource::root(shared.clone(), node.clone(), None, Default::default());
            root.lock(crate::resource::Lock::NoRoot);
            root
        }
    };
    Ok(ImportedRestApi { node, root, shared })
}

impl RestApi {
    /// Imports an API by id (`fromRestApiId`); its root refuses resources and methods (use
    /// [`RestApi::from_rest_api_attributes`] to add some).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_rest_api_id(
        scope: &impl Construct,
        id: &str,
        rest_api_id: impl Into<Value>,
    ) -> Result<ImportedRestApi, Error> {
        import(scope, id, rest_api_id.into(), None, None)
    }

    /// Imports an API with its root resource (`fromRestApiAttributes`), so that resources and
    /// methods can be added to it; `attributes` is a [`RestApiAttributes`] or its unfinished
    /// builder.
    ///
    /// # Errors
    /// A builder error naming the import's path; id errors from the tree.
    pub fn from_rest_api_attributes(
        scope: &impl Construct,
        id: &str,
        attributes: impl IntoProps<RestApiAttributes>,
    ) -> Result<ImportedRestApi, Error> {
        let attributes = attributes.into_props_at(&scope.node().child_path(id))?;
        import(
            scope,
            id,
            attributes.rest_api_id,
            Some(attributes.root_resource_id),
            attributes.rest_api_name,
        )
    }
}

impl ImportedRestApi {
    /// The API id.
    pub fn rest_api_id(&self) -> Value {
        self.shared.rest_api_id.clone()
    }

    /// The root resource. For an API imported with [`RestApi::from_rest_api_id`], adding a
    /// resource or a method to it fails with [`Error::InvalidArgument`] ("root is not
    /// configured when imported using `fromRestApiId()`", where CDK throws on reading `root`).
    pub fn root(&self) -> &Resource {
        &self.root
    }

    /// Adds nothing (`addToResourcePolicy` of an imported API): the resource policy of an API
    /// defined elsewhere cannot be changed here, so the result has `statement_added: false`.
    pub fn add_to_resource_policy(
        &self,
        _statement: cdk_iam::PolicyStatement,
    ) -> cdk_iam::AddToResourcePolicyResult {
        cdk_iam::AddToResourcePolicyResult::not_added()
    }
}
