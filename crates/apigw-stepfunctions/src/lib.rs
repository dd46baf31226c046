//! # apigw-stepfunctions
//!
//! APIs that start Step Functions executions (`stepfunctions-api.ts`,
//! `integrations/stepfunctions.ts`). This first part holds the responses aws-cdk-lib gives a
//! synchronous execution integration by default: [`integration_responses`] (the execution's
//! output on success, a 500 with error and cause when it failed, 400 and 500 for errors of
//! API Gateway) and the matching [`method_responses`]. The `StepFunctionsRestApi` construct
//! and its request template follow in a later issue.
//!
//! ```
//! let responses = apigw_stepfunctions::integration_responses();
//! assert_eq!(responses.as_array().map(Vec::len), Some(3));
//! ```

use cdk_core::Value;

/// The success template: the execution's output, or a 500 with error and cause when the
/// execution failed.
const SUCCESS_TEMPLATE: &str = "#set($inputRoot = $input.path('$'))\n#if($input.path('$.status').toString().equals(\"FAILED\"))\n#set($context.responseOverride.status = 500)\n{\n\"error\": \"$input.path('$.error')\",\n\"cause\": \"$input.path('$.cause')\"\n}\n#else\n$input.path('$.output')\n#end";
const BAD_REQUEST_TEMPLATE: &str = "{\n            \"error\": \"Bad request!\"\n          }";
const ERROR_TEMPLATE: &str = "{\n          \"error\": \"$input.path('$.error')\"\n        }";

fn json_templates(template: &str) -> Value {
    Value::object([("application/json", template)])
}

/// The default `IntegrationResponses` (CloudFormation shape) of a Step Functions
/// execution integration.
pub fn integration_responses() -> Value {
    Value::array([
        Value::object([
            ("ResponseTemplates", json_templates(SUCCESS_TEMPLATE)),
            ("StatusCode", Value::from("200")),
        ]),
        Value::object([
            ("ResponseTemplates", json_templates(BAD_REQUEST_TEMPLATE)),
            ("SelectionPattern", Value::from("4\\d{2}")),
            ("StatusCode", Value::from("400")),
        ]),
        Value::object([
            ("ResponseTemplates", json_templates(ERROR_TEMPLATE)),
            ("SelectionPattern", Value::from("5\\d{2}")),
            ("StatusCode", Value::from("500")),
        ]),
    ])
}

/// The default `MethodResponses` (CloudFormation shape) of a `StepFunctionsRestApi` method.
pub fn method_responses() -> Value {
    let response = |code: &str, model: &str| {
        Value::object([
            (
                "ResponseModels",
                Value::object([("application/json", model)]),
            ),
            ("StatusCode", Value::from(code)),
        ])
    };
    Value::array([
        response("200", "Empty"),
        response("400", "Error"),
        response("500", "Error"),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdk_core::json::to_json_string;

    // Compact JSON of the golden (parity/cases/stepfunctions-rest-api, DefaultStack).
    #[test]
    fn responses_match_the_golden() {
        assert_eq!(
            to_json_string(&method_responses(), 0),
            r#"[{"ResponseModels":{"application/json":"Empty"},"StatusCode":"200"},{"ResponseModels":{"application/json":"Error"},"StatusCode":"400"},{"ResponseModels":{"application/json":"Error"},"StatusCode":"500"}]"#
        );
        let r = to_json_string(&integration_responses(), 0);
        assert!(
            r.contains(r#""SelectionPattern":"4\\d{2}","StatusCode":"400""#),
            "{r}"
        );
        assert!(r.starts_with(r##"[{"ResponseTemplates":{"application/json":"#set($inputRoot = $input.path('$'))\n#if"##), "{r}");
    }
}
