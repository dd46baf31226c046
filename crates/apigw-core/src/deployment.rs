//! Deployments (`deployment.ts`): a snapshot of the API, whose logical ID carries an MD5 of
//! everything that shapes the API so that any change creates a new deployment.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::json::to_json_string;
use cdk_core::logical_id::md5_hex;
use cdk_core::{Construct, Error, Node, RemovalPolicy, Value};
use cfn_apigateway::{CfnDeployment, CfnDeploymentProps};

/// Options of a [`Deployment`].
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DeploymentProps {
    /// The deployment's description.
    #[builder(default)]
    pub description: Option<Value>,
    /// Keep old deployments when the API changes (`Retain` removal policy). Default: false.
    #[builder(default)]
    pub retain_deployments: bool,
    /// A stage to create with the deployment (`StageName`). Default: none.
    #[builder(default)]
    pub stage_name: Option<Value>,
}

impl DeploymentProps {
    /// Starts a builder.
    pub fn builder() -> DeploymentPropsBuilder {
        DeploymentPropsBuilder::default()
    }
}

/// An API deployment (`Deployment`).
#[derive(Clone, Debug)]
pub struct Deployment {
    node: Node,
    resource: CfnDeployment,
    hash_components: Rc<RefCell<Vec<Value>>>,
}

impl Construct for Deployment {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Deployment {
    /// Defines a deployment of the API with id `rest_api_id`. `api_resource` is the API's
    /// `AWS::ApiGateway::RestApi` (its rendered definition is hashed last), or `None` for an
    /// imported API.
    ///
    /// # Errors
    /// Id errors from the tree; missing required props.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        rest_api_id: Value,
        api_resource: Option<cdk_core::CfnResource>,
        props: DeploymentProps,
    ) -> Result<Deployment, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Deployment", crate::FQN));
        let mut l1 = CfnDeploymentProps::builder()
            .rest_api_id(rest_api_id)
            .build()
            .map_err(|source| Error::Build {
                path: node.path(),
                source,
            })?;
        l1.description = props.description;
        l1.stage_name = props.stage_name;
        let resource = CfnDeployment::new(&node, "Resource", l1)?;
        resource.add_metadata("aws:cdk:do-not-refactor", true);
        if props.retain_deployments {
            resource.apply_removal_policy(RemovalPolicy::Retain);
        }
        let hash_components: Rc<RefCell<Vec<Value>>> = Rc::default();
        let components = hash_components.clone();
        let me = resource.node().clone();
        resource.set_lazy_logical_id(move |ctx| {
            let original = ctx.logical_id(&me)?;
            let mut input = String::new();
            let list = components.borrow().clone();
            let mut parts: Vec<Value> = list;
            if let Some(api) = &api_resource {
                parts.push(api.to_cloudformation(ctx)?);
            }
            if parts.is_empty() {
                return Ok(original);
            }
            for p in &parts {
                let resolved = ctx.resolve(p)?.unwrap_or(Value::Null);
                input.push_str(&to_json_string(&resolved, 0));
            }
            Ok(format!("{original}{}", md5_hex(input.as_bytes())))
        });
        Ok(Deployment {
            node,
            resource,
            hash_components,
        })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnDeployment {
        &self.resource
    }

    /// The deployment id (`Ref`).
    pub fn deployment_id(&self) -> Value {
        self.resource.ref_()
    }

    /// Adds data to the logical ID hash (`addToLogicalId`): the deployment is replaced when
    /// it changes.
    pub fn add_to_logical_id(&self, data: impl Into<Value>) {
        self.hash_components.borrow_mut().push(data.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, AppProps, Stack};

    #[test]
    fn logical_id_hashes_components_and_api() {
        let dir = std::env::temp_dir().join("apigw-core-deployment-test");
        let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let d = Deployment::new(
            &stack,
            "Dep",
            Value::from("api"),
            None,
            DeploymentProps::default(),
        )
        .unwrap();
        d.add_to_logical_id(Value::object([("a", 1)]));
        app.synth().unwrap();
        let t = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
        // md5 of the compact JSON `{"a":1}` appended to the default id
        let original = cdk_core::logical_id::make_unique_id(&["Dep", "Resource"]).unwrap();
        let expected = format!("{original}{}", md5_hex(b"{\"a\":1}"));
        assert!(t.contains(&expected), "{t}");
    }
}
