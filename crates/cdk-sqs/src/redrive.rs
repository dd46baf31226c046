//! Which queues may use a queue as their dead-letter queue (`RedriveAllowPolicy`,
//! `RedrivePermission`, `queue.ts`).

use std::rc::Rc;

use cdk_core::{Map, Value};

use crate::IQueue;

/// Which source queues may use a queue as dead-letter queue (`sqs.RedrivePermission`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RedrivePermission {
    /// Every source queue (`allowAll`).
    #[doc(alias = "ALLOW_ALL")]
    AllowAll,
    /// No source queue (`denyAll`).
    #[doc(alias = "DENY_ALL")]
    DenyAll,
    /// The listed source queues (`byQueue`).
    #[doc(alias = "BY_QUEUE")]
    ByQueue,
}

impl RedrivePermission {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            RedrivePermission::AllowAll => "allowAll",
            RedrivePermission::DenyAll => "denyAll",
            RedrivePermission::ByQueue => "byQueue",
        }
    }
}

impl From<RedrivePermission> for Value {
    fn from(v: RedrivePermission) -> Value {
        Value::from(v.as_str())
    }
}

/// The redrive allow policy of a queue used as dead-letter queue (`sqs.RedriveAllowPolicy`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct RedriveAllowPolicy {
    /// Which source queues may redrive here. Default: [`RedrivePermission::ByQueue`] with
    /// `source_queues`, else [`RedrivePermission::AllowAll`].
    #[builder(default)]
    pub redrive_permission: Option<RedrivePermission>,
    /// The source queues of [`RedrivePermission::ByQueue`] (1–10, owned or imported).
    /// Default: none.
    #[builder(default, setter(custom))]
    pub source_queues: Vec<Rc<dyn IQueue>>,
}
cdk_core::impl_props!(RedriveAllowPolicy, RedriveAllowPolicyBuilder);

impl RedriveAllowPolicyBuilder {
    /// Adds a source queue of [`RedrivePermission::ByQueue`] (owned or imported).
    pub fn source_queue(mut self, queue: &(impl IQueue + Clone + 'static)) -> Self {
        self.source_queues.get_or_insert_with(Vec::new).push(Rc::new(queue.clone()));
        self
    }
}

impl RedriveAllowPolicy {
    /// The permission: the one given, else `ByQueue` with source queues, else `AllowAll`.
    pub fn permission(&self) -> RedrivePermission {
        self.redrive_permission.unwrap_or(if self.source_queues.is_empty() {
            RedrivePermission::AllowAll
        } else {
            RedrivePermission::ByQueue
        })
    }

    /// `validateRedriveAllowPolicy`: the rules between the permission and the queues.
    pub(crate) fn check(&self) -> Result<(), String> {
        let n = self.source_queues.len();
        match self.permission() {
            RedrivePermission::ByQueue if n == 0 => Err("At least one source queue must be \
                                                         specified when RedrivePermission is \
                                                         set to 'byQueue'"
                .into()),
            RedrivePermission::ByQueue if n > 10 => Err("Up to 10 sourceQueues can be specified. \
                                                         Set RedrivePermission to 'allowAll' to \
                                                         specify more"
                .into()),
            RedrivePermission::AllowAll | RedrivePermission::DenyAll if n > 0 => Err(
                "sourceQueues cannot be configured when RedrivePermission is set to 'allowAll' \
                 or 'denyAll'"
                    .into(),
            ),
            _ => Ok(()),
        }
    }

    /// `{ redrivePermission, sourceQueueArns }` as `RedriveAllowPolicy` takes it.
    pub(crate) fn render(&self) -> Value {
        let mut m = Map::new();
        m.insert("redrivePermission".into(), self.permission().into());
        if !self.source_queues.is_empty() {
            m.insert(
                "sourceQueueArns".into(),
                Value::Array(self.source_queues.iter().map(|q| q.queue_arn()).collect()),
            );
        }
        Value::Object(m)
    }
}
