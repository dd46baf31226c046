//! `test/integrations/sagemaker.test.ts`: tests in CDK 1, ported 1, passing 1, ignored 0,
//! newer than 2.276.0: 0.

use apigw_core::{RestApi, RestApiProps, SagemakerEndpoint, SagemakerIntegration};

use crate::support::*;

#[test]
fn minimal_setup() -> TestResult {
    let (_app, stack) = stack()?;
    let api = RestApi::new(&stack, "my-api", RestApiProps::default())?;
    // The test's `FakeEndpoint`: literal name and ARN.
    let endpoint = SagemakerEndpoint {
        endpoint_name: Value::from("endpointName"),
        endpoint_arn: Value::from("endpointArn"),
    };
    let integration = SagemakerIntegration::new(&endpoint);
    api.root().add_method("POST", &integration)?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::Method",
        pattern!({
            "Integration": {
                "IntegrationHttpMethod": "POST",
                "Type": "AWS",
                "Uri": join(json!([
                    "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" },
                    ":runtime.sagemaker:path/endpoints/endpointName/invocations",
                ])),
            },
        }),
    )
}
