//! `LambdaIntegration` (`integrations/lambda.ts`): a Lambda function behind a method, with the
//! permissions that let API Gateway invoke it.

use std::rc::Rc;

use cdk_core::Value;
use cdk_iam::Principal;
use cdk_lambda::{IFunction, Permission};

use crate::integration::{BindContext, BindResult, Binder};
use crate::{AwsIntegration, AwsIntegrationProps, Integration};

crate::integration_options! {
    /// Options of a [`LambdaIntegration`] (`LambdaIntegrationOptions`), with every setter of
    /// [`IntegrationOptions`](crate::IntegrationOptions) directly (CDK's
    /// `LambdaIntegrationOptions` extends `IntegrationOptions`). Every field is optional.
    ///
    /// ```
    /// use apigw_core::{LambdaIntegrationOptions, PassthroughBehavior};
    ///
    /// let options = LambdaIntegrationOptions::builder()
    ///     .proxy(false)
    ///     .request_templates([("application/json", "{}")])
    ///     .passthrough_behavior(PassthroughBehavior::Never)
    ///     .build()?;
    /// assert_eq!(options.proxy, Some(false));
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct LambdaIntegrationOptions / LambdaIntegrationOptionsBuilder {
        /// Pass the whole request to the function (`AWS_PROXY`). Default: true.
        #[builder(default)]
        pub proxy: Option<bool>,
        /// Also let the console's test invocations call the function. Default: true.
        #[builder(default)]
        pub allow_test_invoke: Option<bool>,
        /// Scope the invoke permission to this method's ARN; otherwise to any method of the
        /// API. Default: true.
        #[builder(default)]
        pub scope_permission_to_method: Option<bool>,
    }
}

cdk_core::impl_props!(LambdaIntegrationOptions, LambdaIntegrationOptionsBuilder);

/// The principal of the permissions that let API Gateway invoke a function.
const API_GATEWAY: &str = "apigateway.amazonaws.com";

/// A Lambda function backend (`LambdaIntegration`): any function
/// ([`IFunction`]: a `Function`, an import, a version, an alias).
pub struct LambdaIntegration;

/// `functionName` as the deployment token reads it: the name given to a function of the app
/// (its L1's literal `FunctionName`), else the function's name when it is a literal (an
/// import by ARN).
fn literal_function_name(handler: &dyn IFunction) -> Option<String> {
    let l1 = handler
        .node()
        .default_child()
        .ok()
        .flatten()
        .and_then(|n| cdk_core::CfnResource::from_node(&n))
        .filter(|r| r.resource_type() == "AWS::Lambda::Function");
    match l1 {
        Some(resource) => {
            resource.property("FunctionName").and_then(|n| n.as_str().map(str::to_string))
        }
        None => handler.function_name().as_str().map(str::to_string),
    }
}

impl LambdaIntegration {
    /// A proxy integration to `handler` (`new LambdaIntegration(handler)`).
    #[allow(clippy::new_ret_no_self)]
    pub fn new<H: IFunction + Clone + 'static>(handler: &H) -> Integration {
        Self::from_options(Rc::new(handler.clone()), LambdaIntegrationOptions::default())
    }

    /// An integration to `handler` with options (`new LambdaIntegration(handler, options)`):
    /// a [`LambdaIntegrationOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// [`cdk_core::Error::Build`] when the builder cannot be finished (a rule of
    /// [`IntegrationOptions`](crate::IntegrationOptions) broken).
    pub fn with_options<H: IFunction + Clone + 'static>(
        handler: &H,
        options: impl cdk_core::IntoProps<LambdaIntegrationOptions>,
    ) -> Result<Integration, cdk_core::Error> {
        Ok(Self::from_options(Rc::new(handler.clone()), options.into_props()?))
    }

    pub(crate) fn from_options(
        handler: Rc<dyn IFunction>,
        options: LambdaIntegrationOptions,
    ) -> Integration {
        // A streaming integration calls the function's response-streaming API.
        let path = if options.response_transfer_mode == Some(crate::ResponseTransferMode::Stream) {
            cdk_core::cfn_format!(
                "2021-11-15/functions/{}/response-streaming-invocations",
                handler.function_arn()
            )
        } else {
            cdk_core::cfn_format!("2015-03-31/functions/{}/invocations", handler.function_arn())
        };
        let props = AwsIntegrationProps {
            service: "lambda".into(),
            path: Some(path),
            proxy: options.proxy.unwrap_or(true),
            options: options.integration_options(),
            ..Default::default()
        };
        let integration = AwsIntegration::from_props(props);
        let allow_test = options.allow_test_invoke.unwrap_or(true);
        let scoped = options.scope_permission_to_method.unwrap_or(true);
        integration.with_binder(Binder(Rc::new(move |ctx: &BindContext<'_>| {
            let permission = |scope: &cdk_core::Node, arn: Value| {
                let mut p = Permission::new(Principal::service(API_GATEWAY));
                p.scope = Some(scope.clone());
                p.source_arn = Some(arn);
                p
            };
            // aws-cdk-lib's `addPermission` on a function the app may not change (an import
            // of an unclear environment) only warns: no permission, no error.
            let policies = &ctx.resource.api().checks.lambda;
            let name = literal_function_name(&*handler);
            let add_permission = |id: &str, p: Permission, source_len: usize, per_method: bool| {
                if handler.can_create_permissions() {
                    handler.add_permission(id, p)?;
                    policies.record(handler.node(), name.as_deref(), source_len, per_method);
                }
                Ok::<(), cdk_core::Error>(())
            };
            match ctx.api_node().filter(|_| !scoped) {
                // One permission per (function, API), under the API, made by the first
                // method that uses it; no test-invoke permission.
                Some(api) => {
                    let id = format!(
                        "ApiPermission.ApiScoped.{}.{}",
                        handler.node().unique_id(),
                        api.unique_id()
                    );
                    if api.try_find_child(&id).is_none() {
                        let any = ctx.any_method_arn();
                        add_permission(&id, permission(api, any), "*/*/*".len(), false)?;
                    }
                }
                None => {
                    // `ApiPermission.<api unique id>.<METHOD>.<path, `/` as `.`>`
                    let path = ctx.resource.path_str();
                    let api_id = ctx.resource.api().unique_id_str();
                    let mut id = String::with_capacity(
                        "ApiPermission.Test.".len() + api_id.len() + 10 + path.len(),
                    );
                    id.push_str("ApiPermission.");
                    id.push_str(api_id);
                    id.push('.');
                    id.push_str(ctx.http_method());
                    id.push('.');
                    id.extend(path.chars().map(|c| if c == '/' { '.' } else { c }));
                    let method = ctx.method_node();
                    // `<stage>/<method><path>` of the source ARN, `ANY` as `*`; the
                    // deployment stage may change until synthesis: counted as `*`.
                    let verb = if ctx.http_method() == "ANY" { "*" } else { ctx.http_method() };
                    let tail = verb.len() + crate::method::path_for_arn(path).len();
                    add_permission(&id, permission(method, ctx.method_arn()), 2 + tail, true)?;
                    if allow_test {
                        id.insert_str("ApiPermission.".len(), "Test.");
                        let source = "test-invoke-stage/".len() + tail;
                        add_permission(
                            &id,
                            permission(method, ctx.test_method_arn()),
                            source,
                            true,
                        )?;
                    }
                }
            }
            // A literal function name makes the deployment change with it.
            let deployment_token = name.map(|name| {
                let token = Value::object([("functionName", name)]);
                cdk_core::json::to_json_string(&token, 0)
            });
            Ok(BindResult { deployment_token, ..Default::default() })
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{resources_of_type, synth};
    use crate::{RestApi, RestApiProps};
    use cdk_lambda::{Code, Function, FunctionProps, Runtime};

    /// The logical ID of the deployment of an API whose one method calls a function with
    /// this name (none: a generated one).
    fn deployment_id(case: &str, function_name: Option<&str>) -> String {
        let t = synth(case, |stack| {
            let mut props = FunctionProps::builder()
                .runtime(Runtime::NODEJS_20_X)
                .handler("index.handler")
                .code(Code::from_inline("exports.handler = 1"));
            if let Some(name) = function_name {
                props = props.function_name(name);
            }
            let handler = Function::new(stack, "Handler", props.build().unwrap())?;
            let api = RestApi::new(stack, "Api", RestApiProps::default())?;
            api.root().add_method("GET", Some(LambdaIntegration::new(&handler)))?;
            Ok(())
        });
        let deployments = resources_of_type(&t, "AWS::ApiGateway::Deployment");
        deployments.keys().next().unwrap().clone()
    }

    /// `ResponseTransferMode`: a streaming Lambda integration calls the response-streaming
    /// API; the mode is rendered and hashed into the deployment as aws-cdk-lib 2.276.0 does
    /// (logical ID and properties from the npm package).
    #[test]
    fn response_transfer_mode_matches_aws_cdk_lib() {
        use crate::ResponseTransferMode;
        use crate::{HttpIntegration, HttpIntegrationProps, IntegrationOptions};
        // CDK's `new cdk.Stack()`: no feature flags, no path metadata, a stack `Default`.
        let app = cdk_core::App::with_props(
            cdk_core::AppProps::builder().flags(cdk_core::Flags::None).cli_metadata(false),
        );
        app.skip_synth_check();
        let stack = cdk_core::Stack::new(&app, "Default").unwrap();
        let build = |stack: &cdk_core::Stack| -> Result<(), cdk_core::Error> {
            let handler = Function::new(
                stack,
                "Handler",
                FunctionProps::builder()
                    .runtime(Runtime::NODEJS_20_X)
                    .handler("index.handler")
                    .code(Code::from_inline("foo")),
            )?;
            let api = RestApi::new(stack, "api", RestApiProps::default())?;
            let stream = LambdaIntegrationOptions::builder()
                .response_transfer_mode(ResponseTransferMode::Stream);
            api.root().add_method("GET", LambdaIntegration::with_options(&handler, stream)?)?;
            let buffered = IntegrationOptions::builder()
                .response_transfer_mode(ResponseTransferMode::Buffered)
                .build()?;
            let props = HttpIntegrationProps::builder().options(buffered);
            api.root().add_method("POST", HttpIntegration::with_props("http://x", props)?)?;
            Ok(())
        };
        build(&stack).unwrap();
        let t = stack.synthesize_template().unwrap();
        let deployments = resources_of_type(&t, "AWS::ApiGateway::Deployment");
        assert_eq!(
            deployments.keys().collect::<Vec<_>>(),
            ["apiDeployment149F1294ce4dde7cdd60c29933e2c77b2f53f3d6"]
        );
        let get = &t["Resources"]["apiGETECF0BD67"]["Properties"]["Integration"];
        assert_eq!(get["ResponseTransferMode"], "STREAM");
        assert_eq!(
            get["Uri"]["Fn::Join"][1],
            serde_json::json!([
                "arn:", { "Ref": "AWS::Partition" }, ":apigateway:", { "Ref": "AWS::Region" },
                ":lambda:path/2021-11-15/functions/",
                { "Fn::GetAtt": ["Handler886CB40B", "Arn"] },
                "/response-streaming-invocations",
            ])
        );
        let post = &t["Resources"]["apiPOST36368FF5"]["Properties"]["Integration"];
        assert_eq!(post["ResponseTransferMode"], "BUFFERED");
        // STREAM needs a proxy integration (aws-cdk-lib's message).
        let e = crate::Integration::new(
            crate::IntegrationProps::builder()
                .type_(crate::IntegrationType::Aws)
                .integration_http_method("POST")
                .options(
                    IntegrationOptions::builder()
                        .response_transfer_mode(ResponseTransferMode::Stream)
                        .build()
                        .unwrap(),
                ),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains(
                "ResponseTransferMode STREAM is only supported for AWS_PROXY and HTTP_PROXY integration types, got: AWS"
            ),
            "{e}"
        );
    }

    /// A literal function name is part of the deployment's logical ID (`deploymentToken`),
    /// so renaming the function redeploys the API; a generated name is not.
    #[test]
    fn literal_function_name_changes_the_deployment() {
        let a = deployment_id("lambda-deployment-a", Some("a"));
        let b = deployment_id("lambda-deployment-b", Some("b"));
        let unnamed = deployment_id("lambda-deployment-unnamed", None);
        assert_ne!(a, b);
        assert_ne!(a, unnamed);
        assert_ne!(b, unnamed);
    }
}
