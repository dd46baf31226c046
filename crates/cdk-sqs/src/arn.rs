//! The parts of a queue ARN (`Stack.splitArn` with `ArnFormat.NO_RESOURCE_NAME`):
//! `arn:<partition>:sqs:<region>:<account>:<name>`.

use cdk_core::{Fn, Value};

/// Region, account and resource (the queue name) of `arn`: split as text when it is a
/// literal, else `Fn::Select` over `Fn::Split` on `:` (components 3, 4 and 5).
pub(crate) fn split(arn: &Value) -> (Value, Value, Value) {
    if let Some(text) = arn.as_literal_string() {
        let parts: Vec<&str> = text.splitn(6, ':').collect();
        if parts.len() == 6 && parts[0] == "arn" {
            return (parts[3].into(), parts[4].into(), parts[5].into());
        }
    }
    let select = |i: usize| Fn::select(i, Fn::split(":", arn.clone()));
    (select(3), select(4), select(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal() {
        let (region, account, name) = split(&Value::from("arn:aws:sqs:eu-west-1:123:q.fifo"));
        assert_eq!(region.as_literal_string().as_deref(), Some("eu-west-1"));
        assert_eq!(account.as_literal_string().as_deref(), Some("123"));
        assert_eq!(name.as_literal_string().as_deref(), Some("q.fifo"));
    }
}
