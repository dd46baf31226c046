//! Intrinsic functions (`Fn`) and pseudo parameters (`Aws`).
//!
//! Ports `core/lib/cfn-fn.ts` and `core/lib/cfn-pseudo.ts`, with their literal
//! short-circuits: `split` of a literal string is a literal list, `select` from a literal list
//! is the element, `join` of literals is a literal string.

use crate::value::{Token, TokenKind, Value};

/// Intrinsic functions.
pub struct Fn;

fn intrinsic(name: &str, args: impl Into<Value>) -> Value {
    Value::object([(name, args.into())])
}

impl Fn {
    /// `Fn::Join`, rendered minimally (adjacent literals merged; one element is itself).
    ///
    /// ```
    /// use cdk_core::{fns::Fn, Value};
    /// assert_eq!(Fn::join("-", ["a", "b"]), Value::concat(["a-b"]));
    /// ```
    pub fn join<I, V>(delimiter: &str, values: I) -> Value
    where
        I: IntoIterator<Item = V>,
        V: Into<Value>,
    {
        let list: Vec<Value> = values.into_iter().map(Into::into).collect();
        if !list.iter().any(Value::is_unresolved) && list.iter().all(|v| v.as_str().is_some()) {
            return Value::String(
                list.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(delimiter),
            );
        }
        Value::Token(Token::new(TokenKind::Join(delimiter.to_string(), Value::Array(list))))
    }

    /// `Fn::Join` over a list value that is itself a token (such as `Fn::Split`).
    pub fn join_list(delimiter: &str, list: impl Into<Value>) -> Value {
        let list = list.into();
        match list.into_array() {
            Ok(items) => Fn::join(delimiter, items),
            Err(other) => Value::Token(Token::new(TokenKind::Join(delimiter.to_string(), other))),
        }
    }

    /// `Fn::Split`; a literal source splits at synthesis.
    pub fn split(delimiter: &str, source: impl Into<Value>) -> Value {
        let source = source.into();
        if let Value::String(s) = &source {
            return Value::array(s.split(delimiter).map(str::to_string));
        }
        intrinsic("Fn::Split", Value::array([Value::from(delimiter), source]))
    }

    /// `Fn::Select`; a literal list gives the element.
    pub fn select(index: usize, list: impl Into<Value>) -> Value {
        let list = list.into();
        if let Value::Array(items) = &list {
            if !list.is_unresolved() {
                if let Some(v) = items.get(index) {
                    return v.clone();
                }
            }
        }
        intrinsic("Fn::Select", Value::array([Value::from(index), list]))
    }

    /// `Fn::Sub` with a body only.
    pub fn sub(body: impl Into<Value>) -> Value {
        intrinsic("Fn::Sub", body.into())
    }

    /// `Fn::Sub` with variables.
    pub fn sub_with<I, K, V>(body: impl Into<Value>, variables: I) -> Value
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        intrinsic("Fn::Sub", Value::array([body.into(), Value::object(variables)]))
    }

    /// `Fn::GetAZs` (`""` for the stack's region).
    pub fn get_azs(region: impl Into<Option<Value>>) -> Value {
        intrinsic("Fn::GetAZs", region.into().unwrap_or_else(|| Value::from("")))
    }

    /// `Fn::Base64`.
    pub fn base64(data: impl Into<Value>) -> Value {
        intrinsic("Fn::Base64", data.into())
    }

    /// `Fn::Cidr`.
    pub fn cidr(
        ip_block: impl Into<Value>,
        count: impl Into<Value>,
        size_mask: impl Into<Value>,
    ) -> Value {
        intrinsic("Fn::Cidr", Value::array([ip_block.into(), count.into(), size_mask.into()]))
    }

    /// `Fn::ImportValue`.
    pub fn import_value(name: impl Into<Value>) -> Value {
        intrinsic("Fn::ImportValue", name.into())
    }

    /// `Fn::GetAtt` by logical ID.
    pub fn get_att(logical_id: impl Into<Value>, attribute: &str) -> Value {
        intrinsic("Fn::GetAtt", Value::array([logical_id.into(), Value::from(attribute)]))
    }

    /// `Ref` by logical ID.
    pub fn ref_(logical_id: impl Into<Value>) -> Value {
        intrinsic("Ref", logical_id.into())
    }

    /// `Fn::FindInMap`.
    pub fn find_in_map(
        map: impl Into<Value>,
        key1: impl Into<Value>,
        key2: impl Into<Value>,
    ) -> Value {
        intrinsic("Fn::FindInMap", Value::array([map.into(), key1.into(), key2.into()]))
    }

    /// `Fn::If` on a condition's logical ID.
    pub fn condition_if(
        condition_id: impl Into<Value>,
        if_true: impl Into<Value>,
        if_false: impl Into<Value>,
    ) -> Value {
        intrinsic("Fn::If", Value::array([condition_id.into(), if_true.into(), if_false.into()]))
    }

    /// `Fn::Equals`.
    pub fn condition_equals(lhs: impl Into<Value>, rhs: impl Into<Value>) -> Value {
        intrinsic("Fn::Equals", Value::array([lhs.into(), rhs.into()]))
    }

    /// `Fn::Not`.
    pub fn condition_not(condition: impl Into<Value>) -> Value {
        intrinsic("Fn::Not", Value::array([condition.into()]))
    }

    /// `Fn::And`; one condition is itself, more than 10 are nested in groups of 10.
    pub fn condition_and<I>(conditions: I) -> Value
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        group_conditions("Fn::And", conditions.into_iter().map(Into::into).collect())
    }

    /// `Fn::Or`; one condition is itself, more than 10 are nested in groups of 10.
    pub fn condition_or<I>(conditions: I) -> Value
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        group_conditions("Fn::Or", conditions.into_iter().map(Into::into).collect())
    }
}

fn group_conditions(name: &str, conditions: Vec<Value>) -> Value {
    if conditions.len() == 1 {
        return conditions.into_iter().next().unwrap_or_default();
    }
    if conditions.len() <= 10 {
        return intrinsic(name, Value::Array(conditions));
    }
    let groups: Vec<Value> =
        conditions.chunks(10).map(|c| group_conditions(name, c.to_vec())).collect();
    group_conditions(name, groups)
}

/// Pseudo parameters (`{"Ref": "AWS::Region"}`, ...).
pub struct Aws;

impl Aws {
    fn pseudo(name: &str) -> Value {
        Value::object([("Ref", name)])
    }
    /// `AWS::AccountId`.
    pub fn account_id() -> Value {
        Self::pseudo("AWS::AccountId")
    }
    /// `AWS::Region`.
    pub fn region() -> Value {
        Self::pseudo("AWS::Region")
    }
    /// `AWS::Partition`.
    pub fn partition() -> Value {
        Self::pseudo("AWS::Partition")
    }
    /// `AWS::URLSuffix`.
    pub fn url_suffix() -> Value {
        Self::pseudo("AWS::URLSuffix")
    }
    /// `AWS::StackName`.
    pub fn stack_name() -> Value {
        Self::pseudo("AWS::StackName")
    }
    /// `AWS::StackId`.
    pub fn stack_id() -> Value {
        Self::pseudo("AWS::StackId")
    }
    /// `AWS::NotificationARNs`.
    pub fn notification_arns() -> Value {
        Self::pseudo("AWS::NotificationARNs")
    }
    /// `AWS::NoValue`.
    pub fn no_value() -> Value {
        Self::pseudo("AWS::NoValue")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_circuits() {
        assert_eq!(Fn::select(1, Fn::split(",", "a,b,c")), Value::from("b"));
        assert_eq!(Fn::join("-", ["a", "b"]), Value::from("a-b"));
        let conds: Vec<Value> = (0..11).map(Value::from).collect();
        let and = Fn::condition_and(conds);
        let outer = and.as_object().unwrap()["Fn::And"].as_array().unwrap();
        assert_eq!(outer.len(), 2);
    }
}
