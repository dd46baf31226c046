//! Alias targets (`alias-record-target.ts`): what a record set's `AliasTarget` points at.

use cdk_core::{Error, Node, Value};

use crate::HostedZone;

/// Where an alias record points (`AliasRecordTargetConfig`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AliasRecordTargetConfig {
    /// The DNS name of the target.
    pub dns_name: Value,
    /// The hosted zone id of the target.
    pub hosted_zone_id: Value,
    /// Whether the record inherits the health of the target. Default: not set.
    pub evaluate_target_health: Option<bool>,
}

impl AliasRecordTargetConfig {
    /// A target with this DNS name in this hosted zone.
    pub fn new(dns_name: impl Into<Value>, hosted_zone_id: impl Into<Value>) -> Self {
        AliasRecordTargetConfig {
            dns_name: dns_name.into(),
            hosted_zone_id: hosted_zone_id.into(),
            evaluate_target_health: None,
        }
    }

    /// With `EvaluateTargetHealth`.
    pub fn evaluate_target_health(mut self, evaluate: bool) -> Self {
        self.evaluate_target_health = Some(evaluate);
        self
    }
}

/// A resource an alias record can point at (`IAliasRecordTarget`). Implemented by the targets
/// of other services (`apigw_domains::ApiGateway`, `apigw_domains::ApiGatewayDomain`).
pub trait IAliasRecordTarget {
    /// The target as `record` (the record set construct) in `zone` sees it (`bind`).
    ///
    /// # Errors
    /// Whatever the target cannot resolve.
    fn bind(
        &self,
        record: &Node,
        zone: Option<&HostedZone>,
    ) -> Result<AliasRecordTargetConfig, Error>;
}
