//! Each rule's message, resource and property path, as the engine (`cloudformation-validate`
//! 1.14.0) reports them for the same template (recorded from it; `cargo xtask validate-oracle`
//! compares the two on many more templates).
#![allow(clippy::unwrap_used)]

use serde_json::{json, Value};

/// (rule, logical ID, property path, message) of every finding, sorted; checks on the way
/// that `validate_text` finds the same as `validate` (written compact and pretty).
fn findings(template: Value) -> Vec<(String, String, String, String)> {
    for text in [template.to_string(), serde_json::to_string_pretty(&template).unwrap()] {
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(cfn_validate::validate_text(&text), Some(cfn_validate::validate(&parsed)));
    }
    let mut out: Vec<_> = cfn_validate::validate(&template)
        .into_iter()
        .map(|d| {
            assert!(d.severity.is_error());
            (
                d.rule_id.to_string(),
                d.logical_id.unwrap_or_default(),
                d.property_path.unwrap_or_default(),
                d.message,
            )
        })
        .collect();
    out.sort();
    out
}

fn expect(rows: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    rows.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect()
}

#[test]
fn additional() {
    let template: Value = serde_json::from_str(
        r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Foo": 1}}}}"#,
    )
    .unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3002",
            "P",
            "Properties.Foo",
            "Additional properties are not allowed ('Foo' was unexpected)"
        ),])
    );
}

#[test]
fn additional_nested() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"Foo": 1}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3002",
            "P",
            "Properties.Throttle.Foo",
            "Additional properties are not allowed ('Foo' was unexpected)"
        ),])
    );
}

#[test]
fn addl_in_arr() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "GET", "ResourceId": "r", "RestApiId": "a", "MethodResponses": [{"StatusCode": "200", "Foo": 1}]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3002",
            "M",
            "Properties.MethodResponses.0.Foo",
            "Additional properties are not allowed ('Foo' was unexpected)"
        ),])
    );
}

#[test]
fn addl_suggest() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Descriptio": "x"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F3002", "P", "Properties.Descriptio", "Additional properties are not allowed ('Descriptio' was unexpected. Did you mean 'Description'?)"),
        ])
    );
}

#[test]
fn bad_intrinsic() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Description": {"Fn::Foo": "x"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3012",
            "P",
            "Properties.Description",
            "{'Fn::Foo': 'x'} is not of type 'string'"
        ),])
    );
}

#[test]
fn bad_resource_key() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "Foo": 1}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("E3001", "R", "", "Resource 'R' has invalid property 'Foo'. Valid resource attributes: Type, Properties, DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy, CreationPolicy, Fn::Transform, Version"),
        ])
    );
}

#[test]
fn big_int() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Quota": {"Limit": -12345678901}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Quota.Limit",
            "-12345678901 is less than the minimum of 0"
        ),])
    );
}

#[test]
fn condition_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "Condition": "Nope"}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(
            &[("E8002", "R", "", "Condition 'Nope' referenced by resource 'R' is not defined"),]
        )
    );
}

#[test]
fn dependson_obj() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "DependsOn": {"a": 1}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "E3001",
            "R",
            "",
            "Resource 'R' property 'DependsOn' must be a string or list of strings"
        ),])
    );
}

#[test]
fn dependson_str() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "DependsOn": "Nope"}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("E3005", "R", "", "DependsOn target 'Nope' does not exist as a resource"),])
    );
}

#[test]
fn dependson_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "DependsOn": ["Nope"]}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("E3005", "R", "", "DependsOn target 'Nope' does not exist as a resource"),])
    );
}

#[test]
fn desc_long() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Description": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F0011", "", "", "Description length 1100 exceeds maximum 1024"),])
    );
}

#[test]
fn empty() {
    let template: Value = serde_json::from_str(r#"{"Resources": {}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F0001", "", "", "Resources section must exist and be non-empty"),])
    );
}

#[test]
fn empty_key() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"": "x", "Name": "a"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3002",
            "A",
            "Properties.",
            "Additional properties are not allowed ('' was unexpected)"
        ),])
    );
}

#[test]
fn float_min() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": -0.5}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Throttle.RateLimit",
            "-0.5 is less than the minimum of 0"
        ),])
    );
}

#[test]
/// The engine's attribute check (E9004) is not implemented: our schemas do not list every
/// attribute `Fn::GetAtt` accepts (`AWS::SNS::Topic.TopicName` is not a read-only property).
fn getatt_attributes_are_not_checked() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}, "S": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::GetAtt": ["R", "Nope"]}}}}}"#).unwrap();
    assert_eq!(findings(template), expect(&[]));
}

#[test]
fn getatt_str() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::GetAtt": "Nope.Arn"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F1020", "R", "", "Fn::GetAtt references non-existent resource 'Nope'"),])
    );
}

#[test]
fn getatt_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::GetAtt": ["Nope", "Arn"]}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F1020", "R", "", "Fn::GetAtt references non-existent resource 'Nope'"),])
    );
}

#[test]
fn if_branch2() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": {"Fn::If": ["C", -1, 2]}}}}}, "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "b"]}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Throttle.RateLimit",
            "-1 is less than the minimum of 0"
        ),])
    );
}

#[test]
fn intrinsic_in_num() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": {"Ref": "AWS::NoValue"}, "BurstLimit": {"Fn::GetAtt": ["X", "Y"]}}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F1020", "P", "", "Fn::GetAtt references non-existent resource 'X'"),])
    );
}

#[test]
fn items_if() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Role": "arn:aws:iam::123456789012:role/x", "Runtime": "nodejs20.x", "Handler": "i", "Architectures": ["x86_64", {"Fn::If": ["C", "arm64", {"Ref": "AWS::NoValue"}]}]}}}, "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "b"]}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3032",
            "F",
            "Properties.Architectures",
            "expected maximum item count: 1, found: 2"
        ),])
    );
}

#[test]
fn join_bad_ref() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::Join": ["", ["a", {"Ref": "Nope"}]]}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Properties.Name.Fn::Join.1.1", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'R']"),
        ])
    );
}

#[test]
fn logical_id() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R-1": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F0006", "R-1", "", "Logical ID 'R-1' must be alphanumeric (A-Za-z0-9)"),])
    );
}

#[test]
fn maximum() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Role": "r", "Timeout": 99999}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "F",
            "Properties.Timeout",
            "99999 is greater than the maximum of 5400"
        ),])
    );
}

#[test]
fn maxitems() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": "x"}, "Role": "r", "Architectures": ["x86_64", "arm64"]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3032",
            "F",
            "Properties.Architectures",
            "expected maximum item count: 1, found: 2"
        ),])
    );
}

#[test]
fn min() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": -1, "BurstLimit": 5}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Throttle.RateLimit",
            "-1 is less than the minimum of 0"
        ),])
    );
}

#[test]
fn minint() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"BurstLimit": -3}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Throttle.BurstLimit",
            "-3 is less than the minimum of 0"
        ),])
    );
}

#[test]
fn missing() {
    let template: Value = serde_json::from_str(r#"{}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F0001", "", "", "Resources section must exist and be non-empty"),])
    );
}

#[test]
fn no_type() {
    let template: Value =
        serde_json::from_str(r#"{"Resources": {"R": {"Properties": {}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("E3001", "R", "", "Resource 'R' is missing required property 'Type'"),])
    );
}

#[test]
fn numstr_min() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": "-1"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3034",
            "P",
            "Properties.Throttle.RateLimit",
            "-1 is less than the minimum of 0"
        ),])
    );
}

#[test]
fn o_getatt() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Outputs": {"O": {"Value": {"Fn::GetAtt": ["Nope", "Arn"]}}, "P": {"Value": {"Fn::Sub": "${Nope2}"}}, "Q": {"Value": {"Fn::GetAtt": ["R", "Bad"]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F6101", "O", "Outputs/O/Value.Fn::GetAtt.0", "GetAtt 'Nope.Arn' references a resource that does not exist"),
            ("F6101", "P", "Outputs/P/Value.Fn::Sub", "Fn::Sub variable '${Nope2}' does not reference a valid resource, parameter, or pseudo-parameter"),
        ])
    );
}

#[test]
fn output_bad_name() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Outputs": {"O-1": {"Value": "x"}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F6004", "O-1", "Outputs/O-1", "Output name 'O-1' must be alphanumeric"),])
    );
}

#[test]
fn output_ref_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Outputs": {"O": {"Value": {"Ref": "Nope"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F6101",
            "",
            "Outputs.O.Value.Ref",
            "Ref 'Nope' does not reference a valid resource, parameter, or pseudo-parameter"
        ),])
    );
}

#[test]
fn param_bad() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Parameters": {"P-1": {"Type": "String"}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F2003", "P-1", "Parameters/P-1", "Parameter name 'P-1' must be alphanumeric"),])
    );
}

#[test]
fn prop_if_obj() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"Fn::If": ["C", {"Foo": 1}, {"RateLimit": -1}]}}}}, "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "b"]}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            (
                "F3002",
                "P",
                "Properties.Throttle.Foo",
                "Additional properties are not allowed ('Foo' was unexpected)"
            ),
            ("F3034", "P", "Properties.Throttle.RateLimit", "-1 is less than the minimum of 0"),
        ])
    );
}

#[test]
fn props_if() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Fn::If": ["C", {"Foo": 1}, {}]}}}, "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "b"]}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3002",
            "P",
            "Properties.Foo",
            "Additional properties are not allowed ('Foo' was unexpected)"
        ),])
    );
}

#[test]
fn ref_in_custom() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "Custom::X", "Properties": {"ServiceToken": {"Ref": "Nope"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Properties.ServiceToken", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'R']"),
        ])
    );
}

#[test]
fn ref_in_metadata() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}, "Metadata": {"x": {"Ref": "Nope"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Metadata.x", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'R']"),
        ])
    );
}

#[test]
fn ref_list_params() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Ref": "Nope"}}}}, "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Properties.Name", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'BootstrapVersion', 'R']"),
        ])
    );
}

#[test]
fn ref_nested_arr() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "GET", "ResourceId": "r", "RestApiId": "a", "AuthorizationScopes": ["a", {"Ref": "Nope"}]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "M", "Properties.AuthorizationScopes.1", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'M']"),
        ])
    );
}

#[test]
fn ref_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Ref": "Nope"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Properties.Name", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'R']"),
        ])
    );
}

#[test]
fn ref_unknown_type() {
    let template: Value = serde_json::from_str(
        r#"{"Resources": {"R": {"Type": "AWS::Foo::Bar", "Properties": {"X": {"Ref": "Nope"}}}}}"#,
    )
    .unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1020", "R", "Properties.X", "'Nope' is not one of ['AWS::AccountId', 'AWS::NoValue', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix', 'R']"),
        ])
    );
}

#[test]
fn required() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"ResourceId": "r", "RestApiId": "a"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F3003", "M", "Properties", "'HttpMethod' is a required property"),])
    );
}

#[test]
fn required_nested() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "GET", "ResourceId": "r", "RestApiId": "a", "MethodResponses": [{}]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[(
            "F3003",
            "M",
            "Properties.MethodResponses.0",
            "'StatusCode' is a required property"
        ),])
    );
}

#[test]
fn required_noprops() {
    let template: Value =
        serde_json::from_str(r#"{"Resources": {"M": {"Type": "AWS::ApiGateway::Method"}}}"#)
            .unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F3003", "M", "Properties", "'HttpMethod' is a required property"),
            ("F3003", "M", "Properties", "'ResourceId' is a required property"),
            ("F3003", "M", "Properties", "'RestApiId' is a required property"),
        ])
    );
}

#[test]
fn res_not_obj() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": "x"}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("E3001", "R", "", "Resource 'R' body must be an object, got a string"),])
    );
}

#[test]
fn sub_attributes_are_not_checked() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::Sub": "${R2.Nope}"}}}, "R2": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}}"#).unwrap();
    assert_eq!(findings(template), expect(&[]));
}

#[test]
fn sub_bad_res_attr() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::Sub": "${Nope.Arn}"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1018", "R", "Properties.Name", "Fn::Sub variable '${Nope.Arn}' does not reference a valid resource, parameter, or pseudo-parameter"),
        ])
    );
}

#[test]
fn sub_unknown() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::Sub": "${Nope}"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            ("F1018", "R", "Properties.Name", "Fn::Sub variable '${Nope}' does not reference a valid resource, parameter, or pseudo-parameter"),
        ])
    );
}

#[test]
fn top_key() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "a"}}}, "Foo": 1}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F0005", "", "Foo", "'Foo' is not a valid top-level template section"),])
    );
}

#[test]
fn type_arr_for_obj() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": [1]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F3012", "P", "Properties.Throttle", "[1] is not of type 'object'"),])
    );
}

#[test]
fn type_int_float() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"BurstLimit": 1.5}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(
            &[("F3012", "P", "Properties.Throttle.BurstLimit", "1.5 is not of type 'integer'"),]
        )
    );
}

#[test]
fn type_not_str() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"R": {"Type": 1}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("E3001", "R", "", "Resource 'R' property 'Type' must be a string"),])
    );
}

#[test]
fn type_obj_for_str() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"UsagePlanName": {"a": 1}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F3012", "P", "Properties.UsagePlanName", "{'a': 1} is not of type 'string'"),])
    );
}

#[test]
fn type_str_for_arr() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"ApiStages": "x"}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[("F3012", "P", "Properties.ApiStages", "'x' is not of type 'array'"),])
    );
}

#[test]
fn type_str_for_num() {
    let template: Value = serde_json::from_str(r#"{"Resources": {"P": {"Type": "AWS::ApiGateway::UsagePlan", "Properties": {"Throttle": {"RateLimit": "abc"}}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(
            &[("F3012", "P", "Properties.Throttle.RateLimit", "'abc' is not of type 'number'"),]
        )
    );
}

#[test]
fn over_500_resources() {
    let resources: serde_json::Map<String, Value> =
        (0..501).map(|i| (format!("R{i}"), json!({"Type": "AWS::SNS::Topic"}))).collect();
    assert_eq!(
        findings(json!({ "Resources": resources })),
        expect(&[("F0007", "", "", "Template has 501 resources, maximum is 500")])
    );
}

#[test]
fn the_goldens_have_no_finding() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/goldens");
    let mut seen = 0;
    for case in std::fs::read_dir(dir).unwrap() {
        for file in std::fs::read_dir(case.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.to_string_lossy().ends_with(".template.json") {
                let template =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                assert_eq!(findings(template), expect(&[]), "{}", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen > 50);
}

#[test]
fn string_lengths() {
    let template = json!({"Resources": {"P": {
        "Type": "AWS::Lambda::Permission",
        "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "x", "SourceArn": "a"}
    }}});
    assert_eq!(
        findings(template),
        expect(&[("F3033", "P", "Properties.SourceArn", "length 1 is below minimum 12")])
    );
}

#[test]
fn values_nested_deeper_than_any_template_do_not_overflow_the_stack() {
    // Built, and later leaked, without recursion (serde_json clones, serializes and drops
    // values recursively).
    let deep = || {
        let mut v = Value::from(-1);
        for _ in 0..50_000 {
            let mut m = serde_json::Map::new();
            m.insert("RateLimit".into(), v);
            v = Value::Object(m);
        }
        v
    };
    let object = |entries: Vec<(&str, Value)>| {
        Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    };
    let join = object(vec![("Fn::Join", Value::Array(vec![Value::from(""), deep()]))]);
    let properties = object(vec![("Throttle", deep()), ("Description", join)]);
    let resource = object(vec![
        ("Type", Value::from("AWS::ApiGateway::UsagePlan")),
        ("Properties", properties),
        ("Metadata", deep()),
    ]);
    let template = object(vec![
        ("Resources", object(vec![("P", resource)])),
        ("Outputs", object(vec![("O", object(vec![("Value", deep())]))])),
    ]);
    let found = cfn_validate::validate(&template);
    assert!(found.iter().any(|d| d.rule_id == "F3012"));
    std::mem::forget(template);
}

#[test]
fn required_groups() {
    // xtask/cfn-validate-oracle/corpus/required_xor.json
    let template: Value = serde_json::from_str(r#"{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {}}, "W": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "Ipv4IpamPoolId": "x"}}, "X": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "Ipv4IpamPoolId": {"Ref": "AWS::NoValue"}}}, "S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "X"}}}, "G": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "d", "SecurityGroupEgress": [{"IpProtocol": "-1"}]}}}}"#).unwrap();
    assert_eq!(
        findings(template),
        expect(&[
            (
                "F3014",
                "G",
                "Properties.SecurityGroupEgress.0",
                "Exactly one of ['CidrIp', 'CidrIpv6', 'DestinationSecurityGroupId', 'DestinationPrefixListId'] must be specified"
            ),
            ("F3014", "V", "Properties", "Exactly one of ['CidrBlock', 'Ipv4IpamPoolId'] must be specified"),
            ("F3014", "W", "Properties", "Exactly one of ['CidrBlock', 'Ipv4IpamPoolId'] must be specified"),
            (
                "F3058",
                "S",
                "Properties",
                "One of ['CidrBlock', 'Ipv4IpamPoolId', 'Ipv6IpamPoolId', 'Ipv6CidrBlock'] is a required property"
            ),
        ])
    );
}
