//! aws-cdk-lib's `assertions/test/render.test.ts` snapshots: how a mismatch is shown.

use cdk_assertions::{pattern, Match, Pattern};
use serde_json::{json, Value};

fn render(matcher: Pattern, target: Value) -> String {
    matcher.test(Some(&target)).render_mismatch()
}

#[test]
fn object_like_with_mismatched_string_value() {
    let out = render(
        Match::object_like(json!({ "Value": "Value" })),
        json!({ "Value": "Balue", "Other": "Other" }),
    );
    assert_eq!(out, "{\n  \"Other\": \"Other\",\n!! Expected Value but received Balue\n  \"Value\": \"Balue\"\n}");
}

#[test]
fn deep_object_like_with_mismatched_string_value() {
    let out = render(
        Match::object_like(json!({ "Deep": { "Value": "Value" } })),
        json!({ "Deep": { "Value": "Balue", "Other": "Other" } }),
    );
    assert_eq!(
        out,
        "{\n  \"Deep\": {\n    \"Other\": \"Other\",\n!!   Expected Value but received Balue\n    \"Value\": \"Balue\"\n  }\n}"
    );
}

#[test]
fn object_equals_with_unexpected_key() {
    let out = render(
        Match::object_equals(json!({ "Value": "Value" })),
        json!({ "Value": "Value", "Other": "Other" }),
    );
    assert_eq!(
        out,
        "{\n!! Unexpected key Other\n  \"Other\": \"Other\",\n  \"Value\": \"Value\"\n}"
    );
}

#[test]
fn object_equals_with_missing_key() {
    let out = render(Match::object_equals(json!({ "Value": "Value" })), json!({}));
    assert_eq!(out, "{\n!! Missing key 'Value'\n  \"Value\": undefined\n}");
}

#[test]
fn object_like_looking_for_absent_key() {
    let out = render(
        Match::object_equals(pattern!({ "Value": Match::absent() })),
        json!({ "Value": "Value" }),
    );
    assert_eq!(out, "{\n!! Received Value, but key should be absent\n  \"Value\": \"Value\"\n}");
}

#[test]
fn abridged_rendering_showing_other() {
    let out = render(
        Match::object_like(json!({ "Value": "Balue" })),
        json!({ "Other": { "OneKey": "Visible" }, "Value": "Value" }),
    );
    assert_eq!(
        out,
        "{\n  \"Other\": { \"OneKey\": \"Visible\" },\n!! Expected Balue but received Value\n  \"Value\": \"Value\"\n}"
    );
}

#[test]
fn abridged_rendering_hiding_other() {
    let out = render(
        Match::object_like(json!({ "Value": "Balue" })),
        json!({ "Other": { "OneKey": "Visible", "TooMany": "Keys" }, "Value": "Value" }),
    );
    assert_eq!(
        out,
        "{\n  \"Other\": { ... },\n!! Expected Balue but received Value\n  \"Value\": \"Value\"\n}"
    );
}

#[test]
fn encoded_json_matcher() {
    let out = render(
        Match::object_like(
            pattern!({ "Json": Match::serialized_json(json!({ "Value": "Balue" })) }),
        ),
        json!({ "Json": "{\"Value\":\"Value\"}" }),
    );
    assert_eq!(
        out,
        "{\n!! Encoded JSON value does not match\n  \"Json\": \"{\\\"Value\\\":\\\"Value\\\"}\" <*> {\n!!   Expected Balue but received Value\n    \"Value\": \"Value\"\n  }\n}"
    );
}

fn big_list() -> Value {
    json!({ "List": [
        { "Value": "1", "MakeItBig": true },
        { "Value": "2", "MakeItBig": true },
        { "Value": "3", "MakeItBig": true },
        { "Value": "4", "MakeItBig": true },
    ]})
}

#[test]
fn array_with_matcher() {
    let out = render(
        Match::object_like(
            pattern!({ "List": Match::array_with([Match::object_like(json!({ "Value": "5" }))]) }),
        ),
        big_list(),
    );
    assert_eq!(
        out,
        [
            "{",
            "  \"List\": [",
            "!!   Could not match arrayWith pattern 0. This is the closest match",
            "    {",
            "      \"MakeItBig\": true,",
            "!!     Expected 5 but received 1",
            "      \"Value\": \"1\"",
            "    },",
            "    { ... },",
            "    { ... },",
            "    { ... }",
            "  ]",
            "}",
        ]
        .join("\n")
    );
}

#[test]
fn array_with_partial_match() {
    let out = render(
        Match::object_like(pattern!({ "List": Match::array_with([
            Match::object_like(json!({ "Value": "2" })),
            Match::object_like(json!({ "Value": "5" })),
        ]) })),
        big_list(),
    );
    assert_eq!(
        out,
        [
            "{",
            "  \"List\": [",
            "    { ... },",
            "!!   arrayWith pattern 0 matched here",
            "    {",
            "      \"MakeItBig\": true,",
            "      \"Value\": \"2\"",
            "    },",
            "!!   Could not match arrayWith pattern 1. This is the closest match",
            "    {",
            "      \"MakeItBig\": true,",
            "!!     Expected 5 but received 3",
            "      \"Value\": \"3\"",
            "    },",
            "    { ... }",
            "  ]",
            "}",
        ]
        .join("\n")
    );
}

#[test]
fn array_with_out_of_order_match() {
    let out = render(Match::array_with([3, 5]), json!([5, 3]));
    assert_eq!(
        out,
        "[\n  5,\n!! arrayWith pattern 0 matched here\n  3\n!! Could not match arrayWith pattern 1. No more elements to try\n  \n]"
    );
}

#[test]
fn success_renders_as_match() {
    assert_eq!(render(Match::any_value(), json!(1)), "<match>");
}
