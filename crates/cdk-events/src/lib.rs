//! # cdk-events
//!
//! A thin L2 over [`cfn_events`]: the [`EventBus`] construct of `aws-cdk-lib/aws-events`
//! (`event-bus.ts`), buses imported by ARN or name ([`ImportedEventBus`]), the
//! [`IEventBus`] trait with the grant, and [`Rule`] (`rule.ts`) with its [`EventPattern`] and
//! [`Schedule`] but no targets, rendered as aws-cdk-lib 2.276.0 renders them: a bus named
//! after its unique id when no name is given, grants as statements on the grantee's default
//! policy, a rule's `State` always written.
//!
//! ```
//! use cdk_core::{App, Stack};
//! use cdk_events::{EventBus, EventBusProps, EventPattern, IEventBus, Rule, RuleProps};
//! use cdk_iam::{Principal, Role, RoleProps};
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let bus = EventBus::new(&stack, "Bus", EventBusProps::builder().event_bus_name("orders"))?;
//! let role = Role::new(&stack, "Role", RoleProps::builder().assumed_by(Principal::service("apigateway.amazonaws.com")))?;
//! bus.grant_put_events_to(&role)?;
//! Rule::new(&stack, "OnOrder", RuleProps::builder()
//!     .event_bus(&bus)
//!     .event_pattern(EventPattern::builder().source(["my.app"]).build()?))?;
//! # Ok::<(), cdk_core::Error>(())
//! ```

mod event_bus;
mod event_pattern;
mod rule;
mod schedule;

pub use event_bus::{
    EventBus, EventBusProps, EventBusPropsBuilder, IEventBus, ImportedEventBus, PUT_EVENTS_ACTIONS,
};
pub use event_pattern::{EventPattern, EventPatternBuilder};
pub use rule::{Rule, RuleProps, RulePropsBuilder};
pub use schedule::Schedule;
