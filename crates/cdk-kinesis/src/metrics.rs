//! `kinesis.ShardLevelMetrics` (`stream.ts`).

use cdk_core::Value;

/// An enhanced shard-level metric (`kinesis.ShardLevelMetrics`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ShardLevelMetrics {
    /// Bytes put (`IncomingBytes`).
    #[doc(alias = "INCOMING_BYTES")]
    IncomingBytes,
    /// Records put (`IncomingRecords`).
    #[doc(alias = "INCOMING_RECORDS")]
    IncomingRecords,
    /// Age of the last record read (`IteratorAgeMilliseconds`).
    #[doc(alias = "ITERATOR_AGE_MILLISECONDS")]
    IteratorAgeMilliseconds,
    /// Bytes read (`OutgoingBytes`).
    #[doc(alias = "OUTGOING_BYTES")]
    OutgoingBytes,
    /// Records read (`OutgoingRecords`).
    #[doc(alias = "OUTGOING_RECORDS")]
    OutgoingRecords,
    /// Throttled reads (`ReadProvisionedThroughputExceeded`).
    #[doc(alias = "READ_PROVISIONED_THROUGHPUT_EXCEEDED")]
    ReadProvisionedThroughputExceeded,
    /// Throttled writes (`WriteProvisionedThroughputExceeded`).
    #[doc(alias = "WRITE_PROVISIONED_THROUGHPUT_EXCEEDED")]
    WriteProvisionedThroughputExceeded,
    /// Every metric (`ALL`); not with others.
    #[doc(alias = "ALL")]
    All,
}

impl ShardLevelMetrics {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ShardLevelMetrics::IncomingBytes => "IncomingBytes",
            ShardLevelMetrics::IncomingRecords => "IncomingRecords",
            ShardLevelMetrics::IteratorAgeMilliseconds => "IteratorAgeMilliseconds",
            ShardLevelMetrics::OutgoingBytes => "OutgoingBytes",
            ShardLevelMetrics::OutgoingRecords => "OutgoingRecords",
            ShardLevelMetrics::ReadProvisionedThroughputExceeded => {
                "ReadProvisionedThroughputExceeded"
            }
            ShardLevelMetrics::WriteProvisionedThroughputExceeded => {
                "WriteProvisionedThroughputExceeded"
            }
            ShardLevelMetrics::All => "ALL",
        }
    }
}

impl From<ShardLevelMetrics> for Value {
    fn from(v: ShardLevelMetrics) -> Value {
        Value::from(v.as_str())
    }
}
