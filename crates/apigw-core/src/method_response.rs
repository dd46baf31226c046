//! Method responses (`methodresponse.ts`): the responses a method declares, with the
//! headers they may carry and the models of their bodies.

use cdk_core::{Map, Value};
use indexmap::IndexMap;

use crate::ModelRef;

/// A response a method declares (`MethodResponse`).
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct MethodResponse {
    /// The HTTP status code (`"200"`). Required.
    pub status_code: String,
    /// Headers the response may carry: `method.response.header.<name>` → whether it is
    /// required. Default: none.
    #[builder(default, setter(custom))]
    pub response_parameters: Option<IndexMap<String, bool>>,
    /// The model of the body, by content type. Default: none.
    #[builder(default, setter(custom))]
    pub response_models: Option<IndexMap<String, ModelRef>>,
}

cdk_core::impl_props!(MethodResponse, MethodResponseBuilder);

impl MethodResponseBuilder {
    /// Headers the response may carry: `method.response.header.<name>` → whether it is
    /// required. Default: none.
    pub fn response_parameters<K: Into<String>>(
        mut self,
        parameters: impl IntoIterator<Item = (K, bool)>,
    ) -> Self {
        self.response_parameters =
            Some(Some(parameters.into_iter().map(|(k, v)| (k.into(), v)).collect()));
        self
    }

    /// The model of the body, by content type (a [`crate::Model`], `&Model` or
    /// [`crate::Model::EMPTY_MODEL`]). Default: none.
    pub fn response_models<K: Into<String>, M: Into<ModelRef>>(
        mut self,
        models: impl IntoIterator<Item = (K, M)>,
    ) -> Self {
        self.response_models =
            Some(Some(models.into_iter().map(|(k, m)| (k.into(), m.into())).collect()));
        self
    }
}

impl MethodResponse {
    fn parameters(&self) -> Option<Value> {
        self.response_parameters
            .as_ref()
            .map(|p| Value::Object(p.iter().map(|(k, v)| (k.clone(), Value::Bool(*v))).collect()))
    }

    fn models(&self) -> Option<Value> {
        self.response_models
            .as_ref()
            .map(|m| Value::Object(m.iter().map(|(k, v)| (k.clone(), v.model_id())).collect()))
    }

    /// The entry of the method's `MethodResponses` property.
    pub(crate) fn to_cfn(&self) -> Result<Value, cdk_core::BuildError> {
        let mut r = cfn_apigateway::method::MethodResponse::builder()
            .status_code(self.status_code.as_str())
            .build()?;
        r.response_parameters = self.parameters();
        r.response_models = self.models();
        Ok(r.into())
    }

    /// The entry of the method's `methodResponses` in the deployment hash
    /// (`renderMethodResponses`: `statusCode`, `responseParameters`, `responseModels`).
    pub(crate) fn hash_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("statusCode".into(), Value::from(self.status_code.as_str()));
        if let Some(p) = self.parameters() {
            m.insert("responseParameters".into(), p);
        }
        if let Some(models) = self.models() {
            m.insert("responseModels".into(), models);
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Model;
    use cdk_core::json::to_json_string;

    #[test]
    fn renders_for_the_template_and_the_hash() {
        let r = MethodResponse::builder()
            .status_code("200")
            .response_parameters([("method.response.header.Vary", true)])
            .response_models([("application/json", Model::EMPTY_MODEL)])
            .build()
            .unwrap();
        assert_eq!(
            to_json_string(&r.hash_json(), 0),
            r#"{"statusCode":"200","responseParameters":{"method.response.header.Vary":true},"responseModels":{"application/json":"Empty"}}"#
        );
        let cfn = r.to_cfn().unwrap();
        let keys: Vec<&str> = cfn.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["ResponseModels", "ResponseParameters", "StatusCode"]);
        assert!(MethodResponse::builder().build().is_err());
    }
}
