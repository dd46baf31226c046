//! APIs defined elsewhere (`RestApi.fromRestApiId`, `RestApi.fromRestApiAttributes` in
//! `restapi.ts`): resources, methods and deployments can be added to them from another stack.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Error, Node, Value};
use cdk_iam::PolicyDocument;

use crate::rest_api::{ApiHandle, ApiShared, RestApiBase};
use crate::{Resource, RestApi};

/// What an import needs to know (`RestApiAttributes`).
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct RestApiAttributes {
    /// The API id.
    pub rest_api_id: Value,
    /// The id of its root resource.
    pub root_resource_id: Value,
    /// The API's name. Default: the construct id.
    #[builder(default)]
    pub rest_api_name: Option<String>,
}

impl RestApiAttributes {
    /// Starts a builder.
    pub fn builder() -> RestApiAttributesBuilder {
        RestApiAttributesBuilder::default()
    }
}

/// An imported REST API.
#[derive(Clone, Debug)]
pub struct ImportedRestApi {
    node: Node,
    root: Option<Resource>,
    shared: Rc<ApiShared>,
}

impl Construct for ImportedRestApi {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl RestApiBase for ImportedRestApi {
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
        imported: true,
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
    });
    let root = match root_resource_id {
        Some(_) => {
            let root_node = node.add_child("Default")?;
            root_node.set_construct_info(&format!("{}.ResourceBase", crate::FQN));
            Some(Resource::root(shared.clone(), root_node, None, Default::default()))
        }
        None => None,
    };
    Ok(ImportedRestApi { node, root, shared })
}

impl RestApi {
    /// Imports an API by id (`fromRestApiId`); it has no root resource.
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
    /// methods can be added to it.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_rest_api_attributes(
        scope: &impl Construct,
        id: &str,
        attributes: RestApiAttributes,
    ) -> Result<ImportedRestApi, Error> {
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

    /// The root resource.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an API imported with [`RestApi::from_rest_api_id`].
    pub fn root(&self) -> Result<&Resource, Error> {
        self.root.as_ref().ok_or_else(|| Error::InvalidArgument {
            path: self.node.path(),
            message: "root is not configured when imported using `fromRestApiId()`. Use `fromRestApiAttributes()` API instead.".into(),
        })
    }
}
