//! The size of a Lambda function's resource-based policy, grown by one statement per
//! `AWS::Lambda::Permission` (aws-cdk issues #5774 and #9327).
//!
//! Lambda turns each permission into a statement of the function's policy document:
//!
//! ```json
//! {"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"<statement id>","Effect":"Allow",
//!  "Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
//!  "Resource":"<function ARN>","Condition":{"ArnLike":{"AWS:SourceArn":"<method ARN>"}}}]}
//! ```
//!
//! and refuses a permission that makes the document longer than 20,480 bytes
//! (`PolicyLengthExceededException: The final policy size (20749) is bigger than the limit
//! (20480).`). What is unknown before deployment (region, account, API id, generated names
//! and statement ids) is counted at its shortest, so the computed size is a lower bound and
//! the check reports only a policy that surely exceeds the limit.
//!
//! It fails synthesis, naming the function, unless acknowledged on the function or a scope
//! above it (`Validations::of(&stack).acknowledge("apigw-checks::APIGW-11", why)`), as the
//! benchmark app (400 per-method permissions on one function, byte-identical to
//! aws-cdk-lib's, never deployed) does.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::Check;

/// Lambda's limit on a function's resource-based policy, in bytes.
pub const MAX_POLICY_BYTES: usize = 20_480;

/// The shortest region name (`us-east-1`).
const MIN_REGION: usize = 9;
/// An account id.
const ACCOUNT: usize = 12;
/// An API Gateway id.
const API_ID: usize = 10;
/// The shortest statement id and generated function name.
const MIN_NAME: usize = 1;

/// The policy document without statements.
const DOCUMENT: &str = r#"{"Version":"2012-10-17","Id":"default","Statement":[]}"#;
/// A statement of an API Gateway permission without its id, function ARN and source ARN.
const STATEMENT: &str = r#"{"Sid":"","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"","Condition":{"ArnLike":{"AWS:SourceArn":""}}}"#;

/// The permissions of one function.
#[derive(Default)]
struct Function {
    /// The statements' size so far (with the commas between them).
    bytes: usize,
    /// How many permissions.
    count: usize,
    /// Of which scoped to one method.
    per_method: usize,
}

/// The Lambda permissions of an API's integrations, per function (by construct path).
#[derive(Clone, Default)]
pub(crate) struct LambdaPolicies(Rc<RefCell<IndexMap<String, Function>>>);

impl LambdaPolicies {
    /// Records a permission of the function at `function` (its construct), whose name is
    /// `name` when literal, for an execute-api ARN suffix (`<stage>/<method><path>` after the
    /// API id) of `source_len` bytes. The first permission of a function adds the validation that
    /// checks its policy's size when the app is synthesized (an error of the function).
    pub fn record(
        &self,
        function: &cdk_core::Node,
        name: Option<&str>,
        source_len: usize,
        per_method: bool,
    ) {
        let name = name.map_or(MIN_NAME, str::len);
        // arn:aws:lambda:<region>:<account>:function:<name>
        let resource =
            "arn:aws:lambda:".len() + MIN_REGION + 1 + ACCOUNT + ":function:".len() + name;
        // arn:aws:execute-api:<region>:<account>:<api id>/<source>
        let source =
            "arn:aws:execute-api:".len() + MIN_REGION + 1 + ACCOUNT + 1 + API_ID + 1 + source_len;
        let statement = STATEMENT.len() + MIN_NAME + resource + source;
        // the function's path is copied for its first permission only
        let first = function.with_path(|key| {
            let mut map = self.0.borrow_mut();
            let first = !map.contains_key(key);
            if first {
                map.insert(key.to_string(), Function::default());
            }
            if let Some(f) = map.get_mut(key) {
                f.bytes += statement + usize::from(f.count > 0);
                f.count += 1;
                f.per_method += usize::from(per_method);
            }
            first
        });
        if first {
            let policies = self.clone();
            let key = function.path();
            let node = function.clone();
            function.add_validation(move || {
                let acknowledged = || {
                    cdk_core::Validations::of(&node)
                        .is_acknowledged(&Check::LambdaPolicySize.acknowledgement_id())
                };
                match policies.problem(&key) {
                    Some(message) if !acknowledged() => vec![message],
                    _ => Vec::new(),
                }
            });
        }
    }

    /// The message of a function whose policy surely exceeds the limit.
    fn problem(&self, key: &str) -> Option<String> {
        let map = self.0.borrow();
        let f = map.get(key)?;
        let size = DOCUMENT.len() + f.bytes;
        (size > MAX_POLICY_BYTES).then(|| {
            Check::LambdaPolicySize.message(
                &format!(
                    "the resource policy of function '{key}' would be at least {size} bytes, from {} permissions for API Gateway ({} of them for one method each)",
                    f.count, f.per_method
                ),
                "Lambda refuses a function policy over 20480 bytes and fails the deployment ('The final policy size (N) is bigger than the limit (20480).')",
                "pass LambdaIntegrationOptions::builder().scope_permission_to_method(false) to the function's LambdaIntegration (one permission for the whole API), or .allow_test_invoke(false) (half as many), or split the methods over several functions",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_sizes_are_lower_bounds() {
        // a statement Lambda writes, with real names, is longer than the bound
        let real = r#"{"Sid":"Stack-ApiGETApiPermissionStackApi-1ABC","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:eu-west-1:123456789012:function:handler","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/books"}}}"#;
        let bound = STATEMENT.len()
            + MIN_NAME
            + ("arn:aws:lambda:".len() + MIN_REGION + 1 + ACCOUNT + ":function:".len() + 7)
            + ("arn:aws:execute-api:".len() + MIN_REGION + 1 + ACCOUNT + 1 + API_ID + 1 + 14);
        assert!(bound <= real.len(), "{bound} > {}", real.len());
        assert_eq!(bound + "Stack-ApiGETApiPermissionStackApi-1ABC".len() - 1, real.len());
    }
}
