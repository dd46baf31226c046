//! Models (`model.ts`): JSON schemas of request and response payloads
//! (`AWS::ApiGateway::Model`), and the references methods use to name them ([`ModelRef`]).

use std::rc::Rc;

use cdk_core::{Construct, Error, IntoProps, Node, Value};
use cfn_apigateway::{CfnModel, CfnModelProps};

use crate::rest_api::{ApiHandle, ApiShared};
use crate::{JsonSchema, RestApi};

/// A model as methods refer to it (`IModel`): its `modelId`.
///
/// From a [`Model`] of this app (`From<&Model>`), one of API Gateway's built-in models
/// ([`Model::EMPTY_MODEL`], [`Model::ERROR_MODEL`]) or a model imported by name
/// ([`Model::from_model_name`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRef(ModelRefKind);

#[derive(Clone, Debug, PartialEq)]
enum ModelRefKind {
    Empty,
    Error,
    Id(Value),
}

impl ModelRef {
    /// The model's id (`modelId`): `Empty`, `Error`, a model name or the `Ref` of a model.
    pub fn model_id(&self) -> Value {
        match &self.0 {
            ModelRefKind::Empty => Value::from("Empty"),
            ModelRefKind::Error => Value::from("Error"),
            ModelRefKind::Id(v) => v.clone(),
        }
    }
}

impl From<&Model> for ModelRef {
    fn from(m: &Model) -> ModelRef {
        ModelRef(ModelRefKind::Id(m.model_id()))
    }
}

impl From<Model> for ModelRef {
    fn from(m: Model) -> ModelRef {
        ModelRef::from(&m)
    }
}

/// Options of a model added with [`RestApi::add_model`] (`ModelOptions`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ModelOptions {
    /// The content type of the payloads the model describes. Default: `application/json`.
    #[builder(default)]
    pub content_type: Option<String>,
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<String>,
    /// The model's name. Default: a name CloudFormation generates.
    #[builder(default)]
    pub model_name: Option<String>,
    /// The schema of the payloads. Required.
    pub schema: JsonSchema,
}

cdk_core::impl_props!(ModelOptions, ModelOptionsBuilder);

/// Props of a [`Model`] (`ModelProps`): its options and the API it belongs to.
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct ModelProps {
    /// The API the model belongs to (`restApi`: any [`IRestApi`](crate::IRestApi), by
    /// reference). Required.
    pub rest_api: ApiHandle,
    /// The content type of the payloads the model describes. Default: `application/json`.
    #[builder(default)]
    pub content_type: Option<String>,
    /// A description. Default: none.
    #[builder(default)]
    pub description: Option<String>,
    /// The model's name. Default: a name CloudFormation generates.
    #[builder(default)]
    pub model_name: Option<String>,
    /// The schema of the payloads. Required.
    pub schema: JsonSchema,
}

cdk_core::impl_props!(ModelProps, ModelPropsBuilder);

/// A model of an API (`Model`).
#[derive(Clone, Debug)]
pub struct Model {
    node: Node,
    resource: CfnModel,
}

impl Construct for Model {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl Model {
    /// API Gateway's built-in empty model (`Model.EMPTY_MODEL`, id `Empty`).
    pub const EMPTY_MODEL: ModelRef = ModelRef(ModelRefKind::Empty);
    /// API Gateway's built-in error model (`Model.ERROR_MODEL`, id `Error`).
    pub const ERROR_MODEL: ModelRef = ModelRef(ModelRefKind::Error);

    /// Defines a model of `props.rest_api`; `props` is a [`ModelProps`] or its unfinished
    /// builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<ModelProps>,
    ) -> Result<Model, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        let options = ModelOptions {
            content_type: props.content_type,
            description: props.description,
            model_name: props.model_name,
            schema: props.schema,
        };
        Self::create(scope.node(), id, &props.rest_api.0, options)
    }

    pub(crate) fn create(
        scope: &Node,
        id: &str,
        api: &Rc<ApiShared>,
        options: ModelOptions,
    ) -> Result<Model, Error> {
        let node = scope.add_child(id)?;
        node.set_construct_info(&format!("{}.Model", crate::FQN));
        let name = options.model_name.map(Value::String);
        let content_type =
            Value::String(options.content_type.unwrap_or_else(|| "application/json".into()));
        let description = options.description.map(Value::String);
        let schema = options.schema.to_cfn();
        let mut l1 = CfnModelProps::builder()
            .rest_api_id(api.rest_api_id.clone())
            .build()
            .map_err(|source| Error::build(node.path(), source))?;
        l1.name = name.clone();
        l1.content_type = Some(content_type.clone());
        l1.description = description.clone();
        l1.schema = Some(schema.clone());
        let resource = CfnModel::new(&node, "Resource", l1)?;
        if let Some(deployment) = api.latest_deployment() {
            deployment.node().add_dependency(resource.node());
            let mut m = cdk_core::Map::new();
            if let Some(name) = name {
                m.insert("name".into(), name);
            }
            m.insert("restApiId".into(), api.rest_api_id.clone());
            m.insert("contentType".into(), content_type);
            if let Some(d) = description {
                m.insert("description".into(), d);
            }
            m.insert("schema".into(), schema);
            deployment.add_to_logical_id_for(&node, Value::object([("model", Value::Object(m))]));
        }
        Ok(Model { node, resource })
    }

    /// A model of an API defined elsewhere, by name (`Model.fromModelName`).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_model_name(
        scope: &impl Construct,
        id: &str,
        model_name: &str,
    ) -> Result<ModelRef, Error> {
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.Resource");
        Ok(ModelRef(ModelRefKind::Id(Value::from(model_name))))
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnModel {
        &self.resource
    }

    /// The model's id (`modelId`, its `Ref`: the model name).
    pub fn model_id(&self) -> Value {
        self.resource.ref_()
    }
}

impl RestApi {
    /// Adds a model to this API (`addModel`); `options` is a
    /// [`ModelOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the new construct's path; id errors from the tree.
    pub fn add_model(
        &self,
        id: &str,
        options: impl IntoProps<ModelOptions>,
    ) -> Result<Model, Error> {
        let options = options.into_props_at(&self.node().child_path(id))?;
        Model::create(self.node(), id, self.shared(), options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{JsonSchemaType, RestApiProps};
    use cdk_core::{App, AppProps, Stack};

    #[test]
    fn builtin_and_imported_references() {
        assert_eq!(Model::EMPTY_MODEL.model_id(), Value::from("Empty"));
        assert_eq!(Model::ERROR_MODEL.model_id(), Value::from("Error"));
        let app = App::with_props(AppProps::builder().build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let m = Model::from_model_name(&stack, "Imported", "MyModel").unwrap();
        assert_eq!(m.model_id(), Value::from("MyModel"));
        assert!(Model::from_model_name(&stack, "Imported", "Other").is_err());
    }

    #[test]
    fn options_need_a_schema() {
        let e = ModelOptions::builder().model_name("m").build().unwrap_err();
        assert!(e.message().contains("schema"), "{e}");
        let o = ModelOptions::builder()
            .schema(JsonSchema::new().type_(JsonSchemaType::Object))
            .build()
            .unwrap();
        assert_eq!(o.content_type, None);
    }

    #[test]
    fn renders_with_default_content_type_and_schema_version() {
        let dir = std::env::temp_dir().join("apigw-core-model-test");
        let _ = std::fs::remove_dir_all(&dir);
        let app = App::with_props(AppProps::builder().outdir(dir.clone()).build().unwrap());
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::default()).unwrap();
        api.root().add_method("GET", None).unwrap();
        let m = api
            .add_model(
                "M",
                ModelOptions::builder().schema(JsonSchema::new().title("t")).build().unwrap(),
            )
            .unwrap();
        assert_eq!(m.node().path(), "Stack/api/M");
        let by_props = Model::new(
            &stack,
            "Other",
            ModelProps::builder()
                .rest_api(&api)
                .schema(JsonSchema::new())
                .model_name("Named")
                .build()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(by_props.node().path(), "Stack/Other");
        app.synth().unwrap();
        let t = std::fs::read_to_string(dir.join("Stack.template.json")).unwrap();
        assert!(t.contains(
            "\"ContentType\": \"application/json\",\n    \"RestApiId\": {\n     \"Ref\": \"apiC8550315\"\n    },\n    \"Schema\": {\n     \"title\": \"t\",\n     \"$schema\": \"http://json-schema.org/draft-04/schema#\"\n    }"
        ), "{t}");
        assert!(t.contains("\"Name\": \"Named\""), "{t}");
    }
}
