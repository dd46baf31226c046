//! Documents API Gateway reads: OpenAPI definitions of a `SpecRestApi` and JSON schemas of
//! models.

use std::path::Path;

use cdk_core::{Error, Node, Value};

use super::{literal, number, Check};

/// The operations of an OpenAPI path item (with API Gateway's `ANY` extension).
const OPERATIONS: [&str; 9] = [
    "get",
    "put",
    "post",
    "delete",
    "options",
    "head",
    "patch",
    "trace",
    "x-amazon-apigateway-any-method",
];

/// What a check of a document found: an error (the document is surely refused) or a
/// warning (required parts are missing; API Gateway may still import what is there).
enum Finding {
    Error(String),
    Warning(String),
}

/// The rule of an OpenAPI definition.
const OPENAPI_RULE: &str = "API Gateway imports OpenAPI 2.0 ('swagger': '2.0') and OpenAPI 3.0 ('openapi': '3.0.x') documents: an object with 'info' (an object) and 'paths' (an object of '/'-paths whose operations are objects) (CloudFormation: 'Errors found during import')";
/// How to fix an OpenAPI definition.
const OPENAPI_FIX: &str = "give the definition an 'openapi': '3.0.1' (or 'swagger': '2.0') field, an 'info' object with 'title' and 'version', and 'paths'; check it with an OpenAPI validator";

/// The first problem of an OpenAPI document.
fn openapi_finding(doc: &Value) -> Option<Finding> {
    let Value::Object(m) = doc else { return None };
    let openapi = m.get("openapi");
    let swagger = m.get("swagger");
    match (openapi, swagger) {
        (None, None) => {
            return Some(Finding::Warning(
                "the definition has neither an 'openapi' nor a 'swagger' field".into(),
            ))
        }
        (Some(v), _) => {
            if let Some(s) = literal(v) {
                if !(s == "3.0" || s.starts_with("3.0.")) {
                    return Some(Finding::Error(format!("OpenAPI version '{s}'")));
                }
            }
        }
        (None, Some(v)) => {
            if let Some(s) = literal(v) {
                if s != "2.0" {
                    return Some(Finding::Error(format!("Swagger version '{s}'")));
                }
            }
        }
    }
    match m.get("info") {
        None => return Some(Finding::Warning("the definition has no 'info' object".into())),
        Some(Value::Object(_)) | Some(Value::Token(_)) => {}
        Some(_) => return Some(Finding::Error("'info' is not an object".into())),
    }
    let paths = match m.get("paths") {
        None => return Some(Finding::Warning("the definition has no 'paths' object".into())),
        Some(Value::Object(p)) => p,
        Some(Value::Token(_)) => return None,
        Some(_) => return Some(Finding::Error("'paths' is not an object".into())),
    };
    for (path, item) in paths {
        if path.starts_with("x-") {
            continue;
        }
        if !path.starts_with('/') {
            return Some(Finding::Error(format!("path '{path}' does not start with '/'")));
        }
        let item = match item {
            Value::Object(i) => i,
            Value::Token(_) => continue,
            _ => return Some(Finding::Error(format!("path item '{path}' is not an object"))),
        };
        for (key, op) in item {
            if OPERATIONS.contains(&key) && !matches!(op, Value::Object(_) | Value::Token(_)) {
                return Some(Finding::Error(format!(
                    "operation '{key}' of '{path}' is not an object"
                )));
            }
        }
    }
    None
}

/// Reports a finding about the definition of the API at `node`.
fn report(node: &Node, finding: Option<Finding>) -> Result<(), Error> {
    match finding {
        None => Ok(()),
        Some(Finding::Error(found)) => {
            Err(Check::OpenApiDefinition.error(&node.path(), &found, OPENAPI_RULE, OPENAPI_FIX))
        }
        Some(Finding::Warning(found)) => {
            node.add_warning(Check::OpenApiDefinition.message(&found, OPENAPI_RULE, OPENAPI_FIX));
            Ok(())
        }
    }
}

/// Checks an inline OpenAPI definition of the `SpecRestApi` at `node`: an error for a
/// malformed document, a warning for one missing what OpenAPI requires.
pub(crate) fn check_openapi_inline(node: &Node, doc: &Value) -> Result<(), Error> {
    report(node, openapi_finding(doc))
}

/// Checks an OpenAPI definition file of the `SpecRestApi` at `node` as
/// [`check_openapi_inline`] does; only JSON files are read (a YAML file is not checked).
pub(crate) fn check_openapi_asset(node: &Node, file: &Path) -> Result<(), Error> {
    let Ok(text) = std::fs::read_to_string(file) else { return Ok(()) };
    if !text.trim_start().starts_with('{') {
        return Ok(());
    }
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(json) => report(node, openapi_finding(&Value::from(json))),
        Err(e) if file.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")) => {
            Err(Check::OpenApiDefinition.error(
                &node.path(),
                &format!("definition file '{}' is not valid JSON ({e})", file.display()),
                OPENAPI_RULE,
                OPENAPI_FIX,
            ))
        }
        // YAML may start with '{' too (a flow mapping): left to API Gateway.
        Err(_) => Ok(()),
    }
}

/// The JSON types of draft 4.
const TYPES: [&str; 7] = ["array", "boolean", "integer", "null", "number", "object", "string"];

/// A warning about a model schema.
struct Warning {
    found: String,
    rule: &'static str,
    fix: &'static str,
}

/// The violations of the draft 4 meta-schema in `schema` (at JSON pointer `at`): errors, and
/// warnings for what API Gateway may accept (an empty or repeating `required`/`enum`) or
/// what no payload satisfies (a minimum over its maximum). Sub-schemas deeper than
/// [`MAX_DEPTH`](cdk_core::resolve::MAX_DEPTH) levels are not visited: synthesis refuses
/// such a value anyway, naming its property path.
fn schema_problems(
    schema: &Value,
    at: &str,
    depth: usize,
    errors: &mut Vec<String>,
    warnings: &mut Vec<Warning>,
) {
    if depth > cdk_core::resolve::MAX_DEPTH {
        return;
    }
    let Value::Object(m) = schema else {
        if !matches!(schema, Value::Token(_)) {
            errors.push(format!("{at} is not a schema object"));
        }
        return;
    };
    let draft4 = m.get("$schema").and_then(literal).is_none_or(|s| s.contains("draft-04"));
    for (key, v) in m {
        let here = format!("{at}/{key}");
        match key {
            "type" => {
                let ok = match v {
                    Value::String(t) => TYPES.contains(&t.as_str()),
                    Value::Array(ts) => {
                        !ts.is_empty()
                            && ts.iter().all(|t| t.as_str().is_some_and(|t| TYPES.contains(&t)))
                            && unique(ts)
                    }
                    _ => true,
                };
                if !ok {
                    errors.push(format!(
                        "{here} is not a type or a non-empty list of distinct types"
                    ));
                }
            }
            "required" | "enum" => match v {
                // the meta-schema's rule, which API Gateway may not enforce: a warning
                Value::Array(a) if a.is_empty() => warnings.push(Warning {
                    found: format!("{here} is an empty list"),
                    rule: "JSON Schema draft 4 requires at least one item",
                    fix: "leave the keyword out instead of giving an empty list",
                }),
                Value::Array(a) if !unique(a) => warnings.push(Warning {
                    found: format!("{here} repeats an item"),
                    rule: "JSON Schema draft 4 requires its items to be unique",
                    fix: "list each item once",
                }),
                _ => {}
            },
            "multipleOf" if number(v).is_some_and(|n| n <= 0.0) => {
                errors.push(format!("{here} is not greater than 0"));
            }
            "exclusiveMaximum" | "exclusiveMinimum" if draft4 && number(v).is_some() => {
                errors.push(format!(
                    "{here} is a number (draft 4: a boolean beside maximum/minimum)"
                ));
            }
            "allOf" | "anyOf" | "oneOf" => match v {
                Value::Array(a) if a.is_empty() => {
                    errors.push(format!("{here} is an empty list (draft 4: at least one schema)"))
                }
                Value::Array(a) => {
                    for (i, s) in a.iter().enumerate() {
                        schema_problems(s, &format!("{here}/{i}"), depth + 1, errors, warnings);
                    }
                }
                _ => {}
            },
            "not" => schema_problems(v, &here, depth + 1, errors, warnings),
            "items" | "additionalItems" | "additionalProperties" => match v {
                Value::Array(a) if key == "items" => {
                    for (i, s) in a.iter().enumerate() {
                        schema_problems(s, &format!("{here}/{i}"), depth + 1, errors, warnings);
                    }
                }
                Value::Object(_) => schema_problems(v, &here, depth + 1, errors, warnings),
                _ => {}
            },
            "properties" | "patternProperties" | "definitions" => {
                if let Value::Object(children) = v {
                    for (name, s) in children {
                        schema_problems(s, &format!("{here}/{name}"), depth + 1, errors, warnings);
                    }
                }
            }
            _ => {}
        }
    }
    for (min, max) in [
        ("minLength", "maxLength"),
        ("minItems", "maxItems"),
        ("minProperties", "maxProperties"),
        ("minimum", "maximum"),
    ] {
        if let (Some(lo), Some(hi)) = (m.get(min).and_then(number), m.get(max).and_then(number)) {
            if lo > hi {
                warnings.push(Warning {
                    found: format!(
                        "{at}: {min} {} is greater than {max} {}: no value is valid",
                        cdk_core::json::format_number(lo),
                        cdk_core::json::format_number(hi)
                    ),
                    rule: "every request or response checked against this model is refused",
                    fix: "make the lower bound at most the upper bound",
                });
            }
        }
    }
}

/// Whether a list's items are distinct.
fn unique(items: &[Value]) -> bool {
    items.iter().enumerate().all(|(i, a)| items[..i].iter().all(|b| a != b))
}

/// Checks a model's schema (as rendered) against JSON Schema draft 4: an error for what
/// the meta-schema forbids, a warning for a schema no payload can satisfy.
pub(crate) fn check_model_schema(node: &Node, schema: &Value) -> Result<(), Error> {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    schema_problems(schema, "#", 0, &mut errors, &mut warnings);
    let rule = "API Gateway validates a model's schema against JSON Schema draft 4 and refuses an invalid one ('Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified ...]')";
    for w in warnings {
        node.add_warning(Check::ModelSchema.message(&w.found, w.rule, w.fix));
    }
    match errors.first() {
        Some(found) => Err(Check::ModelSchema.error(
            &node.path(),
            found,
            rule,
            "fix the keyword as JSON Schema draft 4 defines it (https://json-schema.org/draft-04/json-schema-validation)",
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(doc: serde_json::Value) -> Option<(bool, String)> {
        openapi_finding(&Value::from(doc)).map(|f| match f {
            Finding::Error(m) => (true, m),
            Finding::Warning(m) => (false, m),
        })
    }

    #[test]
    fn openapi_documents() {
        use serde_json::json;
        let ok = json!({"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
            "paths": {"/pets": {"get": {"responses": {}}}}});
        assert_eq!(finding(ok), None);
        assert_eq!(finding(json!({"foo": "bar"})).map(|f| f.0), Some(false));
        assert_eq!(finding(json!({"openapi": "3.0.2"})).map(|f| f.0), Some(false));
        assert_eq!(finding(json!({"swagger": "1.2"})).map(|f| f.0), Some(true));
        assert_eq!(finding(json!({"openapi": "3.1.0"})).map(|f| f.0), Some(true));
        let bad = json!({"swagger": "2.0", "info": {}, "paths": {"pets": {}}});
        assert_eq!(finding(bad).map(|f| f.0), Some(true));
        let bad = json!({"swagger": "2.0", "info": {}, "paths": {"/pets": {"get": 1}}});
        assert_eq!(finding(bad).map(|f| f.0), Some(true));
    }

    #[test]
    fn draft_4_schemas() {
        use serde_json::json;
        let problems = |s: serde_json::Value| {
            let (mut e, mut w) = (Vec::new(), Vec::new());
            schema_problems(&Value::from(s), "#", 0, &mut e, &mut w);
            (e.len(), w.len())
        };
        assert_eq!(problems(json!({"type": "object", "required": ["a"]})), (0, 0));
        assert_eq!(problems(json!({"required": []})), (0, 1));
        assert_eq!(problems(json!({"enum": [1, 1]})), (0, 1));
        assert_eq!(problems(json!({"type": ["string", "string"]})), (1, 0));
        assert_eq!(problems(json!({"properties": {"a": {"type": "text"}}})), (1, 0));
        assert_eq!(problems(json!({"exclusiveMaximum": 3})), (1, 0));
        assert_eq!(
            problems(
                json!({"$schema": "http://json-schema.org/draft-07/schema#", "exclusiveMaximum": 3})
            ),
            (0, 0)
        );
        assert_eq!(problems(json!({"minLength": 5, "maxLength": 2})), (0, 1));
        assert_eq!(problems(json!({"multipleOf": 0})), (1, 0));
    }
}
