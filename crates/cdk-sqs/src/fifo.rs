//! FIFO queue settings (`DeduplicationScope`, `FifoThroughputLimit`, `queue.ts`).

use cdk_core::Value;

/// Whether message deduplication happens per message group or per queue
/// (`sqs.DeduplicationScope`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeduplicationScope {
    /// Per message group (`messageGroup`).
    #[doc(alias = "MESSAGE_GROUP")]
    MessageGroup,
    /// Per queue (`queue`).
    #[doc(alias = "QUEUE")]
    Queue,
}

impl DeduplicationScope {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            DeduplicationScope::MessageGroup => "messageGroup",
            DeduplicationScope::Queue => "queue",
        }
    }
}

impl From<DeduplicationScope> for Value {
    fn from(v: DeduplicationScope) -> Value {
        Value::from(v.as_str())
    }
}

/// Whether the FIFO throughput quota applies per queue or per message group
/// (`sqs.FifoThroughputLimit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FifoThroughputLimit {
    /// Per queue (`perQueue`).
    #[doc(alias = "PER_QUEUE")]
    PerQueue,
    /// Per message group (`perMessageGroupId`).
    #[doc(alias = "PER_MESSAGE_GROUP_ID")]
    PerMessageGroupId,
}

impl FifoThroughputLimit {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            FifoThroughputLimit::PerQueue => "perQueue",
            FifoThroughputLimit::PerMessageGroupId => "perMessageGroupId",
        }
    }
}

impl From<FifoThroughputLimit> for Value {
    fn from(v: FifoThroughputLimit) -> Value {
        Value::from(v.as_str())
    }
}
