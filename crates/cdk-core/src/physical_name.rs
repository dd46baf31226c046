//! Physical names (`PhysicalName`) and the cross-environment side of aws-cdk-lib's
//! `Resource` (`core/lib/resource.ts`, `core/lib/private/physical-name-generator.ts`).
//!
//! A resource given [`PhysicalName::GENERATE_IF_NEEDED`] as its name gets none, unless it is
//! referenced from a stack of another account or region: then it gets a name generated from
//! its stack and path ([`generate_physical_name`]), and the reference is its ARN written out
//! with that name instead of a `Ref` that cannot cross environments. [`ResourcePhysicalName`]
//! holds that state for an L2 construct.

use std::cell::RefCell;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::stack::{ArnComponents, Stack};
use crate::tree::{Construct, Node};
use crate::value::Value;

/// Physical names with a meaning of their own (`PhysicalName`).
#[derive(Clone, Copy, Debug)]
pub struct PhysicalName;

impl PhysicalName {
    /// Let the construct generate a name only if it is used across environments
    /// (`PhysicalName.GENERATE_IF_NEEDED`). Pass it where a construct takes its physical name;
    /// constructs that support it never write it to a template.
    pub const GENERATE_IF_NEEDED: &'static str = "${Token[PhysicalName.GENERATE_IF_NEEDED]}";

    /// Whether `value` is [`PhysicalName::GENERATE_IF_NEEDED`].
    pub fn is_generate_if_needed(value: &Value) -> bool {
        matches!(value, Value::String(s) if s == PhysicalName::GENERATE_IF_NEEDED)
    }
}

/// The name aws-cdk-lib generates for a resource used across environments
/// (`generatePhysicalName`): the first 25 characters of the stack name, the last 24 of the
/// resource's unique id, and 12 hex characters of a SHA-256 over the stack name, the unique id,
/// the region and the account; all lower-cased.
///
/// # Errors
/// [`Error::InvalidArgument`] when the resource is not in a stack, or its stack's region or
/// account is not set (aws-cdk-lib's `Cannot generate a physical name for <path>, because the
/// region is un-resolved or missing`).
pub fn generate_physical_name(resource: &Node) -> Result<String, Error> {
    let stack = resource.stack()?;
    let env = stack.environment();
    let missing = |what: &str| Error::InvalidArgument {
        path: resource.path(),
        message: format!(
            "Cannot generate a physical name for {}, because the {what} is un-resolved or missing",
            resource.path()
        ),
    };
    let region = env.region.ok_or_else(|| missing("region"))?;
    let account = env.account.ok_or_else(|| missing("account"))?;
    let stack_name = stack.stack_name();
    let unique_id = resource.unique_id();
    let prefix: String = stack_name.chars().take(25).collect();
    let skip = unique_id.chars().count().saturating_sub(24);
    let suffix: String = unique_id.chars().skip(skip).collect();
    let mut sha = Sha256::new();
    for part in [&stack_name, &unique_id, &region, &account] {
        sha.update(part.as_bytes());
    }
    let hash = format!("{:x}", sha.finalize());
    Ok(format!("{prefix}{suffix}{}", &hash[..12]).to_lowercase())
}

/// The physical name of one L2 construct, and the attributes that depend on where they are
/// used (`Resource.physicalName`, `getResourceNameAttribute`, `getResourceArnAttribute`).
///
/// A name given as a literal, or as [`PhysicalName::GENERATE_IF_NEEDED`], allows the
/// resource to be referenced from another environment; a missing or token name does not, and
/// such a use fails synthesis with aws-cdk-lib's message.
#[derive(Clone, Debug)]
pub struct ResourcePhysicalName {
    node: Node,
    given: Option<Value>,
    generate_if_needed: bool,
    allow_cross_environment: bool,
    generated: Rc<RefCell<Option<String>>>,
    error: Rc<RefCell<Option<String>>>,
}

impl ResourcePhysicalName {
    /// The physical name of the construct at `resource`, given as `physical_name`.
    pub fn new(resource: &Node, physical_name: Option<Value>) -> ResourcePhysicalName {
        let generate_if_needed =
            physical_name.as_ref().is_some_and(PhysicalName::is_generate_if_needed);
        let literal = matches!(physical_name, Some(Value::String(_)));
        let error: Rc<RefCell<Option<String>>> = Rc::default();
        let reported = error.clone();
        resource.add_validation(move || reported.borrow().iter().cloned().collect());
        ResourcePhysicalName {
            node: resource.clone(),
            given: if generate_if_needed { None } else { physical_name },
            generate_if_needed,
            allow_cross_environment: generate_if_needed || literal,
            generated: Rc::default(),
            error,
        }
    }

    /// The name for the resource's properties (`this.physicalName`): the given one; for
    /// [`PhysicalName::GENERATE_IF_NEEDED`], a lazy value that is the generated name once a
    /// use in another environment asked for it, and absent otherwise.
    pub fn physical_name(&self) -> Option<Value> {
        if self.generate_if_needed {
            let generated = self.generated.clone();
            return Some(Value::lazy_uncached(move |_| {
                generated.borrow().clone().map(Value::from)
            }));
        }
        self.given.clone()
    }

    /// The resource's name attribute (`getResourceNameAttribute`): `name_attr` (such as
    /// `Fn::GetAtt Name`) in the resource's environment, the physical name in another one.
    pub fn name_attribute(&self, name_attr: Value) -> Value {
        let this = self.clone();
        Value::lazy_uncached(move |ctx| {
            if this.crosses_environment(&ctx.stack()) {
                this.enable_cross_environment();
                return this.physical_name();
            }
            Some(name_attr.clone())
        })
    }

    /// The resource's ARN attribute (`getResourceArnAttribute`): `arn_attr` (such as the
    /// `Ref`) in the resource's environment; in another one, the ARN of `components` formatted
    /// in the resource's stack (their `resource_name` should be [`Self::physical_name`]).
    pub fn arn_attribute(&self, arn_attr: Value, components: ArnComponents) -> Value {
        let this = self.clone();
        Value::lazy_uncached(move |ctx| {
            if this.crosses_environment(&ctx.stack()) {
                this.enable_cross_environment();
                if let Ok(stack) = this.node.stack() {
                    return Some(stack.format_arn(&components));
                }
            }
            Some(arn_attr.clone())
        })
    }

    /// Whether `consumer` is in another account or region than the resource's stack.
    fn crosses_environment(&self, consumer: &Stack) -> bool {
        match self.node.stack() {
            // `stack.account() != consumer.account() || ...`: an unset account or region is
            // the same pseudo parameter in both stacks, so comparing what the environments
            // set gives the same answer without building either value
            Ok(stack) if stack.node().same(consumer.node()) => false,
            Ok(stack) => stack.with_data(|s| {
                consumer
                    .with_data(|c| s.env.account != c.env.account || s.env.region != c.env.region)
            }),
            Err(_) => false,
        }
    }

    /// `_enableCrossEnvironment`: generates the name when it is to be generated, or records
    /// why the resource cannot be used in another environment (reported by validation).
    fn enable_cross_environment(&self) {
        if self.error.borrow().is_some() {
            return;
        }
        if !self.allow_cross_environment {
            *self.error.borrow_mut() = Some(format!(
                "Cannot use resource '{}' in a cross-environment fashion, the resource's physical name must be explicit set or use `PhysicalName.GENERATE_IF_NEEDED`",
                self.node.path()
            ));
            return;
        }
        if self.generate_if_needed && self.generated.borrow().is_none() {
            match generate_physical_name(&self.node) {
                Ok(name) => *self.generated.borrow_mut() = Some(name),
                Err(Error::InvalidArgument { message, .. }) => {
                    *self.error.borrow_mut() = Some(message)
                }
                Err(e) => *self.error.borrow_mut() = Some(e.to_string()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{App, Construct, Environment, StackProps};

    fn stack(app: &App, id: &str, account: &str, region: &str) -> Stack {
        let env = Environment { account: Some(account.into()), region: Some(region.into()) };
        Stack::with_props(app, id, StackProps::builder().env(env)).unwrap()
    }

    #[test]
    fn generated_name_matches_aws_cdk_lib() {
        let app = App::new();
        let s = stack(&app, "SfnGeneratedNameStack", "111111111111", "us-east-1");
        let machine = s.node().add_child("Machine").unwrap();
        assert_eq!(
            generate_physical_name(&machine).unwrap(),
            "sfngeneratednamestacknamestackmachine4bd70e11d44c07076c38"
        );
    }

    #[test]
    fn generation_needs_a_region_and_an_account() {
        let app = App::new();
        let s = Stack::new(&app, "Agnostic").unwrap();
        let r = s.node().add_child("R").unwrap();
        let e = generate_physical_name(&r).unwrap_err().to_string();
        assert!(e.contains("because the region is un-resolved or missing"), "{e}");
    }

    #[test]
    fn name_is_generated_only_when_used_in_another_environment() {
        let app = App::new();
        let here = stack(&app, "Here", "111111111111", "us-east-1");
        let there = stack(&app, "There", "222222222222", "eu-west-1");
        let node = here.node().add_child("Thing").unwrap();
        let name = ResourcePhysicalName::new(&node, Some(PhysicalName::GENERATE_IF_NEEDED.into()));
        let arn = ArnComponents::new("svc", "thing")
            .arn_format(crate::ArnFormat::ColonResourceName)
            .resource_name(name.physical_name().unwrap());
        let attr = name.arn_attribute(Value::from("local-arn"), arn);
        crate::CfnResource::new(
            &here,
            "Res",
            "X::Y::Z",
            Value::object([("N", name.physical_name())]),
        )
        .unwrap();
        crate::CfnResource::new(&there, "Use", "X::Y::Z", Value::object([("A", attr.clone())]))
            .unwrap();
        crate::CfnResource::new(&here, "Local", "X::Y::Z", Value::object([("A", attr)])).unwrap();
        let there_t = there.synthesize_template().unwrap();
        let here_t = here.synthesize_template().unwrap();
        let generated = here_t["Resources"]["Res"]["Properties"]["N"].as_str().unwrap().to_string();
        assert!(generated.starts_with("hereherething"), "{generated}");
        assert_eq!(
            there_t["Resources"]["Use"]["Properties"]["A"],
            format!("arn:aws:svc:us-east-1:111111111111:thing:{generated}")
        );
        assert_eq!(here_t["Resources"]["Local"]["Properties"]["A"], "local-arn");
    }

    #[test]
    fn a_resource_without_name_cannot_cross_environments() {
        let app = App::new();
        let here = stack(&app, "Here", "111111111111", "us-east-1");
        let there = stack(&app, "There", "222222222222", "eu-west-1");
        let node = here.node().add_child("Thing").unwrap();
        let name = ResourcePhysicalName::new(&node, None);
        let attr = name.name_attribute(Value::from("local-name"));
        crate::CfnResource::new(&there, "Use", "X::Y::Z", Value::object([("A", attr)])).unwrap();
        let e = there.synthesize_template().unwrap_err().to_string();
        assert!(
            e.contains("Cannot use resource 'Here/Thing' in a cross-environment fashion"),
            "{e}"
        );
    }
}
