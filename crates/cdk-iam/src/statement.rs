//! Policy statements and documents (`policy-statement.ts`, `policy-document.ts`).

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Map, Value};

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Effect {
    /// `Allow` (the default).
    #[default]
    Allow,
    /// `Deny`.
    Deny,
}

/// One statement of a policy document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolicyStatement {
    actions: Vec<Value>,
    not_actions: Vec<Value>,
    resources: Vec<Value>,
    not_resources: Vec<Value>,
    effect: Effect,
    conditions: Map,
    principals: Map,
    sid: Option<String>,
}

fn push_unique(list: &mut Vec<Value>, v: Value) {
    if !list.contains(&v) {
        list.push(v)
    }
}

/// `_norm`: one value alone, several as a list, none absent.
fn norm(list: &[Value]) -> Option<Value> {
    match list.len() {
        0 => None,
        1 => Some(list[0].clone()),
        _ => Some(Value::Array(list.to_vec())),
    }
}

impl PolicyStatement {
    /// An empty `Allow` statement.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds actions (duplicates are dropped).
    pub fn actions<'a>(mut self, actions: impl IntoIterator<Item = &'a str>) -> Self {
        for a in actions {
            push_unique(&mut self.actions, Value::from(a));
        }
        self
    }

    /// Adds `NotAction`s.
    pub fn not_actions<'a>(mut self, actions: impl IntoIterator<Item = &'a str>) -> Self {
        for a in actions {
            push_unique(&mut self.not_actions, Value::from(a));
        }
        self
    }

    /// Adds resources (ARNs; tokens allowed).
    pub fn resources(mut self, resources: impl IntoIterator<Item = Value>) -> Self {
        for r in resources {
            push_unique(&mut self.resources, r);
        }
        self
    }

    /// Adds `NotResource`s.
    pub fn not_resources(mut self, resources: impl IntoIterator<Item = Value>) -> Self {
        for r in resources {
            push_unique(&mut self.not_resources, r);
        }
        self
    }

    /// Sets the effect.
    pub fn effect(mut self, effect: Effect) -> Self {
        self.effect = effect;
        self
    }

    /// Adds a condition: operator (`StringEquals`) → key → value.
    pub fn condition(mut self, operator: &str, key: &str, value: impl Into<Value>) -> Self {
        let entry = self
            .conditions
            .entry(operator.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(m) = entry.as_object_mut() {
            m.insert(key.to_string(), value.into());
        }
        self
    }

    /// Adds a principal: kind (`Service`, `AWS`, `Federated`) → value.
    pub fn principal(mut self, kind: &str, value: impl Into<Value>) -> Self {
        let value = value.into();
        let entry = self
            .principals
            .entry(kind.to_string())
            .or_insert(Value::Null);
        *entry = match std::mem::take(entry) {
            Value::Null => value,
            Value::Array(mut a) => {
                push_unique(&mut a, value);
                Value::Array(a)
            }
            existing if existing == value => existing,
            existing => Value::Array(vec![existing, value]),
        };
        self
    }

    /// Sets the statement id.
    pub fn sid(mut self, sid: &str) -> Self {
        self.sid = Some(sid.to_string());
        self
    }

    /// The statement as IAM JSON, keys in aws-cdk-lib's order (`toStatementJson`).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.to_string(), v);
            }
        };
        put("Action", norm(&self.actions));
        put("NotAction", norm(&self.not_actions));
        put(
            "Condition",
            (!self.conditions.is_empty()).then(|| Value::Object(self.conditions.clone())),
        );
        put(
            "Effect",
            Some(Value::from(match self.effect {
                Effect::Allow => "Allow",
                Effect::Deny => "Deny",
            })),
        );
        put(
            "Principal",
            (!self.principals.is_empty()).then(|| Value::Object(self.principals.clone())),
        );
        put("Resource", norm(&self.resources));
        put("NotResource", norm(&self.not_resources));
        put("Sid", self.sid.clone().map(Value::String));
        Value::Object(m)
    }
}

/// A policy document: a list of statements, rendered with `Version: 2012-10-17`.
///
/// Cloning shares the statement list, so a construct can hand out a document that later
/// statements still reach (aws-cdk-lib renders documents lazily).
#[derive(Clone, Debug, Default)]
pub struct PolicyDocument {
    statements: Rc<RefCell<Vec<PolicyStatement>>>,
}

impl PolicyDocument {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a statement (an identical one is not added twice).
    pub fn add_statement(&self, s: PolicyStatement) {
        let mut list = self.statements.borrow_mut();
        if !list.contains(&s) {
            list.push(s)
        }
    }

    /// Whether the document has no statement.
    pub fn is_empty(&self) -> bool {
        self.statements.borrow().is_empty()
    }

    /// `{ "Statement": [...], "Version": "2012-10-17" }` as it is now.
    pub fn to_json(&self) -> Value {
        let statements: Vec<Value> = self
            .statements
            .borrow()
            .iter()
            .map(PolicyStatement::to_json)
            .collect();
        Value::object([
            ("Statement", Value::Array(statements)),
            ("Version", Value::from("2012-10-17")),
        ])
    }

    /// A lazy value rendering the document when the template is written.
    pub fn lazy(&self) -> Value {
        let doc = self.clone();
        Value::lazy_uncached(move |_| Some(doc.to_json()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_json_order_and_norm() {
        let s = PolicyStatement::new()
            .actions(["a:B", "a:B"])
            .resources(vec![Value::from("r1"), Value::from("r2")]);
        let j = s.to_json();
        let o = j.as_object().unwrap();
        assert_eq!(
            o.keys().collect::<Vec<_>>(),
            ["Action", "Effect", "Resource"]
        );
        assert_eq!(o["Action"], Value::from("a:B"));
        assert_eq!(o["Resource"], Value::array(["r1", "r2"]));
    }
}
