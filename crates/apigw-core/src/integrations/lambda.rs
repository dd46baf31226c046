//! `LambdaIntegration` (`integrations/lambda.ts`): a Lambda function behind a method, with the
//! permissions that let API Gateway invoke it.

use std::rc::Rc;

use cdk_core::Value;
use cdk_iam::Principal;
use cdk_lambda::{Function, Permission};

use crate::integration::{integration_options, BindContext, BindResult, Binder};
use crate::{AwsIntegration, AwsIntegrationProps, Integration};

integration_options! {
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

/// A Lambda function backend (`LambdaIntegration`).
pub struct LambdaIntegration;

impl LambdaIntegration {
    /// A proxy integration to `handler`.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(handler: &Function) -> Integration {
        Self::with_options(handler, LambdaIntegrationOptions::default())
    }

    /// An integration to `handler` with options.
    pub fn with_options(handler: &Function, options: LambdaIntegrationOptions) -> Integration {
        let path =
            cdk_core::cfn_format!("2015-03-31/functions/{}/invocations", handler.function_arn());
        let props = AwsIntegrationProps {
            service: "lambda".into(),
            path: Some(path),
            proxy: options.proxy.unwrap_or(true),
            options: options.integration_options(),
            ..Default::default()
        };
        let integration = AwsIntegration::new(props);
        let handler = handler.clone();
        let allow_test = options.allow_test_invoke.unwrap_or(true);
        let scoped = options.scope_permission_to_method.unwrap_or(true);
        integration.with_binder(Binder(Rc::new(move |ctx: &BindContext<'_>| {
            let desc = format!(
                "{}.{}.{}",
                ctx.api_unique_id(),
                ctx.http_method(),
                ctx.resource_path().replace('/', ".")
            );
            let source_arn = if scoped { ctx.method_arn() } else { ctx.any_method_arn() };
            let permission = |arn: Value| {
                let mut p = Permission::new(Principal::service("apigateway.amazonaws.com"));
                p.scope = Some(ctx.method_node().clone());
                p.source_arn = Some(arn);
                p
            };
            handler.add_permission(&format!("ApiPermission.{desc}"), permission(source_arn))?;
            if allow_test {
                handler.add_permission(
                    &format!("ApiPermission.Test.{desc}"),
                    permission(ctx.test_method_arn()),
                )?;
            }
            // A literal function name makes the deployment change with it.
            let deployment_token = handler.literal_function_name().map(|name| {
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
    use cdk_lambda::{Code, FunctionProps, Runtime};

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
