//! `LambdaRestApi` (`lambda-api.ts`): a REST API whose every method goes to one function,
//! by default through a greedy `{proxy+}` resource.

use cdk_core::{Construct, Error, IntoProps, Node, Value};
use std::rc::Rc;

use cdk_lambda::IFunction;

use crate::resource::Lock;
use crate::rest_api::{ApiHandle, IRestApi};
use crate::{LambdaIntegration, LambdaIntegrationOptions, ProxyResourceOptions, RestApi, Stage};

crate::rest_api_props! {
    /// Options of a [`LambdaRestApi`] (`LambdaRestApiProps`): the function, and every setter of
    /// [`RestApiProps`](crate::RestApiProps) directly (CDK's `LambdaRestApiProps` extends
    /// `RestApiProps`), except that `default_integration` is refused.
    ///
    /// ```
    /// use apigw_core::{LambdaRestApi, LambdaRestApiProps};
    /// use cdk_core::{App, Stack};
    /// use cdk_lambda::{Code, Function, FunctionProps, Runtime};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let handler = Function::new(&stack, "Handler", FunctionProps::builder()
    ///     .runtime(Runtime::NODEJS_20_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => ({ statusCode: 200 })"))
    ///     .build()?)?;
    /// let api = LambdaRestApi::new(&stack, "api", LambdaRestApiProps::builder()
    ///     .handler(&handler)
    ///     .rest_api_name("books")
    ///     .binary_media_types(["image/png"]))?;
    /// assert_eq!(api.rest_api_name(), "books");
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    #[derive(Clone, Debug, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct LambdaRestApiProps / LambdaRestApiPropsBuilder {
        /// The function behind every method (`handler`): any [`IFunction`] (a function, a
        /// version, an alias, an import), set by reference. Required.
        #[builder(setter(custom))]
        pub handler: Rc<dyn IFunction>,
        /// Route everything through `{proxy+}` and `ANY` (and refuse other resources).
        /// Default: true.
        #[builder(default)]
        pub proxy: Option<bool>,
        /// Options of the Lambda integration. Default: those of [`LambdaIntegration::new`].
        #[builder(default)]
        pub integration_options: Option<LambdaIntegrationOptions>,
    }
}

cdk_core::impl_props!(LambdaRestApiProps, LambdaRestApiPropsBuilder);

impl LambdaRestApiPropsBuilder {
    /// The function behind every method (`handler`): any [`IFunction`] (a function, a
    /// version, an alias, an import). Required.
    pub fn handler<H: IFunction + Clone + 'static>(mut self, handler: &H) -> Self {
        self.handler = Some(Rc::new(handler.clone()));
        self
    }
}

/// A REST API backed by one Lambda function (`LambdaRestApi`). It dereferences to its
/// [`RestApi`].
#[derive(Clone, Debug)]
pub struct LambdaRestApi {
    api: RestApi,
}

impl Construct for LambdaRestApi {
    fn node(&self) -> &Node {
        self.api.node()
    }
}

impl IRestApi for LambdaRestApi {
    fn api_handle(&self) -> ApiHandle {
        self.api.api_handle()
    }

    fn rest_api_id(&self) -> Value {
        self.api.rest_api_id()
    }

    fn deployment_stage(&self) -> Result<Stage, Error> {
        self.api.deployment_stage()
    }
}

impl std::ops::Deref for LambdaRestApi {
    type Target = RestApi;
    fn deref(&self) -> &RestApi {
        &self.api
    }
}

impl LambdaRestApi {
    /// Defines the API; `props` is a [`LambdaRestApiProps`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the API's path; [`Error::InvalidArgument`] when
    /// `default_integration` is set; the errors of [`RestApi::new`].
    pub fn new(
        scope: &impl Construct,
        id: &str,
        props: impl IntoProps<LambdaRestApiProps>,
    ) -> Result<Self, Error> {
        let props = props.into_props_at(&scope.node().child_path(id))?;
        if props.default_integration.is_some() {
            return Err(Error::InvalidArgument {
                path: scope.node().path(),
                message: "Cannot specify \"defaultIntegration\" since Lambda integration is automatically defined".into(),
            });
        }
        let mut api_props = props.rest_api_props();
        api_props.default_integration = Some(LambdaIntegration::from_options(
            props.handler.clone(),
            props.integration_options.unwrap_or_default(),
        ));
        let api = RestApi::new(scope, id, api_props)?;
        if props.proxy.unwrap_or(true) {
            api.root().add_proxy(ProxyResourceOptions::default())?;
            api.root().lock(Lock::LambdaProxy);
        }
        Ok(LambdaRestApi { api })
    }
}
