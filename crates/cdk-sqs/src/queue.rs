//! `sqs.Queue` (`queue.ts`, `queue-base.ts`, `sqs-grants.generated.ts`).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use cdk_core::{Construct, Error, IntoProps, Node, RemovalPolicy, Value};
use cdk_iam::{Effect, Grant, Grantable, PolicyStatement};
use cdk_kms::{grant_on_key, IKey, Key, KeyProps, DECRYPT_ACTIONS, ENCRYPT_ACTIONS};
use cfn_sqs::{CfnQueue, CfnQueueProps};

use crate::{
    DeduplicationScope, FifoThroughputLimit, QueueEncryption, QueuePolicy, RedriveAllowPolicy,
};

/// Actions of [`Queue::grant_send_messages`].
pub const SEND_MESSAGES_ACTIONS: [&str; 3] =
    ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];
/// Actions of [`Queue::grant_consume_messages`].
pub const CONSUME_MESSAGES_ACTIONS: [&str; 5] = [
    "sqs:ReceiveMessage",
    "sqs:ChangeMessageVisibility",
    "sqs:GetQueueUrl",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
];
/// Actions of [`Queue::grant_purge`].
pub const PURGE_ACTIONS: [&str; 3] =
    ["sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

/// A dead-letter queue and how many receives send a message there (`sqs.DeadLetterQueue`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct DeadLetterQueue {
    /// The queue that receives the failed messages (owned or imported). Required.
    #[builder(setter(custom))]
    pub queue: Rc<dyn IQueue>,
    /// How many times a message is received before it goes to the dead-letter queue
    /// (at least 1). Required.
    pub max_receive_count: u32,
}
cdk_core::impl_props!(DeadLetterQueue, DeadLetterQueueBuilder);

impl DeadLetterQueueBuilder {
    /// The queue that receives the failed messages (owned or imported). Required.
    pub fn queue(mut self, queue: &(impl IQueue + Clone + 'static)) -> Self {
        self.queue = Some(Rc::new(queue.clone()));
        self
    }
}

/// A queue, owned or imported (`IQueue`), with the grants of `sqs-grants.generated.ts`.
pub trait IQueue: Construct + std::fmt::Debug {
    /// The queue's ARN.
    fn queue_arn(&self) -> Value;

    /// The queue's URL.
    fn queue_url(&self) -> Value;

    /// The queue's name.
    fn queue_name(&self) -> Value;

    /// Whether this is a FIFO queue.
    fn fifo(&self) -> bool;

    /// The customer managed key the queue is encrypted with, if any. Default: `None`.
    fn encryption_master_key(&self) -> Option<Rc<dyn IKey>> {
        None
    }

    /// Grants `actions` on this queue to `grantee` (`grant`): a statement on the grantee's
    /// policy.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant<'a>(
        &self,
        grantee: &impl Grantable,
        actions: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), Error>
    where
        Self: Sized,
    {
        let actions: Vec<&str> = actions.into_iter().collect();
        Grant::add_to_principal(grantee, &actions, vec![self.queue_arn()])
    }

    /// Grants sending messages (`grantSendMessages`): [`SEND_MESSAGES_ACTIONS`], and on the
    /// queue's customer managed key `kms:Decrypt`, `kms:Encrypt`, `kms:ReEncrypt*`,
    /// `kms:GenerateDataKey*`.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_send_messages(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, SEND_MESSAGES_ACTIONS)?;
        match self.encryption_master_key() {
            Some(key) => {
                grant_on_key(&*key, grantee, DECRYPT_ACTIONS.into_iter().chain(ENCRYPT_ACTIONS))
            }
            None => Ok(()),
        }
    }

    /// Grants receiving and deleting messages (`grantConsumeMessages`):
    /// [`CONSUME_MESSAGES_ACTIONS`], and `kms:Decrypt` on the queue's customer managed key.
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_consume_messages(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, CONSUME_MESSAGES_ACTIONS)?;
        match self.encryption_master_key() {
            Some(key) => grant_on_key(&*key, grantee, DECRYPT_ACTIONS),
            None => Ok(()),
        }
    }

    /// Grants purging the queue (`grantPurge`): [`PURGE_ACTIONS`].
    ///
    /// # Errors
    /// Errors of [`Grantable::add_to_principal_policy`].
    fn grant_purge(&self, grantee: &impl Grantable) -> Result<(), Error>
    where
        Self: Sized,
    {
        self.grant(grantee, PURGE_ACTIONS)
    }
}

/// Options of a [`Queue`] (`sqs.QueueProps`).
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct QueueProps {
    /// The queue's name; a FIFO queue's name ends in `.fifo`. Default: generated by
    /// CloudFormation.
    #[builder(default)]
    pub queue_name: Option<Value>,
    /// Whether this is a FIFO queue. Default: a FIFO queue when the name ends in `.fifo` or a
    /// FIFO-only option is set, a standard queue otherwise.
    #[builder(default)]
    pub fifo: Option<bool>,
    /// Content-based deduplication (FIFO queues only). Default: off.
    #[builder(default)]
    pub content_based_deduplication: Option<bool>,
    /// Deduplication per message group or per queue (FIFO queues only). Default: per queue
    /// (SQS's default; nothing rendered).
    #[builder(default)]
    pub deduplication_scope: Option<DeduplicationScope>,
    /// Throughput quota per queue or per message group (FIFO queues only). Default: per
    /// queue (SQS's default; nothing rendered).
    #[builder(default)]
    pub fifo_throughput_limit: Option<FifoThroughputLimit>,
    /// How long a received message is hidden from other consumers (0 s–12 h, whole
    /// seconds). Default: 30 seconds (SQS's default; nothing rendered).
    #[builder(default)]
    pub visibility_timeout: Option<Duration>,
    /// How long messages are kept (60 s–14 days, whole seconds). Default: 4 days (SQS's
    /// default; nothing rendered).
    #[builder(default)]
    pub retention_period: Option<Duration>,
    /// How long new messages stay invisible (0–900 s, whole seconds). Default: 0.
    #[builder(default)]
    pub delivery_delay: Option<Duration>,
    /// How long `ReceiveMessage` waits for messages (long polling, 0–20 s, whole seconds).
    /// Default: 0 (short polling).
    #[builder(default)]
    pub receive_message_wait_time: Option<Duration>,
    /// The largest message, in bytes (1,024–1,048,576). Default: 1,048,576 (SQS's default;
    /// nothing rendered).
    #[builder(default)]
    pub max_message_size_bytes: Option<u32>,
    /// Server-side encryption. Default: [`QueueEncryption::Kms`] with an
    /// `encryption_master_key`, else nothing rendered, so SQS applies its own default,
    /// SSE-SQS (as [`QueueEncryption::SqsManaged`] does explicitly).
    #[builder(default)]
    pub encryption: Option<QueueEncryption>,
    /// The customer managed key of [`QueueEncryption::Kms`] (owned or imported); giving one
    /// implies `Kms`. Default: with `Kms`, a new key `Key` under the queue
    /// (`Created by <path>`).
    #[builder(default, setter(custom))]
    pub encryption_master_key: Option<Rc<dyn IKey>>,
    /// How long SQS reuses a data key (with [`QueueEncryption::KmsManaged`] or
    /// [`QueueEncryption::Kms`]; 1 min–24 h, whole seconds). Default: 5 minutes (SQS's
    /// default; nothing rendered).
    #[builder(default)]
    pub data_key_reuse: Option<Duration>,
    /// Where messages go after too many receives. Default: no dead-letter queue.
    #[builder(default)]
    pub dead_letter_queue: Option<DeadLetterQueue>,
    /// Which queues may use this one as their dead-letter queue. Default: SQS's, every
    /// queue (nothing rendered).
    #[builder(default)]
    pub redrive_allow_policy: Option<RedriveAllowPolicy>,
    /// Denies every request not made over TLS, in a queue policy. Default: `false`.
    #[builder(default, setter(name = "enforce_ssl"))]
    pub enforce_ssl: Option<bool>,
    /// What happens to the queue when it leaves the stack. Default:
    /// [`RemovalPolicy::Destroy`].
    #[builder(default)]
    pub removal_policy: Option<RemovalPolicy>,
}
cdk_core::impl_props!(QueueProps, QueuePropsBuilder);

impl QueuePropsBuilder {
    /// The customer managed key of [`QueueEncryption::Kms`] (owned or imported); giving one
    /// implies `Kms`.
    pub fn encryption_master_key(mut self, key: &(impl IKey + Clone + 'static)) -> Self {
        self.encryption_master_key = Some(Some(Rc::new(key.clone())));
        self
    }
}

/// An SQS queue (`sqs.Queue`).
#[derive(Clone, Debug)]
pub struct Queue {
    node: Node,
    resource: CfnQueue,
    fifo: bool,
    encryption: Option<QueueEncryption>,
    key: Option<Rc<dyn IKey>>,
    policy: Rc<RefCell<Option<QueuePolicy>>>,
}

impl Construct for Queue {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl PartialEq for Queue {
    /// Two handles are equal when they are the same construct.
    fn eq(&self, other: &Self) -> bool {
        self.node.same(&other.node)
    }
}

/// `duration.toSeconds()` checked against `[min, max]` (`validateQueueProps`).
fn seconds(
    path: &str,
    what: &str,
    d: Option<Duration>,
    range: (u64, u64),
) -> Result<Option<u64>, Error> {
    let Some(d) = d else { return Ok(None) };
    let invalid = |message: String| Error::InvalidArgument { path: path.to_string(), message };
    if d.subsec_nanos() != 0 {
        return Err(invalid(format!(
            "'{} millis' cannot be converted into a whole number of seconds.",
            d.as_millis()
        )));
    }
    let s = d.as_secs();
    if s < range.0 || s > range.1 {
        return Err(invalid(format!(
            "{what} must be between {} and {} seconds, but {s} was provided",
            range.0, range.1
        )));
    }
    Ok(Some(s))
}

impl Queue {
    /// Defines a queue; `props` is the props or their unfinished builder
    /// (`QueueProps::default()` for every default).
    ///
    /// # Errors
    /// [`Error::Build`] for an unfinished builder; [`Error::InvalidArgument`] (naming the
    /// queue's path) for a duration that is not whole seconds or out of range, a message size
    /// out of range, a FIFO name without `.fifo` (or a standard one with it), FIFO-only
    /// options on a standard queue, or a dead-letter count of 0; id errors from the tree.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<QueueProps>,
    ) -> Result<Queue, Error> {
        let path = scope.node().child_path(id);
        let props = props.into_props_at(&path)?;
        let delay = seconds(&path, "delivery delay", props.delivery_delay, (0, 900))?;
        if let Some(size) = props.max_message_size_bytes {
            if !(1024..=1_048_576).contains(&size) {
                return Err(Error::InvalidArgument {
                    path,
                    message: format!(
                        "maximum message size must be between 1,024 and 1,048,576 bytes, but \
                         {size} was provided"
                    ),
                });
            }
        }
        let retention =
            seconds(&path, "message retention period", props.retention_period, (60, 1_209_600))?;
        let wait = seconds(&path, "receive wait time", props.receive_message_wait_time, (0, 20))?;
        let visibility =
            seconds(&path, "visibility timeout", props.visibility_timeout, (0, 43_200))?;
        let reuse = seconds(&path, "data key reuse", props.data_key_reuse, (60, 86_400))?;
        if let Some(dlq) = &props.dead_letter_queue {
            if dlq.max_receive_count < 1 {
                return Err(Error::InvalidArgument {
                    path,
                    message: format!(
                        "dead letter target maximum receive count must be 1 or more, but {} was \
                         provided",
                        dlq.max_receive_count
                    ),
                });
            }
        }
        if let Some(policy) = &props.redrive_allow_policy {
            policy
                .check()
                .map_err(|message| Error::InvalidArgument { path: path.clone(), message })?;
        }
        let fifo = determine_fifo(&path, &props)?;
        let mut encryption = props.encryption;
        if props.encryption_master_key.is_some() {
            match encryption {
                Some(QueueEncryption::SqsManaged) => {
                    return Err(Error::InvalidArgument {
                        path,
                        message: "'encryptionMasterKey' is not supported if encryption type \
                                  'SQS_MANAGED' is used"
                            .into(),
                    })
                }
                _ => encryption = Some(QueueEncryption::Kms),
            }
        }

        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_sqs.Queue");
        let mut l1 = CfnQueueProps::default();
        l1.queue_name = props.queue_name.clone();
        l1.content_based_deduplication = props.content_based_deduplication.map(Value::from);
        l1.deduplication_scope = props.deduplication_scope.map(Value::from);
        l1.fifo_throughput_limit = props.fifo_throughput_limit.map(Value::from);
        l1.fifo_queue = fifo.then_some(Value::Bool(true));
        let mut key = None;
        match encryption {
            None => {}
            Some(QueueEncryption::Unencrypted) => l1.sqs_managed_sse_enabled = Some(false.into()),
            Some(QueueEncryption::SqsManaged) => l1.sqs_managed_sse_enabled = Some(true.into()),
            Some(QueueEncryption::KmsManaged) => {
                l1.kms_master_key_id = Some("alias/aws/sqs".into());
                l1.kms_data_key_reuse_period_seconds = reuse.map(Value::from);
            }
            Some(QueueEncryption::Kms) => {
                let master: Rc<dyn IKey> = match props.encryption_master_key {
                    Some(k) => k,
                    None => Rc::new(Key::new(
                        &node,
                        "Key",
                        KeyProps::builder().description(format!("Created by {}", node.path())),
                    )?),
                };
                l1.kms_master_key_id = Some(master.key_arn());
                l1.kms_data_key_reuse_period_seconds = reuse.map(Value::from);
                key = Some(master);
            }
        }
        l1.redrive_policy = props.dead_letter_queue.as_ref().map(|dlq| {
            Value::object([
                ("deadLetterTargetArn", dlq.queue.queue_arn()),
                ("maxReceiveCount", Value::from(dlq.max_receive_count)),
            ])
        });
        l1.redrive_allow_policy = props.redrive_allow_policy.as_ref().map(|p| p.render());
        l1.delay_seconds = delay.map(Value::from);
        l1.maximum_message_size = props.max_message_size_bytes.map(Value::from);
        l1.message_retention_period = retention.map(Value::from);
        l1.receive_message_wait_time_seconds = wait.map(Value::from);
        l1.visibility_timeout = visibility.map(Value::from);
        let resource = CfnQueue::new(&node, "Resource", l1)?;
        resource.apply_removal_policy(props.removal_policy.unwrap_or(RemovalPolicy::Destroy));
        let queue = Queue { node, resource, fifo, encryption, key, policy: Rc::default() };
        if props.enforce_ssl == Some(true) {
            queue.add_to_resource_policy(
                PolicyStatement::new()
                    .actions(["sqs:*"])
                    .condition("Bool", "aws:SecureTransport", "false")
                    .effect(Effect::Deny)
                    .resources([queue.queue_arn()])
                    .principal("AWS", "*"),
            )?;
        }
        Ok(queue)
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnQueue {
        &self.resource
    }

    /// The encryption: the one chosen, [`QueueEncryption::Kms`] when a key was given, `None`
    /// for SQS's default.
    pub fn encryption_type(&self) -> Option<QueueEncryption> {
        self.encryption
    }

    /// The queue policy, once a statement went to the resource policy.
    pub fn policy(&self) -> Option<QueuePolicy> {
        self.policy.borrow().clone()
    }

    /// Adds a statement to the queue's resource policy (`addToResourcePolicy`), creating the
    /// [`QueuePolicy`] `Policy` on first use.
    ///
    /// # Errors
    /// Id errors when the policy cannot be created.
    pub fn add_to_resource_policy(&self, statement: PolicyStatement) -> Result<(), Error> {
        let mut slot = self.policy.borrow_mut();
        if slot.is_none() {
            *slot = Some(QueuePolicy::new(self, "Policy", [self.queue_url()])?);
        }
        if let Some(p) = slot.as_ref() {
            p.document().add_statement(statement);
        }
        Ok(())
    }
}

impl IQueue for Queue {
    /// `Fn::GetAtt Arn`.
    fn queue_arn(&self) -> Value {
        self.resource.attr_arn()
    }

    /// `Ref`.
    fn queue_url(&self) -> Value {
        self.resource.ref_()
    }

    /// `Fn::GetAtt QueueName`.
    fn queue_name(&self) -> Value {
        self.resource.get_att("QueueName")
    }

    fn fifo(&self) -> bool {
        self.fifo
    }

    fn encryption_master_key(&self) -> Option<Rc<dyn IKey>> {
        self.key.clone()
    }
}

/// A queue imported by ARN (`Queue.fromQueueArn`): a construct without resources that grants
/// and integrations refer to.
#[derive(Clone, Debug)]
pub struct ImportedQueue {
    node: Node,
    arn: Value,
    url: Value,
    name: Value,
    fifo: bool,
}

impl Construct for ImportedQueue {
    fn node(&self) -> &Node {
        &self.node
    }
}

impl IQueue for ImportedQueue {
    fn queue_arn(&self) -> Value {
        self.arn.clone()
    }

    /// `https://sqs.<region>.<url suffix>/<account>/<name>`, from the ARN.
    fn queue_url(&self) -> Value {
        self.url.clone()
    }

    /// The ARN's resource part.
    fn queue_name(&self) -> Value {
        self.name.clone()
    }

    /// Whether a literal name ends in `.fifo` (`false` for a token ARN).
    fn fifo(&self) -> bool {
        self.fifo
    }
}

impl Queue {
    /// A queue of another stack or app, by ARN (`fromQueueArn`); its name, region and
    /// account come from the ARN (split with `Fn::Split` when it is a token).
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack; id errors from the tree.
    pub fn from_queue_arn(
        scope: &impl Construct,
        id: &str,
        queue_arn: impl Into<Value>,
    ) -> Result<ImportedQueue, Error> {
        let stack = scope.node().stack()?;
        let arn = queue_arn.into();
        let (region, account, name) = crate::arn::split(&arn);
        let url = Value::concat([
            Value::from("https://sqs."),
            region,
            Value::from("."),
            stack.url_suffix(),
            Value::from("/"),
            account,
            Value::from("/"),
            name.clone(),
        ]);
        let fifo =
            !arn.is_unresolved() && name.as_literal_string().is_some_and(|n| n.ends_with(".fifo"));
        let node = scope.node().add_child(id)?;
        node.set_construct_info("aws-cdk-lib.aws_sqs.QueueBase");
        Ok(ImportedQueue { node, arn, url, name, fifo })
    }
}

/// `determineFifoProps`: whether the queue is FIFO, and the name rules.
fn determine_fifo(path: &str, props: &QueueProps) -> Result<bool, Error> {
    let invalid = |message: &str| Error::InvalidArgument {
        path: path.to_string(),
        message: message.to_string(),
    };
    let name = props.queue_name.as_ref().and_then(Value::as_literal_string);
    let fifo = props.fifo.unwrap_or_else(|| {
        name.as_deref().is_some_and(|n| n.ends_with(".fifo"))
            || props.content_based_deduplication == Some(true)
            || props.deduplication_scope.is_some()
            || props.fifo_throughput_limit.is_some()
    });
    if let Some(name) = &name {
        if fifo && !name.ends_with(".fifo") {
            return Err(invalid("FIFO queue names must end in '.fifo'"));
        }
        if !fifo && name.ends_with(".fifo") {
            return Err(invalid("Non-FIFO queue name may not end in '.fifo'"));
        }
    }
    if props.content_based_deduplication == Some(true) && !fifo {
        return Err(invalid("Content-based deduplication can only be defined for FIFO queues"));
    }
    if props.deduplication_scope.is_some() && !fifo {
        return Err(invalid("Deduplication scope can only be defined for FIFO queues"));
    }
    if props.fifo_throughput_limit.is_some() && !fifo {
        return Err(invalid("FIFO throughput limit can only be defined for FIFO queues"));
    }
    Ok(fifo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};

    #[test]
    fn rules() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let err = Queue::new(&stack, "A", QueueProps::builder().queue_name("a").fifo(true))
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("Stack/A: FIFO queue names must end in '.fifo'"));
        let err = Queue::new(
            &stack,
            "B",
            QueueProps::builder().visibility_timeout(Duration::from_millis(1500)),
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("Stack/B: '1500 millis' cannot be converted into a whole number of seconds.")
        );
        let err = Queue::new(&stack, "C", QueueProps::builder().max_message_size_bytes(10u32));
        assert!(err.is_err());
        let q = Queue::new(&stack, "D", QueueProps::builder().queue_name("x.fifo"))?;
        assert!(q.fifo());
        assert!(stack.node().try_find_child("A").is_none(), "nothing added on error");
        Ok(())
    }
}
