//! Where a stage writes its access logs (`access-log.ts`: `LogGroupLogDestination`,
//! `FirehoseLogDestination`).

use cdk_core::{ArnComponents, ArnFormat, Construct, Error, Node, Value};
use cdk_logs::LogGroup;
use cfn_kinesisfirehose::CfnDeliveryStream;

/// The prefix API Gateway requires of a delivery stream's name.
pub const FIREHOSE_NAME_PREFIX: &str = "amazon-apigateway-";

/// An access log destination (`IAccessLogDestination`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum AccessLogDestination {
    /// A CloudWatch Logs group (`LogGroupLogDestination`).
    LogGroup(LogGroup),
    /// A Kinesis Data Firehose delivery stream (`FirehoseLogDestination`).
    Firehose(CfnDeliveryStream),
}

impl AccessLogDestination {
    /// Logs to a log group.
    pub fn log_group(group: &LogGroup) -> Self {
        AccessLogDestination::LogGroup(group.clone())
    }

    /// Logs to a delivery stream; its name must start with `amazon-apigateway-`.
    pub fn firehose(stream: &CfnDeliveryStream) -> Self {
        AccessLogDestination::Firehose(stream.clone())
    }

    /// The destination ARN for a stage (`bind`). For a log group, with
    /// `@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard` the ARN is formatted
    /// without the trailing `:*` of `Fn::GetAtt Arn`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the stage for a delivery stream whose literal name
    /// lacks the `amazon-apigateway-` prefix; [`Error::NoStack`] outside a stack.
    pub fn bind(&self, stage: &Node) -> Result<Value, Error> {
        match self {
            AccessLogDestination::LogGroup(group) => {
                if stage.feature_flag(
                    cdk_core::feature_flags::APIGATEWAY_LOG_GROUP_DESTINATION_ARN_WITHOUT_WILDCARD,
                ) {
                    let stack = stage.stack()?;
                    Ok(stack.format_arn(
                        &ArnComponents::new("logs", "log-group")
                            .arn_format(ArnFormat::ColonResourceName)
                            .resource_name(group.log_group_name()),
                    ))
                } else {
                    Ok(group.log_group_arn())
                }
            }
            AccessLogDestination::Firehose(stream) => {
                if let Some(name) = stream
                    .property("DeliveryStreamName")
                    .and_then(|n| n.as_str().map(str::to_string))
                {
                    if !name.starts_with(FIREHOSE_NAME_PREFIX) {
                        return Err(Error::InvalidArgument {
                            path: stage.path(),
                            message: format!(
                                "Firehose delivery stream name for access log destination must begin with '{FIREHOSE_NAME_PREFIX}', got '{name}'"
                            ),
                        });
                    }
                }
                Ok(stream.attr_arn())
            }
        }
    }

    /// The construct of the destination.
    pub fn node(&self) -> &Node {
        match self {
            AccessLogDestination::LogGroup(g) => g.node(),
            AccessLogDestination::Firehose(s) => s.node(),
        }
    }
}

/// A CloudWatch Logs group as an access log destination (`LogGroupLogDestination`); it
/// converts into an [`AccessLogDestination`], which stage options take.
#[derive(Clone, Debug)]
pub struct LogGroupLogDestination(LogGroup);

impl LogGroupLogDestination {
    /// Logs to `group`.
    pub fn new(group: &LogGroup) -> Self {
        LogGroupLogDestination(group.clone())
    }
}

impl From<LogGroupLogDestination> for AccessLogDestination {
    fn from(destination: LogGroupLogDestination) -> Self {
        AccessLogDestination::LogGroup(destination.0)
    }
}

/// A Kinesis Data Firehose delivery stream as an access log destination
/// (`FirehoseLogDestination`); its name must start with `amazon-apigateway-`. It converts
/// into an [`AccessLogDestination`], which stage options take.
#[derive(Clone, Debug)]
pub struct FirehoseLogDestination(CfnDeliveryStream);

impl FirehoseLogDestination {
    /// Logs to `stream`.
    pub fn new(stream: &CfnDeliveryStream) -> Self {
        FirehoseLogDestination(stream.clone())
    }
}

impl From<FirehoseLogDestination> for AccessLogDestination {
    fn from(destination: FirehoseLogDestination) -> Self {
        AccessLogDestination::Firehose(destination.0)
    }
}

impl From<&LogGroup> for AccessLogDestination {
    fn from(group: &LogGroup) -> Self {
        AccessLogDestination::log_group(group)
    }
}

impl From<&CfnDeliveryStream> for AccessLogDestination {
    fn from(stream: &CfnDeliveryStream) -> Self {
        AccessLogDestination::firehose(stream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::{App, Stack};
    use cdk_logs::LogGroupProps;
    use cfn_kinesisfirehose::CfnDeliveryStreamProps;

    #[test]
    fn cdk_destination_types_convert() -> Result<(), Error> {
        let app = App::new();
        let stack = Stack::new(&app, "Stack")?;
        let group = LogGroup::new(&stack, "Logs", LogGroupProps::default())?;
        let destination: AccessLogDestination = LogGroupLogDestination::new(&group).into();
        assert_eq!(destination.node().path(), "Stack/Logs");
        assert!(matches!(AccessLogDestination::from(&group), AccessLogDestination::LogGroup(_)));
        let stream = CfnDeliveryStream::new(
            &stack,
            "Stream",
            CfnDeliveryStreamProps::builder().delivery_stream_name("wrong-name"),
        )?;
        let destination: AccessLogDestination = FirehoseLogDestination::new(&stream).into();
        let e = destination.bind(stack.node()).unwrap_err();
        assert!(e.to_string().contains("must begin with 'amazon-apigateway-'"), "{e}");
        Ok(())
    }
}
