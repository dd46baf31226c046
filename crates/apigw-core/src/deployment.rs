//! Deployments (`deployment.ts`): a snapshot of the API, whose logical ID carries an MD5 of
//! everything that shapes the API so that any change creates a new deployment.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::logical_id::Md5Hex;
use cdk_core::{Construct, Error, IntoProps, Node, RemovalPolicy, Value};
use cfn_apigateway::{CfnDeployment, CfnDeploymentProps};

use crate::rest_api::ApiShared;
use crate::rest_api::IRestApi;

/// Options of a [`Deployment`] (`DeploymentProps`, without the API, which
/// [`Deployment::new`] takes). Every field is optional.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DeploymentProps {
    /// The deployment's description. Default: none.
    #[builder(default)]
    pub description: Option<Value>,
    /// Keep old deployments when the API changes (`Retain` removal policy). Default: false.
    #[builder(default)]
    pub retain_deployments: bool,
    /// A stage to create with the deployment (`StageName`). Default: none.
    #[builder(default)]
    pub stage_name: Option<Value>,
}

cdk_core::impl_props!(DeploymentProps, DeploymentPropsBuilder);

/// Data hashed into the logical ID, and the path of the construct it describes.
type HashComponent = (Value, Option<String>);

/// An API deployment (`Deployment`).
#[derive(Clone, Debug)]
pub struct Deployment {
    node: Node,
    resource: CfnDeployment,
    hash_components: Rc<RefCell<Vec<HashComponent>>>,
    api: Rc<ApiShared>,
}

impl Construct for Deployment {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Deployment {
    /// Defines a deployment of `api` (`new Deployment(scope, id, { api, ... })`); `props` is
    /// a [`DeploymentProps`] or its unfinished builder. Its logical ID carries a hash of the
    /// API's definition and of what is added with [`Deployment::add_to_logical_id`]; it
    /// depends on every method of the API.
    ///
    /// ```
    /// use apigw_core::{Deployment, DeploymentProps, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::builder().deploy(false))?;
    /// api.root().add_method("GET", None)?;
    /// Deployment::new(&stack, "dep", &api, DeploymentProps::builder().stage_name("dev"))?;
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming the deployment's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        api: &(impl IRestApi + ?Sized),
        props: impl IntoProps<DeploymentProps>,
    ) -> Result<Deployment, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        Self::create(scope, id, &api.api_handle().0, props)
    }

    pub(crate) fn create(
        scope: &impl Construct,
        id: &str,
        api: &Rc<ApiShared>,
        props: DeploymentProps,
    ) -> Result<Deployment, Error> {
        let rest_api_id = api.rest_api_id.clone();
        let api_resource = api.resource.clone();
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Deployment", crate::FQN));
        let mut l1 = CfnDeploymentProps::builder()
            .rest_api_id(rest_api_id)
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.description = props.description;
        l1.stage_name = props.stage_name;
        let resource = CfnDeployment::new(&node, "Resource", l1)?;
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        if props.retain_deployments {
            resource.apply_removal_policy(RemovalPolicy::Retain);
        }
        let hash_components: Rc<RefCell<Vec<HashComponent>>> = Rc::default();
        let components = hash_components.clone();
        let me = resource.node().clone();
        resource.set_lazy_logical_id(move |ctx| {
            let original = ctx.logical_id(&me)?;
            let api = match &api_resource {
                Some(api) => Some(api.to_cloudformation(ctx)?),
                None => None,
            };
            // The components are taken out while they are resolved (a lazy value could add
            // one meanwhile), then put back in front of anything added.
            let list = std::mem::take(&mut *components.borrow_mut());
            if list.is_empty() && api.is_none() {
                return Ok(original);
            }
            // Each part resolved and written compactly, straight into the hash (in pieces:
            // the hash input of a large API is megabytes of text).
            let mut hash = Md5Hex::default();
            let mut input = String::new();
            let mut write = |p: &Value| -> Result<(), Error> {
                if !ctx.write_json(&mut input, p, 0)? {
                    input.push_str("null");
                }
                if input.len() >= 1 << 16 {
                    hash.update(input.as_bytes());
                    input.clear();
                }
                Ok(())
            };
            // an error in a component names the construct that added it
            let written = list.iter().try_for_each(|(p, source)| match source {
                Some(path) => write(p).map_err(|e| e.in_construct(path)),
                None => write(p),
            });
            {
                let mut current = components.borrow_mut();
                let added = std::mem::replace(&mut *current, list);
                current.extend(added);
            }
            written?;
            if let Some(api) = &api {
                write(api)?;
            }
            hash.update(input.as_bytes());
            Ok(format!("{original}{}", hash.finish()))
        });
        let deployment = Deployment { node, resource, hash_components, api: api.clone() };
        api.attach_deployment(&deployment);
        Ok(deployment)
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnDeployment {
        &self.resource
    }

    pub(crate) fn api(&self) -> &Rc<ApiShared> {
        &self.api
    }

    /// The API this deployment belongs to (`api`), as a handle.
    #[doc(alias = "api")]
    pub fn api_handle(&self) -> crate::ApiHandle {
        crate::ApiHandle(self.api.clone())
    }

    /// The stage the deployment creates (`stageName`, CloudFormation's `StageName`), if
    /// given.
    pub fn stage_name(&self) -> Option<Value> {
        self.resource.property("StageName")
    }

    /// The deployment id (`Ref`).
    pub fn deployment_id(&self) -> Value {
        self.resource.ref_()
    }

    /// Adds data to the logical ID hash (`addToLogicalId`): the deployment is replaced when
    /// it changes.
    pub fn add_to_logical_id(&self, data: impl Into<Value>) {
        self.hash_components.borrow_mut().push((data.into(), None));
    }

    /// [`Deployment::add_to_logical_id`] of data that describes `source` (a method, a model):
    /// a value in it that cannot be resolved is reported with `source`'s path.
    pub fn add_to_logical_id_for(&self, source: &impl Construct, data: impl Into<Value>) {
        self.hash_components.borrow_mut().push((data.into(), Some(source.node().path())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RestApi, RestApiProps};
    use cdk_core::{App, AppProps, Stack};

    fn deployment_id(data: Option<Value>) -> String {
        let dir = std::env::temp_dir().join("apigw-core-deployment-test");
        let _ = std::fs::remove_dir_all(&dir);
        let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "Api", RestApiProps::builder().deploy(false)).unwrap();
        api.root().add_method("GET", None).unwrap();
        let d = Deployment::new(&stack, "Dep", &api, DeploymentProps::default()).unwrap();
        if let Some(data) = data {
            d.add_to_logical_id(data);
        }
        app.synth().unwrap();
        let t = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&t).unwrap();
        let ids: Vec<String> = v["Resources"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, r)| r["Type"] == "AWS::ApiGateway::Deployment")
            .map(|(k, _)| k.clone())
            .collect();
        assert_eq!(ids.len(), 1);
        ids[0].clone()
    }

    #[test]
    fn logical_id_hashes_added_data_and_the_api() {
        let original = cdk_core::logical_id::make_unique_id(&["Dep", "Resource"]).unwrap();
        let plain = deployment_id(None);
        let with_data = deployment_id(Some(Value::object([("a", 1)])));
        for id in [&plain, &with_data] {
            assert!(id.starts_with(&original), "{id}");
            assert_eq!(id.len(), original.len() + 32, "{id}");
        }
        assert_ne!(plain, with_data);
        assert_eq!(with_data, deployment_id(Some(Value::object([("a", 1)]))));
    }
}
