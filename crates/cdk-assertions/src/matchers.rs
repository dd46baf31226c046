//! The built-in matchers (ports `assertions/lib/match.ts` and `private/matchers/absent.ts`).

use indexmap::IndexMap;
use serde_json::Value;

use crate::js;
use crate::matcher::{MatchFailure, MatchResult, Matcher};
use crate::pattern::Pattern;

/// Partial and special matching, for the patterns given to [`Template`](crate::Template)'s
/// assertions. Each function returns a [`Pattern`] holding the matcher, to use on its own or
/// anywhere inside a [`pattern!`](crate::pattern!).
///
/// Misuses that aws-cdk-lib reports by throwing (`Match::exact(Match::absent())`,
/// `Match::absent()` inside `Match::array_with`, an invalid regular expression, an object
/// matcher given a non-object pattern) make the assertion fail with that message.
#[derive(Debug)]
pub struct Match(());

impl Match {
    /// The key must not be present (use it as the value of a key in an object pattern).
    ///
    /// ```
    /// # use cdk_assertions::{pattern, Match};
    /// # use serde_json::json;
    /// let p = Match::object_like(pattern!({ "foo": Match::absent() }));
    /// assert!(p.test(Some(&json!({ "bar": 1 }))).is_success());
    /// assert!(p.test(Some(&json!({ "foo": 1 }))).has_failed());
    /// ```
    pub fn absent() -> Pattern {
        Pattern::matcher(AbsentMatch)
    }

    /// An array holding elements that match `pattern`'s elements, in the same order, others
    /// allowed in between (a subsequence). Literal elements are matched exactly, as in
    /// aws-cdk-lib: wrap an object in [`Match::object_like`] to match it partially.
    /// [`Match::absent`] and [`Match::any_value`] cannot be elements.
    ///
    /// ```
    /// # use cdk_assertions::{pattern, Match};
    /// # use serde_json::json;
    /// let tags = json!([{ "Key": "a", "Value": "1" }, { "Key": "b", "Value": "2" }]);
    /// assert!(Match::array_with(json!([{ "Key": "b", "Value": "2" }])).test(Some(&tags)).is_success());
    /// assert!(Match::array_with(json!([{ "Key": "b" }])).test(Some(&tags)).has_failed());
    /// let partial = Match::array_with([Match::object_like(json!({ "Key": "b" }))]);
    /// assert!(partial.test(Some(&tags)).is_success());
    /// ```
    pub fn array_with(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(ArrayMatch::new("arrayWith", pattern.into(), true, false))
    }

    /// An array whose elements match `pattern`'s, exactly as many, in order.
    pub fn array_equals(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(ArrayMatch::new("arrayEquals", pattern.into(), false, false))
    }

    /// Deep exact match: objects must have exactly the pattern's keys, at every level (matchers
    /// nested in the pattern still apply). The pattern itself cannot be a matcher.
    pub fn exact(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(LiteralMatch {
            name: "exact".into(),
            pattern: pattern.into(),
            partial_objects: false,
        })
    }

    /// An object holding at least the pattern's keys, with matching values; nested literal
    /// objects are matched the same way.
    pub fn object_like(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(ObjectMatch::new("objectLike", pattern.into(), true))
    }

    /// An object with exactly the pattern's keys (nested literal objects too).
    pub fn object_equals(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(ObjectMatch::new("objectEquals", pattern.into(), false))
    }

    /// Anything that does not match `pattern` (a literal is matched exactly).
    pub fn not(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(NotMatch { pattern: pattern.into() })
    }

    /// A string holding JSON whose parsed value matches `pattern` (a literal is matched
    /// exactly).
    pub fn serialized_json(pattern: impl Into<Pattern>) -> Pattern {
        Pattern::matcher(SerializedJson { pattern: pattern.into() })
    }

    /// Any value but `null` (the key must be present).
    pub fn any_value() -> Pattern {
        Pattern::matcher(AnyMatch)
    }

    /// A string in which the regular expression finds a match (anywhere: anchor it with `^`
    /// and `$` for the whole string; `^`/`$` also match at line ends, as JavaScript's `m`
    /// flag does). The syntax is the `regex` crate's, which shares JavaScript's common subset
    /// but has no look-around or back-references.
    pub fn string_like_regexp(pattern: impl Into<String>) -> Pattern {
        let pattern = pattern.into();
        let compiled = regex::Regex::new(&format!("(?m){pattern}"))
            .map_err(|e| format!("Invalid regular expression: /{pattern}/: {e}"));
        Pattern::matcher(StringLikeRegexpMatch { pattern, regex: compiled })
    }
}

/// The matcher for a pattern element or value: itself when it is one, else a literal match.
fn literal_or_matcher<'a>(
    pattern: &'a Pattern,
    name: &str,
    partial_objects: bool,
    holder: &'a mut Option<LiteralMatch>,
) -> &'a dyn Matcher {
    match pattern {
        Pattern::Matcher(m) => m.as_ref(),
        literal => holder.insert(LiteralMatch {
            name: name.to_string(),
            pattern: literal.clone(),
            partial_objects,
        }),
    }
}

/// `LiteralMatch`: a literal, with arrays and objects delegated to the array and object
/// matchers.
#[derive(Debug)]
pub(crate) struct LiteralMatch {
    pub(crate) name: String,
    pub(crate) pattern: Pattern,
    pub(crate) partial_objects: bool,
}

impl Matcher for LiteralMatch {
    fn name(&self) -> &str {
        &self.name
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        let expected: Value = match &self.pattern {
            Pattern::Matcher(_) => {
                result.record_error(
                    "LiteralMatch cannot directly contain another matcher. Remove the top-level matcher or nest it more deeply.",
                );
                return result;
            }
            Pattern::Array(items) => {
                return ArrayMatch {
                    name: self.name.clone(),
                    pattern: Ok(items.clone()),
                    subsequence: false,
                    partial_objects: self.partial_objects,
                }
                .test(actual);
            }
            Pattern::Object(map) => {
                return ObjectMatch {
                    name: self.name.clone(),
                    pattern: Ok(map.clone()),
                    partial: self.partial_objects,
                }
                .test(actual);
            }
            Pattern::Null => {
                if !matches!(actual, Some(Value::Null)) {
                    let received = js::stringify(actual, 0);
                    result.record_failure(MatchFailure::new(
                        self,
                        format!("Expected null but received {received}"),
                    ));
                }
                return result;
            }
            Pattern::Bool(b) => Value::Bool(*b),
            Pattern::Number(n) => Value::Number(n.clone()),
            Pattern::String(s) => Value::String(s.clone()),
        };
        let expected_type = js::type_of(Some(&expected));
        if expected_type != js::type_of(actual) {
            let msg =
                format!("Expected type {expected_type} but received {}", js::get_type(actual));
            result.record_failure(MatchFailure::new(self, msg));
            return result;
        }
        let equal = match (&expected, actual) {
            (Value::Number(a), Some(Value::Number(b))) => js::numbers_equal(a, b),
            (e, Some(a)) => e == a,
            (_, None) => false,
        };
        if !equal {
            let msg = format!(
                "Expected {} but received {}",
                js::to_string(Some(&expected)),
                js::to_string(actual)
            );
            result.record_failure(MatchFailure::new(self, msg));
        }
        result
    }
}

/// `ArrayMatch`: `arrayWith` (subsequence) and `arrayEquals`.
#[derive(Debug)]
struct ArrayMatch {
    name: String,
    pattern: Result<Vec<Pattern>, ()>,
    subsequence: bool,
    partial_objects: bool,
}

impl ArrayMatch {
    fn new(name: &str, pattern: Pattern, subsequence: bool, partial_objects: bool) -> ArrayMatch {
        let pattern = match pattern {
            Pattern::Array(items) => Ok(items),
            _ => Err(()),
        };
        ArrayMatch { name: name.into(), pattern, subsequence, partial_objects }
    }

    fn test_full_array(
        &self,
        pattern: &[Pattern],
        actual: &[Value],
        mut result: MatchResult,
    ) -> MatchResult {
        let n = pattern.len().min(actual.len());
        for (i, (p, a)) in pattern.iter().zip(actual).enumerate() {
            let mut holder = None;
            let matcher = literal_or_matcher(p, &self.name, self.partial_objects, &mut holder);
            result.compose(i.to_string(), matcher.test(Some(a)));
        }
        if n < pattern.len() {
            let msg = format!(
                "Not enough elements in array (expecting {}, got {})",
                pattern.len(),
                actual.len()
            );
            result.record_failure(MatchFailure::named(&self.name, msg).at([n.to_string()]));
        }
        if n < actual.len() {
            let msg = format!(
                "Too many elements in array (expecting {}, got {})",
                pattern.len(),
                actual.len()
            );
            result.record_failure(MatchFailure::named(&self.name, msg).at([n.to_string()]));
        }
        result
    }

    fn test_subsequence(
        &self,
        pattern: &[Pattern],
        actual: &[Value],
        mut result: MatchResult,
    ) -> MatchResult {
        let mut pattern_idx = 0;
        let mut actual_idx = 0;
        // (pattern index, actual index, result) of every comparison made, in order.
        let mut matches: Vec<(usize, usize, MatchResult)> = Vec::new();
        while pattern_idx < pattern.len() && actual_idx < actual.len() {
            let mut holder = None;
            let matcher = literal_or_matcher(
                &pattern[pattern_idx],
                &self.name,
                self.partial_objects,
                &mut holder,
            );
            let matcher_name = matcher.name();
            if matcher_name == "absent" || matcher_name == "anyValue" {
                result.record_error(format!(
                    "The Matcher {matcher_name}() cannot be nested within arrayWith()"
                ));
                return result;
            }
            let tried = (pattern_idx, actual_idx);
            let inner = matcher.test(actual.get(actual_idx));
            actual_idx += 1;
            if inner.is_success() {
                // aws-cdk-lib records the captures under the next index.
                result.compose(actual_idx.to_string(), inner.clone());
                pattern_idx += 1;
            }
            matches.push((tried.0, tried.1, inner));
        }
        if pattern_idx < pattern.len() {
            for spi in 0..pattern_idx {
                let found = matches.iter().find(|(p, _, r)| *p == spi && r.is_success());
                let Some((_, index, _)) = found else {
                    continue;
                };
                let mut note = MatchResult::new(actual.get(*index));
                note.record_failure(
                    MatchFailure::named(
                        &self.name,
                        format!("arrayWith pattern {spi} matched here"),
                    )
                    .cost(0),
                );
                result.compose(index.to_string(), note);
            }
            let mut failed: Vec<&(usize, usize, MatchResult)> =
                matches.iter().filter(|(p, _, _)| *p == pattern_idx).collect();
            failed.sort_by_key(|(_, i, r)| (r.fail_cost(), *i));
            match failed.first() {
                Some((_, index, inner)) => {
                    result.record_failure(
                        MatchFailure::named(
                            &self.name,
                            format!("Could not match arrayWith pattern {pattern_idx}. This is the closest match"),
                        )
                        .at([index.to_string()])
                        .cost(0),
                    );
                    result.compose(index.to_string(), inner.clone());
                }
                None => {
                    result.record_failure(
                        MatchFailure::named(
                            &self.name,
                            format!("Could not match arrayWith pattern {pattern_idx}. No more elements to try"),
                        )
                        .at([actual.len().to_string()]),
                    );
                }
            }
        }
        result
    }
}

impl Matcher for ArrayMatch {
    fn name(&self) -> &str {
        &self.name
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        let Ok(pattern) = &self.pattern else {
            result.record_error(format!("{}() expects an array pattern", self.name));
            return result;
        };
        let Some(Value::Array(items)) = actual else {
            let msg = format!("Expected type array but received {}", js::get_type(actual));
            result.record_failure(MatchFailure::new(self, msg));
            return result;
        };
        if self.subsequence {
            self.test_subsequence(pattern, items, result)
        } else {
            self.test_full_array(pattern, items, result)
        }
    }
}

/// `ObjectMatch`: `objectLike` (partial) and `objectEquals`.
#[derive(Debug)]
pub(crate) struct ObjectMatch {
    name: String,
    pattern: Result<IndexMap<String, Pattern>, ()>,
    partial: bool,
}

impl ObjectMatch {
    pub(crate) fn new(name: &str, pattern: Pattern, partial: bool) -> ObjectMatch {
        let pattern = match pattern {
            Pattern::Object(map) => Ok(map),
            _ => Err(()),
        };
        ObjectMatch { name: name.into(), pattern, partial }
    }
}

impl Matcher for ObjectMatch {
    fn name(&self) -> &str {
        &self.name
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        let Ok(pattern) = &self.pattern else {
            result.record_error(format!("{}() expects an object pattern", self.name));
            return result;
        };
        let Some(Value::Object(map)) = actual else {
            let received = match actual {
                Some(Value::Null) => "null",
                other => js::get_type(other),
            };
            result.record_failure(MatchFailure::new(
                self,
                format!("Expected type object but received {received}"),
            ));
            return result;
        };
        if !self.partial {
            for (key, _) in js::key_order(map) {
                if !pattern.contains_key(key) {
                    result.record_failure(
                        MatchFailure::new(self, format!("Unexpected key {key}")).at([key.clone()]),
                    );
                }
            }
        }
        for (key, value) in pattern {
            if !map.contains_key(key) && !value.is_absent() {
                result.record_failure(
                    MatchFailure::new(self, format!("Missing key '{key}'")).at([key.clone()]),
                );
                continue;
            }
            let mut holder = None;
            let matcher = literal_or_matcher(value, &self.name, self.partial, &mut holder);
            result.compose(key.clone(), matcher.test(map.get(key)));
        }
        result
    }
}

/// `serializedJson`.
#[derive(Debug)]
struct SerializedJson {
    pattern: Pattern,
}

impl Matcher for SerializedJson {
    fn name(&self) -> &str {
        "serializedJson"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let Some(Value::String(text)) = actual else {
            let mut result = MatchResult::new(actual);
            let msg = format!("Expected JSON as a string but found {}", js::get_type(actual));
            result.record_failure(MatchFailure::new(self, msg));
            return result;
        };
        let parsed: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(_) => {
                let mut result = MatchResult::new(actual);
                result.record_failure(MatchFailure::new(
                    self,
                    format!("Invalid JSON string: {text}"),
                ));
                return result;
            }
        };
        let mut holder = None;
        let matcher = literal_or_matcher(&self.pattern, self.name(), false, &mut holder);
        let mut inner = matcher.test(Some(&parsed));
        if inner.has_failed() {
            inner.record_failure(MatchFailure::new(self, "Encoded JSON value does not match"));
        }
        inner.mark_transformed();
        inner
    }
}

/// `not`.
#[derive(Debug)]
struct NotMatch {
    pattern: Pattern,
}

impl Matcher for NotMatch {
    fn name(&self) -> &str {
        "not"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut holder = None;
        let matcher = literal_or_matcher(&self.pattern, self.name(), false, &mut holder);
        let inner = matcher.test(actual);
        let mut result = MatchResult::new(actual);
        for e in inner.errors() {
            result.record_error(e.clone());
        }
        if inner.fail_count() == 0 && inner.errors().is_empty() {
            let msg = format!("Found unexpected match: {}", js::stringify(actual, 2));
            result.record_failure(MatchFailure::new(self, msg));
        }
        result
    }
}

/// `anyValue`.
#[derive(Debug)]
struct AnyMatch;

impl Matcher for AnyMatch {
    fn name(&self) -> &str {
        "anyValue"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        if matches!(actual, None | Some(Value::Null)) {
            result.record_failure(MatchFailure::new(self, "Expected a value but found none"));
        }
        result
    }
}

/// `stringLikeRegexp`.
#[derive(Debug)]
struct StringLikeRegexpMatch {
    pattern: String,
    regex: Result<regex::Regex, String>,
}

impl Matcher for StringLikeRegexpMatch {
    fn name(&self) -> &str {
        "stringLikeRegexp"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        let regex = match &self.regex {
            Ok(r) => r,
            Err(e) => {
                result.record_error(e.clone());
                return result;
            }
        };
        if !matches!(actual, Some(Value::String(_))) {
            let msg = format!("Expected a string, but got '{}'", js::type_of(actual));
            result.record_failure(MatchFailure::new(self, msg));
        }
        // JavaScript's `RegExp.test` converts a non-string to a string first.
        let text = js::to_string(actual);
        if !regex.is_match(&text) {
            let msg = format!("String '{text}' did not match pattern '{}'", self.pattern);
            result.record_failure(MatchFailure::new(self, msg));
        }
        result
    }
}

/// `absent`.
#[derive(Debug)]
pub(crate) struct AbsentMatch;

impl Matcher for AbsentMatch {
    fn name(&self) -> &str {
        "absent"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        if actual.is_some() {
            let msg = format!("Received {}, but key should be absent", js::to_string(actual));
            result.record_failure(MatchFailure::new(self, msg));
        }
        result
    }

    fn is_absent(&self) -> bool {
        true
    }
}
