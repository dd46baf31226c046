//! Stages (`stage.ts`): a named, addressable snapshot of a deployment.

use cdk_core::{cfn_format, Construct, Error, Node, Value};
use cfn_apigateway::{CfnStage, CfnStageProps};

use crate::Deployment;

/// Options of a [`Stage`] (`StageOptions`).
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct StageOptions {
    /// The stage name. Default: `prod`.
    pub stage_name: Option<String>,
    /// The stage's description.
    pub description: Option<Value>,
    /// Stage variables.
    pub variables: Option<Value>,
    /// X-Ray tracing. Default: off.
    pub tracing_enabled: Option<bool>,
}

/// A stage of an API (`Stage`).
#[derive(Clone, Debug)]
pub struct Stage {
    node: Node,
    resource: CfnStage,
    rest_api_id: Value,
    stage_name: String,
}

impl Construct for Stage {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Stage {
    /// Defines a stage of `deployment` for the API `rest_api_id`.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        deployment: &Deployment,
        rest_api_id: Value,
        options: StageOptions,
    ) -> Result<Stage, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Stage", crate::FQN));
        let stage_name = options.stage_name.unwrap_or_else(|| "prod".into());
        let mut l1 = CfnStageProps::builder()
            .rest_api_id(rest_api_id.clone())
            .build()
            .map_err(|source| Error::Build {
                path: node.path(),
                source,
            })?;
        l1.stage_name = Some(Value::String(stage_name.clone()));
        l1.deployment_id = Some(deployment.deployment_id());
        l1.description = options.description;
        l1.variables = options.variables;
        l1.tracing_enabled = options.tracing_enabled.map(Value::Bool);
        let resource = CfnStage::new(&node, "Resource", l1)?;
        Ok(Stage {
            node,
            resource,
            rest_api_id,
            stage_name,
        })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnStage {
        &self.resource
    }

    /// The stage name as a reference (`Ref` of the stage resource), as aws-cdk-lib hands it out.
    pub fn stage_name(&self) -> Value {
        self.resource.ref_()
    }

    /// The stage name as given.
    pub fn stage_name_literal(&self) -> &str {
        &self.stage_name
    }

    /// `https://<api>.execute-api.<region>.<suffix>/<stage><path>` (`urlForPath`).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack.
    pub fn url_for_path(&self, path: &str) -> Result<Value, Error> {
        let stack = self.node.stack()?;
        Ok(cfn_format!(
            "https://{}.execute-api.{}.{}/{}{}",
            self.rest_api_id.clone(),
            stack.region(),
            stack.url_suffix(),
            self.stage_name(),
            path
        ))
    }
}
