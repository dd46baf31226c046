//! `events.EventBus` (`event-bus.ts`, `events-grants.generated.ts`).

use cdk_core::{ArnComponents, Construct, Error, Fn, IntoProps, Node, Value};
use cdk_iam::{Grant, Grantable};
use cfn_events::{CfnEventBus, CfnEventBusProps};

/// Actions of [`EventBus::grant_put_events_to`] and [`EventBus::grant_all_put_events`].
pub const PUT_EVENTS_ACTIONS: [&str; 1] = ["events:PutEvents"];

/// Options of an [`EventBus`] (`events.EventBusProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct EventBusProps {
    /// The bus name: 1–256 of `A-Za-z0-9/._-`, without `/`, not `default`. Default: the
    /// construct's unique id (`Names.uniqueId`, such as `StackBusAA0A1E4B`).
    #[builder(default)]
    pub event_bus_name: Option<Value>,
    /// A description (at most 512 characters). Default: none.
    #[builder(default)]
    pub description: Option<Value>,
}
cdk_core::impl_props!(EventBusProps, EventBusPropsBuilder);

/// An event bus, owned or imported (`IEventBus`), with its grant.
pub trait IEventBus: Construct + std::fmt::Debug {
    /// The bus's ARN.
    fn event_bus_arn(&self) -> Value;

    /// The bus's name.
    fn event_bus_name(&self) -> Value;

    /// Grants putting events on this bus (`grantPutEventsTo`): [`PUT_EVENTS_ACTIONS`] on the
    /// bus, a statement on the grantee's policy.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_put_events_to(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        Grant::add_to_principal(grantee, &PUT_EVENTS_ACTIONS, vec![self.event_bus_arn()])
    }
}

/// An EventBridge event bus (`events.EventBus`).
#[derive(Clone, Debug)]
pub struct EventBus {
    node: Node,
    resource: CfnEventBus,
}

impl Construct for EventBus {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl PartialEq for EventBus {
    /// Two handles are equal when they are the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.node.same(&other.node)
    }
}

/// `eventBusProps`: the checks of a literal bus name.
fn check_name(name: &str) -> Result<(), String> {
    if name == "default" {
        return Err("'eventBusName' must not be 'default'".into());
    }
    if name.contains('/') {
        return Err("'eventBusName' must not contain '/'".into());
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '_');
    if name.is_empty() || name.len() > 256 || !name.chars().all(allowed) {
        return Err("'eventBusName' must satisfy: /^[\\/\\.\\-_A-Za-z0-9]{1,256}$/".into());
    }
    Ok(())
}

impl EventBus {
    /// Defines an event bus; `props` is the props or their unfinished builder
    /// (`EventBusProps::default()` for every default).
    ///
    /// # Errors
    /// [`Error::Build`] for an unfinished builder; [`Error::InvalidArgument`] (naming the
    /// bus's path) for an invalid name or a description over 512 characters; id errors from
    /// the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<EventBusProps>,
    ) -> Result<EventBus, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let invalid = |message: String| Error::InvalidArgument { path: path.clone(), message };
        if let Some(name) = props.event_bus_name.as_ref().and_then(Value::as_literal_string) {
            check_name(&name).map_err(invalid)?;
        }
        if let Some(d) = props.description.as_ref().and_then(Value::as_literal_string) {
            let len = d.encode_utf16().count();
            if len > 512 {
                return Err(invalid(format!(
                    "description must be less than or equal to 512 characters, got {len}"
                )));
            }
        }
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_events.EventBus");
        let name = match props.event_bus_name {
            Some(name) => name,
            None => Value::from(node.unique_id()),
        };
        let mut l1 = CfnEventBusProps::builder()
            .name(name)
            .build()
            .map_err(|source| Error::build(node.child_path("Resource"), source))?;
        l1.description = props.description;
        let resource = CfnEventBus::new(&node, "Resource", l1)?;
        Ok(EventBus { node, resource })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnEventBus {
        &self.resource
    }

    /// A bus of another stack or app, by ARN (`fromEventBusArn`); its name is the part
    /// after `event-bus/` (`Fn::Select` over `Fn::Split` when the ARN is a token).
    ///
    /// # Errors
    /// Id errors from the tree.
    pub fn from_event_bus_arn(
        scope: &impl Construct,
        id: &str,
        event_bus_arn: impl Into<Value>,
    ) -> Result<ImportedEventBus, Error> {
        let arn = event_bus_arn.into();
        let name = slash_resource_name(&arn);
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_events.EventBusBase");
        Ok(ImportedEventBus { node, arn, name })
    }

    /// A bus of this stack's account and region, by name (`fromEventBusName`):
    /// `arn:<partition>:events:<region>:<account>:event-bus/<name>`.
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack; id errors from the tree.
    pub fn from_event_bus_name(
        scope: &impl Construct,
        id: &str,
        event_bus_name: impl Into<Value>,
    ) -> Result<ImportedEventBus, Error> {
        let stack = scope.node().stack()?;
        let name = event_bus_name.into();
        let arn = stack
            .format_arn(&ArnComponents::new("events", "event-bus").resource_name(name.clone()));
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_events.EventBusBase");
        Ok(ImportedEventBus { node, arn, name })
    }

    /// Grants putting events on every bus (`EventBus.grantAllPutEvents`):
    /// [`PUT_EVENTS_ACTIONS`] on `*`.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    pub fn grant_all_put_events(grantee: &impl Grantable) -> Result<(), Error> {
        Grant::add_to_principal(grantee, &PUT_EVENTS_ACTIONS, vec![Value::from("*")])
    }
}

impl IEventBus for EventBus {
    /// `Fn::GetAtt Arn`.
    fn event_bus_arn(&self) -> Value {
        self.resource.attr_arn()
    }

    /// `Ref`.
    fn event_bus_name(&self) -> Value {
        self.resource.ref_()
    }
}

/// The resource name of an ARN in `ArnFormat.SLASH_RESOURCE_NAME` form
/// (`arn:<partition>:<service>:<region>:<account>:<resource>/<name>`, `Stack.splitArn`).
fn slash_resource_name(arn: &Value) -> Value {
    if let Some(text) = arn.as_literal_string() {
        let parts: Vec<&str> = text.splitn(6, ':').collect();
        if parts.len() == 6 && parts[0] == "arn" {
            if let Some((_, name)) = parts[5].split_once('/') {
                return Value::from(name);
            }
        }
    }
    Fn::select(1, Fn::split("/", Fn::select(5, Fn::split(":", arn.clone()))))
}

/// A bus imported by ARN or name (`EventBus.fromEventBusArn`, `fromEventBusName`): a
/// construct without resources that grants, rules and integrations refer to.
#[derive(Clone, Debug)]
pub struct ImportedEventBus {
    node: Node,
    arn: Value,
    name: Value,
}

impl Construct for ImportedEventBus {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IEventBus for ImportedEventBus {
    fn event_bus_arn(&self) -> Value {
        self.arn.clone()
    }

    /// The name given, or the ARN's resource name.
    fn event_bus_name(&self) -> Value {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn names() -> Result<(), Error> {
        assert!(check_name("my-bus.v1_x").is_ok());
        assert!(check_name("default").is_err());
        assert!(check_name("a/b").is_err());
        assert!(check_name("a b").is_err());
        assert!(check_name("").is_err());
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        assert!(EventBus::new(&stack, "Bus", EventBusProps::builder().event_bus_name("default"))
            .is_err());
        assert!(stack.node().try_find_child("Bus").is_none());
        Ok(())
    }
}
