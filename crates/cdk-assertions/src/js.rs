//! How JavaScript shows values, for messages that read as aws-cdk-lib's do: `typeof`,
//! `String(x)` (template literals), `JSON.stringify` and number equality.

use serde_json::{Map, Number, Value};

/// `getType` of `assertions/lib/private/type.ts`: `typeof`, with `array` for arrays.
/// `None` stands for JavaScript's `undefined`; `null` is an `object`, as in JavaScript.
pub(crate) fn get_type(v: Option<&Value>) -> &'static str {
    match v {
        None => "undefined",
        Some(Value::Null) | Some(Value::Object(_)) => "object",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
    }
}

/// `typeof` (arrays are objects).
pub(crate) fn type_of(v: Option<&Value>) -> &'static str {
    match get_type(v) {
        "array" => "object",
        t => t,
    }
}

/// A number as JavaScript prints it (`3`, `3.5`, `1e+21`).
pub(crate) fn number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    cdk_core::json::format_number(n.as_f64().unwrap_or(f64::NAN))
}

/// JavaScript's `===` on two numbers: equal values, whatever their representation.
pub(crate) fn numbers_equal(a: &Number, b: &Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

/// `String(x)`, as a template literal shows a value: strings bare, arrays joined with commas,
/// objects as `[object Object]`.
pub(crate) fn to_string(v: Option<&Value>) -> String {
    match v {
        None => "undefined".into(),
        Some(Value::Null) => "null".into(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => number(n),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                Value::Null => String::new(),
                other => to_string(Some(other)),
            })
            .collect::<Vec<_>>()
            .join(","),
        Some(Value::Object(_)) => "[object Object]".into(),
    }
}

/// `JSON.stringify(x)` (`indent` 0) or `JSON.stringify(x, undefined, indent)`; `undefined`
/// for `None`.
pub(crate) fn stringify(v: Option<&Value>, indent: usize) -> String {
    match v {
        None => "undefined".into(),
        Some(v) => {
            let mut out = String::new();
            write_value(&mut out, v, indent, 0);
            out
        }
    }
}

fn newline(out: &mut String, indent: usize, level: usize) {
    if indent > 0 {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent * level));
    }
}

fn write_value(out: &mut String, v: &Value, indent: usize, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => cdk_core::json::write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in key_order(map).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                cdk_core::json::write_string(out, k);
                out.push(':');
                if indent > 0 {
                    out.push(' ');
                }
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

/// A JavaScript object's own keys in order: integer-like keys ascending, then the others in
/// insertion order.
pub(crate) fn key_order(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut indices: Vec<(u32, (&String, &Value))> =
        map.iter().filter_map(|(k, v)| array_index(k).map(|i| (i, (k, v)))).collect();
    indices.sort_by_key(|(i, _)| *i);
    let mut out: Vec<(&String, &Value)> = indices.into_iter().map(|(_, kv)| kv).collect();
    out.extend(map.iter().filter(|(k, _)| array_index(k).is_none()));
    out
}

fn array_index(k: &str) -> Option<u32> {
    if k.is_empty() || (k.len() > 1 && k.starts_with('0')) || !k.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    k.parse::<u32>().ok().filter(|n| *n != u32::MAX)
}

/// JavaScript's default `sort()` order on strings: by UTF-16 code units.
pub(crate) fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stringify_as_javascript() {
        let v = json!({"b": [1, 2.5, "x"], "10": null, "2": {}, "a": []});
        assert_eq!(stringify(Some(&v), 0), r#"{"2":{},"10":null,"b":[1,2.5,"x"],"a":[]}"#);
        assert_eq!(
            stringify(Some(&json!({"foo": [1, 2]})), 2),
            "{\n  \"foo\": [\n    1,\n    2\n  ]\n}"
        );
        assert_eq!(stringify(None, 2), "undefined");
        assert_eq!(stringify(Some(&json!(5.0)), 0), "5");
    }

    #[test]
    fn template_literal_strings() {
        assert_eq!(to_string(Some(&json!([1, null, "a", [2, 3]]))), "1,,a,2,3");
        assert_eq!(to_string(Some(&json!({"a": 1}))), "[object Object]");
        assert_eq!(to_string(None), "undefined");
        assert_eq!(to_string(Some(&json!(1e21))), "1e+21");
    }

    #[test]
    fn numbers_compare_by_value() {
        let three = Number::from(3);
        let three_f = Number::from_f64(3.0).unwrap();
        assert!(numbers_equal(&three, &three_f));
        assert!(!numbers_equal(&three, &Number::from(4)));
        assert_eq!(get_type(Some(&Value::Null)), "object");
        assert_eq!(type_of(Some(&json!([]))), "object");
    }
}
