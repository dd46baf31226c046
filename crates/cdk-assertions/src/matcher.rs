//! The matcher protocol: [`Matcher`], [`MatchResult`] and its renderings (ports
//! `assertions/lib/matcher.ts`).

use std::fmt;

use indexmap::IndexMap;
use serde_json::Value;

use crate::capture::Capture;
use crate::js;

/// A matcher: tests a value found in a template against an expectation.
///
/// The built-in matchers come from [`Match`](crate::Match); [`Capture`] is one too. Implement
/// this trait for a matcher of your own and put it into a pattern with
/// [`Pattern::matcher`](crate::Pattern::matcher).
///
/// ```
/// use cdk_assertions::{Matcher, MatchFailure, MatchResult, Pattern, Template};
/// use serde_json::{json, Value};
///
/// /// Matches strings that start with a prefix.
/// #[derive(Debug)]
/// struct StartsWith(&'static str);
///
/// impl Matcher for StartsWith {
///     fn name(&self) -> &str {
///         "startsWith"
///     }
///     fn test(&self, actual: Option<&Value>) -> MatchResult {
///         let mut result = MatchResult::new(actual);
///         if !actual.and_then(Value::as_str).is_some_and(|s| s.starts_with(self.0)) {
///             result.record_failure(MatchFailure::new(self, format!("Expected a string starting with {}", self.0)));
///         }
///         result
///     }
/// }
///
/// let template = Template::from_json(json!({
///     "Resources": { "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "app-events" } } }
/// }))?;
/// template.has_resource_properties("AWS::SNS::Topic", cdk_assertions::pattern!({
///     "TopicName": Pattern::matcher(StartsWith("app-"))
/// }))?;
/// # Ok::<(), cdk_assertions::AssertionError>(())
/// ```
pub trait Matcher: fmt::Debug {
    /// The matcher's name, shown in messages (`objectLike`, `arrayWith`, ...).
    fn name(&self) -> &str;

    /// Tests a value. `None` stands for a value that is not there (JavaScript's `undefined`:
    /// the key is missing). An empty list of failures is a match.
    fn test(&self, actual: Option<&Value>) -> MatchResult;

    /// Whether this matcher asks for a key to be missing ([`Match::absent`](crate::Match::absent)):
    /// object matchers then accept a missing key instead of reporting it. Default: false.
    fn is_absent(&self) -> bool {
        false
    }
}

/// One way a value failed to match.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MatchFailure {
    /// The name of the matcher that failed.
    pub matcher: String,
    /// Where, relative to the tested value (`["foo", "5"]`: index 5 of the array at key `foo`);
    /// empty for the tested value itself.
    pub path: Vec<String>,
    /// What went wrong.
    pub message: String,
    /// How much this failure weighs when looking for the closest match. Default: 1.
    pub cost: u32,
}

impl MatchFailure {
    /// A failure of `matcher` at the tested value itself, with cost 1.
    pub fn new(matcher: &(impl Matcher + ?Sized), message: impl Into<String>) -> MatchFailure {
        MatchFailure::named(matcher.name(), message)
    }

    /// A failure of the matcher called `matcher`.
    pub fn named(matcher: &str, message: impl Into<String>) -> MatchFailure {
        MatchFailure { matcher: matcher.into(), path: Vec::new(), message: message.into(), cost: 1 }
    }

    /// At a path relative to the tested value.
    pub fn at<S: Into<String>>(mut self, path: impl IntoIterator<Item = S>) -> MatchFailure {
        self.path = path.into_iter().map(Into::into).collect();
        self
    }

    /// With a cost (0 for an informational note).
    pub fn cost(mut self, cost: u32) -> MatchFailure {
        self.cost = cost;
        self
    }
}

/// The result of [`Matcher::test`]: failures by path, captured values, and the results of
/// inner matchers, for messages that show where a value differs.
#[derive(Clone, Debug)]
pub struct MatchResult {
    target: Option<Value>,
    failures_here: IndexMap<String, Vec<MatchFailure>>,
    captures: Vec<(Capture, Vec<Value>)>,
    inner: IndexMap<String, MatchResult>,
    errors: Vec<String>,
    transformed: bool,
    finalized: bool,
    has_failed: bool,
    fail_count: usize,
    cost: u64,
}

impl MatchResult {
    /// An empty (successful) result for a tested value.
    pub fn new(target: Option<&Value>) -> MatchResult {
        MatchResult {
            target: target.cloned(),
            failures_here: IndexMap::new(),
            captures: Vec::new(),
            inner: IndexMap::new(),
            errors: Vec::new(),
            transformed: false,
            finalized: false,
            has_failed: false,
            fail_count: 0,
            cost: 0,
        }
    }

    /// The value this result is about (`None`: missing).
    pub fn target(&self) -> Option<&Value> {
        self.target.as_ref()
    }

    /// Records a failure.
    pub fn record_failure(&mut self, failure: MatchFailure) -> &mut Self {
        self.fail_count += 1;
        self.cost += u64::from(failure.cost);
        self.has_failed = true;
        self.failures_here.entry(failure.path.join(".")).or_default().push(failure);
        self
    }

    /// Records a misuse of the matchers (`Match::array_with([Match::absent()])`, an invalid
    /// regular expression, ...): the test fails, and the assertion reports this message
    /// instead of a mismatch, as aws-cdk-lib throws. Even [`Match::not`](crate::Match::not)
    /// does not turn it into a match.
    pub fn record_error(&mut self, message: impl Into<String>) -> &mut Self {
        self.errors.push(message.into());
        self.has_failed = true;
        self
    }

    /// The misuses recorded here and in inner results.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// Marks this result as being about a value derived from the tested one (a parsed JSON
    /// string): mismatch renderings then show both.
    pub fn mark_transformed(&mut self) -> &mut Self {
        self.transformed = true;
        self
    }

    /// Whether the value matched.
    pub fn is_success(&self) -> bool {
        !self.has_failed
    }

    /// Whether the value did not match.
    pub fn has_failed(&self) -> bool {
        self.has_failed
    }

    /// The number of failures.
    pub fn fail_count(&self) -> usize {
        self.fail_count
    }

    /// The summed cost of the failures (how far the value is from matching).
    pub fn fail_cost(&self) -> u64 {
        self.cost
    }

    /// Adds the result of an inner matcher, tested on the value at `id` (a key or an index).
    pub fn compose(&mut self, id: impl Into<String>, inner: MatchResult) -> &mut Self {
        let MatchResult { captures, errors, .. } = &inner;
        for (capture, values) in captures {
            for v in values {
                self.record_capture(capture, v.clone());
            }
        }
        self.errors.extend(errors.iter().cloned());
        if inner.has_failed {
            self.has_failed = true;
            self.fail_count += inner.fail_count;
            self.cost += inner.cost;
            self.inner.insert(id.into(), inner);
        }
        self
    }

    /// Records a captured value; it reaches the [`Capture`] when the whole match succeeds and
    /// [`finished`](Self::finished) is called.
    pub fn record_capture(&mut self, capture: &Capture, value: Value) {
        match self.captures.iter_mut().find(|(c, _)| c.same(capture)) {
            Some((_, values)) => values.push(value),
            None => self.captures.push((capture.clone(), vec![value])),
        }
    }

    /// Ends the match: when it succeeded, the captured values are handed to their
    /// [`Capture`]s. The template assertions call it; call it yourself after testing a matcher
    /// directly.
    pub fn finished(&mut self) -> &mut Self {
        if self.finalized {
            return self;
        }
        if self.fail_count == 0 && self.errors.is_empty() {
            for (capture, values) in &self.captures {
                capture.push_captured(values.iter().cloned());
            }
        }
        self.finalized = true;
        self
    }

    /// One line per failure: `message at /path (using name matcher)`.
    pub fn to_human_strings(&self) -> Vec<String> {
        fn recurse(r: &MatchResult, prefix: &[String], out: &mut Vec<String>) {
            for fail in r.failures_here.values().flatten() {
                let path: Vec<&str> =
                    prefix.iter().chain(fail.path.iter()).map(String::as_str).collect();
                let loc = if path.is_empty() {
                    String::new()
                } else {
                    format!(" at /{}", path.join("/"))
                };
                out.push(format!("{}{loc} (using {} matcher)", fail.message, fail.matcher));
            }
            for (key, inner) in &r.inner {
                let mut p = prefix.to_vec();
                p.push(key.clone());
                recurse(inner, &p, out);
            }
        }
        let mut out = Vec::new();
        recurse(self, &[], &mut out);
        out
    }

    /// The tested value with each failure marked (`!!`) on the line before the place it is
    /// about; uninteresting parts abridged. `<match>` for a success.
    pub fn render_mismatch(&self) -> String {
        if !self.has_failed() {
            return "<match>".into();
        }
        let mut r = Renderer { parts: String::new(), indents: Vec::new() };
        r.emit_failures(self, "", None);
        r.recurse(self);
        move_markers_to_front(r.parts.trim_end())
    }
}

struct Renderer {
    parts: String,
    indents: Vec<&'static str>,
}

impl Renderer {
    fn emit(&mut self, x: &str) {
        let indent: String = self.indents.concat();
        self.parts.push_str(&x.replace('\n', &format!("\n{indent}")));
    }

    fn emit_failures(&mut self, r: &MatchResult, path: &str, scrap: Option<&mut Vec<String>>) {
        if let Some(fails) = r.failures_here.get(path) {
            for f in fails {
                self.emit(&format!("!! {}\n", f.message));
            }
        }
        if let Some(s) = scrap {
            s.retain(|k| k != path);
        }
    }

    fn recurse(&mut self, r: &MatchResult) {
        let mut remaining: Vec<String> =
            r.failures_here.keys().filter(|k| !k.is_empty()).cloned().collect();
        match &r.target {
            Some(Value::Array(items)) => {
                self.indents.push("  ");
                self.emit("[\n");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.emit(",\n");
                    }
                    let key = i.to_string();
                    self.emit_failures(r, &key, Some(&mut remaining));
                    match r.inner.get(&key) {
                        Some(inner) => {
                            self.emit_failures(inner, "", None);
                            self.recurse_comparing_values(inner, Some(item));
                        }
                        None => self.emit(&abridged(Some(item))),
                    }
                }
                self.emit_remaining(r, &remaining);
                self.indents.pop();
                self.emit("\n]");
            }
            Some(Value::Object(map)) => {
                self.indents.push("  ");
                self.emit("{\n");
                let mut keys: Vec<String> = map.keys().cloned().collect();
                for k in &remaining {
                    if !keys.contains(k) {
                        keys.push(k.clone());
                    }
                }
                keys.sort_by(|a, b| js::utf16_cmp(a, b));
                for (i, key) in keys.iter().enumerate() {
                    if i > 0 {
                        self.emit(",\n");
                    }
                    self.emit_failures(r, key, Some(&mut remaining));
                    let mut quoted = String::new();
                    cdk_core::json::write_string(&mut quoted, key);
                    match r.inner.get(key) {
                        Some(inner) => {
                            self.emit_failures(inner, "", None);
                            self.emit(&format!("{quoted}: "));
                            self.recurse_comparing_values(inner, map.get(key));
                        }
                        None => {
                            self.emit(&format!("{quoted}: "));
                            self.emit(&abridged(map.get(key)));
                        }
                    }
                }
                self.emit_remaining(r, &remaining);
                self.indents.pop();
                self.emit("\n}");
            }
            other => {
                self.emit_remaining(r, &remaining);
                self.emit(&js::stringify(other.as_ref(), 0));
            }
        }
    }

    fn emit_remaining(&mut self, r: &MatchResult, remaining: &[String]) {
        if !remaining.is_empty() {
            self.emit("\n");
        }
        for key in remaining {
            self.emit_failures(r, key, None);
        }
    }

    /// An inner result about a value derived from the actual one (a parsed JSON string) shows
    /// both: `actual <*> derived`.
    fn recurse_comparing_values(&mut self, inner: &MatchResult, actual: Option<&Value>) {
        if !inner.transformed {
            return self.recurse(inner);
        }
        self.emit(&abridged(actual));
        self.emit(" <*> ");
        self.recurse(inner);
    }
}

/// A value in one line: short arrays and one-key objects in full, others as `[ ... ]`, `{ ... }`.
fn abridged(x: Option<&Value>) -> String {
    match x {
        Some(Value::Array(items)) => match items.len() {
            0 => "[]".into(),
            1 => format!("[ {} ]", abridged(items.first())),
            2 if items
                .iter()
                .all(|e| matches!(e, Value::Number(_) | Value::Bool(_) | Value::String(_))) =>
            {
                format!("[ {}, {} ]", abridged(items.first()), abridged(items.get(1)))
            }
            _ => "[ ... ]".into(),
        },
        Some(Value::Object(map)) => {
            let keys = js::key_order(map);
            match keys.as_slice() {
                [] => "{}".into(),
                [(k, v)] => {
                    let mut quoted = String::new();
                    cdk_core::json::write_string(&mut quoted, k);
                    format!("{{ {quoted}: {} }}", abridged(Some(v)))
                }
                _ => "{ ... }".into(),
            }
        }
        other => js::stringify(other, 0),
    }
}

/// JavaScript's whitespace (`\s`).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{b}'
            | '\u{c}'
            | '\r'
            | ' '
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    ) || ('\u{2000}'..='\u{200a}').contains(&c)
}

/// `x.replace(/^(\s+)!!/gm, (_, spaces) => '!!' + spaces.substring(0, spaces.length - 2))`:
/// moves each `!!` marker to the front of its line, keeping the indentation after it.
fn move_markers_to_front(x: &str) -> String {
    let chars: Vec<char> = x.chars().collect();
    let mut out = String::with_capacity(x.len());
    let mut i = 0;
    while i < chars.len() {
        let line_start = i == 0 || matches!(chars[i - 1], '\n' | '\r' | '\u{2028}' | '\u{2029}');
        if line_start && is_js_space(chars[i]) {
            let mut j = i;
            while j < chars.len() && is_js_space(chars[j]) {
                j += 1;
            }
            if j + 1 < chars.len() && chars[j] == '!' && chars[j + 1] == '!' {
                let spaces = &chars[i..j];
                out.push_str("!!");
                out.extend(&spaces[..spaces.len().saturating_sub(2)]);
                i = j + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_move_to_the_front() {
        assert_eq!(
            move_markers_to_front("{\n  !! oops\n  \"a\": 1\n}"),
            "{\n!! oops\n  \"a\": 1\n}"
        );
        assert_eq!(move_markers_to_front("    !! deep"), "!!   deep");
        assert_eq!(move_markers_to_front(" !! one"), "!! one");
        assert_eq!(move_markers_to_front("a !! not at start"), "a !! not at start");
    }

    #[test]
    fn abridged_values() {
        use serde_json::json;
        assert_eq!(abridged(Some(&json!([]))), "[]");
        assert_eq!(abridged(Some(&json!([1]))), "[ 1 ]");
        assert_eq!(abridged(Some(&json!([1, "a"]))), "[ 1, \"a\" ]");
        assert_eq!(abridged(Some(&json!([1, null]))), "[ ... ]");
        assert_eq!(abridged(Some(&json!({"a": {"b": 1}}))), "{ \"a\": { \"b\": 1 } }");
        assert_eq!(abridged(Some(&json!({"a": 1, "b": 2}))), "{ ... }");
        assert_eq!(abridged(None), "undefined");
    }
}
