#![doc = include_str!("../docs/guide.md")]

mod destination;
mod format;

pub use destination::{AccessLogDestination, FirehoseLogDestination, LogGroupLogDestination};
pub use format::{
    AccessLogField, AccessLogFormat, JsonWithStandardFieldProps, JsonWithStandardFieldPropsBuilder,
};
