//! API Gateway models (JSON Schema draft 4) as OpenAPI 3.0 schema objects.
//!
//! OpenAPI 3.0's schema object is a subset of JSON Schema draft 4 with a few changes; the
//! conversion keeps every keyword the two share and rewrites the others:
//!
//! | draft 4 | OpenAPI 3.0 |
//! | --- | --- |
//! | `type: [T, "null"]` | `type: T`, `nullable: true` |
//! | `type: [T1, T2, ...]` | `anyOf: [{type: T1}, {type: T2}, ...]` (plus `nullable` for `"null"`) |
//! | `type: "null"` | `nullable: true` |
//! | `$ref` to a model of the API (`.../restapis/<id>/models/<Name>`) | `$ref: #/components/schemas/<Name>` |
//! | `items: [S1, S2]` (a tuple) | `items: {anyOf: [S1, S2]}` |
//! | `const: v` | `enum: [v]` |
//! | `definitions: {X: S}` of model `M` | the component `MX` (API Gateway's model names are alphanumeric), and `$ref: #/definitions/X` a `$ref` to it |
//! | `required: []` | dropped (OpenAPI wants one name at least) |
//! | `$schema`, `id`, `patternProperties`, `dependencies`, `additionalItems`, `contains`, `propertyNames`, `examples` | dropped (OpenAPI 3.0 has no such keyword) |
//!
//! Sub-schemas (`properties`, `items`, `additionalProperties`, `allOf`, `anyOf`, `oneOf`,
//! `not`) are converted the same way; `x-` extension keywords are kept.

use serde_json::{Map, Value as Json};

/// Keywords of draft 4 that OpenAPI 3.0 schema objects do not have.
const DROPPED: &[&str] = &[
    "$schema",
    "id",
    "definitions",
    "patternProperties",
    "dependencies",
    "additionalItems",
    "contains",
    "propertyNames",
    "examples",
];

/// Keywords whose value is one schema.
const ONE_SCHEMA: &[&str] = &["not", "additionalProperties"];

/// Keywords whose value is a list of schemas.
const SCHEMA_LIST: &[&str] = &["allOf", "anyOf", "oneOf"];

/// Converts the schema of the model whose component is `key` (as the template has it) into
/// OpenAPI 3.0 schema objects: the model's, then its `definitions` as components `<key>X`.
pub(crate) fn convert_model(key: &str, schema: &Json) -> Vec<(String, Json)> {
    let mut out = vec![(key.to_string(), convert(schema, key))];
    for (name, definition) in schema["definitions"].as_object().into_iter().flatten() {
        out.push((definition_key(key, name), convert(definition, key)));
    }
    out
}

/// The component of the definition `name` of the model whose component is `model`.
fn definition_key(model: &str, name: &str) -> String {
    let alphanumeric: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    super::component_key(&format!("{model}{alphanumeric}"))
}

/// Converts one schema of the model whose component is `model`.
fn convert(schema: &Json, model: &str) -> Json {
    let Json::Object(map) = schema else {
        // `true`/`false` schemas and anything else: an empty (any-value) schema
        return Json::Object(Map::new());
    };
    let mut out = Map::new();
    for (key, value) in map {
        match key.as_str() {
            k if DROPPED.contains(&k) => {}
            "type" => convert_type(value, &mut out),
            "$ref" => {
                out.insert("$ref".into(), convert_ref(value, model));
            }
            "required" if value.as_array().is_some_and(Vec::is_empty) => {}
            "const" => {
                out.insert("enum".into(), Json::Array(vec![value.clone()]));
            }
            "properties" => {
                let props = value
                    .as_object()
                    .map(|p| p.iter().map(|(k, v)| (k.clone(), convert(v, model))).collect())
                    .unwrap_or_default();
                out.insert(key.clone(), Json::Object(props));
            }
            "items" => {
                let items = match value {
                    Json::Array(list) => {
                        let mut any = Map::new();
                        let list = list.iter().map(|s| convert(s, model)).collect();
                        any.insert("anyOf".into(), Json::Array(list));
                        Json::Object(any)
                    }
                    other => convert(other, model),
                };
                out.insert(key.clone(), items);
            }
            k if ONE_SCHEMA.contains(&k) => {
                let v = if value.is_boolean() { value.clone() } else { convert(value, model) };
                out.insert(key.clone(), v);
            }
            k if SCHEMA_LIST.contains(&k) => {
                let list = value.as_array().map(|l| l.iter().map(|s| convert(s, model)).collect());
                out.insert(key.clone(), Json::Array(list.unwrap_or_default()));
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    // a `$ref` stands alone in OpenAPI 3.0 (siblings are ignored): keep it alone
    if let Some(r) = out.get("$ref").cloned() {
        let mut only = Map::new();
        only.insert("$ref".into(), r);
        return Json::Object(only);
    }
    Json::Object(out)
}

fn convert_type(value: &Json, out: &mut Map<String, Json>) {
    match value {
        Json::String(t) if t == "null" => {
            out.insert("nullable".into(), Json::Bool(true));
        }
        Json::Array(types) => {
            let named: Vec<&Json> = types.iter().filter(|t| t.as_str() != Some("null")).collect();
            if named.len() < types.len() {
                out.insert("nullable".into(), Json::Bool(true));
            }
            match named.as_slice() {
                [] => {}
                [one] => {
                    out.insert("type".into(), (*one).clone());
                }
                many => {
                    let alternatives = many
                        .iter()
                        .map(|t| {
                            let mut m = Map::new();
                            m.insert("type".into(), (*t).clone());
                            Json::Object(m)
                        })
                        .collect();
                    out.insert("anyOf".into(), Json::Array(alternatives));
                }
            }
        }
        other => {
            out.insert("type".into(), other.clone());
        }
    }
}

/// A reference to a definition of the model (`#/definitions/X`) or to another model of the
/// API (`https://apigateway.amazonaws.com/restapis/<id>/models/<Name>`, literal or joined with
/// the API's id) becomes a reference to its component; others stay.
fn convert_ref(value: &Json, model: &str) -> Json {
    if let Some(name) = value.as_str().and_then(|r| r.strip_prefix("#/definitions/")) {
        return Json::String(format!("#/components/schemas/{}", definition_key(model, name)));
    }
    let tail = match value {
        Json::String(s) => Some(s.as_str()),
        Json::Object(o) => o
            .get("Fn::Join")
            .and_then(|j| j.get(1))
            .and_then(Json::as_array)
            .and_then(|parts| parts.last())
            .and_then(Json::as_str),
        _ => None,
    };
    match tail.and_then(|t| t.rsplit_once("/models/")) {
        Some((_, name)) if !name.is_empty() && !name.contains('/') => {
            Json::String(format!("#/components/schemas/{}", super::component_key(name)))
        }
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::convert_model;
    use serde_json::json;

    #[test]
    fn draft4_keywords_become_openapi_ones() {
        let schema = json!({
            "$schema": "http://json-schema.org/draft-04/schema#",
            "title": "pet",
            "type": "object",
            "definitions": { "Toy": { "type": "object", "required": [] } },
            "properties": {
                "name": { "type": ["string", "null"], "minLength": 1 },
                "tag": { "type": ["string", "integer"] },
                "kind": { "const": "cat" },
                "owner": { "$ref": {"Fn::Join": ["", ["https://apigateway.amazonaws.com/restapis/", {"Ref": "Api"}, "/models/Owner"]]} },
                "toys": { "type": "array", "items": [{ "type": "string" }, { "type": "null" }] },
                "favourite": { "$ref": "#/definitions/Toy" }
            },
            "patternProperties": { "^x": {} },
            "additionalProperties": false
        });
        let converted = convert_model("Pet", &schema);
        assert_eq!(converted.len(), 2);
        assert_eq!(converted[1], ("PetToy".to_string(), json!({ "type": "object" })));
        assert_eq!(converted[0].0, "Pet");
        assert_eq!(
            converted[0].1,
            json!({
                "title": "pet",
                "type": "object",
                "properties": {
                    "name": { "nullable": true, "type": "string", "minLength": 1 },
                    "tag": { "anyOf": [{ "type": "string" }, { "type": "integer" }] },
                    "kind": { "enum": ["cat"] },
                    "owner": { "$ref": "#/components/schemas/Owner" },
                    "toys": { "type": "array", "items": { "anyOf": [{ "type": "string" }, { "nullable": true }] } },
                    "favourite": { "$ref": "#/components/schemas/PetToy" }
                },
                "additionalProperties": false
            })
        );
    }
}
