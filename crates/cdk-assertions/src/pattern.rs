//! Expected values: JSON literals with matchers anywhere inside ([`Pattern`], [`pattern!`]).

use std::rc::Rc;

use indexmap::IndexMap;
use serde_json::{Number, Value};

use crate::capture::Capture;
use crate::matcher::{MatchResult, Matcher};

/// An expected value: a JSON literal that may hold [`Matcher`]s anywhere inside it, as the
/// object literals given to aws-cdk-lib's assertions do.
///
/// Build one with [`pattern!`](crate::pattern!) (JSON syntax, matchers as values), from a
/// `serde_json::Value` (`json!`), from plain Rust values (`"text"`, `3`, `true`, arrays and
/// vectors of patterns), or with [`Match`](crate::Match) and [`Capture`]. How a literal is
/// compared depends on where it stands, as in aws-cdk-lib: an object given to
/// [`Template::has_resource_properties`](crate::Template::has_resource_properties) and the
/// other `has_*`/`find_*` methods is matched with `Match::object_like`, and so are objects
/// nested in it; [`Match::exact`](crate::Match::exact) matches a literal exactly at every level.
///
/// ```
/// use cdk_assertions::{pattern, Match, Pattern};
/// let p: Pattern = pattern!({
///     "BucketName": Match::string_like_regexp("^logs-"),
///     "Tags": [{ "Key": "team", "Value": "api" }],
///     "VersioningConfiguration": Match::absent(),
/// });
/// assert!(matches!(p, Pattern::Object(_)));
/// ```
#[derive(Clone, Debug)]
pub enum Pattern {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array of patterns.
    Array(Vec<Pattern>),
    /// An object of patterns.
    Object(IndexMap<String, Pattern>),
    /// A matcher (from [`Match`](crate::Match), a [`Capture`], or your own).
    Matcher(Rc<dyn Matcher>),
}

impl Pattern {
    /// A pattern that is one matcher of your own.
    pub fn matcher(m: impl Matcher + 'static) -> Pattern {
        Pattern::Matcher(Rc::new(m))
    }

    /// The matcher, when this pattern is one.
    pub fn as_matcher(&self) -> Option<&dyn Matcher> {
        match self {
            Pattern::Matcher(m) => Some(m.as_ref()),
            _ => None,
        }
    }

    /// Whether this pattern is [`Match::absent`](crate::Match::absent).
    pub(crate) fn is_absent(&self) -> bool {
        matches!(self, Pattern::Matcher(m) if m.is_absent())
    }

    /// Tests a value: with the matcher when this pattern is one, else as
    /// [`Match::exact`](crate::Match::exact) does. Call [`MatchResult::finished`] on the
    /// result to hand captured values to their [`Capture`]s.
    pub fn test(&self, actual: Option<&Value>) -> MatchResult {
        match self {
            Pattern::Matcher(m) => m.test(actual),
            literal => crate::Match::exact(literal.clone()).test(actual),
        }
    }
}

impl From<Value> for Pattern {
    fn from(v: Value) -> Pattern {
        match v {
            Value::Null => Pattern::Null,
            Value::Bool(b) => Pattern::Bool(b),
            Value::Number(n) => Pattern::Number(n),
            Value::String(s) => Pattern::String(s),
            Value::Array(items) => Pattern::Array(items.into_iter().map(Pattern::from).collect()),
            Value::Object(map) => {
                Pattern::Object(map.into_iter().map(|(k, v)| (k, Pattern::from(v))).collect())
            }
        }
    }
}

impl From<&Value> for Pattern {
    fn from(v: &Value) -> Pattern {
        Pattern::from(v.clone())
    }
}

impl From<&str> for Pattern {
    fn from(s: &str) -> Pattern {
        Pattern::String(s.to_string())
    }
}

impl From<String> for Pattern {
    fn from(s: String) -> Pattern {
        Pattern::String(s)
    }
}

impl From<&String> for Pattern {
    fn from(s: &String) -> Pattern {
        Pattern::String(s.clone())
    }
}

impl From<bool> for Pattern {
    fn from(b: bool) -> Pattern {
        Pattern::Bool(b)
    }
}

macro_rules! number_patterns {
    ($($t:ty),*) => {$(
        impl From<$t> for Pattern {
            fn from(n: $t) -> Pattern {
                Pattern::Number(Number::from(n))
            }
        }
    )*};
}
number_patterns!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<f64> for Pattern {
    /// A number; a NaN or infinite value (which JSON cannot hold) becomes `null`.
    fn from(n: f64) -> Pattern {
        Number::from_f64(n).map(Pattern::Number).unwrap_or(Pattern::Null)
    }
}

impl From<f32> for Pattern {
    /// A number; a NaN or infinite value (which JSON cannot hold) becomes `null`.
    fn from(n: f32) -> Pattern {
        Pattern::from(f64::from(n))
    }
}

impl From<()> for Pattern {
    /// `null`.
    fn from(_: ()) -> Pattern {
        Pattern::Null
    }
}

impl<T: Into<Pattern>> From<Vec<T>> for Pattern {
    fn from(items: Vec<T>) -> Pattern {
        Pattern::Array(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Pattern>, const N: usize> From<[T; N]> for Pattern {
    fn from(items: [T; N]) -> Pattern {
        Pattern::Array(items.into_iter().map(Into::into).collect())
    }
}

impl<K: Into<String>, V: Into<Pattern>> FromIterator<(K, V)> for Pattern {
    /// An object pattern from key–pattern pairs.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Pattern {
        Pattern::Object(iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

impl From<Capture> for Pattern {
    fn from(c: Capture) -> Pattern {
        Pattern::Matcher(Rc::new(c))
    }
}

impl From<&Capture> for Pattern {
    /// The same capture (captured values reach the original).
    fn from(c: &Capture) -> Pattern {
        Pattern::Matcher(Rc::new(c.clone()))
    }
}

impl From<Rc<dyn Matcher>> for Pattern {
    fn from(m: Rc<dyn Matcher>) -> Pattern {
        Pattern::Matcher(m)
    }
}

impl From<&Pattern> for Pattern {
    fn from(p: &Pattern) -> Pattern {
        p.clone()
    }
}

/// Builds a [`Pattern`] in JSON syntax, with any expression that converts into a pattern as a
/// value: matchers, captures, variables, `json!` values.
///
/// Keys are string literals, or any expression that converts into a `String` written in
/// brackets (`[logical_id]: ...`, as JavaScript's computed keys). `null`, `true`, `false`,
/// numbers, strings, arrays and objects read as in JSON; anything else is a Rust expression
/// turned into a pattern with `Pattern::from`.
///
/// ```
/// use cdk_assertions::{pattern, Capture, Match};
/// let name = Capture::new();
/// let id = "MyTopic";
/// let p = pattern!({
///     [id]: { "Type": "AWS::SNS::Topic" },
///     [format!("{id}Policy")]: Match::any_value(),
///     "Properties": {
///         "Name": &name,
///         "Tags": Match::array_with(pattern!([{ "Key": "team" }])),
///         "Size": 3,
///         "Extra": null,
///     }
/// });
/// # let _ = p;
/// ```
#[macro_export]
macro_rules! pattern {
    // Internal: munch one array element's tokens up to the next comma.
    (@array $v:ident ($($cur:tt)+) (, $($rest:tt)*)) => {
        $v.push($crate::pattern!($($cur)+));
        $crate::pattern!(@array $v () ($($rest)*));
    };
    (@array $v:ident () ()) => {};
    (@array $v:ident ($($cur:tt)+) ()) => {
        $v.push($crate::pattern!($($cur)+));
    };
    (@array $v:ident ($($cur:tt)*) ($next:tt $($rest:tt)*)) => {
        $crate::pattern!(@array $v ($($cur)* $next) ($($rest)*));
    };
    // Internal: `"key": value,` and `[key expression]: value,` pairs.
    (@object $m:ident ()) => {};
    (@object $m:ident ($key:literal : $($rest:tt)*)) => {
        $crate::pattern!(@value $m [$key] () ($($rest)*));
    };
    (@object $m:ident ([$($key:tt)+] : $($rest:tt)*)) => {
        $crate::pattern!(@value $m [$($key)+] () ($($rest)*));
    };
    (@value $m:ident [$($key:tt)+] ($($cur:tt)+) (, $($rest:tt)*)) => {
        $m.push((::std::string::String::from($($key)+), $crate::pattern!($($cur)+)));
        $crate::pattern!(@object $m ($($rest)*));
    };
    (@value $m:ident [$($key:tt)+] ($($cur:tt)+) ()) => {
        $m.push((::std::string::String::from($($key)+), $crate::pattern!($($cur)+)));
    };
    (@value $m:ident [$($key:tt)+] ($($cur:tt)*) ($next:tt $($rest:tt)*)) => {
        $crate::pattern!(@value $m [$($key)+] ($($cur)* $next) ($($rest)*));
    };
    (null) => {
        $crate::Pattern::Null
    };
    ([ $($tt:tt)* ]) => {{
        #[allow(unused_mut)]
        let mut items: ::std::vec::Vec<$crate::Pattern> = $crate::__empty_vec();
        $crate::pattern!(@array items () ($($tt)*));
        $crate::Pattern::Array(items)
    }};
    ({ $($tt:tt)* }) => {{
        #[allow(unused_mut)]
        let mut entries: ::std::vec::Vec<(::std::string::String, $crate::Pattern)> =
            $crate::__empty_vec();
        $crate::pattern!(@object entries ($($tt)*));
        $crate::Pattern::from_iter(entries)
    }};
    ($e:expr) => {
        $crate::Pattern::from($e)
    };
}

/// An empty vector, for [`pattern!`](crate::pattern!) (not part of the API).
#[doc(hidden)]
pub fn __empty_vec<T>() -> Vec<T> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Match;
    use serde_json::json;

    #[test]
    fn macro_builds_nested_patterns() {
        let p = pattern!({
            "a": 1,
            "b": [true, null, "x", -2.5],
            "c": { "d": Match::absent() },
            "e": json!({"f": [1]}),
            "g": [],
            "h": {},
        });
        let Pattern::Object(m) = p else { panic!("not an object") };
        assert_eq!(
            m.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c", "e", "g", "h"]
        );
        assert!(matches!(&m["b"], Pattern::Array(items) if items.len() == 4));
        assert!(matches!(&m["c"], Pattern::Object(inner) if inner["d"].is_absent()));
        assert!(matches!(&m["e"], Pattern::Object(_)));
        assert!(matches!(&m["g"], Pattern::Array(items) if items.is_empty()));
        assert!(matches!(&m["h"], Pattern::Object(items) if items.is_empty()));
    }

    #[test]
    fn computed_keys() {
        let id = String::from("Topic");
        let p = pattern!({ [&id]: 1, [format!("{id}2")]: { [id.as_str()]: true }, "x": 2 });
        let Pattern::Object(m) = p else { panic!("not an object") };
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["Topic", "Topic2", "x"]);
        assert!(matches!(&m["Topic2"], Pattern::Object(inner) if inner.contains_key("Topic")));
    }

    #[test]
    fn conversions() {
        assert!(matches!(Pattern::from(json!(null)), Pattern::Null));
        assert!(matches!(Pattern::from(f64::NAN), Pattern::Null));
        assert!(matches!(Pattern::from(vec!["a", "b"]), Pattern::Array(v) if v.len() == 2));
        let p: Pattern = [("k", 1)].into_iter().collect();
        assert!(matches!(p, Pattern::Object(_)));
    }
}
