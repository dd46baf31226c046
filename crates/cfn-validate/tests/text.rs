//! `validate_text` finds exactly what `validate` finds in `serde_json::from_str` of the same
//! text (same findings, same order), and is `None` exactly where serde_json fails.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Asserts `validate_text(text)` is `validate(from_str(text))` (`None` where it fails);
/// returns it.
fn same(text: &str) -> Option<Vec<cfn_validate::Diagnostic>> {
    let expected = serde_json::from_str::<Value>(text).ok().map(|t| cfn_validate::validate(&t));
    let found = cfn_validate::validate_text(text);
    assert_eq!(found, expected, "text: {text}");
    found
}

fn templates(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            templates(&path, out);
        } else if path.to_string_lossy().ends_with(".template.json") {
            out.push(path);
        }
    }
}

#[test]
fn goldens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/goldens");
    let mut paths = Vec::new();
    templates(&root, &mut paths);
    assert!(paths.len() > 50, "found only {} golden templates", paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(same(&text).is_some(), "{}", path.display());
    }
}

/// A UsagePlan whose `Properties` are `properties` (JSON text).
fn plan(properties: &str) -> String {
    format!(
        r#"{{"Resources": {{"P": {{"Type": "AWS::ApiGateway::UsagePlan", "Properties": {properties}}}}}}}"#
    )
}

#[test]
fn escapes_and_unicode() {
    for properties in [
        r#"{"Descr\u0069ption": "a\nb\"c\\d\/e\b\f\r\t", "Foo\u00e9": 1}"#,
        r#"{"Description": "\ud83d\ude00 é 😀", "UsagePlanName": "\u0000"}"#,
        r#"{"Tags": [{"Key": "\u00e9\u00e9", "Value": "ü"}], "Throttle": {"RateLimit": "\u002d1"}}"#,
        r#"{"Tags": [{"Key": "", "Value": "x"}, {"K\"ey": 1}]}"#,
    ] {
        same(&plan(properties)).unwrap();
    }
    // Escaped section, resource and attribute names.
    same(
        r#"{"Resour\u0063es": {"\u0050": {"Type": "AWS::ApiGateway::UsagePlan", "Properti\u0065s": {"X": 1}}}}"#,
    );
    same(
        r#"{"Resources": {"A\"B": {"Type": "AWS::SNS::Topic"}}, "Outputs": {"O\u00e9": {"Value": {"Ref": "A\"B"}}}}"#,
    );
    same(
        r#"{"Resources": {"A": "a\"b", "B": "}", "C": "\\", "D": {"Type": "x}]", "Metadata": "{["}}}"#,
    );
    // Invalid escapes, lone surrogates, raw control characters.
    for bad in [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\x""#,
        r#""\u12""#,
        "\"a\u{1}b\"",
        "\"tab\there\"",
    ] {
        assert!(same(&plan(&format!(r#"{{"Description": {bad}}}"#))).is_none(), "{bad}");
        assert!(same(&format!(r#"{{"Description": {bad}, "Resources": {{}}}}"#)).is_none());
        assert!(same(&format!(r#"{{"Resources": {{"A": {bad}}}}}"#)).is_none());
    }
}

#[test]
fn numbers() {
    for n in [
        "0",
        "-0",
        "-0.0",
        "1",
        "-1",
        "1.0",
        "1.5",
        "-1.5e2",
        "1e2",
        "1E+2",
        "1e-2",
        "0.1e-400",
        "18446744073709551615",
        "18446744073709551616",
        "9223372036854775807",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "5e-324",
        "0.30000000000000004",
    ] {
        for properties in [
            format!(r#"{{"Throttle": {{"RateLimit": {n}, "BurstLimit": {n}}}}}"#),
            format!(
                r#"{{"Quota": {{"Limit": {n}}}, "Description": {n}, "Tags": [{{"Key": {n}, "Value": "v"}}]}}"#
            ),
            format!(r#"{{"Throttle": [{n}], "Foo": {n}}}"#),
        ] {
            same(&plan(&properties)).unwrap();
        }
        same(&format!(r#"{{"Resources": {{"A": {n}}}, "Description": {n}}}"#)).unwrap();
        same(n).unwrap();
    }
    for bad in [
        "1e400", "-1e400", "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "1.2.3", "1-2",
        "NaN", "Infinity",
    ] {
        assert!(same(&plan(&format!(r#"{{"Foo": {bad}}}"#))).is_none(), "{bad}");
        assert!(same(&format!(r#"{{"Description": {bad}, "Resources": {{}}}}"#)).is_none());
        assert!(same(bad).is_none(), "{bad}");
    }
}

/// `depth` nested arrays around `1`.
fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_limit() {
    // serde_json reads at most 127 nested arrays/objects (the 128th is its recursion limit).
    for depth in [1, 100, 124, 125, 126, 127, 128, 129, 300] {
        let ok = depth <= 127;
        assert_eq!(same(&nested(depth)).is_some(), ok);
        // Under `Resources.P.Properties.Throttle` (4 levels): a resource body read later.
        let inner = nested(depth - 4.min(depth));
        assert_eq!(same(&plan(&format!(r#"{{"Throttle": {inner}}}"#))).is_some(), depth <= 127);
        // Under `Metadata.M` (2 levels).
        let inner = nested(depth - 2.min(depth));
        let text = format!(r#"{{"Resources": {{}}, "Metadata": {{"M": {inner}}}}}"#);
        assert_eq!(same(&text).is_some(), depth <= 127);
        // Under `Outputs.O.Value` (3 levels).
        let inner = nested(depth - 3.min(depth));
        let text = format!(
            r#"{{"Resources": {{"R": {{"Type": "AWS::SNS::Topic"}}}}, "Outputs": {{"O": {{"Value": {inner}}}}}}}"#
        );
        assert_eq!(same(&text).is_some(), depth <= 127);
        // A whole resource body (`Resources.A`, 2 levels).
        let text =
            format!(r#"{{"Resources": {{"A": {inner}}}}}"#, inner = nested(depth - 2.min(depth)));
        assert_eq!(same(&text).is_some(), depth <= 127);
    }
    // Nested objects, with a type mismatch rendered deep down.
    let deep = |d: usize| format!("{}1{}", r#"{"a": "#.repeat(d), "}".repeat(d));
    for depth in [120, 122, 123, 124] {
        let properties = format!(
            r#"{{"Throttle": {{"RateLimit": {}}}, "Description": {}}}"#,
            deep(depth),
            deep(depth)
        );
        same(&plan(&properties));
    }
}

#[test]
fn duplicate_keys() {
    // serde_json keeps a repeated key at its first place with its last value.
    same(r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic"}, "B": {"Type": "AWS::SNS::Topic"}, "A": 1}}"#).unwrap();
    same(r#"{"Resources": {"A": 1}, "Description": "d", "Resources": {"B": {"Type": "X"}, "B": {"Type": "Y", "Foo": 1}}}"#).unwrap();
    same(&plan(r#"{"Throttle": {"RateLimit": -1, "RateLimit": 2}, "Throttle": {"RateLimit": -3, "BurstLimit": -1, "RateLimit": -2}}"#)).unwrap();
    same(&plan(r#"{"Description": 1, "Descr\u0069ption": "x", "Description": {"Ref": "Nope"}}"#))
        .unwrap();
    // Many keys (the hashed check), one repeated.
    let many: Vec<String> = (0..40)
        .map(|i| format!(r#""R{i}": {{"Type": "AWS::SNS::Topic", "DependsOn": "R{}"}}"#, i + 1))
        .collect();
    let text = format!(r#"{{"Resources": {{{}, "R7": {{"Type": 7}}}}}}"#, many.join(", "));
    same(&text).unwrap();
    // A replaced resource body is still read: it must be JSON.
    assert!(same(r#"{"Resources": {"A": {"Type": "X",}, "A": {"Type": "Y"}}}"#).is_none());
    assert!(same(r#"{"Resources": {"A": [1}], "A": {"Type": "Y"}}}"#).is_none());
    assert!(same(&format!(r#"{{"Resources": {{"A": {}, "A": 1}}}}"#, nested(126))).is_none());
    assert!(same(r#"{"Resources": {"A": {"Type": "X",}}, "Resources": {}}"#).is_none());
    assert!(same(r#"{"Resources": {"A": {"B": [}}}, "Resources": {"B": {}}}"#).is_none());
    same(&format!(r#"{{"Resources": {{"A": {}, "A": 1}}}}"#, nested(125))).unwrap();
}

#[test]
fn not_json() {
    for text in [
        "",
        " ",
        "{",
        "}",
        "{}}",
        "{} x",
        "[1,]",
        "[,1]",
        r#"{"a": 1,}"#,
        r#"{"a" 1}"#,
        r#"{"a": 1 "b": 2}"#,
        r#"{a: 1}"#,
        r#"{'a': 1}"#,
        "nul",
        "tru",
        "True",
        "\"abc",
        "\u{feff}{}",
        r#"{"Resources": {"R": {"Type": "X",}}}"#,
        r#"{"Resources": {"R": {"A": [1}]}}}"#,
        r#"{"Resources": {"R": {"A": [1]]}}}"#,
        r#"{"Resources": {"R": {"A": 01}}}"#,
        r#"{"Resources": {"R": {"A": tru}}}"#,
        r#"{"Resources": {"R": {"A": "x}}}"#,
        r#"{"Resources": {"R": {"A" "x"}}}"#,
        r#"{"Resources": {"R": {"A": "x"} "S": 1}}"#,
        r#"{"Resources": {"R": {"A": "x"}, }}"#,
        r#"{"Resources": {"R": {"A": "x"}}"#,
        r#"{"Resources": {"R": {"A": "x"}}}}"#,
        r#"{"Resources": {"R": {"A": "x"}}} {}"#,
        r#"{"Resources": {"R": }}"#,
        r#"{"Resources": {"R": {1: 2}}}"#,
        r#"{"Resources": {R: {}}}"#,
    ] {
        assert!(same(text).is_none(), "{text}");
    }
}

#[test]
fn shapes() {
    for text in [
        "[]",
        "{}",
        "null",
        "\"x\"",
        "1",
        " \r\n\t{ \"Resources\" \r\n\t: \t{ \"A\"\n:\r{\"Type\"\t:\"AWS::SNS::Topic\" } } }\n",
        r#"{"Resources": []}"#,
        r#"{"Resources": 1}"#,
        r#"{"Resources": {"A": 1, "B": "x", "C": null, "D": [1], "E": true, "F": {}, "G": []}}"#,
        r#"{"Resources": {"A": {"Type": ["x"], "Properties": [], "DependsOn": [1], "Condition": "C"}}, "Conditions": {"D": {}}}"#,
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": ["B", "Nope"]}, "B": {"Type": "AWS::SNS::Topic"}}, "Parameters": {"B": {}, "p-q": {}}, "Outputs": {"O-1": {"Value": {"Fn::Sub": "${A}${Nope}${B.Arn}"}}}, "Bogus": 1}"#,
        r#"{"AWSTemplateFormatVersion": "2010-09-10", "Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"Foo": {"Fn::If": ["c", {"Ref": "X"}, {"Fn::GetAtt": "Y.Arn"}]}}}}}"#,
    ] {
        same(text).unwrap();
    }
}

#[test]
fn names_defined_later() {
    // Resources are validated as they are read, against the names read so far: names defined
    // further on (resources, parameters and conditions after `Resources`) must still count.
    for text in [
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": ["B", "C"], "Condition": "K", "Properties": {"TopicName": {"Fn::Sub": "${B}-${P}-${C.Arn}-${Nope}"}, "Foo": {"Ref": "P"}}, "Metadata": {"X": {"Fn::GetAtt": ["C", "Arn"]}, "Y": {"Ref": "Q"}}}, "B": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "A"}}}, "C": {"Type": "AWS::SNS::Topic", "Condition": "K2"}}, "Parameters": {"P": {"Type": "String"}}, "Conditions": {"K": {"Fn::Equals": ["a", "b"]}}}"#,
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"}, "B": {"Type": "AWS::SNS::Topic", "DependsOn": "A"}}}"#,
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "P"}}}}, "Parameters": {"P": {}}}"#,
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "P"}}}}}"#,
        r#"{"Conditions": {"K": {}}, "Parameters": {"P": {}}, "Resources": {"A": {"Type": "AWS::SNS::Topic", "Condition": "K", "Properties": {"TopicName": {"Ref": "P"}}}}}"#,
        // A later `Resources` section replaces the first: its names are the ones that count.
        r#"{"Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"}, "B": {"Type": "AWS::SNS::Topic"}}, "Resources": {"A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"}}}"#,
        r#"{"Resources": {"B": {"Type": "AWS::SNS::Topic"}, "A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"}, "B": 1}}"#,
        r#"{"Resources": {"B": {"Type": "AWS::SNS::Topic"}, "\u0041": {"Type": "AWS::SNS::Topic", "DependsOn": ["B", "C"]}, "C": {"Type": "AWS::SNS::Topic", "DependsOn": "\u0041"}}}"#,
    ] {
        same(text).unwrap();
    }
}
