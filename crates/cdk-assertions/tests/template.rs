//! The facts of aws-cdk-lib's `assertions/test/template.test.ts`. Templates come from a
//! synthesized stack where the test is about synthesis, from JSON elsewhere.

use cdk_assertions::{pattern, AssertionError, Capture, Match, Template, TemplateParsingOptions};
use cdk_core::{
    App, AppProps, CfnCondition, CfnOutput, CfnOutputProps, CfnParameter, CfnParameterProps,
    CfnResource, Construct, Fn, NestedStack, NestedStackProps, Stack, Value,
};
use serde_json::json;

/// A template with the given resources (`logical id -> definition`).
fn resources(resources: serde_json::Value) -> Template {
    Template::from_json(json!({ "Resources": resources })).expect("a valid template")
}

/// Asserts that `result` failed with a message holding each needle.
fn expect_err(result: Result<(), AssertionError>, needles: &[&str]) -> String {
    let message = result.expect_err("expected the assertion to fail").message().to_string();
    for n in needles {
        assert!(message.contains(n), "missing {n:?} in:\n{message}");
    }
    message
}

mod from {
    use super::*;

    #[test]
    fn from_string() {
        let template = Template::from_string(
            r#"{ "Resources": { "Foo": { "Type": "Baz::Qux", "Properties": { "Fred": "Waldo" } } } }"#,
        )
        .unwrap();
        assert_eq!(
            template.to_json(),
            &json!({ "Resources": { "Foo": { "Type": "Baz::Qux", "Properties": { "Fred": "Waldo" } } } })
        );
        template.resource_count_is("Baz::Qux", 1).unwrap();
    }

    #[test]
    fn from_string_rejects_non_json() {
        let err = Template::from_string("{ nope").unwrap_err();
        assert!(err.message().starts_with("Invalid JSON template: "), "{err}");
    }

    #[test]
    fn from_stack_default() -> Result<(), AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        CfnResource::new(&stack, "Foo", "Foo::Bar", Value::object([("Baz", "Qux")]))?;
        let template = Template::from_stack(&stack)?;
        template.has_resource("Foo::Bar", json!({ "Properties": { "Baz": "Qux" } }))?;
        template
            .has_resource("Foo::Bar", pattern!({ "Metadata": { "aws:cdk:path": "Stack/Foo" } }))?;
        // The default synthesizer's bootstrap version parameter and rule.
        template.has_parameter(
            "BootstrapVersion",
            json!({ "Type": "AWS::SSM::Parameter::Value<String>" }),
        )?;
        template.template_matches(
            pattern!({ "Rules": { "CheckBootstrapVersion": Match::any_value() } }),
        )?;
        // Synthesizing in memory writes nothing and leaves the app synthesizable.
        assert_eq!(template.to_json(), Template::from_stack(&stack)?.to_json());
        Ok(())
    }

    #[test]
    fn from_stack_is_what_synth_writes() -> Result<(), AssertionError> {
        let dir = std::env::temp_dir().join(format!("cdk-assertions-synth-{}", std::process::id()));
        let app = App::with_props(AppProps::builder().outdir(dir.clone()));
        let stack = Stack::new(&app, "Stack")?;
        let nested = NestedStack::new(&stack, "Nested", NestedStackProps::default())?;
        CfnResource::new(&nested, "Foo", "Foo::Bar", Value::object([("Baz", "Qux")]))?;
        CfnOutput::new(&stack, "Out", CfnOutputProps::builder().value("x"))?;
        let in_memory = Template::from_stack(&stack)?;
        let nested_in_memory = Template::from_stack(&nested)?;
        app.synth()?;
        let read = |file: &str| -> serde_json::Value {
            let text = std::fs::read_to_string(dir.join(file)).expect("synthesized file");
            serde_json::from_str(&text).expect("JSON")
        };
        assert_eq!(in_memory.to_json(), &read("Stack.template.json"));
        assert_eq!(nested_in_memory.to_json(), &read(&nested.template_file()));
        std::fs::remove_dir_all(&dir).ok();
        Ok(())
    }

    #[test]
    fn from_stack_nested() -> Result<(), AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let nested = NestedStack::new(&stack, "MyNestedStack", NestedStackProps::default())?;
        CfnResource::new(&nested, "Foo", "Foo::Bar", Value::object([("Baz", "Qux")]))?;
        let template = Template::from_stack(&nested)?;
        let resources = template.to_json()["Resources"].as_object().unwrap();
        assert_eq!(resources.len(), 1);
        assert_eq!(resources["Foo"]["Properties"], json!({ "Baz": "Qux" }));
        assert!(template.to_json().get("Parameters").is_none());
        let parent = Template::from_stack(&stack)?;
        parent.resource_count_is("AWS::CloudFormation::Stack", 1)?;
        Ok(())
    }

    #[test]
    fn from_stack_reports_synthesis_errors() -> Result<(), AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let resource = CfnResource::new(&stack, "Foo", "Foo::Bar", Value::Null)?;
        resource.node().add_validation(|| vec!["broken on purpose".to_string()]);
        let err = Template::from_stack(&stack).unwrap_err();
        assert!(err.synth_error().is_some());
        assert!(err.message().contains("broken on purpose"), "{err}");
        Ok(())
    }
}

mod resource_count_is {
    use super::*;

    #[test]
    fn resource_exists() {
        let t = resources(json!({ "Resource": { "Type": "Foo::Bar" } }));
        t.resource_count_is("Foo::Bar", 1).unwrap();
        expect_err(
            t.resource_count_is("Foo::Bar", 0),
            &["Expected 0 resources of type Foo::Bar but found 1"],
        );
        expect_err(
            t.resource_count_is("Foo::Bar", 2),
            &["Expected 2 resources of type Foo::Bar but found 1"],
        );
        expect_err(
            t.resource_count_is("Foo::Baz", 1),
            &["Expected 1 resources of type Foo::Baz but found 0"],
        );
    }

    #[test]
    fn no_resource() {
        let t = Template::from_json(json!({})).unwrap();
        t.resource_count_is("Foo::Bar", 0).unwrap();
        expect_err(
            t.resource_count_is("Foo::Bar", 1),
            &["Expected 1 resources of type Foo::Bar but found 0"],
        );
    }
}

mod resource_properties_count_is {
    use super::*;

    #[test]
    fn resource_exists() {
        let t = resources(
            json!({ "Resource": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }),
        );
        t.resource_properties_count_is("Foo::Bar", json!({ "baz": "qux" }), 1).unwrap();
        let msg = "Expected 0 resources of type Foo::Bar but found 1";
        expect_err(t.resource_properties_count_is("Foo::Bar", json!({ "baz": "qux" }), 0), &[msg]);
        let msg = "Expected 2 resources of type Foo::Bar but found 1";
        expect_err(t.resource_properties_count_is("Foo::Bar", json!({ "baz": "qux" }), 2), &[msg]);
        let msg = "Expected 1 resources of type Foo::Bar but found 0";
        expect_err(t.resource_properties_count_is("Foo::Bar", json!({ "baz": "nope" }), 1), &[msg]);
        let msg = "Expected 1 resources of type Foo::Baz but found 0";
        expect_err(t.resource_properties_count_is("Foo::Baz", json!({ "baz": "qux" }), 1), &[msg]);
    }

    #[test]
    fn no_resource() {
        let t = Template::from_json(json!({})).unwrap();
        t.resource_properties_count_is("Foo::Bar", json!({ "baz": "qux" }), 0).unwrap();
        let msg = "Expected 1 resources of type Foo::Bar but found 0";
        expect_err(t.resource_properties_count_is("Foo::Bar", json!({ "baz": "qux" }), 1), &[msg]);
    }

    #[test]
    fn absent_with_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.resource_properties_count_is("Foo::Bar", pattern!({ "bar": Match::absent() }), 1)
            .unwrap();
        t.resource_properties_count_is("Foo::Bar", pattern!({ "baz": Match::absent() }), 0)
            .unwrap();
    }

    #[test]
    fn absent_no_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar" } }));
        t.resource_properties_count_is(
            "Foo::Bar",
            pattern!({ "bar": Match::absent(), "baz": "qux" }),
            0,
        )
        .unwrap();
        t.resource_properties_count_is("Foo::Bar", Match::absent(), 1).unwrap();
    }

    #[test]
    fn not_with_and_without_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.resource_properties_count_is("Foo::Bar", Match::not(json!({ "baz": "boo" })), 1).unwrap();
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar" } }));
        t.resource_properties_count_is("Foo::Bar", Match::not(json!({ "baz": "qux" })), 1).unwrap();
    }
}

mod template_matches {
    use super::*;

    #[test]
    fn matches() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.template_matches(json!({ "Resources": { "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } } }))
            .unwrap();
    }

    #[test]
    fn fails() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        let message = expect_err(
            t.template_matches(json!({ "Resources": { "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "waldo" } } } })),
            &["Expected waldo but received qux"],
        );
        assert_eq!(
            message,
            "Template did not match as expected. The following mismatches were found:\n\tExpected waldo but received qux at /Resources/Foo/Properties/baz (using objectLike matcher)"
        );
    }

    #[test]
    fn captures_receive_values() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        let capture = Capture::new();
        t.template_matches(
            pattern!({ "Resources": { "Foo": { "Properties": { "baz": &capture } } } }),
        )
        .unwrap();
        assert_eq!(capture.as_string().unwrap(), "qux");
    }
}

mod has_resource {
    use super::*;

    #[test]
    fn exact_match() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.has_resource("Foo::Bar", json!({ "Properties": { "baz": "qux" } })).unwrap();
        expect_err(
            t.has_resource("Foo::Bar", json!({ "Properties": { "baz": "waldo" } })),
            &["Expected waldo but received qux"],
        );
        expect_err(
            t.has_resource("Foo::Bar", json!({ "Properties": { "baz": "qux", "fred": "waldo" } })),
            &["Missing key"],
        );
    }

    #[test]
    fn array_with() {
        let t = resources(
            json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": ["qux", "quy"] } } }),
        );
        t.has_resource(
            "Foo::Bar",
            pattern!({ "Properties": { "baz": Match::array_with(["qux"]) } }),
        )
        .unwrap();
        expect_err(
            t.has_resource(
                "Foo::Bar",
                pattern!({ "Properties": { "baz": Match::array_with(["waldo"]) } }),
            ),
            &["Could not match arrayWith pattern 0"],
        );
    }

    #[test]
    fn array_with_multiple_resources() {
        let t = resources(json!({
            "Foo1": { "Type": "Foo::Bar", "Properties": { "foo": ["flob", "qux"] } },
            "Foo2": { "Type": "Foo::Bar", "Properties": { "flob": ["qux"] } },
        }));
        expect_err(
            t.has_resource("Foo::Bar", pattern!({ "Properties": Match::array_with(["flob"]) })),
            &["closest matches", "flob", "qux"],
        );
    }

    #[test]
    fn object_like() {
        let t = resources(
            json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo" } } }),
        );
        t.has_resource(
            "Foo::Bar",
            pattern!({ "Properties": Match::object_like(json!({ "baz": "qux" })) }),
        )
        .unwrap();
        t.has_resource(
            "Foo::Bar",
            pattern!({ "Properties": Match::object_like(json!({ "fred": "waldo" })) }),
        )
        .unwrap();
        expect_err(
            t.has_resource(
                "Foo::Bar",
                pattern!({ "Properties": Match::object_like(json!({ "baz": "waldo" })) }),
            ),
            &["Expected waldo but received qux"],
        );
    }

    #[test]
    fn object_like_multiple_resources() {
        let t = resources(json!({
            "Foo1": { "Type": "Foo::Bar", "Properties": { "foo": { "flob": "qux" } } },
            "Foo2": { "Type": "Foo::Bar", "Properties": { "flob": "waldo" } },
        }));
        let message = expect_err(
            t.has_resource(
                "Foo::Bar",
                pattern!({ "Properties": Match::object_like(json!({ "foo": { "flob": "foo" } })) }),
            ),
            &["closest match", "\"flob\": \"qux\""],
        );
        // The closest (cheapest) mismatch comes first.
        assert_eq!(
            message,
            [
                "Template has 2 resources with type Foo::Bar, but none match as expected.",
                "The 2 closest matches:",
                "Foo1 :: {",
                "  \"Properties\": {",
                "    \"foo\": {",
                "!!     Expected foo but received qux",
                "      \"flob\": \"qux\"",
                "    }",
                "  },",
                "  \"Type\": \"Foo::Bar\"",
                "}",
                "Foo2 :: {",
                "  \"Properties\": {",
                "    \"flob\": \"waldo\",",
                "!!   Missing key 'foo'",
                "    \"foo\": undefined",
                "  },",
                "  \"Type\": \"Foo::Bar\"",
                "}",
            ]
            .join("\n")
        );
    }

    #[test]
    fn at_most_three_closest_matches() {
        let t = resources(json!({
            "A": { "Type": "T", "Properties": { "x": 1 } },
            "B": { "Type": "T", "Properties": { "x": 2 } },
            "C": { "Type": "T", "Properties": { "x": 3 } },
            "D": { "Type": "T", "Properties": { "y": 1 } },
        }));
        let message = expect_err(
            t.has_resource_properties("T", json!({ "x": 9 })),
            &["The 3 closest matches:"],
        );
        assert!(
            message.contains("A :: ") && message.contains("B :: ") && message.contains("C :: ")
        );
        assert!(!message.contains("D :: "));
    }

    #[test]
    fn absent() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.has_resource(
            "Foo::Bar",
            pattern!({ "Properties": Match::object_like(pattern!({ "foo": Match::absent() })) }),
        )
        .unwrap();
        expect_err(
            t.has_resource(
                "Foo::Bar",
                pattern!({ "Properties": Match::object_like(pattern!({ "baz": Match::absent() })) }),
            ),
            &["key should be absent"],
        );
    }

    #[test]
    fn incorrect_types() {
        let t = resources(
            json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo" } } }),
        );
        let message = expect_err(
            t.has_resource(
                "Foo::Baz",
                pattern!({ "Properties": Match::object_like(json!({ "baz": "qux" })) }),
            ),
            &["0 resources with type Foo::Baz"],
        );
        assert_eq!(message, "Template has 0 resources with type Foo::Baz.\nNo matches found");
    }

    #[test]
    fn capture() {
        let t = resources(json!({
            "Bar1": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "real": true } },
            "Bar2": { "Type": "Foo::Bar", "Properties": { "baz": "waldo", "real": true } },
            "Bar3": { "Type": "Foo::Bar", "Properties": { "baz": "fred", "real": false } },
        }));
        let capture = Capture::new();
        t.has_resource("Foo::Bar", pattern!({ "Properties": Match::object_like(pattern!({ "baz": &capture, "real": true })) }))
            .unwrap();
        assert_eq!(capture.as_string().unwrap(), "qux");
        assert!(capture.next());
        assert_eq!(capture.as_string().unwrap(), "waldo");
        assert!(!capture.next());
    }

    #[test]
    fn misused_matcher_is_an_error() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": ["a"] } } }));
        let message = expect_err(
            t.has_resource_properties(
                "Foo::Bar",
                pattern!({ "baz": Match::array_with(pattern!([Match::absent()])) }),
            ),
            &[],
        );
        assert_eq!(message, "The Matcher absent() cannot be nested within arrayWith()");
    }
}

mod has_resource_properties {
    use super::*;

    #[test]
    fn exact_match() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.has_resource_properties("Foo::Bar", json!({ "baz": "qux" })).unwrap();
        expect_err(
            t.has_resource_properties("Foo::Bar", json!({ "baz": "waldo" })),
            &["Expected waldo but received qux"],
        );
        expect_err(
            t.has_resource_properties("Foo::Bar", json!({ "baz": "qux", "fred": "waldo" })),
            &["Missing key"],
        );
    }

    #[test]
    fn absent_with_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.has_resource_properties("Foo::Bar", pattern!({ "bar": Match::absent() })).unwrap();
        expect_err(
            t.has_resource_properties("Foo::Bar", pattern!({ "baz": Match::absent() })),
            &["key should be absent"],
        );
    }

    #[test]
    fn absent_no_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar" } }));
        expect_err(
            t.has_resource_properties(
                "Foo::Bar",
                pattern!({ "bar": Match::absent(), "baz": "qux" }),
            ),
            &["Missing key"],
        );
        t.has_resource_properties("Foo::Bar", Match::absent()).unwrap();
    }

    #[test]
    fn not_with_and_without_properties() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } } }));
        t.has_resource_properties("Foo::Bar", Match::not(json!({ "baz": "boo" }))).unwrap();
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar" } }));
        t.has_resource_properties("Foo::Bar", Match::not(json!({ "baz": "qux" }))).unwrap();
    }

    #[test]
    fn nested_literal_objects_match_partially() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar", "Properties": {
            "Tags": [{ "Key": "a", "Value": "1" }], "Deep": { "x": 1, "y": 2 }
        } } }));
        t.has_resource_properties(
            "Foo::Bar",
            json!({ "Deep": { "x": 1 }, "Tags": [{ "Key": "a" }] }),
        )
        .unwrap();
        // Literal arrays still match element for element.
        expect_err(
            t.has_resource_properties("Foo::Bar", json!({ "Tags": [] })),
            &["Too many elements in array"],
        );
        expect_err(
            t.has_resource_properties(
                "Foo::Bar",
                Match::object_equals(json!({ "Deep": { "x": 1 } })),
            ),
            &["Unexpected key"],
        );
    }

    #[test]
    fn failure_shows_the_closest_resource() {
        let t = resources(json!({
            "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "orders", "Fifo": true } },
        }));
        let message = expect_err(
            t.has_resource_properties("AWS::SNS::Topic", json!({ "TopicName": "invoices" })),
            &[],
        );
        assert_eq!(
            message,
            [
                "Template has 1 resources with type AWS::SNS::Topic, but none match as expected.",
                "The 1 closest matches:",
                "Topic :: {",
                "  \"Properties\": {",
                "    \"Fifo\": true,",
                "!!   Expected invoices but received orders",
                "    \"TopicName\": \"orders\"",
                "  },",
                "  \"Type\": \"AWS::SNS::Topic\"",
                "}",
            ]
            .join("\n")
        );
    }
}

mod find_resources {
    use super::*;

    fn foo() -> Template {
        resources(
            json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo" } } }),
        )
    }

    #[test]
    fn matching_resource_type() {
        let found = foo().find_resources("Foo::Bar", pattern!({})).unwrap();
        assert_eq!(
            serde_json::Value::Object(found),
            json!({ "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo" } } })
        );
    }

    #[test]
    fn no_matching_resource_type() {
        assert!(foo().find_resources("Foo::Baz", pattern!({})).unwrap().is_empty());
    }

    #[test]
    fn matching_resource_props() {
        assert_eq!(
            foo()
                .find_resources("Foo::Bar", json!({ "Properties": { "baz": "qux" } }))
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn no_matching_resource_props() {
        assert!(foo()
            .find_resources("Foo::Bar", json!({ "Properties": { "baz": "waldo" } }))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn multiple_matching_resources() {
        let t = resources(json!({ "Foo": { "Type": "Foo::Bar" }, "Bar": { "Type": "Foo::Bar" } }));
        let found = t.find_resources("Foo::Bar", pattern!({})).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found["Foo"], json!({ "Type": "Foo::Bar" }));
        assert_eq!(found["Bar"], json!({ "Type": "Foo::Bar" }));
    }
}

mod all_resources {
    use super::*;

    #[test]
    fn all_resources_of_type_match() {
        let t = resources(json!({
            "Foo": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo", "lorem": "ipsum" } },
            "Foo2": { "Type": "Foo::Bar", "Properties": { "baz": "qux", "fred": "waldo" } },
        }));
        t.all_resources("Foo::Bar", json!({ "Properties": { "baz": "qux", "fred": "waldo" } }))
            .unwrap();
        t.all_resources_properties("Foo::Bar", json!({ "baz": "qux", "fred": "waldo" })).unwrap();
    }

    fn two() -> Template {
        resources(json!({
            "Foo": { "Type": "Foo::Bar", "Properties": { "lorem": "ipsum" } },
            "Foo2": { "Type": "Foo::Bar", "Properties": { "baz": "qux" } },
            "NotFoo": { "Type": "NotFoo::NotBar", "Properties": { "fred": "waldo" } },
        }))
    }

    #[test]
    fn no_resources_match() {
        let expected = "Template has 2 resource(s) with type Foo::Bar, but none match as expected.\nThe following resources do not match the given definition:\n\tFoo\n\tFoo2";
        let message = expect_err(
            two().all_resources("Foo::Bar", json!({ "Properties": { "fred": "waldo" } })),
            &[],
        );
        assert_eq!(message, expected);
        let message =
            expect_err(two().all_resources_properties("Foo::Bar", json!({ "fred": "waldo" })), &[]);
        assert_eq!(message, expected);
    }

    #[test]
    fn some_resources_match() {
        let expected = "Template has 2 resource(s) with type Foo::Bar, but only 1 match as expected.\nThe following resources do not match the given definition:\n\tFoo2";
        let message = expect_err(
            two().all_resources("Foo::Bar", json!({ "Properties": { "lorem": "ipsum" } })),
            &[],
        );
        assert_eq!(message, expected);
        let message = expect_err(
            two().all_resources_properties("Foo::Bar", json!({ "lorem": "ipsum" })),
            &[],
        );
        assert_eq!(message, expected);
    }

    #[test]
    fn using_a_not_matcher() {
        // `not` matches its literal exactly: no resource is exactly `{ Properties: { baz: qux } }`.
        two()
            .all_resources("Foo::Bar", Match::not(json!({ "Properties": { "baz": "qux" } })))
            .unwrap();
        two()
            .all_resources(
                "Foo::Bar",
                Match::not(Match::object_like(json!({ "Properties": { "baz": "qux" } }))),
            )
            .unwrap_err();
        let t = resources(json!({
            "Foo": { "Type": "Foo::Bar", "Properties": { "lorem": "ipsum" } },
            "Foo2": { "Type": "Foo::Bar", "Properties": { "baz": "baz" } },
        }));
        t.all_resources("Foo::Bar", Match::not(json!({ "Properties": { "baz": "qux" } }))).unwrap();
        t.all_resources_properties("Foo::Bar", Match::not(json!({ "baz": "qux" }))).unwrap();
    }

    #[test]
    fn no_resource_of_the_type_fails() {
        let message = expect_err(two().all_resources("X::Y", pattern!({})), &[]);
        assert!(message
            .starts_with("Template has 0 resource(s) with type X::Y, but none match as expected."));
    }
}

mod outputs {
    use super::*;

    fn stack_outputs(outputs: &[(&str, &str, Option<&str>)]) -> Result<Template, AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        for (id, value, export) in outputs {
            let mut props = CfnOutputProps::builder().value(*value);
            if let Some(e) = export {
                props = props.export_name(*e);
            }
            CfnOutput::new(&stack, id, props)?;
        }
        Template::from_stack(&stack)
    }

    #[test]
    fn matching() -> Result<(), AssertionError> {
        let t = stack_outputs(&[("Foo", "Bar", None), ("Fred", "Waldo", None)])?;
        t.has_output("Foo", json!({ "Value": "Bar" }))
    }

    #[test]
    fn not_matching() -> Result<(), AssertionError> {
        let t = stack_outputs(&[("Foo", "Bar", Some("ExportBar")), ("Fred", "Waldo", None)])?;
        expect_err(
            t.has_output("Foo", json!({ "Value": "Bar", "Export": { "Name": "ExportBaz" } })),
            &["1 outputs named Foo", "Expected ExportBaz but received ExportBar"],
        );
        Ok(())
    }

    #[test]
    fn value_not_matching_with_output_name() -> Result<(), AssertionError> {
        let t = stack_outputs(&[("Foo", "Bar", None), ("Fred", "Baz", None)])?;
        expect_err(
            t.has_output("Fred", json!({ "Value": "Bar" })),
            &["1 outputs named Fred", "Expected Bar but received Baz"],
        );
        Ok(())
    }

    #[test]
    fn output_name_not_matching() -> Result<(), AssertionError> {
        let t = stack_outputs(&[("Foo", "Bar", Some("ExportBar"))])?;
        expect_err(
            t.has_output("Fred", json!({ "Value": "Bar", "Export": { "Name": "ExportBar" } })),
            &["Template has 0 outputs named Fred."],
        );
        Ok(())
    }

    #[test]
    fn find_outputs() {
        let t = Template::from_json(json!({ "Outputs": {
            "Foo": { "Value": "Fred", "Description": "FooFred" },
            "Bar": { "Value": "Fred", "Description": "BarFred" },
            "Baz": { "Value": "Waldo", "Description": "BazWaldo" },
        }}))
        .unwrap();
        let found = t.find_outputs("*", json!({ "Value": "Fred" })).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found["Foo"], json!({ "Value": "Fred", "Description": "FooFred" }));
        assert_eq!(found["Bar"], json!({ "Value": "Fred", "Description": "BarFred" }));
        assert!(t.find_outputs("*", json!({ "Value": "Nope" })).unwrap().is_empty());
        let found = t.find_outputs("Foo", json!({ "Value": "Fred" })).unwrap();
        assert_eq!(
            serde_json::Value::Object(found),
            json!({ "Foo": { "Value": "Fred", "Description": "FooFred" } })
        );
        assert!(t.find_outputs("Foo", json!({ "Value": "Waldo" })).unwrap().is_empty());
    }
}

mod mappings {
    use super::*;

    fn two() -> Template {
        Template::from_json(json!({ "Mappings": {
            "Foo": { "Foo": { "Bar": "Lightning", "Fred": "Waldo" }, "Baz": { "Bar": "Qux" } },
            "Fred": { "Foo": { "Bar": "Lightning" } },
        }}))
        .expect("a valid template")
    }

    #[test]
    fn has_mapping() {
        let t = two();
        t.has_mapping("*", json!({ "Foo": { "Bar": "Lightning" } })).unwrap();
        t.has_mapping("Foo", json!({ "Baz": { "Bar": "Qux" } })).unwrap();
        expect_err(
            t.has_mapping("*", json!({ "Foo": { "Bar": "Qux" } })),
            &["2 mappings", "Expected Qux but received Lightning"],
        );
        expect_err(
            t.has_mapping("Fred", json!({ "Foo": { "Bar": "Fred" } })),
            &[
                "Template has 1 mappings with logicalId Fred, but none match",
                "Expected Fred but received Lightning",
            ],
        );
    }

    #[test]
    fn find_mappings() {
        let t = two();
        let found = t.find_mappings("*", json!({ "Foo": { "Bar": "Lightning" } })).unwrap();
        assert_eq!(serde_json::Value::Object(found), t.to_json()["Mappings"]);
        assert!(t.find_mappings("*", json!({ "Foo": { "Bar": "Waldo" } })).unwrap().is_empty());
        assert_eq!(
            t.find_mappings("Foo", json!({ "Foo": { "Bar": "Lightning" } })).unwrap().len(),
            1
        );
        assert!(t.find_mappings("Fred", json!({ "Baz": { "Bar": "Qux" } })).unwrap().is_empty());
    }
}

mod parameters {
    use super::*;

    fn two() -> Result<Template, AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let p1 =
            CfnParameterProps::builder().type_("String").description("string parameter").build()?;
        CfnParameter::new(&stack, "p1", p1)?;
        let p2 =
            CfnParameterProps::builder().type_("Number").description("number parameter").build()?;
        CfnParameter::new(&stack, "p2", p2)?;
        Template::from_stack(&stack)
    }

    #[test]
    fn find_parameters() -> Result<(), AssertionError> {
        let t = two()?;
        let found = t.find_parameters("*", json!({ "Type": "String" }))?;
        assert_eq!(
            serde_json::Value::Object(found),
            json!({ "p1": { "Type": "String", "Description": "string parameter" } })
        );
        assert!(t.find_parameters("*", json!({ "Type": "CommaDelimitedList" }))?.is_empty());
        assert_eq!(t.find_parameters("p1", json!({ "Type": "String" }))?.len(), 1);
        assert!(t.find_parameters("p3", json!({ "Type": "String" }))?.is_empty());
        Ok(())
    }

    #[test]
    fn has_parameter() -> Result<(), AssertionError> {
        let t = two()?;
        t.has_parameter("p1", json!({ "Type": "String" }))?;
        // The third parameter is the default synthesizer's BootstrapVersion.
        expect_err(
            t.has_parameter("*", json!({ "Type": "CommaDelimitedList" })),
            &["3 parameters", "Expected CommaDelimitedList but received String"],
        );
        expect_err(
            t.has_parameter("p2", json!({ "Type": "CommaDelimitedList" })),
            &[
                "Template has 1 parameters with logicalId 'p2'",
                "Expected CommaDelimitedList but received Number",
            ],
        );
        Ok(())
    }
}

mod conditions {
    use super::*;

    #[test]
    fn has_condition() -> Result<(), AssertionError> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        CfnCondition::new(&stack, "Foo", Fn::condition_equals("Bar", "Baz"))?;
        CfnCondition::new(&stack, "Qux", Fn::condition_not(Fn::condition_equals("Quux", "Quuz")))?;
        let t = Template::from_stack(&stack)?;
        t.has_condition("*", json!({ "Fn::Equals": ["Bar", "Baz"] }))?;
        t.has_condition("Foo", json!({ "Fn::Equals": ["Bar", "Baz"] }))?;
        expect_err(
            t.has_condition("*", json!({ "Fn::Equals": ["Baz", "Bar"] })),
            &["2 conditions", "Missing key"],
        );
        expect_err(
            t.has_condition("Foo", json!({ "Fn::Equals": ["Baz", "Bar"] })),
            &["1 conditions", "Expected Baz but received Bar"],
        );
        Ok(())
    }

    #[test]
    fn find_conditions() {
        let t = Template::from_json(json!({ "Conditions": {
            "Foo": { "Fn::Equals": ["Bar", "Baz"] },
            "Qux": { "Fn::Not": [{ "Fn::Equals": ["Quux", "Quuz"] }] },
        }}))
        .unwrap();
        assert_eq!(
            serde_json::Value::Object(t.find_conditions("Foo", pattern!({})).unwrap()),
            json!({ "Foo": { "Fn::Equals": ["Bar", "Baz"] } })
        );
        assert_eq!(
            serde_json::Value::Object(t.find_conditions("Qux", pattern!({})).unwrap()),
            json!({ "Qux": { "Fn::Not": [{ "Fn::Equals": ["Quux", "Quuz"] }] } })
        );
        assert!(t.find_mappings("Bar", pattern!({})).unwrap().is_empty());
        assert_eq!(
            t.find_conditions("Foo", json!({ "Fn::Equals": ["Bar", "Baz"] })).unwrap().len(),
            1
        );
        assert!(t
            .find_conditions("Foo", json!({ "Fn::Equals": ["Bar", "Qux"] }))
            .unwrap()
            .is_empty());
    }
}

mod cyclic {
    use super::*;

    fn cycle() -> serde_json::Value {
        json!({ "Resources": {
            "Res1": { "Type": "Foo", "Properties": { "Thing": { "Ref": "Res2" } } },
            "Res2": { "Type": "Foo", "DependsOn": ["Res1"] },
        }})
    }

    #[test]
    fn cyclic_dependencies_are_refused() {
        let err = Template::from_json(cycle()).unwrap_err();
        assert!(err.message().contains("dependency cycle: Res1 -> Res2 -> Res1"), "{err}");
        let err = Template::from_json_with(
            cycle(),
            TemplateParsingOptions::builder().skip_cyclical_dependencies_check(false),
        )
        .unwrap_err();
        assert!(err.message().contains("dependency cycle"));
    }

    #[test]
    fn more_complex_cycles_are_refused() {
        let err = Template::from_json(json!({ "Resources": {
            "Res1": { "Type": "Foo", "Properties": { "Thing": { "Ref": "Res2" } } },
            "Res2": { "Type": "Foo", "DependsOn": ["Res3"] },
            "Res3": { "Type": "Foo", "DependsOn": ["Res2"] },
        }}))
        .unwrap_err();
        assert!(err.message().contains("dependency cycle: Res1 -> Res2 -> Res3 -> Res2"), "{err}");
    }

    #[test]
    fn the_check_can_be_skipped() {
        let options = TemplateParsingOptions::builder().skip_cyclical_dependencies_check(true);
        Template::from_json_with(cycle(), options).unwrap();
        let text = cycle().to_string();
        let options = TemplateParsingOptions::builder()
            .skip_cyclical_dependencies_check(true)
            .build()
            .unwrap();
        Template::from_string_with(&text, options).unwrap();
    }
}
