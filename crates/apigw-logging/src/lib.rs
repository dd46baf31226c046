//! # apigw-logging
//!
//! Access logging of API Gateway stages (`access-log.ts`): the [`AccessLogFormat`]s
//! aws-cdk-lib offers (`clf`, `jsonWithStandardFields`, `custom`) and the `$context`
//! variables of [`AccessLogField`], and the [`AccessLogDestination`]s a stage writes to
//! (a CloudWatch Logs group or a Kinesis Data Firehose delivery stream).
//!
//! ```
//! use apigw_logging::{AccessLogField, AccessLogFormat};
//! let f = AccessLogFormat::custom(format!("{} {}", AccessLogField::context_request_id(),
//!     AccessLogField::context_status()));
//! assert_eq!(f.as_str(), "$context.requestId $context.status");
//! ```

mod destination;
mod format;

pub use destination::{AccessLogDestination, FirehoseLogDestination, LogGroupLogDestination};
pub use format::{
    AccessLogField, AccessLogFormat, JsonWithStandardFieldProps, JsonWithStandardFieldPropsBuilder,
};
