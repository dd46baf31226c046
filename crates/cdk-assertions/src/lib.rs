//! # cdk-assertions
//!
//! Assertions on the CloudFormation templates a CDK app synthesizes, for the unit tests of
//! your own constructs and stacks: the Rust port of aws-cdk-lib's `assertions` module
//! (`Template`, `Match`, `Capture`), with its matching rules and its failure messages.
//!
//! ```
//! use cdk_assertions::{pattern, Capture, Match, Template};
//! use cdk_core::{App, CfnResource, Stack, Value};
//!
//! // The app under test.
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! CfnResource::new(&stack, "Queue", "AWS::SQS::Queue", Value::object([
//!     ("QueueName", Value::from("orders")),
//!     ("VisibilityTimeout", Value::from(30)),
//! ]))?;
//!
//! // Its template, synthesized in memory.
//! let template = Template::from_stack(&stack)?;
//! template.resource_count_is("AWS::SQS::Queue", 1)?;
//! // Objects match partially (`Match::object_like`): other properties may be present.
//! template.has_resource_properties("AWS::SQS::Queue", pattern!({ "QueueName": "orders" }))?;
//! template.has_resource_properties("AWS::SQS::Queue", pattern!({
//!     "QueueName": Match::string_like_regexp("^ord"),
//!     "FifoQueue": Match::absent(),
//! }))?;
//!
//! // Capture a value to look at it more closely.
//! let timeout = Capture::new();
//! template.has_resource_properties("AWS::SQS::Queue", pattern!({ "VisibilityTimeout": &timeout }))?;
//! assert_eq!(timeout.as_number()?, 30.0);
//!
//! // A failed assertion is an error whose message shows the closest resource and the
//! // place where it differs.
//! let err = template
//!     .has_resource_properties("AWS::SQS::Queue", pattern!({ "QueueName": "invoices" }))
//!     .unwrap_err();
//! assert_eq!(err.message(), [
//!     "Template has 1 resources with type AWS::SQS::Queue, but none match as expected.",
//!     "The 1 closest matches:",
//!     "Queue :: {",
//!     "  \"Metadata\": { \"aws:cdk:path\": \"Stack/Queue\" },",
//!     "  \"Properties\": {",
//!     "!!   Expected invoices but received orders",
//!     "    \"QueueName\": \"orders\",",
//!     "    \"VisibilityTimeout\": 30",
//!     "  },",
//!     "  \"Type\": \"AWS::SQS::Queue\"",
//!     "}",
//! ].join("\n"));
//! # Ok::<(), cdk_assertions::AssertionError>(())
//! ```
//!
//! ## Results, not panics
//!
//! Every assertion returns `Result<(), AssertionError>`: end it with `?` in a test that
//! returns `Result<(), AssertionError>` (or a boxed error), or with `.unwrap()`, which prints
//! the message as it is ([`AssertionError`]'s `Debug` form is its message). `AssertionError`
//! converts from `cdk_core::Error` and `cdk_core::BuildError`, so one such test builds its
//! app and asserts on it with `?` throughout, as the example above does. There are no
//! panicking `assert_*` twins: `.unwrap()` already gives CDK's ergonomics, and a failing
//! `?` keeps the test's own line in the backtrace-free output. Misusing a matcher (what
//! aws-cdk-lib throws for) is an `AssertionError` too.
//!
//! ## Patterns
//!
//! Expected values are [`Pattern`]s: JSON with matchers anywhere inside. Write them with
//! [`pattern!`] (JSON syntax, Rust expressions as values), with `serde_json::json!` when they
//! hold no matcher, or from plain values. As in aws-cdk-lib, a literal object given to an
//! assertion is matched with [`Match::object_like`], and so are the literal objects nested in
//! it (also inside literal arrays); literal arrays must match element for element. Use
//! [`Match::exact`], [`Match::object_equals`], [`Match::array_equals`] for exact matches and
//! [`Match::array_with`] for a subsequence (whose literal elements match exactly: wrap them in
//! `Match::object_like` to match partially).
//!
//! ## From TypeScript
//!
//! | aws-cdk-lib | cdk-assertions |
//! | --- | --- |
//! | `Template.fromStack(stack)` | `Template::from_stack(&stack)?` (a nested stack too) |
//! | `Template.fromJSON(t, { skipCyclicalDependenciesCheck: true })` | `Template::from_json_with(t, TemplateParsingOptions::builder().skip_cyclical_dependencies_check(true))?` |
//! | `template.hasResourceProperties('T', { A: 1 })` | `template.has_resource_properties("T", pattern!({ "A": 1 }))?` |
//! | `template.findResources('T')` | `template.find_resources("T", pattern!({}))?` |
//! | `template.hasOutput('*', { Value: 'x' })` | `template.has_output("*", pattern!({ "Value": "x" }))?` |
//! | `Match.objectLike({ A: Match.anyValue() })` | `Match::object_like(pattern!({ "A": Match::any_value() }))` |
//! | `Match.arrayWith([x, y])` | `Match::array_with(pattern!([x, y]))` or `Match::array_with([x, y])` |
//! | `{ [logicalId]: ... }` | `pattern!({ [logical_id]: ... })` |
//! | `const c = new Capture(); ... c.asString()` | `let c = Capture::new(); ... c.as_string()?` (`&c` in patterns) |
//! | `expect(() => ...).toThrow(/msg/)` | `let err = ....unwrap_err(); assert!(err.message().contains("msg"))` |
//!
//! ## Port notes
//!
//! Ports `assertions/lib/{template,match,matcher,capture}.ts` and `private/*.ts` of
//! aws-cdk-lib 2.276.0 (annotations and tags assertions are not ported). Regular expressions
//! use the `regex` crate's syntax. `Match::exact(null)` matches `null` (aws-cdk-lib throws).
//! [`Template::template_matches`] hands captured values to captures, which aws-cdk-lib
//! forgets to do.

mod capture;
mod cyclic;
mod error;
mod js;
mod matcher;
mod matchers;
mod pattern;
mod template;

pub use capture::Capture;
pub use error::AssertionError;
pub use matcher::{MatchFailure, MatchResult, Matcher};
pub use matchers::Match;
#[doc(hidden)]
pub use pattern::__empty_vec;
pub use pattern::Pattern;
pub use template::{Matches, Template, TemplateParsingOptions, TemplateParsingOptionsBuilder};
