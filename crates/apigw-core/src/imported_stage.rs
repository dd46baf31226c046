//! Imported stages (`Stage.fromStageAttributes` of `stage.ts`) and the reference to a stage
//! that API keys take (`IStageRef.stageRef`).
//!
//! An imported stage has no resource of its own: it names a stage of an API defined
//! elsewhere, so that keys can be attached to it ([`ImportedStage::add_api_key`]).

use cdk_core::{Construct, Error, Node, Value};

use crate::{ApiKey, ApiKeyOptions, Stage};

/// A stage as API keys refer to it (`StageReference`): the API id and the stage name.
///
/// Made from a [`Stage`] (`StageReference::from(&stage)`: its `Ref` and its API's id), from
/// an [`ImportedStage`], or from values given directly.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct StageReference {
    /// The id of the stage's REST API.
    pub rest_api_id: Value,
    /// The stage name.
    pub stage_name: Value,
}

impl StageReference {
    /// A reference to the stage `stage_name` of the API `rest_api_id`.
    pub fn new(rest_api_id: impl Into<Value>, stage_name: impl Into<Value>) -> Self {
        StageReference { rest_api_id: rest_api_id.into(), stage_name: stage_name.into() }
    }
}

impl From<&Stage> for StageReference {
    fn from(stage: &Stage) -> Self {
        StageReference::new(stage.rest_api_id(), stage.stage_name())
    }
}

impl From<&ImportedStage> for StageReference {
    fn from(stage: &ImportedStage) -> Self {
        stage.stage_ref()
    }
}

/// What identifies an existing stage (`StageAttributes`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct StageAttributes {
    /// The stage name.
    pub stage_name: Value,
    /// The id of the stage's REST API (aws-cdk-lib takes the API itself, `restApi`, and only
    /// reads its `restApiId`).
    pub rest_api_id: Value,
}

impl StageAttributes {
    /// Starts a builder.
    pub fn builder() -> StageAttributesBuilder {
        StageAttributesBuilder::default()
    }

    /// The attributes of the stage `stage_name` of the API `rest_api_id`.
    pub fn new(rest_api_id: impl Into<Value>, stage_name: impl Into<Value>) -> Self {
        StageAttributes { stage_name: stage_name.into(), rest_api_id: rest_api_id.into() }
    }
}

/// A stage defined outside this app (`Stage.fromStageAttributes`).
#[derive(Clone, Debug)]
pub struct ImportedStage {
    node: Node,
    stage_name: Value,
    rest_api_id: Value,
}

impl Construct for ImportedStage {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Stage {
    /// Imports an existing stage (`Stage.fromStageAttributes`). It adds a construct to the
    /// tree and nothing to the template.
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_stage_attributes(
        scope: &impl Construct,
        id: &str,
        attrs: StageAttributes,
    ) -> Result<ImportedStage, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.StageBase", crate::FQN));
        Ok(ImportedStage { node, stage_name: attrs.stage_name, rest_api_id: attrs.rest_api_id })
    }
}

impl ImportedStage {
    /// The stage name, as given.
    pub fn stage_name(&self) -> Value {
        self.stage_name.clone()
    }

    /// The id of the stage's REST API, as given.
    pub fn rest_api_id(&self) -> Value {
        self.rest_api_id.clone()
    }

    /// The reference API keys take (`stageRef`).
    pub fn stage_ref(&self) -> StageReference {
        StageReference::new(self.rest_api_id.clone(), self.stage_name.clone())
    }

    /// Adds an API key for this stage, as a child of the stage (`addApiKey`).
    ///
    /// # Errors
    /// Errors of [`ApiKey::new`].
    pub fn add_api_key(&self, id: &str, options: Option<ApiKeyOptions>) -> Result<ApiKey, Error> {
        ApiKey::for_stage(self, id, self.stage_ref(), options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn imported_stage_keeps_its_attributes() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let stage = Stage::from_stage_attributes(
            &stack,
            "imported-stage",
            StageAttributes::builder()
                .stage_name("myStageName")
                .rest_api_id("importedrestapiid")
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(stage.node().path(), "Stack/imported-stage");
        assert_eq!(
            StageReference::from(&stage),
            StageReference::new("importedrestapiid", "myStageName")
        );
        assert!(StageAttributes::builder()
            .stage_name("x")
            .build()
            .unwrap_err()
            .to_string()
            .contains("rest_api_id"));
    }
}
