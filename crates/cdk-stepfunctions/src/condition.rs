//! Conditions of a Choice state (`aws-stepfunctions/lib/condition.ts`): comparisons of a
//! variable of the input and their logical combinations.

use cdk_core::{Map, Value};

/// A condition a [`crate::Choice`] tests (`sfn.Condition`).
///
/// Built with the constructors named as CDK's static methods (`Condition::string_equals`,
/// `Condition::and`, ...). Variables are JSON paths (`$`, `$.x` or `$[..]`); a choice checks
/// them when the condition is added ([`crate::Choice::when`]).
///
/// ```
/// use cdk_stepfunctions::Condition;
/// let c = Condition::and([
///     Condition::string_equals("$.kind", "a"),
///     Condition::not(Condition::is_present("$.x")),
/// ]);
/// assert_eq!(
///     cdk_core::json::to_json_string(&c.render_condition(), 0),
///     r#"{"And":[{"Variable":"$.kind","StringEquals":"a"},{"Not":{"Variable":"$.x","IsPresent":true}}]}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Condition {
    /// A comparison of a variable (`VariableComparison`): `{"Variable": .., operator: value}`.
    Variable {
        /// The JSON path of the variable.
        variable: String,
        /// The comparison operator as Step Functions names it (`StringEquals`, ...).
        operator: &'static str,
        /// The value compared with.
        value: Value,
    },
    /// All of the conditions (`Condition.and`).
    And(Vec<Condition>),
    /// Any of the conditions (`Condition.or`).
    Or(Vec<Condition>),
    /// The negation of a condition (`Condition.not`).
    Not(Box<Condition>),
}

macro_rules! comparisons {
    ($($(#[$doc:meta])* $name:ident($ty:ty) => $op:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(variable: impl Into<String>, value: $ty) -> Condition {
                Condition::compare(variable, $op, value)
            }
        )*
    };
}

macro_rules! checks {
    ($($(#[$doc:meta])* $name:ident => $op:literal, $value:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(variable: impl Into<String>) -> Condition {
                Condition::compare(variable, $op, $value)
            }
        )*
    };
}

impl Condition {
    fn compare(
        variable: impl Into<String>,
        operator: &'static str,
        value: impl Into<Value>,
    ) -> Condition {
        Condition::Variable { variable: variable.into(), operator, value: value.into() }
    }

    checks! {
        /// The variable is present (`isPresent`).
        is_present => "IsPresent", true;
        /// The variable is not present (`isNotPresent`).
        is_not_present => "IsPresent", false;
        /// The variable is a string (`isString`).
        is_string => "IsString", true;
        /// The variable is not a string (`isNotString`).
        is_not_string => "IsString", false;
        /// The variable is numeric (`isNumeric`).
        is_numeric => "IsNumeric", true;
        /// The variable is not numeric (`isNotNumeric`).
        is_not_numeric => "IsNumeric", false;
        /// The variable is a boolean (`isBoolean`).
        is_boolean => "IsBoolean", true;
        /// The variable is not a boolean (`isNotBoolean`).
        is_not_boolean => "IsBoolean", false;
        /// The variable is a timestamp (`isTimestamp`).
        is_timestamp => "IsTimestamp", true;
        /// The variable is not a timestamp (`isNotTimestamp`).
        is_not_timestamp => "IsTimestamp", false;
        /// The variable is null (`isNull`).
        is_null => "IsNull", true;
        /// The variable is not null (`isNotNull`).
        is_not_null => "IsNull", false;
    }

    comparisons! {
        /// The variable equals a boolean (`booleanEquals`).
        boolean_equals(bool) => "BooleanEquals";
        /// The variable equals the boolean at a JSON path (`booleanEqualsJsonPath`).
        boolean_equals_json_path(&str) => "BooleanEqualsPath";
        /// The variable equals a string (`stringEquals`).
        string_equals(&str) => "StringEquals";
        /// The variable equals the string at a JSON path (`stringEqualsJsonPath`).
        string_equals_json_path(&str) => "StringEqualsPath";
        /// The variable sorts before a string (`stringLessThan`).
        string_less_than(&str) => "StringLessThan";
        /// `stringLessThanJsonPath`.
        string_less_than_json_path(&str) => "StringLessThanPath";
        /// The variable sorts before or equals a string (`stringLessThanEquals`).
        string_less_than_equals(&str) => "StringLessThanEquals";
        /// `stringLessThanEqualsJsonPath`.
        string_less_than_equals_json_path(&str) => "StringLessThanEqualsPath";
        /// The variable sorts after a string (`stringGreaterThan`).
        string_greater_than(&str) => "StringGreaterThan";
        /// `stringGreaterThanJsonPath`.
        string_greater_than_json_path(&str) => "StringGreaterThanPath";
        /// The variable sorts after or equals a string (`stringGreaterThanEquals`).
        string_greater_than_equals(&str) => "StringGreaterThanEquals";
        /// `stringGreaterThanEqualsJsonPath`.
        string_greater_than_equals_json_path(&str) => "StringGreaterThanEqualsPath";
        /// The variable matches a pattern with `*` wildcards (`stringMatches`).
        string_matches(&str) => "StringMatches";
        /// The variable equals a number (`numberEquals`).
        number_equals(f64) => "NumericEquals";
        /// `numberEqualsJsonPath`.
        number_equals_json_path(&str) => "NumericEqualsPath";
        /// The variable is less than a number (`numberLessThan`).
        number_less_than(f64) => "NumericLessThan";
        /// `numberLessThanJsonPath`.
        number_less_than_json_path(&str) => "NumericLessThanPath";
        /// The variable is at most a number (`numberLessThanEquals`).
        number_less_than_equals(f64) => "NumericLessThanEquals";
        /// `numberLessThanEqualsJsonPath`.
        number_less_than_equals_json_path(&str) => "NumericLessThanEqualsPath";
        /// The variable is greater than a number (`numberGreaterThan`).
        number_greater_than(f64) => "NumericGreaterThan";
        /// `numberGreaterThanJsonPath`.
        number_greater_than_json_path(&str) => "NumericGreaterThanPath";
        /// The variable is at least a number (`numberGreaterThanEquals`).
        number_greater_than_equals(f64) => "NumericGreaterThanEquals";
        /// `numberGreaterThanEqualsJsonPath`.
        number_greater_than_equals_json_path(&str) => "NumericGreaterThanEqualsPath";
        /// The variable equals a timestamp (`timestampEquals`).
        timestamp_equals(&str) => "TimestampEquals";
        /// `timestampEqualsJsonPath`.
        timestamp_equals_json_path(&str) => "TimestampEqualsPath";
        /// The variable is before a timestamp (`timestampLessThan`).
        timestamp_less_than(&str) => "TimestampLessThan";
        /// `timestampLessThanJsonPath`.
        timestamp_less_than_json_path(&str) => "TimestampLessThanPath";
        /// The variable is at or before a timestamp (`timestampLessThanEquals`).
        timestamp_less_than_equals(&str) => "TimestampLessThanEquals";
        /// `timestampLessThanEqualsJsonPath`.
        timestamp_less_than_equals_json_path(&str) => "TimestampLessThanEqualsPath";
        /// The variable is after a timestamp (`timestampGreaterThan`).
        timestamp_greater_than(&str) => "TimestampGreaterThan";
        /// `timestampGreaterThanJsonPath`.
        timestamp_greater_than_json_path(&str) => "TimestampGreaterThanPath";
        /// The variable is at or after a timestamp (`timestampGreaterThanEquals`).
        timestamp_greater_than_equals(&str) => "TimestampGreaterThanEquals";
        /// `timestampGreaterThanEqualsJsonPath`.
        timestamp_greater_than_equals_json_path(&str) => "TimestampGreaterThanEqualsPath";
    }

    /// All of `conditions` hold (`Condition.and`); at least one is needed.
    pub fn and(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::And(conditions.into_iter().collect())
    }

    /// Any of `conditions` holds (`Condition.or`); at least one is needed.
    pub fn or(conditions: impl IntoIterator<Item = Condition>) -> Condition {
        Condition::Or(conditions.into_iter().collect())
    }

    /// `condition` does not hold (`Condition.not`).
    #[allow(clippy::should_implement_trait)]
    pub fn not(condition: Condition) -> Condition {
        Condition::Not(Box::new(condition))
    }

    /// The rules CDK checks when building a condition: a variable starts with `$` (`$`,
    /// `$.` or `$[`); `and`/`or` hold at least one condition.
    ///
    /// # Errors
    /// The message CDK throws.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Condition::Variable { variable, .. } => {
                let ok =
                    variable.starts_with('$') || variable.contains("$.") || variable.contains("$[");
                if ok {
                    Ok(())
                } else {
                    Err(format!(
                        "Variable reference must be '$', start with '$.', or start with '$[', got '{variable}'"
                    ))
                }
            }
            Condition::And(cs) | Condition::Or(cs) => {
                if cs.is_empty() {
                    return Err(
                        "Must supply at least one inner condition for a logical combination".into(),
                    );
                }
                cs.iter().try_for_each(Condition::validate)
            }
            Condition::Not(c) => c.validate(),
        }
    }

    /// `renderCondition`: the condition's JSON in a choice rule.
    pub fn render_condition(&self) -> Value {
        let mut m = Map::new();
        match self {
            Condition::Variable { variable, operator, value } => {
                m.insert("Variable".into(), Value::from(variable.as_str()));
                m.insert((*operator).into(), value.clone());
            }
            Condition::And(cs) => {
                m.insert("And".into(), Value::array(cs.iter().map(Condition::render_condition)));
            }
            Condition::Or(cs) => {
                m.insert("Or".into(), Value::array(cs.iter().map(Condition::render_condition)));
            }
            Condition::Not(c) => {
                m.insert("Not".into(), c.render_condition());
            }
        }
        Value::Object(m)
    }
}
