//! Twin of `cases/request-authorizer/app.js`.

use super::prelude::*;
use apigw_auth::{IdentitySource, RequestAuthorizer, RequestAuthorizerProps};
use apigw_core::{Integration, IntegrationOptions, IntegrationResponse, MethodResponse};
use cfn_apigateway::method::PassthroughBehavior;

/// The case.
pub(crate) const CASE: Case = Case::new("request-authorizer", build);

const AUTHORIZER_CODE: &str = "
exports.handler = async (event) => ({
  principalId: 'user',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: event.headers.Authorization === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }],
  },
});
";

fn mock(err: &impl std::ops::Fn(cdk_core::BuildError) -> Error) -> Result<Integration, Error> {
    Ok(MockIntegration::with_options(
        IntegrationOptions::builder()
            .integration_responses(vec![IntegrationResponse::builder()
                .status_code("200")
                .build()
                .map_err(err)?])
            .passthrough_behavior(PassthroughBehavior::Never)
            .request_templates(Value::object([("application/json", "{ \"statusCode\": 200 }")]))
            .build()
            .map_err(err)?,
    ))
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "RequestAuthorizerInteg")?;
    let err = build_err("RequestAuthorizerInteg");
    let authorizer_fn = inline_function(&stack, "MyAuthorizerFunction", AUTHORIZER_CODE)?;
    let restapi = RestApi::new(
        &stack,
        "MyRestApi",
        RestApiProps::builder().cloud_watch_role(true).build().map_err(&err)?,
    )?;
    let request_authorizer = |id: &str, sources: Vec<String>| {
        RequestAuthorizer::new(
            &stack,
            id,
            RequestAuthorizerProps::builder()
                .handler(authorizer_fn.clone())
                .identity_sources(sources)
                .build()
                .map_err(&err)?,
        )
    };
    let both =
        || vec![IdentitySource::header("Authorization"), IdentitySource::query_string("allow")];
    let authorizer = request_authorizer("MyAuthorizer", both())?;
    let second_authorizer = request_authorizer("MySecondAuthorizer", both())?;
    let options = |a: &RequestAuthorizer| {
        MethodOptions::builder()
            .method_responses(vec![MethodResponse::builder()
                .status_code("200")
                .build()
                .map_err(&err)?])
            .authorizer(a.as_authorizer())
            .build()
            .map_err(&err)
    };
    restapi.root().add_method_with("ANY", Some(mock(&err)?), options(&authorizer)?)?;
    restapi.root().resource_for_path("auth")?.add_method_with(
        "ANY",
        Some(mock(&err)?),
        options(&second_authorizer)?,
    )?;
    // The short example.
    let auth =
        request_authorizer("booksAuthorizer", vec![IdentitySource::header("Authorization")])?;
    restapi.root().add_resource("books")?.add_method_with(
        "GET",
        Some(HttpIntegration::new("http://amazon.com")),
        MethodOptions::builder().authorizer(auth.as_authorizer()).build().map_err(&err)?,
    )?;
    Ok(())
}
