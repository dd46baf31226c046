//! [`Capture`]: values captured while matching (ports `assertions/lib/capture.ts`).

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{Map, Value};

use crate::error::AssertionError;
use crate::js;
use crate::matcher::{MatchFailure, MatchResult, Matcher};
use crate::matchers::ObjectMatch;
use crate::pattern::Pattern;

#[derive(Debug, Default)]
struct State {
    captured: Vec<Value>,
    idx: usize,
}

/// Captures the value found where it stands in a pattern, for a closer look afterwards.
///
/// A capture is a matcher: put it (or a reference to it) into a pattern; every successful
/// assertion then records the value it stood against, in order. The `as_*` methods read the
/// current value, [`next`](Self::next) moves to the following one. Clones share their values.
///
/// ```
/// use cdk_assertions::{pattern, Capture, Template};
/// use serde_json::json;
///
/// let template = Template::from_json(json!({ "Resources": {
///     "A": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "one", "Fifo": true } },
///     "B": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "two", "Fifo": true } },
/// }}))?;
/// let name = Capture::new();
/// template.has_resource_properties("AWS::SNS::Topic", pattern!({ "TopicName": &name, "Fifo": true }))?;
/// assert_eq!(name.as_string()?, "one");
/// assert!(name.next());
/// assert_eq!(name.as_string()?, "two");
/// assert!(!name.next());
/// # Ok::<(), cdk_assertions::AssertionError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Capture {
    pattern: Option<Rc<Pattern>>,
    state: Rc<RefCell<State>>,
}

impl Capture {
    /// Captures any value but `null` and missing values.
    pub fn new() -> Capture {
        Capture::default()
    }

    /// Captures only values that match `pattern` (an object literal is matched with
    /// `Match::object_like`, a matcher as itself).
    pub fn with_pattern(pattern: impl Into<Pattern>) -> Capture {
        Capture { pattern: Some(Rc::new(pattern.into())), state: Rc::default() }
    }

    /// Whether two captures are the same (clones of one another).
    pub(crate) fn same(&self, other: &Capture) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
    }

    pub(crate) fn push_captured(&self, values: impl IntoIterator<Item = Value>) {
        self.state.borrow_mut().captured.extend(values);
    }

    /// Moves to the next captured value; false (and no move) when there is none.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&self) -> bool {
        let mut s = self.state.borrow_mut();
        if s.idx + 1 < s.captured.len() {
            s.idx += 1;
            true
        } else {
            false
        }
    }

    /// Every captured value, in order.
    pub fn values(&self) -> Vec<Value> {
        self.state.borrow().captured.clone()
    }

    /// The current captured value, whatever its type.
    ///
    /// # Errors
    /// `No value captured`.
    pub fn as_value(&self) -> Result<Value, AssertionError> {
        let s = self.state.borrow();
        s.captured.get(s.idx).cloned().ok_or_else(|| AssertionError::new("No value captured"))
    }

    fn typed<T>(
        &self,
        expected: &str,
        pick: impl FnOnce(&Value) -> Option<T>,
    ) -> Result<T, AssertionError> {
        let v = self.as_value()?;
        match pick(&v) {
            Some(t) => Ok(t),
            None => Err(AssertionError::new(format!(
                "Captured value is expected to be {expected} but found {}. Value is {}",
                js::get_type(Some(&v)),
                js::stringify(Some(&v), 2)
            ))),
        }
    }

    /// The current captured value as a string.
    ///
    /// # Errors
    /// `No value captured`, or the value is not a string.
    pub fn as_string(&self) -> Result<String, AssertionError> {
        self.typed("string", |v| v.as_str().map(str::to_string))
    }

    /// The current captured value as a number.
    ///
    /// # Errors
    /// `No value captured`, or the value is not a number.
    pub fn as_number(&self) -> Result<f64, AssertionError> {
        self.typed("number", Value::as_f64)
    }

    /// The current captured value as a boolean.
    ///
    /// # Errors
    /// `No value captured`, or the value is not a boolean.
    pub fn as_boolean(&self) -> Result<bool, AssertionError> {
        self.typed("boolean", Value::as_bool)
    }

    /// The current captured value as an array.
    ///
    /// # Errors
    /// `No value captured`, or the value is not an array.
    pub fn as_array(&self) -> Result<Vec<Value>, AssertionError> {
        self.typed("array", |v| v.as_array().cloned())
    }

    /// The current captured value as an object.
    ///
    /// # Errors
    /// `No value captured`, or the value is not an object (`null` is not one).
    pub fn as_object(&self) -> Result<Map<String, Value>, AssertionError> {
        self.typed("object", |v| v.as_object().cloned())
    }
}

impl Matcher for Capture {
    fn name(&self) -> &str {
        "Capture"
    }

    fn test(&self, actual: Option<&Value>) -> MatchResult {
        let mut result = MatchResult::new(actual);
        if matches!(actual, None | Some(Value::Null)) {
            let found = js::to_string(actual);
            result.record_failure(MatchFailure::new(
                self,
                format!("Can only capture non-nullish values. Found {found}"),
            ));
            return result;
        }
        if let Some(pattern) = &self.pattern {
            let inner = match pattern.as_ref() {
                Pattern::Matcher(m) => m.test(actual),
                literal => ObjectMatch::new("objectLike", literal.clone(), true).test(actual),
            };
            if inner.has_failed() {
                return inner;
            }
        }
        if let Some(v) = actual {
            result.record_capture(self, v.clone());
        }
        result
    }
}
