//! Integration responses (the `IntegrationResponse` interface of `integration.ts`): how a
//! backend's answer becomes the method's response.
//!
//! aws-cdk-lib hashes the integration responses into the deployment's logical ID as the app
//! wrote them, keys in the order of the object literal. The builder here remembers the order
//! its setters are called in, so a line-by-line port of a TypeScript app hashes alike.

use cdk_core::{BuildError, Map, Value};
use indexmap::IndexMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    StatusCode,
    SelectionPattern,
    ContentHandling,
    ResponseParameters,
    ResponseTemplates,
}

/// A response of an integration (`IntegrationResponse`). Built with
/// [`IntegrationResponse::builder`].
///
/// ```
/// use apigw_core::IntegrationResponse;
/// let r = IntegrationResponse::builder()
///     .selection_pattern("(\n|.)+")
///     .status_code("400")
///     .response_templates([("application/json", "{}")])
///     .build()?;
/// assert_eq!(r.status_code(), "400");
/// # Ok::<(), cdk_core::BuildError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct IntegrationResponse {
    status_code: String,
    selection_pattern: Option<String>,
    content_handling: Option<Value>,
    response_parameters: Option<IndexMap<String, Value>>,
    response_templates: Option<IndexMap<String, Value>>,
    order: Vec<Field>,
}

cdk_core::impl_props!(IntegrationResponse, IntegrationResponseBuilder);

impl IntegrationResponse {
    /// A response with only a status code (what `.status_code(code).build()` gives).
    pub(crate) fn of_status(code: &str) -> IntegrationResponse {
        IntegrationResponse {
            status_code: code.to_string(),
            selection_pattern: None,
            content_handling: None,
            response_parameters: None,
            response_templates: None,
            order: vec![Field::StatusCode],
        }
    }
}

/// Builder of an [`IntegrationResponse`]; the order of the calls is the order of the keys in
/// the deployment hash.
#[derive(Clone, Debug, Default)]
pub struct IntegrationResponseBuilder {
    status_code: Option<String>,
    selection_pattern: Option<String>,
    content_handling: Option<Value>,
    response_parameters: Option<IndexMap<String, Value>>,
    response_templates: Option<IndexMap<String, Value>>,
    order: Vec<Field>,
}

fn map<K: Into<String>, V: Into<Value>>(
    entries: impl IntoIterator<Item = (K, V)>,
) -> IndexMap<String, Value> {
    entries.into_iter().map(|(k, v)| (k.into(), v.into())).collect()
}

impl IntegrationResponseBuilder {
    fn mark(mut self, field: Field) -> Self {
        if !self.order.contains(&field) {
            self.order.push(field);
        }
        self
    }

    /// The method response's status code (`"200"`). Required.
    pub fn status_code(mut self, status_code: impl Into<String>) -> Self {
        self.status_code = Some(status_code.into());
        self.mark(Field::StatusCode)
    }

    /// A regular expression on the backend's error message (Lambda) or status code (HTTP)
    /// that selects this response. Default: none, the default response.
    pub fn selection_pattern(mut self, pattern: impl Into<String>) -> Self {
        self.selection_pattern = Some(pattern.into());
        self.mark(Field::SelectionPattern)
    }

    /// `CONVERT_TO_BINARY` or `CONVERT_TO_TEXT` (see
    /// [`ContentHandling`](crate::ContentHandling)). Default: the payload passes through.
    pub fn content_handling(mut self, handling: impl Into<Value>) -> Self {
        self.content_handling = Some(handling.into());
        self.mark(Field::ContentHandling)
    }

    /// Response headers: `method.response.header.<name>` → a static value (`"'*'"`) or an
    /// integration response expression. Default: none.
    pub fn response_parameters<K: Into<String>, V: Into<Value>>(
        mut self,
        parameters: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.response_parameters = Some(map(parameters));
        self.mark(Field::ResponseParameters)
    }

    /// Body templates by content type. Default: none.
    pub fn response_templates<K: Into<String>, V: Into<Value>>(
        mut self,
        templates: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.response_templates = Some(map(templates));
        self.mark(Field::ResponseTemplates)
    }

    /// Finishes the response (what `build()` and [`cdk_core::IntoProps`] call).
    fn build_fields(self) -> Result<IntegrationResponse, BuildError> {
        Ok(IntegrationResponse {
            status_code: self
                .status_code
                .ok_or_else(|| BuildError::missing_field("status_code"))?,
            selection_pattern: self.selection_pattern,
            content_handling: self.content_handling,
            response_parameters: self.response_parameters,
            response_templates: self.response_templates,
            order: self.order,
        })
    }
}

impl IntegrationResponse {
    /// The status code.
    pub fn status_code(&self) -> &str {
        &self.status_code
    }

    /// The selection pattern, if any.
    pub fn selection_pattern(&self) -> Option<&str> {
        self.selection_pattern.as_deref()
    }

    /// The content handling, if any.
    pub fn content_handling(&self) -> Option<&Value> {
        self.content_handling.as_ref()
    }

    /// The response parameters, if any.
    pub fn response_parameters(&self) -> Option<&IndexMap<String, Value>> {
        self.response_parameters.as_ref()
    }

    /// The response templates, if any.
    pub fn response_templates(&self) -> Option<&IndexMap<String, Value>> {
        self.response_templates.as_ref()
    }

    fn object(m: &IndexMap<String, Value>) -> Value {
        Value::Object(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }

    /// The entry of the integration's `IntegrationResponses` property.
    pub(crate) fn to_cfn(&self) -> Result<Value, BuildError> {
        let mut r = cfn_apigateway::method::IntegrationResponse::builder()
            .status_code(self.status_code.as_str())
            .build()?;
        r.selection_pattern = self.selection_pattern.clone().map(Value::String);
        r.content_handling = self.content_handling.clone();
        r.response_parameters = self.response_parameters.as_ref().map(Self::object);
        r.response_templates = self.response_templates.as_ref().map(Self::object);
        Ok(r.into())
    }

    /// The entry of `integrationResponses` in the deployment hash: aws-cdk-lib's names, in
    /// the order they were set.
    pub(crate) fn hash_json(&self) -> Value {
        let mut m = Map::new();
        for field in &self.order {
            let (key, value) = match field {
                Field::StatusCode => ("statusCode", Some(Value::from(self.status_code.as_str()))),
                Field::SelectionPattern => {
                    ("selectionPattern", self.selection_pattern.clone().map(Value::String))
                }
                Field::ContentHandling => ("contentHandling", self.content_handling.clone()),
                Field::ResponseParameters => {
                    ("responseParameters", self.response_parameters.as_ref().map(Self::object))
                }
                Field::ResponseTemplates => {
                    ("responseTemplates", self.response_templates.as_ref().map(Self::object))
                }
            };
            if let Some(v) = value {
                m.insert(key.into(), v);
            }
        }
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::json::to_json_string;

    #[test]
    fn hash_keeps_the_order_of_the_calls() {
        let r = IntegrationResponse::builder()
            .selection_pattern("x")
            .status_code("400")
            .response_templates([("application/json", "t")])
            .response_parameters([("method.response.header.A", "'a'")])
            .status_code("401")
            .build()
            .unwrap();
        assert_eq!(
            to_json_string(&r.hash_json(), 0),
            r#"{"selectionPattern":"x","statusCode":"401","responseTemplates":{"application/json":"t"},"responseParameters":{"method.response.header.A":"'a'"}}"#
        );
        // the L1 struct's order; the unset `ContentHandling` is left out
        let cfn = r.to_cfn().unwrap();
        let keys: Vec<&str> = cfn.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["ResponseParameters", "ResponseTemplates", "SelectionPattern", "StatusCode"]
        );
    }

    #[test]
    fn status_code_is_required() {
        let e = IntegrationResponse::builder().selection_pattern("x").build().unwrap_err();
        assert!(e.message().contains("status_code"), "{e}");
    }
}
