//! The facts of aws-cdk-lib's `assertions/test/match.test.ts`, matcher by matcher.

use cdk_assertions::{pattern, Match, Pattern};
use serde_json::{json, Value};

/// A needle: a substring (`s:`) or a regular expression (`r:`).
fn found(needle: &str, haystack: &str) -> bool {
    match needle.strip_prefix("r:") {
        Some(re) => regex::Regex::new(re).expect("a valid needle").is_match(haystack),
        None => haystack.contains(needle.strip_prefix("s:").unwrap_or(needle)),
    }
}

fn expect_pass(matcher: &Pattern, target: impl Into<Option<Value>>) {
    let target = target.into();
    let result = matcher.test(target.as_ref());
    assert!(
        result.is_success(),
        "expected {target:?} to match:\n{}\n{:?}",
        result.to_human_strings().join("\n"),
        result.errors()
    );
}

fn expect_failure(matcher: &Pattern, target: impl Into<Option<Value>>, expected: &[&str]) {
    let target = target.into();
    let result = matcher.test(target.as_ref());
    assert!(result.fail_count() > 0, "expected {target:?} not to match");
    let actual = result.to_human_strings();
    let missing: Vec<_> = expected.iter().filter(|n| !actual.iter().any(|a| found(n, a))).collect();
    assert!(missing.is_empty(), "patterns {missing:?} missing from:\n{}", actual.join("\n"));
}

fn expect_error(matcher: &Pattern, target: Value, needle: &str) {
    let result = matcher.test(Some(&target));
    assert!(result.has_failed());
    assert!(result.errors().iter().any(|e| found(needle, e)), "{:?}", result.errors());
}

mod exact {
    use super::*;

    #[test]
    fn simple_literals() {
        let m = Match::exact("foo");
        expect_pass(&m, json!("foo"));
        expect_failure(&m, json!("bar"), &["r:Expected foo but received bar"]);
        expect_failure(&m, json!(5), &["r:Expected type string but received number"]);

        let m = Match::exact(3);
        expect_pass(&m, json!(3));
        expect_pass(&m, json!(3.0));
        expect_failure(&m, json!(5), &["r:Expected 3 but received 5"]);
        expect_failure(&m, json!("foo"), &["r:Expected type number but received string"]);

        let m = Match::exact(true);
        expect_pass(&m, json!(true));
        expect_failure(&m, json!(false), &["r:Expected true but received false"]);
        expect_failure(&m, json!("foo"), &["r:Expected type boolean but received string"]);
    }

    #[test]
    fn arrays() {
        let m = Match::exact(json!([4]));
        expect_pass(&m, json!([4]));
        expect_failure(&m, json!([4, 5]), &["r:Too many elements in array"]);
        expect_failure(&m, json!("foo"), &["r:Expected type array but received string"]);

        let m = Match::exact(json!(["foo", 3]));
        expect_pass(&m, json!(["foo", 3]));
        expect_failure(&m, json!(["bar", 3]), &["r:Expected foo but received bar at /0"]);
        expect_failure(&m, json!(["foo", 5]), &["r:Expected 3 but received 5 at /1"]);

        let m = Match::exact(
            json!([{ "foo": "bar", "baz": "qux" }, { "waldo": "fred", "wobble": "flob" }]),
        );
        expect_pass(
            &m,
            json!([{ "foo": "bar", "baz": "qux" }, { "waldo": "fred", "wobble": "flob" }]),
        );
        expect_failure(
            &m,
            json!([{ "foo": "bar", "baz": "qux" }]),
            &["r:Not enough elements in array"],
        );
        expect_failure(
            &m,
            json!([{ "foo": "bar", "baz": "qux" }, { "waldo": "flob", "wobble": "fred" }]),
            &[
                "Expected fred but received flob at /1/waldo",
                "Expected flob but received fred at /1/wobble",
            ],
        );
        expect_failure(
            &m,
            json!([{ "foo": "bar", "baz": "qux" }, { "waldo": "fred" }]),
            &["r:Missing key.*at /1/wobble"],
        );
    }

    #[test]
    fn objects() {
        let m = Match::exact(json!({ "foo": "bar" }));
        expect_pass(&m, json!({ "foo": "bar" }));
        expect_failure(&m, json!(5), &["r:Expected type object but received number"]);
        expect_failure(&m, json!(["3", 5]), &["r:Expected type object but received array"]);
        expect_failure(
            &m,
            json!({ "baz": "qux" }),
            &["Unexpected key baz at /baz", "r:Missing key.*at /foo"],
        );

        let m = Match::exact(json!({ "foo": "bar", "baz": 5 }));
        expect_failure(
            &m,
            json!({ "foo": "bar", "baz": "5" }),
            &["r:Expected type number but received string at /baz"],
        );
        expect_failure(
            &m,
            json!({ "foo": "bar", "baz": 5, "qux": 7 }),
            &["r:Unexpected key qux at /qux"],
        );

        let m = Match::exact(json!({ "foo": [2, 3], "bar": "baz" }));
        expect_pass(&m, json!({ "foo": [2, 3], "bar": "baz" }));
        expect_failure(&m, json!({}), &["r:Missing key.*at /foo", "r:Missing key.*at /bar"]);
        expect_failure(
            &m,
            json!({ "bar": [2, 3], "foo": "baz" }),
            &[
                "Expected type array but received string at /foo",
                "Expected type string but received array at /bar",
            ],
        );
        expect_failure(
            &m,
            json!({ "foo": [3, 5], "bar": "baz" }),
            &["Expected 2 but received 3 at /foo/0", "Expected 3 but received 5 at /foo/1"],
        );
    }

    #[test]
    fn nesting_a_matcher_directly_is_an_error() {
        expect_error(
            &Match::exact(Match::array_with(["foo"])),
            json!(["foo"]),
            "cannot directly contain another matcher",
        );
        expect_error(
            &Match::exact(Match::absent()),
            json!(1),
            "cannot directly contain another matcher",
        );
    }

    #[test]
    fn null() {
        let m = Match::exact(json!(null));
        expect_pass(&m, json!(null));
        expect_failure(&m, json!(0), &["Expected null but received 0"]);
        expect_failure(&m, None, &["Expected null but received undefined"]);
    }

    #[test]
    fn message_names_the_matcher() {
        let r = Match::exact(json!({ "a": "b" })).test(Some(&json!({ "a": "c" })));
        assert_eq!(r.to_human_strings(), ["Expected b but received c at /a (using exact matcher)"]);
    }
}

mod array_with {
    use super::*;

    #[test]
    fn subset_match() {
        let m = Match::array_with(Vec::<Pattern>::new());
        expect_pass(&m, json!([]));
        expect_pass(&m, json!([3]));

        let m = Match::array_with([3]);
        expect_pass(&m, json!([3]));
        expect_pass(&m, json!([3, 5]));
        expect_pass(&m, json!([1, 3, 5]));
        expect_failure(&m, json!([5]), &["r:Could not match arrayWith pattern 0"]);

        let m = Match::array_with(json!([5, false]));
        expect_pass(&m, json!([5, false, "foo"]));
        expect_pass(&m, json!([5, "foo", false]));
        expect_failure(&m, json!([5, "foo"]), &["r:Could not match arrayWith pattern 1"]);

        let m = Match::array_with(json!([{ "foo": "bar" }]));
        expect_pass(&m, json!([{ "fred": "waldo" }, { "foo": "bar" }, { "baz": "qux" }]));
        expect_pass(&m, json!([{ "foo": "bar" }]));
        expect_failure(&m, json!([{ "foo": "baz" }]), &["r:Could not match arrayWith pattern 0"]);
        expect_failure(&m, json!([{ "baz": "qux" }]), &["r:Could not match arrayWith pattern 0"]);
    }

    #[test]
    fn not_array() {
        let m = Match::array_with([3]);
        expect_failure(&m, json!(3), &["r:Expected type array but received number"]);
        expect_failure(&m, json!({ "val": 3 }), &["r:Expected type array but received object"]);
    }

    #[test]
    fn out_of_order() {
        let m = Match::array_with([3, 5]);
        expect_failure(&m, json!([5, 3]), &["r:Could not match arrayWith pattern 1"]);
    }

    #[test]
    fn nested_with_object_like() {
        let m = Match::array_with([Match::object_like(json!({ "foo": "bar" }))]);
        expect_pass(&m, json!([{ "baz": "qux" }, { "foo": "bar" }]));
        expect_pass(&m, json!([{ "baz": "qux" }, { "foo": "bar", "fred": "waldo" }]));
        expect_failure(
            &m,
            json!([{ "foo": "baz", "fred": "waldo" }]),
            &["r:Could not match arrayWith pattern 0"],
        );
    }

    #[test]
    fn incompatible_with_absent_and_any_value() {
        expect_error(
            &Match::array_with(pattern!(["foo", Match::absent()])),
            json!(["foo", "bar"]),
            r"r:absent\(\) cannot be nested within arrayWith\(\)",
        );
        expect_error(
            &Match::array_with(pattern!(["foo", Match::any_value()])),
            json!(["foo", "bar"]),
            r"r:anyValue\(\) cannot be nested within arrayWith\(\)",
        );
        // Even `not` does not turn a misuse into a match.
        expect_error(
            &Match::not(Match::array_with(pattern!([Match::absent()]))),
            json!(["foo"]),
            "cannot be nested",
        );
    }

    #[test]
    fn empty_target() {
        expect_failure(
            &Match::array_with([1]),
            json!([]),
            &["Could not match arrayWith pattern 0. No more elements to try at /0"],
        );
    }

    #[test]
    fn non_array_pattern_is_an_error() {
        expect_error(&Match::array_with("x"), json!([]), "arrayWith() expects an array pattern");
    }
}

#[test]
fn array_equals_exact_match() {
    let m = Match::array_equals(json!([5, false]));
    expect_pass(&m, json!([5, false]));
    expect_failure(&m, json!([5, "foo", false]), &["r:Too many elements in array"]);
    expect_failure(&m, json!([5, "foo"]), &["r:Expected type boolean but received string at /1"]);
}

mod object_like {
    use super::*;

    #[test]
    fn basic() {
        let m = Match::object_like(json!({ "foo": "bar" }));
        expect_pass(&m, json!({ "foo": "bar" }));
        expect_failure(&m, json!({ "foo": "baz" }), &["r:Expected bar but received baz at /foo"]);
        expect_failure(
            &m,
            json!({ "foo": ["bar"] }),
            &["r:Expected type string but received array at /foo"],
        );
        expect_failure(&m, json!({ "bar": "foo" }), &["r:Missing key.*at /foo"]);
        expect_pass(&m, json!({ "foo": "bar", "baz": "qux" }));
    }

    #[test]
    fn not_an_object() {
        let m = Match::object_like(json!({ "foo": "bar" }));
        expect_failure(&m, json!(["foo", "bar"]), &["r:Expected type object but received array"]);
        expect_failure(&m, json!("foo"), &["r:Expected type object but received string"]);
        expect_failure(&m, json!(null), &["Expected type object but received null"]);

        let m =
            Match::object_like(pattern!({ "foo": Match::object_like(json!({ "baz": "qux" })) }));
        expect_failure(
            &m,
            json!({ "foo": "baz" }),
            &["r:Expected type object but received string at /foo"],
        );
    }

    #[test]
    fn partial() {
        let m = Match::object_like(json!({ "foo": "bar" }));
        expect_pass(&m, json!({ "foo": "bar", "baz": { "fred": "waldo" } }));

        let m = Match::object_like(json!({ "baz": { "fred": "waldo" } }));
        expect_pass(&m, json!({ "foo": "bar", "baz": { "fred": "waldo", "wobble": "flob" } }));
    }

    #[test]
    fn array_match_nested_inside_object_match() {
        let m = Match::object_like(pattern!({ "foo": Match::array_with(["bar"]) }));
        expect_pass(&m, json!({ "foo": ["bar", "baz"], "fred": "waldo" }));
        expect_failure(
            &m,
            json!({ "foo": ["baz"], "fred": "waldo" }),
            &["r:Could not match arrayWith pattern 0"],
        );
    }

    #[test]
    fn partiality_is_maintained_throughout_arrays() {
        let m = Match::object_like(json!({ "foo": [{ "bar": "bar" }] }));
        expect_pass(&m, json!({ "foo": [{ "bar": "bar" }] }));
        expect_pass(&m, json!({ "boo": "boo", "foo": [{ "bar": "bar" }] }));
        expect_pass(&m, json!({ "foo": [{ "bar": "bar", "boo": "boo" }] }));
    }

    #[test]
    fn absent() {
        let m = Match::object_like(pattern!({ "foo": Match::absent() }));
        expect_pass(&m, json!({ "bar": "baz" }));
        expect_failure(&m, json!({ "foo": "baz" }), &["r:key should be absent at /foo"]);
    }

    #[test]
    fn non_object_pattern_is_an_error() {
        expect_error(
            &Match::object_like(json!([1])),
            json!({}),
            "objectLike() expects an object pattern",
        );
    }
}

#[test]
fn object_equals_exact_match() {
    let m = Match::object_equals(json!({ "foo": "bar" }));
    expect_pass(&m, json!({ "foo": "bar" }));
    expect_failure(&m, json!({ "foo": "bar", "baz": "qux" }), &["r:Unexpected key baz at /baz"]);
    // Nested literal objects are matched exactly too.
    let m = Match::object_equals(json!({ "foo": { "a": 1 } }));
    expect_failure(&m, json!({ "foo": { "a": 1, "b": 2 } }), &["Unexpected key b at /foo/b"]);
}

mod not {
    use super::*;

    #[test]
    fn literal() {
        let m = Match::not("foo");
        expect_pass(&m, json!("bar"));
        expect_pass(&m, json!(3));
        expect_failure(&m, json!("foo"), &["Found unexpected match: \"foo\""]);
    }

    #[test]
    fn object() {
        let m = Match::not(json!({ "foo": "bar" }));
        expect_pass(&m, json!("bar"));
        expect_pass(&m, json!(3));
        expect_pass(&m, json!({ "foo": "baz" }));
        expect_pass(&m, json!({ "bar": "foo" }));
        expect_failure(
            &m,
            json!({ "foo": "bar" }),
            &["Found unexpected match: {\n  \"foo\": \"bar\"\n}"],
        );
    }

    #[test]
    fn array() {
        let m = Match::not(json!(["foo", "bar"]));
        expect_pass(&m, json!("foo"));
        expect_pass(&m, json!([]));
        expect_pass(&m, json!(["bar"]));
        expect_pass(&m, json!(["foo", 3]));
        expect_failure(
            &m,
            json!(["foo", "bar"]),
            &["Found unexpected match: [\n  \"foo\",\n  \"bar\"\n]"],
        );
    }

    #[test]
    fn as_a_nested_matcher() {
        let m = Match::exact(pattern!({ "foo": { "bar": Match::not(json!([1, 2])) } }));
        expect_pass(&m, json!({ "foo": { "bar": [1] } }));
        expect_pass(&m, json!({ "foo": { "bar": ["baz"] } }));
        expect_failure(
            &m,
            json!({ "foo": { "bar": [1, 2] } }),
            &["Found unexpected match: [\n  1,\n  2\n] at /foo/bar"],
        );
    }

    #[test]
    fn with_nested_matcher() {
        let m = Match::not(pattern!({ "foo": { "bar": Match::array_with([1]) } }));
        expect_pass(&m, json!({ "foo": { "bar": [2] } }));
        expect_pass(&m, json!("foo"));
        let msg = "Found unexpected match: {\n  \"foo\": {\n    \"bar\": [\n      1,\n      2\n    ]\n  }\n}";
        expect_failure(&m, json!({ "foo": { "bar": [1, 2] } }), &[msg]);
    }
}

mod any_value {
    use super::*;

    #[test]
    fn simple() {
        let m = Match::any_value();
        expect_pass(&m, json!("foo"));
        expect_pass(&m, json!(5));
        expect_pass(&m, json!(false));
        expect_pass(&m, json!([]));
        expect_pass(&m, json!({}));
        expect_failure(&m, json!(null), &["Expected a value but found none"]);
        expect_failure(&m, None, &["Expected a value but found none"]);
    }

    #[test]
    fn nested_in_array() {
        let m = Match::array_equals(pattern!(["foo", Match::any_value(), "bar"]));
        expect_pass(&m, json!(["foo", "baz", "bar"]));
        expect_pass(&m, json!(["foo", 3, "bar"]));
        expect_failure(&m, json!(["foo", null, "bar"]), &["Expected a value but found none at /1"]);
    }

    #[test]
    fn nested_in_object() {
        let m = Match::object_like(pattern!({ "foo": Match::any_value() }));
        expect_pass(&m, json!({ "foo": "bar" }));
        expect_pass(&m, json!({ "foo": [1, 2] }));
        expect_failure(&m, json!({ "foo": null }), &["Expected a value but found none at /foo"]);
        expect_failure(&m, json!({}), &["r:Missing key.*at /foo"]);
    }
}

mod serialized_json {
    use super::*;

    #[test]
    fn all_types() {
        let m =
            Match::serialized_json(json!({ "Foo": "Bar", "Baz": 3, "Boo": true, "Fred": [1, 2] }));
        expect_pass(&m, json!(r#"{ "Foo": "Bar", "Baz": 3, "Boo": true, "Fred": [1, 2] }"#));
    }

    #[test]
    fn simple_match() {
        let m = Match::serialized_json(json!({ "Foo": "Bar" }));
        expect_pass(&m, json!(r#"{ "Foo": "Bar" }"#));
        expect_failure(
            &m,
            json!(r#"{ "Foo": "Baz" }"#),
            &["r:Encoded JSON value does not match", "Expected Bar but received Baz at /Foo"],
        );
        expect_failure(
            &m,
            json!(r#"{ "Foo": 4 }"#),
            &[
                "r:Encoded JSON value does not match",
                "Expected type string but received number at /Foo",
            ],
        );
        expect_failure(
            &m,
            json!(r#"{ "Bar": "Baz" }"#),
            &[
                "r:Encoded JSON value does not match",
                "Unexpected key Bar at /Bar",
                "r:Missing key.*at /Foo",
            ],
        );
    }

    #[test]
    fn nested_matcher() {
        let m = Match::serialized_json(Match::object_like(
            pattern!({ "Foo": Match::array_with(["Bar"]) }),
        ));
        expect_pass(&m, json!(r#"{ "Foo": ["Bar"] }"#));
        expect_pass(&m, json!(r#"{ "Foo": ["Bar", "Baz"] }"#));
        expect_pass(&m, json!(r#"{ "Foo": ["Bar", "Baz"], "Fred": "Waldo" }"#));
        expect_failure(
            &m,
            json!(r#"{ "Foo": ["Baz"] }"#),
            &["Could not match arrayWith pattern 0"],
        );
        expect_failure(&m, json!(r#"{ "Bar": ["Baz"] }"#), &["r:Missing key.*at /Foo"]);
    }

    #[test]
    fn invalid_json_string() {
        let m = Match::serialized_json(json!({ "Foo": "Bar" }));
        expect_failure(&m, json!(r#"{ "Foo""#), &["r:(?i)invalid JSON string"]);
        expect_failure(&m, json!(3), &["Expected JSON as a string but found number"]);
    }
}

mod absent {
    use super::*;

    #[test]
    fn simple() {
        let m = Match::absent();
        expect_failure(&m, json!("foo"), &["Received foo, but key should be absent"]);
        expect_pass(&m, None);
    }

    #[test]
    fn nested_in_object() {
        let m = Match::object_like(pattern!({ "foo": Match::absent() }));
        expect_failure(&m, json!({ "foo": "bar" }), &["r:key should be absent at /foo"]);
        expect_failure(
            &m,
            json!({ "foo": [1, 2] }),
            &["Received 1,2, but key should be absent at /foo"],
        );
        expect_failure(
            &m,
            json!({ "foo": null }),
            &["Received null, but key should be absent at /foo"],
        );
        expect_pass(&m, json!({}));
    }
}

mod string_like_regexp {
    use super::*;

    #[test]
    fn simple() {
        let m = Match::string_like_regexp(".*includeHeaders = true.*");
        expect_failure(&m, json!("const includeHeaders = false;"), &["r:did not match pattern"]);
        expect_pass(&m, json!("const includeHeaders = true;"));
    }

    #[test]
    fn nested_in_object() {
        let m = Match::object_like(
            pattern!({ "foo": Match::string_like_regexp(".*includeHeaders = true.*") }),
        );
        expect_failure(
            &m,
            json!({ "foo": "const includeHeaders = false;" }),
            &["r:did not match pattern"],
        );
        expect_pass(&m, json!({ "foo": "const includeHeaders = true;" }));
    }

    #[test]
    fn multiline_and_non_strings() {
        expect_pass(&Match::string_like_regexp("^b$"), json!("a\nb\nc"));
        expect_failure(
            &Match::string_like_regexp("^x"),
            json!(5),
            &["Expected a string, but got 'number'", "String '5' did not match pattern '^x'"],
        );
        // JavaScript's `RegExp.test` reads a number as its text.
        let r = Match::string_like_regexp("^5$").test(Some(&json!(5)));
        assert_eq!(r.fail_count(), 1);
    }

    #[test]
    fn invalid_regex_is_an_error() {
        expect_error(
            &Match::string_like_regexp("(unclosed"),
            json!("x"),
            "Invalid regular expression: /(unclosed/",
        );
    }
}
