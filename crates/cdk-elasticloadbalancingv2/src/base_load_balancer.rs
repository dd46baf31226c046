//! What load balancers share (`shared/base-load-balancer.ts`, with `renderAttributes` of
//! `shared/util.ts`): the `AWS::ElasticLoadBalancingV2::LoadBalancer` in the selected
//! subnets, its attributes (rendered late, in the order they were first set) and the rules
//! on its name.

use std::cell::RefCell;
use std::rc::Rc;

use cdk_core::{BuildError, Value};
use cfn_elasticloadbalancingv2::load_balancer::LoadBalancerAttribute;
use indexmap::IndexMap;

/// Longest load balancer name.
pub const MAX_LOAD_BALANCER_NAME_LEN: usize = 32;

/// The attributes of a load balancer (`attributes`): set, replaced or removed until the
/// template is written.
#[derive(Clone, Debug, Default)]
pub(crate) struct Attributes(Rc<RefCell<IndexMap<String, Option<String>>>>);

impl Attributes {
    /// `setAttribute`; `None` removes the attribute but keeps its place, as JavaScript's
    /// `Map.set(key, undefined)` does.
    pub(crate) fn set(&self, key: &str, value: Option<String>) {
        self.0.borrow_mut().insert(key.to_string(), value);
    }

    /// The current value of an attribute.
    pub(crate) fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned().flatten()
    }

    /// `LoadBalancerAttributes`: `[{Key, Value}]` of the set attributes, absent when none.
    pub(crate) fn render(&self) -> Value {
        let attributes = self.clone();
        Value::lazy_uncached(move |_| {
            let list: Vec<Value> = attributes
                .0
                .borrow()
                .iter()
                .filter_map(|(key, value)| {
                    let value = value.as_ref()?;
                    let mut a = LoadBalancerAttribute::default();
                    a.key = Some(key.as_str().into());
                    a.value = Some(value.as_str().into());
                    Some(Value::from(a))
                })
                .collect();
            (!list.is_empty()).then_some(Value::Array(list))
        })
    }
}

/// `validateLoadBalancer`: the rules on a literal load balancer name, as messages.
pub(crate) fn validate_load_balancer_name(name: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if name.encode_utf16().count() > MAX_LOAD_BALANCER_NAME_LEN {
        errors.push(format!(
            "Load balancer name: \"{name}\" can have a maximum of {MAX_LOAD_BALANCER_NAME_LEN} characters."
        ));
    }
    if name.starts_with("internal-") {
        errors.push(format!("Load balancer name: \"{name}\" must not begin with \"internal-\"."));
    }
    if name.starts_with('-') || name.ends_with('-') {
        errors.push(format!("Load balancer name: \"{name}\" must not begin or end with a hyphen."));
    }
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        errors.push(format!(
            "Load balancer name: \"{name}\" must contain only alphanumeric characters or hyphens."
        ));
    }
    errors
}

/// A build error for a literal name that breaks [`validate_load_balancer_name`].
pub(crate) fn check_load_balancer_name(name: Option<&Value>) -> Result<(), BuildError> {
    if let Some(name) = name.and_then(Value::as_str) {
        if let Some(first) = validate_load_balancer_name(name).into_iter().next() {
            return Err(BuildError::invalid_field("load_balancer_name", first));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_rules() {
        assert!(validate_load_balancer_name("my-nlb-1").is_empty());
        let long = "a".repeat(33);
        assert_eq!(
            validate_load_balancer_name(&long),
            [format!("Load balancer name: \"{long}\" can have a maximum of 32 characters.")]
        );
        assert_eq!(
            validate_load_balancer_name("internal-x"),
            ["Load balancer name: \"internal-x\" must not begin with \"internal-\"."]
        );
        assert_eq!(
            validate_load_balancer_name("x-"),
            ["Load balancer name: \"x-\" must not begin or end with a hyphen."]
        );
        assert_eq!(
            validate_load_balancer_name("my_nlb"),
            ["Load balancer name: \"my_nlb\" must contain only alphanumeric characters or hyphens."]
        );
        assert!(check_load_balancer_name(Some(&"ok".into())).is_ok());
        assert!(check_load_balancer_name(Some(&"no way".into())).is_err());
        assert!(check_load_balancer_name(None).is_ok());
    }

    #[test]
    fn attributes_keep_their_first_place() {
        let a = Attributes::default();
        a.set("b", Some("1".into()));
        a.set("a", Some("2".into()));
        a.set("b", None);
        a.set("b", Some("3".into()));
        assert_eq!(a.get("b").as_deref(), Some("3"));
        let keys: Vec<String> = a.0.borrow().keys().cloned().collect();
        assert_eq!(keys, ["b", "a"]);
    }
}
