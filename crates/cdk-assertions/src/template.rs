//! [`Template`]: assertions on a synthesized CloudFormation template (ports
//! `assertions/lib/template.ts` and `private/{section,resources,outputs,parameters,mappings,conditions}.ts`).

use cdk_core::{IntoProps, Stack};
use serde_json::{Map, Value};

use crate::cyclic::check_template_for_cyclic_dependencies;
use crate::error::AssertionError;
use crate::js;
use crate::matcher::{MatchResult, Matcher};
use crate::matchers::ObjectMatch;
use crate::pattern::Pattern;

/// How a [`Template`] is read.
#[derive(Clone, Debug, Default, PartialEq, Eq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct TemplateParsingOptions {
    /// Skip the check for resources that depend on each other in a cycle; only for templates
    /// that are valid despite one, such as unprocessed transform stacks. Default: false.
    #[builder(default)]
    pub skip_cyclical_dependencies_check: bool,
}

cdk_core::impl_props!(TemplateParsingOptions, TemplateParsingOptionsBuilder);

/// The logical IDs and values of the entries of a template section that matched.
pub type Matches = Map<String, Value>;

/// A CloudFormation template to run assertions on, as unit tests of a CDK app do
/// (aws-cdk-lib's `Template`).
///
/// The `has_*`, `all_*`, `*_count_is` and `template_matches` methods return
/// `Err(AssertionError)` with aws-cdk-lib's message when the template does not hold what they
/// look for (tests end them with `?` or `.unwrap()`, which prints the message); the `find_*`
/// methods return the matching entries by logical ID. Patterns are [`Pattern`]s: write them
/// with [`pattern!`](crate::pattern!), `serde_json::json!` or [`Match`](crate::Match); an
/// object literal is matched with `Match::object_like` unless said otherwise.
#[derive(Clone, Debug)]
pub struct Template {
    template: Value,
}

/// What matching a pattern against each entry of a section gave.
struct SectionMatch<'a> {
    /// Every entry looked at, in order.
    analyzed: Vec<(&'a String, &'a Value)>,
    /// The entries that matched.
    matches: Vec<(&'a String, &'a Value)>,
    /// When none matched: the (at most 3) closest, best first.
    closest: Vec<(&'a String, MatchResult)>,
}

fn match_section<'a>(
    entries: Vec<(&'a String, &'a Value)>,
    props: &Pattern,
) -> Result<SectionMatch<'a>, AssertionError> {
    let default_matcher;
    let matcher = match props {
        Pattern::Matcher(m) => m.as_ref(),
        literal => {
            default_matcher = ObjectMatch::new("objectLike", literal.clone(), true);
            &default_matcher as &dyn Matcher
        }
    };
    let mut matches = Vec::new();
    let mut failures = Vec::new();
    for (logical_id, entry) in &entries {
        let mut result = matcher.test(Some(entry));
        if let Some(e) = result.errors().first() {
            return Err(AssertionError::new(e.clone()));
        }
        result.finished();
        if result.has_failed() {
            failures.push((*logical_id, result));
        } else {
            matches.push((*logical_id, *entry));
        }
    }
    let closest = if matches.is_empty() {
        failures.sort_by(|(a_id, a), (b_id, b)| {
            a.fail_cost()
                .cmp(&b.fail_cost())
                .then_with(|| cdk_core::collate::locale_compare(a_id, b_id))
        });
        failures.truncate(3);
        failures
    } else {
        Vec::new()
    };
    Ok(SectionMatch { analyzed: entries, matches, closest })
}

/// `Template has N <qualifier>, but none match as expected.` and the closest matches, each
/// with its differences marked.
fn format_section_match_failure(qualifier: &str, result: &SectionMatch<'_>) -> String {
    let n = result.analyzed.len();
    let mut out = format!("Template has {n} {qualifier}");
    if n > 0 {
        out.push_str(", but none match as expected");
    }
    out.push_str(".\n");
    if result.closest.is_empty() {
        out.push_str("No matches found");
    } else {
        let mut lines = vec![format!("The {} closest matches:", result.closest.len())];
        for (id, r) in &result.closest {
            lines.push(format!("{id} :: {}", r.render_mismatch()));
        }
        out.push_str(&lines.join("\n"));
    }
    out
}

fn format_all_mismatches(result: &SectionMatch<'_>) -> String {
    let mut lines = vec!["The following resources do not match the given definition:".to_string()];
    for (id, _) in &result.analyzed {
        if !result.matches.iter().any(|(m, _)| m == id) {
            lines.push(format!("\t{id}"));
        }
    }
    lines.join("\n")
}

fn to_matches(entries: &[(&String, &Value)]) -> Matches {
    entries.iter().map(|(k, v)| ((*k).clone(), (*v).clone())).collect()
}

/// `objectLike({ Properties: props })`.
fn properties_pattern(props: Pattern) -> Pattern {
    crate::Match::object_like(Pattern::Object(
        [("Properties".to_string(), props)].into_iter().collect(),
    ))
}

impl Template {
    /// The template of a stack, synthesized as `cdk synth` would (the whole app is
    /// synthesized, in memory). A nested stack gives its own template.
    ///
    /// # Errors
    /// Synthesis errors (with [`AssertionError::synth_error`]); a dependency cycle between
    /// the template's resources.
    pub fn from_stack(stack: &Stack) -> Result<Template, AssertionError> {
        Template::from_stack_with(stack, TemplateParsingOptions::default())
    }

    /// [`from_stack`](Self::from_stack) with options.
    ///
    /// # Errors
    /// As [`from_stack`](Self::from_stack); a builder error from the options.
    pub fn from_stack_with(
        stack: &Stack,
        options: impl IntoProps<TemplateParsingOptions>,
    ) -> Result<Template, AssertionError> {
        let options = options.into_props()?;
        Template::new(stack.synthesize_template()?, &options)
    }

    /// A template given as JSON.
    ///
    /// # Errors
    /// A dependency cycle between the template's resources.
    pub fn from_json(template: Value) -> Result<Template, AssertionError> {
        Template::from_json_with(template, TemplateParsingOptions::default())
    }

    /// [`from_json`](Self::from_json) with options.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json); a builder error from the options.
    pub fn from_json_with(
        template: Value,
        options: impl IntoProps<TemplateParsingOptions>,
    ) -> Result<Template, AssertionError> {
        Template::new(template, &options.into_props()?)
    }

    /// A template given as JSON text.
    ///
    /// # Errors
    /// Text that is not JSON; a dependency cycle between the template's resources.
    pub fn from_string(template: &str) -> Result<Template, AssertionError> {
        Template::from_string_with(template, TemplateParsingOptions::default())
    }

    /// [`from_string`](Self::from_string) with options.
    ///
    /// # Errors
    /// As [`from_string`](Self::from_string); a builder error from the options.
    pub fn from_string_with(
        template: &str,
        options: impl IntoProps<TemplateParsingOptions>,
    ) -> Result<Template, AssertionError> {
        let value = serde_json::from_str(template)
            .map_err(|e| AssertionError::new(format!("Invalid JSON template: {e}")))?;
        Template::from_json_with(value, options)
    }

    fn new(template: Value, options: &TemplateParsingOptions) -> Result<Template, AssertionError> {
        if !options.skip_cyclical_dependencies_check {
            check_template_for_cyclic_dependencies(&template)?;
        }
        Ok(Template { template })
    }

    /// The template as JSON.
    pub fn to_json(&self) -> &Value {
        &self.template
    }

    /// The entries of a section, in JavaScript's key order.
    fn section<'a>(template: &'a Value, name: &str) -> Vec<(&'a String, &'a Value)> {
        match template.get(name) {
            Some(Value::Object(map)) => js::key_order(map),
            _ => Vec::new(),
        }
    }

    fn resources_of_type<'a>(
        template: &'a Value,
        resource_type: &str,
    ) -> Vec<(&'a String, &'a Value)> {
        Template::section(template, "Resources")
            .into_iter()
            .filter(|(_, v)| v.get("Type").and_then(Value::as_str) == Some(resource_type))
            .collect()
    }

    /// The template with `Properties: {}` added to resources that have none, so that property
    /// patterns apply to them (not when the pattern is `Match::absent()`).
    fn amended(&self, props: &Pattern) -> Option<Value> {
        if props.is_absent() {
            return None;
        }
        let mut amended = self.template.clone();
        if let Some(Value::Object(resources)) = amended.get_mut("Resources") {
            for resource in resources.values_mut() {
                if let Value::Object(r) = resource {
                    if !r.contains_key("Properties") {
                        r.insert("Properties".into(), Value::Object(Map::new()));
                    }
                }
            }
        }
        Some(amended)
    }

    /// Asserts that the template has `count` resources of a type.
    ///
    /// # Errors
    /// `Expected <count> resources of type <type> but found <n>`.
    pub fn resource_count_is(
        &self,
        resource_type: &str,
        count: usize,
    ) -> Result<(), AssertionError> {
        let counted = Template::resources_of_type(&self.template, resource_type).len();
        if counted != count {
            return Err(AssertionError::new(format!(
                "Expected {count} resources of type {resource_type} but found {counted}"
            )));
        }
        Ok(())
    }

    /// Asserts that `count` resources of a type have properties matching `props`
    /// (`Match::object_like` for an object literal).
    ///
    /// # Errors
    /// `Expected <count> resources of type <type> but found <n>`; a misused matcher.
    pub fn resource_properties_count_is(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
        count: usize,
    ) -> Result<(), AssertionError> {
        let props = props.into();
        let amended = self.amended(&props);
        let template = amended.as_ref().unwrap_or(&self.template);
        let result = match_section(
            Template::resources_of_type(template, resource_type),
            &properties_pattern(props),
        )?;
        let counted = result.matches.len();
        if counted != count {
            return Err(AssertionError::new(format!(
                "Expected {count} resources of type {resource_type} but found {counted}"
            )));
        }
        Ok(())
    }

    /// Asserts that a resource of a type has properties matching `props` (its `Properties`
    /// key; `Match::object_like` for an object literal).
    ///
    /// # Errors
    /// `Template has N resources with type <type>, but none match as expected.` with the
    /// closest matches; a misused matcher.
    pub fn has_resource_properties(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let props = props.into();
        let amended = self.amended(&props);
        let template = amended.as_ref().unwrap_or(&self.template);
        Template::has_resource_in(template, resource_type, &properties_pattern(props))
    }

    /// Asserts that a resource of a type matches `props` as a whole (`Type`, `Properties`,
    /// `DependsOn`, ...; `Match::object_like` for an object literal).
    ///
    /// # Errors
    /// `Template has N resources with type <type>, but none match as expected.` with the
    /// closest matches; a misused matcher.
    pub fn has_resource(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        Template::has_resource_in(&self.template, resource_type, &props.into())
    }

    fn has_resource_in(
        template: &Value,
        resource_type: &str,
        props: &Pattern,
    ) -> Result<(), AssertionError> {
        let result = match_section(Template::resources_of_type(template, resource_type), props)?;
        if !result.matches.is_empty() {
            return Ok(());
        }
        Err(AssertionError::new(format_section_match_failure(
            &format!("resources with type {resource_type}"),
            &result,
        )))
    }

    /// The resources of a type that match `props` as a whole (`pattern!({})` for all of
    /// them), by logical ID.
    ///
    /// # Errors
    /// A misused matcher.
    pub fn find_resources(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
    ) -> Result<Matches, AssertionError> {
        let result = match_section(
            Template::resources_of_type(&self.template, resource_type),
            &props.into(),
        )?;
        Ok(to_matches(&result.matches))
    }

    /// Asserts that every resource of a type matches `props` as a whole (fails when there is
    /// none).
    ///
    /// # Errors
    /// `Template has N resource(s) with type <type>, but only M match as expected.` (or `none
    /// match`) with the logical IDs that do not; a misused matcher.
    pub fn all_resources(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        Template::all_resources_in(&self.template, resource_type, &props.into())
    }

    /// Asserts that every resource of a type has properties matching `props` (fails when
    /// there is none).
    ///
    /// # Errors
    /// As [`all_resources`](Self::all_resources).
    pub fn all_resources_properties(
        &self,
        resource_type: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let props = props.into();
        let amended = self.amended(&props);
        let template = amended.as_ref().unwrap_or(&self.template);
        Template::all_resources_in(template, resource_type, &properties_pattern(props))
    }

    fn all_resources_in(
        template: &Value,
        resource_type: &str,
        props: &Pattern,
    ) -> Result<(), AssertionError> {
        let result = match_section(Template::resources_of_type(template, resource_type), props)?;
        let analyzed = result.analyzed.len();
        let matched = result.matches.len();
        if matched == 0 {
            return Err(AssertionError::new(format!(
                "Template has {analyzed} resource(s) with type {resource_type}, but none match as expected.\n{}",
                format_all_mismatches(&result)
            )));
        }
        if analyzed > matched {
            return Err(AssertionError::new(format!(
                "Template has {analyzed} resource(s) with type {resource_type}, but only {matched} match as expected.\n{}",
                format_all_mismatches(&result)
            )));
        }
        Ok(())
    }

    /// The entries of a section named `logical_id` (`"*"` for all).
    fn named<'a>(&'a self, section: &str, logical_id: &str) -> Vec<(&'a String, &'a Value)> {
        Template::section(&self.template, section)
            .into_iter()
            .filter(|(k, _)| logical_id == "*" || k.as_str() == logical_id)
            .collect()
    }

    fn has_in(
        &self,
        section: &str,
        logical_id: &str,
        props: Pattern,
        qualifier: String,
    ) -> Result<(), AssertionError> {
        let result = match_section(self.named(section, logical_id), &props)?;
        if !result.matches.is_empty() {
            return Ok(());
        }
        Err(AssertionError::new(format_section_match_failure(&qualifier, &result)))
    }

    fn find_in(
        &self,
        section: &str,
        logical_id: &str,
        props: Pattern,
    ) -> Result<Matches, AssertionError> {
        let result = match_section(self.named(section, logical_id), &props)?;
        Ok(to_matches(&result.matches))
    }

    /// Asserts that a parameter named `logical_id` (`"*"`: any) matches `props`.
    ///
    /// # Errors
    /// `Template has N parameters with logicalId '<id>', but none match as expected.` with
    /// the closest matches; a misused matcher.
    pub fn has_parameter(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let qualifier = format!("parameters with logicalId '{logical_id}'");
        self.has_in("Parameters", logical_id, props.into(), qualifier)
    }

    /// The parameters named `logical_id` (`"*"`: any) that match `props` (`pattern!({})`: all).
    ///
    /// # Errors
    /// A misused matcher.
    pub fn find_parameters(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<Matches, AssertionError> {
        self.find_in("Parameters", logical_id, props.into())
    }

    /// Asserts that an output named `logical_id` (`"*"`: any) matches `props`.
    ///
    /// # Errors
    /// `Template has N outputs named <id>, but none match as expected.` with the closest
    /// matches; a misused matcher.
    pub fn has_output(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let qualifier = format!("outputs named {logical_id}");
        self.has_in("Outputs", logical_id, props.into(), qualifier)
    }

    /// The outputs named `logical_id` (`"*"`: any) that match `props` (`pattern!({})`: all).
    ///
    /// # Errors
    /// A misused matcher.
    pub fn find_outputs(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<Matches, AssertionError> {
        self.find_in("Outputs", logical_id, props.into())
    }

    /// Asserts that a mapping named `logical_id` (`"*"`: any) matches `props`.
    ///
    /// # Errors
    /// `Template has N mappings with logicalId <id>, but none match as expected.` with the
    /// closest matches; a misused matcher.
    pub fn has_mapping(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let qualifier = format!("mappings with logicalId {logical_id}");
        self.has_in("Mappings", logical_id, props.into(), qualifier)
    }

    /// The mappings named `logical_id` (`"*"`: any) that match `props` (`pattern!({})`: all).
    ///
    /// # Errors
    /// A misused matcher.
    pub fn find_mappings(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<Matches, AssertionError> {
        self.find_in("Mappings", logical_id, props.into())
    }

    /// Asserts that a condition named `logical_id` (`"*"`: any) matches `props`.
    ///
    /// # Errors
    /// `Template has N conditions with logicalId <id>, but none match as expected.` with the
    /// closest matches; a misused matcher.
    pub fn has_condition(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<(), AssertionError> {
        let qualifier = format!("conditions with logicalId {logical_id}");
        self.has_in("Conditions", logical_id, props.into(), qualifier)
    }

    /// The conditions named `logical_id` (`"*"`: any) that match `props` (`pattern!({})`: all).
    ///
    /// # Errors
    /// A misused matcher.
    pub fn find_conditions(
        &self,
        logical_id: &str,
        props: impl Into<Pattern>,
    ) -> Result<Matches, AssertionError> {
        self.find_in("Conditions", logical_id, props.into())
    }

    /// Asserts that the whole template matches `expected` (`Match::object_like` for an object
    /// literal). Unlike aws-cdk-lib, captures in `expected` receive their values.
    ///
    /// # Errors
    /// `Template did not match as expected. The following mismatches were found:` and one
    /// line per mismatch; a misused matcher.
    pub fn template_matches(&self, expected: impl Into<Pattern>) -> Result<(), AssertionError> {
        let expected = expected.into();
        let mut result = match &expected {
            Pattern::Matcher(m) => m.test(Some(&self.template)),
            literal => {
                ObjectMatch::new("objectLike", literal.clone(), true).test(Some(&self.template))
            }
        };
        if let Some(e) = result.errors().first() {
            return Err(AssertionError::new(e.clone()));
        }
        result.finished();
        if result.has_failed() {
            let mut lines =
                vec!["Template did not match as expected. The following mismatches were found:"
                    .to_string()];
            lines.extend(result.to_human_strings().into_iter().map(|s| format!("\t{s}")));
            return Err(AssertionError::new(lines.join("\n")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // The facts of aws-cdk-lib's `assertions/test/private/section.test.ts`.

    #[test]
    fn match_section_success() {
        let section = json!({
            "Entry1": { "foo": "bar" },
            "Entry2": { "foo": "bar", "baz": "qux" },
            "Entry3": { "fred": "waldo" },
        });
        let template = json!({ "S": section });
        let pattern = crate::Match::object_like(json!({ "foo": "bar" }));
        let result = match_section(Template::section(&template, "S"), &pattern).unwrap();
        let matches = to_matches(&result.matches);
        assert_eq!(matches.len(), 2);
        assert_eq!(matches["Entry1"], json!({ "foo": "bar" }));
        assert_eq!(matches["Entry2"], json!({ "foo": "bar", "baz": "qux" }));
        assert!(result.closest.is_empty());
    }

    #[test]
    fn match_section_failure() {
        let template =
            json!({ "S": { "Entry1": { "foo": "qux" }, "Entry3": { "fred": "waldo" } } });
        let pattern = crate::Match::object_like(json!({ "foo": "bar" }));
        let result = match_section(Template::section(&template, "S"), &pattern).unwrap();
        assert!(result.matches.is_empty());
        assert_eq!(result.analyzed.len(), 2);
        assert_eq!(result.closest[0].1.target(), Some(&json!({ "foo": "qux" })));
    }

    #[test]
    fn sections_that_are_not_objects_are_empty() {
        let t = Template::from_json(json!({ "Resources": [1, 2], "Outputs": "x" })).unwrap();
        t.resource_count_is("AWS::SNS::Topic", 0).unwrap();
        assert!(t.find_outputs("*", json!({})).unwrap().is_empty());
    }
}
