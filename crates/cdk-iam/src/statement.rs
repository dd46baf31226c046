//! Policy statements and documents (`policy-statement.ts`, `policy-document.ts`).

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{Construct, Map, Value};

/// `Allow` or `Deny`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Effect {
    /// `Allow` (the default).
    #[default]
    #[doc(alias = "ALLOW")]
    Allow,
    /// `Deny`.
    #[doc(alias = "DENY")]
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
    pub fn actions<I>(mut self, actions: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        for a in actions {
            push_unique(&mut self.actions, Value::String(a.into()));
        }
        self
    }

    /// Adds `NotAction`s.
    pub fn not_actions<I>(mut self, actions: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        for a in actions {
            push_unique(&mut self.not_actions, Value::String(a.into()));
        }
        self
    }

    /// Adds resources (ARNs; tokens allowed).
    pub fn resources<I>(mut self, resources: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        for r in resources {
            push_unique(&mut self.resources, r.into());
        }
        self
    }

    /// Adds `NotResource`s.
    pub fn not_resources<I>(mut self, resources: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Value>,
    {
        for r in resources {
            push_unique(&mut self.not_resources, r.into());
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

    /// Adds a condition block: operator (`StringEquals`) → an object of keys and values,
    /// merged into the keys already under that operator.
    pub fn conditions_object(mut self, operator: &str, value: impl Into<Value>) -> Self {
        match (self.conditions.get_mut(operator), value.into().into_object()) {
            (Some(Value::Object(existing)), Ok(new)) => existing.extend(new),
            (_, value) => {
                let value = value.map_or_else(|v| v, Value::Object);
                self.conditions.insert(operator.to_string(), value);
            }
        }
        self
    }

    /// Adds principals (CDK's `principals` / `addPrincipals`), with their conditions.
    pub fn principals(self, principals: impl IntoIterator<Item = crate::Principal>) -> Self {
        principals.into_iter().fold(self, |s, p| p.add_to(s))
    }

    /// Adds a principal: kind (`Service`, `AWS`, `Federated`) → value.
    pub fn principal(mut self, kind: &str, value: impl Into<Value>) -> Self {
        let value = value.into();
        let entry = self.principals.entry(kind.to_string()).or_insert(Value::Null);
        *entry = match std::mem::take(entry).into_array() {
            Err(Value::Null) => value,
            Ok(mut a) => {
                push_unique(&mut a, value);
                Value::Array(a)
            }
            Err(existing) if existing == value => existing,
            Err(existing) => Value::Array(vec![existing, value]),
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
        put("Principal", norm_principal(&self.principals));
        put("Resource", norm(&self.resources));
        put("NotResource", norm(&self.not_resources));
        put("Sid", self.sid.clone().map(Value::String));
        Value::Object(m)
    }
}

/// `_normPrincipal`: a literal principal (`"*"`) as itself, else the block.
fn norm_principal(principals: &Map) -> Option<Value> {
    if principals.is_empty() {
        return None;
    }
    if let Some(literal) = principals.get(crate::principals::LITERAL_STRING_KEY) {
        return Some(match literal {
            Value::Array(a) => a.first().cloned().unwrap_or_default(),
            other => other.clone(),
        });
    }
    Some(Value::Object(principals.clone()))
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
        let statements: Vec<Value> =
            self.statements.borrow().iter().map(PolicyStatement::to_json).collect();
        Value::object([
            ("Statement", Value::Array(statements)),
            ("Version", Value::from("2012-10-17")),
        ])
    }

    /// A lazy value rendering the document when the template is written, as aws-cdk-lib
    /// renders it: nothing while it has no statement (the property is left out);
    /// identical statements once; with `@aws-cdk/aws-iam:minimizePolicies`, statements
    /// merged where they differ in only one of actions, resources and principals, and
    /// actions, resources and principals sorted.
    pub fn lazy(&self) -> Value {
        let doc = self.clone();
        Value::lazy_uncached(move |ctx| {
            if doc.is_empty() {
                return None;
            }
            let minimize =
                ctx.stack().node().feature_flag(cdk_core::feature_flags::IAM_MINIMIZE_POLICIES);
            let mut statements = Vec::new();
            for s in doc.statements.borrow().iter() {
                let resolved = ctx.resolve(&s.to_json()).ok().flatten();
                if let Some(Ok(m)) = resolved.map(Value::into_object) {
                    statements.push(m);
                }
            }
            Some(render_document(statements, minimize))
        })
    }
}

/// `mergeStatements` then `PostProcessPolicyDocument` on resolved statements.
pub(crate) fn render_document(statements: Vec<Map>, minimize: bool) -> Value {
    let mut statements = statements;
    if minimize {
        statements = merge_statements(statements);
    }
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for mut st in statements {
        if minimize {
            for key in ["Action", "NotAction", "Resource", "NotResource"] {
                if let Some(v) = st.get(key).cloned() {
                    st.insert(key.into(), sorted_norm(as_list(&v)));
                }
            }
            for key in ["Principal", "NotPrincipal"] {
                if let Some(Value::Object(p)) = st.get(key) {
                    let mut keys: Vec<&str> = p.keys().collect();
                    keys.sort();
                    let sorted: Map = keys
                        .into_iter()
                        .map(|k| (k.to_string(), sorted_norm(as_list(&p[k]))))
                        .collect();
                    st.insert(key.into(), Value::Object(sorted));
                }
            }
        }
        let v = Value::Object(st);
        let key = cdk_core::json::to_json_string(&v, 0);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(v);
        }
    }
    Value::object([("Statement", Value::Array(out)), ("Version", Value::from("2012-10-17"))])
}

fn as_list(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        other => vec![other.clone()],
    }
}

fn json(v: &Value) -> String {
    cdk_core::json::to_json_string(v, 0)
}

/// De-duplicated, sorted by JSON text (JavaScript's default sort), one element as itself.
fn sorted_norm(list: Vec<Value>) -> Value {
    let mut keyed: Vec<(String, Value)> = Vec::new();
    for v in list {
        let k = json(&v);
        if !keyed.iter().any(|(x, _)| *x == k) {
            keyed.push((k, v));
        }
    }
    keyed.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let mut values: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
    if values.len() == 1 {
        values.pop().unwrap_or_default()
    } else {
        Value::Array(values)
    }
}

fn set_of(st: &Map, key: &str) -> Vec<String> {
    let mut v: Vec<String> =
        st.get(key).map(as_list).unwrap_or_default().iter().map(json).collect();
    v.sort();
    v.dedup();
    v
}

fn principal_set(st: &Map) -> Vec<(String, Vec<String>)> {
    match st.get("Principal") {
        Some(Value::Object(p)) => {
            let mut v: Vec<(String, Vec<String>)> = p
                .iter()
                .map(|(k, v)| {
                    let mut l: Vec<String> = as_list(v).iter().map(json).collect();
                    l.sort();
                    l.dedup();
                    (k.to_string(), l)
                })
                .collect();
            v.sort();
            v
        }
        _ => Vec::new(),
    }
}

fn union(a: Option<&Value>, b: Option<&Value>) -> Value {
    let mut list = a.map(as_list).unwrap_or_default();
    for v in b.map(as_list).unwrap_or_default() {
        if !list.contains(&v) {
            list.push(v);
        }
    }
    sorted_norm(list)
}

/// `mergeStatements`: repeatedly folds a later statement into an earlier one when they have
/// the same effect, no `Sid`, the same conditions and `Not*` lists, and differ in at most one
/// of actions, resources and principals.
fn merge_statements(statements: Vec<Map>) -> Vec<Map> {
    let mut statements = statements;
    loop {
        let mut merged_any = false;
        'outer: for i in 0..statements.len() {
            for j in (i + 1)..statements.len() {
                let (a, b) = (&statements[i], &statements[j]);
                let same = |k: &str| a.get(k).map(json) == b.get(k).map(json);
                if a.contains_key("Sid") || b.contains_key("Sid") {
                    continue;
                }
                if !same("Effect") || !same("Condition") || !same("NotPrincipal") {
                    continue;
                }
                if set_of(a, "NotAction") != set_of(b, "NotAction")
                    || set_of(a, "NotResource") != set_of(b, "NotResource")
                {
                    continue;
                }
                let actions_eq = set_of(a, "Action") == set_of(b, "Action");
                let resources_eq = set_of(a, "Resource") == set_of(b, "Resource");
                let principals_eq = principal_set(a) == principal_set(b);
                let equal =
                    [actions_eq, resources_eq, principals_eq].iter().filter(|x| **x).count();
                if equal < 2 {
                    continue;
                }
                let b = statements.remove(j);
                let a = &mut statements[i];
                if !actions_eq {
                    let u = union(a.get("Action"), b.get("Action"));
                    a.insert("Action".into(), u);
                }
                if !resources_eq {
                    let u = union(a.get("Resource"), b.get("Resource"));
                    a.insert("Resource".into(), u);
                }
                if !principals_eq {
                    let mut p = match a.get("Principal") {
                        Some(Value::Object(p)) => p.clone(),
                        _ => Map::new(),
                    };
                    if let Some(Value::Object(bp)) = b.get("Principal") {
                        for (k, v) in bp.keyed() {
                            let u = union(p.get(k), Some(v));
                            p.insert_key(k.clone(), u);
                        }
                    }
                    a.insert("Principal".into(), Value::Object(p));
                }
                merged_any = true;
                break 'outer;
            }
        }
        if !merged_any {
            return statements;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimize_merges_and_sorts() {
        let st = |actions: &[&str], resources: &[&str]| {
            PolicyStatement::new()
                .actions(actions.iter().copied())
                .resources(resources.iter().map(|r| Value::from(*r)))
                .to_json()
                .into_object()
                .unwrap()
        };
        let doc = render_document(
            vec![
                st(&["s3:GetObject"], &["b"]),
                st(&["sqs:SendMessage"], &["b"]),
                st(&["a:A"], &["x"]),
            ],
            true,
        );
        let statements = doc.as_object().unwrap()["Statement"].as_array().unwrap().clone();
        assert_eq!(statements.len(), 2);
        assert_eq!(
            statements[0].as_object().unwrap()["Action"],
            Value::array(["s3:GetObject", "sqs:SendMessage"])
        );
        let plain =
            render_document(vec![st(&["b:B", "a:A"], &["r"]), st(&["b:B", "a:A"], &["r"])], false);
        let statements = plain.as_object().unwrap()["Statement"].as_array().unwrap().clone();
        assert_eq!(statements.len(), 1, "identical statements once");
        assert_eq!(statements[0].as_object().unwrap()["Action"], Value::array(["b:B", "a:A"]));
    }

    #[test]
    fn statement_json_order_and_norm() {
        let s = PolicyStatement::new()
            .actions(["a:B", "a:B"])
            .resources(vec![Value::from("r1"), Value::from("r2")]);
        let j = s.to_json();
        let o = j.as_object().unwrap();
        assert_eq!(o.keys().collect::<Vec<_>>(), ["Action", "Effect", "Resource"]);
        assert_eq!(o["Action"], Value::from("a:B"));
        assert_eq!(o["Resource"], Value::array(["r1", "r2"]));
    }
}
