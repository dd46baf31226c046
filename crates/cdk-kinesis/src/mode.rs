//! `kinesis.StreamMode` (`stream.ts`).

use cdk_core::Value;

/// How a stream's capacity is managed (`kinesis.StreamMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StreamMode {
    /// A fixed number of shards (`PROVISIONED`).
    #[doc(alias = "PROVISIONED")]
    Provisioned,
    /// Capacity follows the traffic (`ON_DEMAND`).
    #[doc(alias = "ON_DEMAND")]
    OnDemand,
}

impl StreamMode {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamMode::Provisioned => "PROVISIONED",
            StreamMode::OnDemand => "ON_DEMAND",
        }
    }
}

impl From<StreamMode> for Value {
    fn from(v: StreamMode) -> Value {
        Value::from(v.as_str())
    }
}
