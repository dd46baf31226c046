//! `sns.FifoThroughputScope` (`topic.ts`).

use cdk_core::Value;

/// Where the throughput quota of a FIFO topic applies (`sns.FifoThroughputScope`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FifoThroughputScope {
    /// The whole topic (`Topic`).
    #[doc(alias = "TOPIC")]
    Topic,
    /// Each message group (`MessageGroup`).
    #[doc(alias = "MESSAGE_GROUP")]
    MessageGroup,
}

impl FifoThroughputScope {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            FifoThroughputScope::Topic => "Topic",
            FifoThroughputScope::MessageGroup => "MessageGroup",
        }
    }
}

impl From<FifoThroughputScope> for Value {
    fn from(v: FifoThroughputScope) -> Value {
        Value::from(v.as_str())
    }
}
