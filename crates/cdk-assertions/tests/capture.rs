//! The facts of aws-cdk-lib's `assertions/test/capture.test.ts`.

use cdk_assertions::{pattern, Capture, Match};
use serde_json::json;

#[test]
fn uncaptured() {
    let capture = Capture::new();
    assert_eq!(capture.as_string().unwrap_err().message(), "No value captured");
    assert!(!capture.next());
}

#[test]
fn nullish() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    let result = matcher.test(Some(&json!({ "foo": null })));
    assert_eq!(result.fail_count(), 1);
    assert!(
        result.to_human_strings()[0].starts_with("Can only capture non-nullish values. Found null")
    );
}

#[test]
fn no_captures_if_not_finished() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    let _ = matcher.test(Some(&json!({ "foo": "bar" })));
    assert!(capture.as_string().unwrap_err().message().contains("No value captured"));
}

#[test]
fn as_string() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": "bar" }))).finished();
    matcher.test(Some(&json!({ "foo": 3 }))).finished();
    assert_eq!(capture.as_string().unwrap(), "bar");
    assert!(capture.next());
    assert_eq!(
        capture.as_string().unwrap_err().message(),
        "Captured value is expected to be string but found number. Value is 3"
    );
}

#[test]
fn as_number() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": 3 }))).finished();
    matcher.test(Some(&json!({ "foo": "bar" }))).finished();
    assert_eq!(capture.as_number().unwrap(), 3.0);
    assert!(capture.next());
    assert!(capture
        .as_number()
        .unwrap_err()
        .message()
        .contains("expected to be number but found string"));
}

#[test]
fn as_boolean() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": true }))).finished();
    matcher.test(Some(&json!({ "foo": [1] }))).finished();
    assert!(capture.as_boolean().unwrap());
    assert!(capture.next());
    assert_eq!(
        capture.as_boolean().unwrap_err().message(),
        "Captured value is expected to be boolean but found array. Value is [\n  1\n]"
    );
}

#[test]
fn as_array() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": ["bar"] }))).finished();
    matcher.test(Some(&json!({ "foo": "bar" }))).finished();
    assert_eq!(capture.as_array().unwrap(), vec![json!("bar")]);
    assert!(capture.next());
    assert!(capture
        .as_array()
        .unwrap_err()
        .message()
        .contains("expected to be array but found string"));
}

#[test]
fn as_object() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": { "fred": "waldo" } }))).finished();
    matcher.test(Some(&json!({ "foo": "bar" }))).finished();
    assert_eq!(serde_json::Value::Object(capture.as_object().unwrap()), json!({ "fred": "waldo" }));
    assert!(capture.next());
    assert!(capture
        .as_object()
        .unwrap_err()
        .message()
        .contains("expected to be object but found string"));
}

#[test]
fn nested_within_an_array() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": ["bar", &capture] }));
    matcher.test(Some(&json!({ "foo": ["bar", "baz"] }))).finished();
    assert_eq!(capture.as_string().unwrap(), "baz");
}

#[test]
fn multiple_captures() {
    let capture = Capture::new();
    let matcher = Match::object_equals(pattern!({ "foo": &capture, "real": true }));
    matcher.test(Some(&json!({ "foo": 3, "real": true }))).finished();
    matcher.test(Some(&json!({ "foo": 5, "real": true }))).finished();
    matcher.test(Some(&json!({ "foo": 7, "real": false }))).finished();
    assert_eq!(capture.as_number().unwrap(), 3.0);
    assert!(capture.next());
    assert_eq!(capture.as_number().unwrap(), 5.0);
    assert!(!capture.next());
    assert_eq!(capture.values(), vec![json!(3), json!(5)]);
}

#[test]
fn nested_pattern_match() {
    let capture = Capture::with_pattern(Match::object_like(json!({ "bar": "baz" })));
    let matcher = Match::object_like(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": { "bar": "baz", "fred": "waldo" } }))).finished();
    assert_eq!(
        serde_json::Value::Object(capture.as_object().unwrap()),
        json!({ "bar": "baz", "fred": "waldo" })
    );
    assert!(!capture.next());
}

#[test]
fn nested_literal_pattern_is_object_like() {
    let capture = Capture::with_pattern(json!({ "bar": "baz" }));
    let matcher = Match::object_like(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": { "bar": "baz", "x": 1 } }))).finished();
    assert_eq!(capture.values().len(), 1);
}

#[test]
fn nested_pattern_does_not_match() {
    let capture = Capture::with_pattern(Match::object_like(json!({ "bar": "baz" })));
    let matcher = Match::object_like(pattern!({ "foo": &capture }));
    matcher.test(Some(&json!({ "foo": { "fred": "waldo" } }))).finished();
    assert!(capture.as_object().unwrap_err().message().contains("No value captured"));
}

#[test]
fn capture_in_array_with_and_object_like() {
    let capture = Capture::new();
    let matcher = Match::object_like(pattern!({
        "People": Match::array_with(pattern!([{
            "Name": "Alice",
            "Attributes": [Match::object_like(pattern!({ "Name": "HairColor", "Value": &capture }))],
        }])),
    }));
    let mut result = matcher.test(Some(&json!({
        "People": [{ "Name": "Alice", "Attributes": [{ "Name": "HairColor", "Value": "Black" }] }],
    })));
    assert!(result.is_success());
    result.finished();
    assert_eq!(capture.as_string().unwrap(), "Black");
}

#[test]
fn clones_share_values() {
    let capture = Capture::new();
    let clone = capture.clone();
    Match::object_like(pattern!({ "a": clone })).test(Some(&json!({ "a": 1 }))).finished();
    assert_eq!(capture.as_value().unwrap(), json!(1));
}
