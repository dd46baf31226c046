//! JSON schemas of models (`json-schema.ts`, and `JsonSchemaMapper` of `util.ts`).
//!
//! A [`JsonSchema`] is a typed value: each keyword has its own setter taking the type the
//! keyword expects. Keywords render in the order they are set, which is the order of the keys
//! of the object literal a TypeScript app writes (aws-cdk-lib copies the user's object), and
//! setting a keyword again replaces its value in place, as assigning a JavaScript property
//! does. aws-cdk-lib's `JsonSchemaMapper` renaming is applied as the keywords are set:
//! `schema` renders as `$schema` and `ref` as `$ref`, while the names below `definitions`,
//! `properties`, `patternProperties` and `dependencies` are kept as given. A model's schema
//! without `$schema` gets draft 4 appended ([`JsonSchema::to_cfn`]).
//!
//! ```
//! use apigw_core::{JsonSchema, JsonSchemaType, JsonSchemaVersion};
//! let schema = JsonSchema::new()
//!     .schema(JsonSchemaVersion::Draft4)
//!     .title("pollResponse")
//!     .type_(JsonSchemaType::Object)
//!     .properties([("state", JsonSchema::new().type_(JsonSchemaType::String))]);
//! let json = cdk_core::json::to_json_string(&schema.to_cfn(), 0);
//! assert_eq!(
//!     json,
//!     r#"{"$schema":"http://json-schema.org/draft-04/schema#","title":"pollResponse","type":"object","properties":{"state":{"type":"string"}}}"#
//! );
//! ```

use cdk_core::{Map, Value};

/// The draft a schema follows (`JsonSchemaVersion`); its `$schema` URI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonSchemaVersion {
    /// Draft 4 (`http://json-schema.org/draft-04/schema#`), the one API Gateway uses.
    #[doc(alias = "DRAFT4")]
    Draft4,
    /// Draft 7 (`http://json-schema.org/draft-07/schema#`).
    #[doc(alias = "DRAFT7")]
    Draft7,
}

impl JsonSchemaVersion {
    /// The `$schema` URI.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonSchemaVersion::Draft4 => "http://json-schema.org/draft-04/schema#",
            JsonSchemaVersion::Draft7 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

/// A JSON type (`JsonSchemaType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonSchemaType {
    /// `null`.
    #[doc(alias = "NULL")]
    Null,
    /// `boolean`.
    #[doc(alias = "BOOLEAN")]
    Boolean,
    /// `object`.
    #[doc(alias = "OBJECT")]
    Object,
    /// `array`.
    #[doc(alias = "ARRAY")]
    Array,
    /// `number`.
    #[doc(alias = "NUMBER")]
    Number,
    /// `integer`.
    #[doc(alias = "INTEGER")]
    Integer,
    /// `string`.
    #[doc(alias = "STRING")]
    String,
}

impl JsonSchemaType {
    /// The name used in schemas.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonSchemaType::Null => "null",
            JsonSchemaType::Boolean => "boolean",
            JsonSchemaType::Object => "object",
            JsonSchemaType::Array => "array",
            JsonSchemaType::Number => "number",
            JsonSchemaType::Integer => "integer",
            JsonSchemaType::String => "string",
        }
    }
}

impl From<JsonSchemaType> for Value {
    fn from(t: JsonSchemaType) -> Value {
        Value::from(t.as_str())
    }
}

/// A value of the `dependencies` keyword: a schema the object must also match, or the
/// properties it must also have.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum JsonSchemaDependency {
    /// A schema dependency.
    Schema(JsonSchema),
    /// A property dependency: the names of the properties required along.
    Properties(Vec<String>),
}

impl From<JsonSchema> for JsonSchemaDependency {
    fn from(s: JsonSchema) -> Self {
        JsonSchemaDependency::Schema(s)
    }
}

impl<S: Into<String>> From<Vec<S>> for JsonSchemaDependency {
    fn from(v: Vec<S>) -> Self {
        JsonSchemaDependency::Properties(v.into_iter().map(Into::into).collect())
    }
}

/// A JSON schema (`JsonSchema`), its keywords in the order they are set.
///
/// Every keyword is optional; an empty schema renders as `{}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsonSchema {
    keywords: Map,
}

/// Keys whose children are user-defined names (`SchemaPropsWithUserDefinedChildren`).
const USER_DEFINED_CHILDREN: &[&str] =
    &["definitions", "properties", "patternProperties", "dependencies"];

/// `JsonSchemaMapper._toCfnJsonSchema` on a free-form value (`enum`, `default`): `schema` and
/// `ref` keys become `$schema` and `$ref`, except directly below the user-defined maps.
///
/// Renames in place, walking the value with an explicit stack (a value of any depth).
fn map_free_form(mut value: Value) -> Value {
    let mut pending: Vec<(&mut Value, bool)> = vec![(&mut value, false)];
    while let Some((v, preserve_keys)) = pending.pop() {
        match v {
            Value::Array(items) => pending.extend(items.iter_mut().map(|i| (i, false))),
            Value::Object(o) => {
                if !preserve_keys && (o.contains_key("schema") || o.contains_key("ref")) {
                    let entries = std::mem::take(o);
                    *o = entries
                        .into_iter()
                        .map(|(k, v)| match k.as_str() {
                            "schema" => ("$schema".to_string(), v),
                            "ref" => ("$ref".to_string(), v),
                            _ => (k, v),
                        })
                        .collect();
                }
                pending.extend(o.iter_mut().map(|(k, v)| {
                    // (the renamed keys are not among these)
                    (v, !preserve_keys && USER_DEFINED_CHILDREN.contains(&k))
                }));
            }
            _ => {}
        }
    }
    value
}

fn schemas(list: impl IntoIterator<Item = JsonSchema>) -> Value {
    Value::Array(list.into_iter().map(|s| Value::Object(s.keywords)).collect())
}

fn named<K: Into<String>>(entries: impl IntoIterator<Item = (K, JsonSchema)>) -> Value {
    Value::Object(entries.into_iter().map(|(k, s)| (k.into(), Value::Object(s.keywords))).collect())
}

impl JsonSchema {
    /// An empty schema.
    pub fn new() -> JsonSchema {
        JsonSchema::default()
    }

    fn set(mut self, key: &str, value: Value) -> JsonSchema {
        self.keywords.insert(key.to_string(), value);
        self
    }

    /// `$schema`: the draft the schema follows.
    pub fn schema(self, version: JsonSchemaVersion) -> JsonSchema {
        self.set("$schema", Value::from(version.as_str()))
    }

    /// `id`: the schema's URI.
    pub fn id(self, id: impl Into<String>) -> JsonSchema {
        self.set("id", Value::String(id.into()))
    }

    /// `$ref`: a reference to another schema (a model's URL, `#/definitions/x`, ...).
    pub fn ref_(self, reference: impl Into<Value>) -> JsonSchema {
        self.set("$ref", reference.into())
    }

    /// `type`: one JSON type.
    pub fn type_(self, t: JsonSchemaType) -> JsonSchema {
        self.set("type", t.into())
    }

    /// `type`: any of several JSON types.
    pub fn types(self, types: impl IntoIterator<Item = JsonSchemaType>) -> JsonSchema {
        self.set("type", Value::array(types))
    }

    /// `title`.
    pub fn title(self, title: impl Into<String>) -> JsonSchema {
        self.set("title", Value::String(title.into()))
    }

    /// `description`.
    pub fn description(self, description: impl Into<String>) -> JsonSchema {
        self.set("description", Value::String(description.into()))
    }

    /// `enum`: the allowed values.
    pub fn enum_<V: Into<Value>>(self, values: impl IntoIterator<Item = V>) -> JsonSchema {
        self.set("enum", map_free_form(Value::array(values)))
    }

    /// `default`: the default value.
    pub fn default_(self, value: impl Into<Value>) -> JsonSchema {
        self.set("default", map_free_form(value.into()))
    }

    /// `format` (`date-time`, `email`, ...).
    pub fn format(self, format: impl Into<String>) -> JsonSchema {
        self.set("format", Value::String(format.into()))
    }

    /// `definitions`: named schemas to refer to with `$ref`.
    pub fn definitions<K: Into<String>>(
        self,
        definitions: impl IntoIterator<Item = (K, JsonSchema)>,
    ) -> JsonSchema {
        self.set("definitions", named(definitions))
    }

    /// `multipleOf`.
    pub fn multiple_of(self, n: f64) -> JsonSchema {
        self.set("multipleOf", Value::Number(n))
    }

    /// `maximum`.
    pub fn maximum(self, n: f64) -> JsonSchema {
        self.set("maximum", Value::Number(n))
    }

    /// `exclusiveMaximum` (draft 4: whether `maximum` is exclusive).
    pub fn exclusive_maximum(self, exclusive: bool) -> JsonSchema {
        self.set("exclusiveMaximum", Value::Bool(exclusive))
    }

    /// `minimum`.
    pub fn minimum(self, n: f64) -> JsonSchema {
        self.set("minimum", Value::Number(n))
    }

    /// `exclusiveMinimum` (draft 4: whether `minimum` is exclusive).
    pub fn exclusive_minimum(self, exclusive: bool) -> JsonSchema {
        self.set("exclusiveMinimum", Value::Bool(exclusive))
    }

    /// `maxLength`.
    pub fn max_length(self, n: u64) -> JsonSchema {
        self.set("maxLength", Value::from(n))
    }

    /// `minLength`.
    pub fn min_length(self, n: u64) -> JsonSchema {
        self.set("minLength", Value::from(n))
    }

    /// `pattern`: a regular expression strings must match.
    pub fn pattern(self, pattern: impl Into<String>) -> JsonSchema {
        self.set("pattern", Value::String(pattern.into()))
    }

    /// `items`: the schema of every item.
    pub fn items(self, schema: JsonSchema) -> JsonSchema {
        self.set("items", Value::Object(schema.keywords))
    }

    /// `items`: one schema per position (a tuple).
    pub fn items_list(self, schemas_: impl IntoIterator<Item = JsonSchema>) -> JsonSchema {
        self.set("items", schemas(schemas_))
    }

    /// `additionalItems`: the schema of items beyond those of [`JsonSchema::items_list`].
    pub fn additional_items(self, schema: JsonSchema) -> JsonSchema {
        self.set("additionalItems", Value::Object(schema.keywords))
    }

    /// `additionalItems`: whether items beyond those of [`JsonSchema::items_list`] are
    /// allowed.
    pub fn additional_items_allowed(self, allowed: bool) -> JsonSchema {
        self.set("additionalItems", Value::Bool(allowed))
    }

    /// `maxItems`.
    pub fn max_items(self, n: u64) -> JsonSchema {
        self.set("maxItems", Value::from(n))
    }

    /// `minItems`.
    pub fn min_items(self, n: u64) -> JsonSchema {
        self.set("minItems", Value::from(n))
    }

    /// `uniqueItems`.
    pub fn unique_items(self, unique: bool) -> JsonSchema {
        self.set("uniqueItems", Value::Bool(unique))
    }

    /// `contains`: a schema at least one item matches.
    pub fn contains(self, schema: JsonSchema) -> JsonSchema {
        self.set("contains", Value::Object(schema.keywords))
    }

    /// `contains`, as a list of schemas.
    pub fn contains_list(self, schemas_: impl IntoIterator<Item = JsonSchema>) -> JsonSchema {
        self.set("contains", schemas(schemas_))
    }

    /// `maxProperties`.
    pub fn max_properties(self, n: u64) -> JsonSchema {
        self.set("maxProperties", Value::from(n))
    }

    /// `minProperties`.
    pub fn min_properties(self, n: u64) -> JsonSchema {
        self.set("minProperties", Value::from(n))
    }

    /// `required`: the properties an object must have.
    pub fn required<S: Into<String>>(self, names: impl IntoIterator<Item = S>) -> JsonSchema {
        self.set(
            "required",
            Value::Array(names.into_iter().map(|s| Value::String(s.into())).collect()),
        )
    }

    /// `properties`: the schema of each named property, in the given order.
    pub fn properties<K: Into<String>>(
        self,
        properties: impl IntoIterator<Item = (K, JsonSchema)>,
    ) -> JsonSchema {
        self.set("properties", named(properties))
    }

    /// `additionalProperties`: the schema of properties not listed.
    pub fn additional_properties(self, schema: JsonSchema) -> JsonSchema {
        self.set("additionalProperties", Value::Object(schema.keywords))
    }

    /// `additionalProperties`: whether properties not listed are allowed.
    pub fn additional_properties_allowed(self, allowed: bool) -> JsonSchema {
        self.set("additionalProperties", Value::Bool(allowed))
    }

    /// `patternProperties`: schemas of the properties whose names match a pattern.
    pub fn pattern_properties<K: Into<String>>(
        self,
        properties: impl IntoIterator<Item = (K, JsonSchema)>,
    ) -> JsonSchema {
        self.set("patternProperties", named(properties))
    }

    /// `dependencies`: what the presence of a property requires.
    pub fn dependencies<K: Into<String>, D: Into<JsonSchemaDependency>>(
        self,
        dependencies: impl IntoIterator<Item = (K, D)>,
    ) -> JsonSchema {
        let map: Map = dependencies
            .into_iter()
            .map(|(k, d)| {
                let v = match d.into() {
                    JsonSchemaDependency::Schema(s) => Value::Object(s.keywords),
                    JsonSchemaDependency::Properties(p) => {
                        Value::Array(p.into_iter().map(Value::String).collect())
                    }
                };
                (k.into(), v)
            })
            .collect();
        self.set("dependencies", Value::Object(map))
    }

    /// `propertyNames`: a schema every property name matches.
    pub fn property_names(self, schema: JsonSchema) -> JsonSchema {
        self.set("propertyNames", Value::Object(schema.keywords))
    }

    /// `allOf`.
    pub fn all_of(self, schemas_: impl IntoIterator<Item = JsonSchema>) -> JsonSchema {
        self.set("allOf", schemas(schemas_))
    }

    /// `anyOf`.
    pub fn any_of(self, schemas_: impl IntoIterator<Item = JsonSchema>) -> JsonSchema {
        self.set("anyOf", schemas(schemas_))
    }

    /// `oneOf`.
    pub fn one_of(self, schemas_: impl IntoIterator<Item = JsonSchema>) -> JsonSchema {
        self.set("oneOf", schemas(schemas_))
    }

    /// `not`.
    pub fn not(self, schema: JsonSchema) -> JsonSchema {
        self.set("not", Value::Object(schema.keywords))
    }

    /// The keywords as set, with CloudFormation's names (`$schema`, `$ref`).
    pub fn keywords(&self) -> &Map {
        &self.keywords
    }

    /// The `Schema` of an `AWS::ApiGateway::Model` (`JsonSchemaMapper.toCfnJsonSchema`): the
    /// keywords, with `$schema` set to [`JsonSchemaVersion::Draft4`] at the end when absent.
    pub fn to_cfn(&self) -> Value {
        let mut out = self.keywords.clone();
        if !out.contains_key("$schema") {
            out.insert("$schema".into(), Value::from(JsonSchemaVersion::Draft4.as_str()));
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::json::to_json_string;

    fn json(s: &JsonSchema) -> String {
        to_json_string(&s.to_cfn(), 0)
    }

    #[test]
    fn keywords_keep_the_order_they_are_set_in() {
        let s = JsonSchema::new()
            .title("t")
            .type_(JsonSchemaType::Object)
            .schema(JsonSchemaVersion::Draft7)
            .title("again");
        assert_eq!(
            json(&s),
            r#"{"title":"again","type":"object","$schema":"http://json-schema.org/draft-07/schema#"}"#
        );
    }

    #[test]
    fn draft4_is_appended_when_absent() {
        assert_eq!(
            json(&JsonSchema::new().ref_("#/definitions/a")),
            r##"{"$ref":"#/definitions/a","$schema":"http://json-schema.org/draft-04/schema#"}"##
        );
        // nested schemas get no `$schema`
        let s = JsonSchema::new().items(JsonSchema::new().type_(JsonSchemaType::Integer));
        assert_eq!(
            json(&s),
            r#"{"items":{"type":"integer"},"$schema":"http://json-schema.org/draft-04/schema#"}"#
        );
    }

    #[test]
    fn user_defined_names_are_kept_and_free_form_values_mapped() {
        let s = JsonSchema::new()
            .schema(JsonSchemaVersion::Draft4)
            .properties([
                ("schema", JsonSchema::new().ref_("x")),
                ("ref", JsonSchema::new().types([JsonSchemaType::String, JsonSchemaType::Null])),
            ])
            .dependencies([
                ("a", JsonSchemaDependency::from(vec!["b"])),
                ("c", JsonSchema::new().required(["d"]).into()),
            ])
            .default_(Value::object([
                ("schema", Value::from(1)),
                ("properties", Value::object([("ref", 2)])),
            ]))
            .enum_([Value::object([("ref", 3)])]);
        assert_eq!(
            json(&s),
            concat!(
                r#"{"$schema":"http://json-schema.org/draft-04/schema#","#,
                r#""properties":{"schema":{"$ref":"x"},"ref":{"type":["string","null"]}},"#,
                r#""dependencies":{"a":["b"],"c":{"required":["d"]}},"#,
                r#""default":{"$schema":1,"properties":{"ref":2}},"enum":[{"$ref":3}]}"#
            )
        );
    }

    #[test]
    fn numbers_and_flags() {
        let s = JsonSchema::new()
            .minimum(0.0)
            .maximum(1.5)
            .exclusive_maximum(true)
            .max_length(3)
            .additional_properties_allowed(false)
            .not(JsonSchema::new());
        assert_eq!(
            json(&s),
            r#"{"minimum":0,"maximum":1.5,"exclusiveMaximum":true,"maxLength":3,"additionalProperties":false,"not":{},"$schema":"http://json-schema.org/draft-04/schema#"}"#
        );
    }
}
