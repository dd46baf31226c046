//! Imported stages (`Stage.fromStageAttributes` of `stage.ts`) and the reference to a stage
//! that API keys take (`IStageRef.stageRef`).
//!
//! An imported stage has no resource of its own: it names a stage of an API defined
//! elsewhere, so that keys can be attached to it ([`ImportedStage::add_api_key`]).

use cdk_core::{Construct, Error, IntoProps, Node, Value};

use crate::rest_api::ApiHandle;
use crate::{ApiKey, ApiKeyOptions, IStage, Stage};

/// A stage as API keys refer to it (`StageReference`): the API id and the stage name.
///
/// Made from any stage ([`IStage`]: `StageReference::from(&stage)`, its name and its API's
/// id), or from values given directly.
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

impl<T: IStage + ?Sized> From<&T> for StageReference {
    fn from(stage: &T) -> Self {
        StageReference::new(stage.rest_api_id(), stage.stage_name())
    }
}

/// What identifies an existing stage (`StageAttributes`): its name and its API.
///
/// ```
/// use apigw_core::{RestApi, Stage, StageAttributes};
/// use cdk_core::{App, Stack};
///
/// let app = App::new();
/// let stack = Stack::new(&app, "Stack")?;
/// let api = RestApi::from_rest_api_id(&stack, "ImportedApi", "importedrestapiid")?;
/// let stage = Stage::from_stage_attributes(
///     &stack,
///     "imported-stage",
///     StageAttributes::builder().stage_name("myStageName").rest_api(&api),
/// )?;
/// stage.add_api_key("MyApiKey")?;
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct StageAttributes {
    /// The stage name. Required.
    pub stage_name: Value,
    /// The stage's REST API (`restApi`: any [`IRestApi`](crate::IRestApi), by reference).
    /// Required.
    pub rest_api: ApiHandle,
}

cdk_core::impl_props!(StageAttributes, StageAttributesBuilder);

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

impl IStage for ImportedStage {
    fn stage_name(&self) -> Value {
        self.stage_name.clone()
    }

    fn rest_api_id(&self) -> Value {
        self.rest_api_id.clone()
    }
}

impl Stage {
    /// Imports an existing stage (`Stage.fromStageAttributes`); `attrs` is a
    /// [`StageAttributes`] or its unfinished builder. It adds a construct to the tree and
    /// nothing to the template.
    ///
    /// # Errors
    /// A builder error naming the import's path; id errors from the tree.
    pub fn from_stage_attributes(
        scope: &impl Construct,
        id: &str,
        attrs: impl IntoProps<StageAttributes>,
    ) -> Result<ImportedStage, Error> {
        let attrs = attrs.into_props_at(&scope.node().child_path(id))?;
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.StageBase", crate::FQN));
        Ok(ImportedStage {
            node,
            stage_name: attrs.stage_name,
            rest_api_id: attrs.rest_api.rest_api_id(),
        })
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
    pub fn add_api_key(&self, id: &str) -> Result<ApiKey, Error> {
        self.add_api_key_with(id, ApiKeyOptions::default())
    }

    /// Adds an API key for this stage with options (`addApiKey(id, options)`); `options` is
    /// an [`ApiKeyOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the key's path; errors of [`ApiKey::new`].
    pub fn add_api_key_with(
        &self,
        id: &str,
        options: impl IntoProps<ApiKeyOptions>,
    ) -> Result<ApiKey, Error> {
        let options = options.into_props_at(&self.node.child_path(id))?;
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
        let api = crate::RestApi::from_rest_api_id(&stack, "api", "importedrestapiid").unwrap();
        let stage = Stage::from_stage_attributes(
            &stack,
            "imported-stage",
            StageAttributes::builder().stage_name("myStageName").rest_api(&api),
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
            .contains("rest_api"));
        let e = Stage::from_stage_attributes(
            &stack,
            "unfinished",
            StageAttributes::builder().stage_name("x"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/unfinished: StageAttributes: required property 'rest_api' is not set"
        );
    }
}
