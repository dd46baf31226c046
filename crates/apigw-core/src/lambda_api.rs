//! `LambdaRestApi` (`lambda-api.ts`): a REST API whose every method goes to one function,
//! by default through a greedy `{proxy+}` resource.

use cdk_core::{Construct, Error, Node};
use cdk_lambda::Function;

use crate::{
    LambdaIntegration, LambdaIntegrationOptions, ProxyResourceOptions, RestApi, RestApiProps,
};

/// Options of a [`LambdaRestApi`] (`LambdaRestApiProps`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(pattern = "owned", setter(into, strip_option), build_fn(error = "cdk_core::BuildError"))]
#[non_exhaustive]
pub struct LambdaRestApiProps {
    /// The function behind every method.
    pub handler: Function,
    /// Route everything through `{proxy+}` and `ANY` (and refuse other resources). Default:
    /// true.
    #[builder(default)]
    pub proxy: Option<bool>,
    /// Options of the Lambda integration.
    #[builder(default)]
    pub integration_options: Option<LambdaIntegrationOptions>,
    /// The API's own options (without `default_integration`, which is the function).
    #[builder(default)]
    pub rest_api: RestApiProps,
}

impl LambdaRestApiProps {
    /// Starts a builder.
    pub fn builder() -> LambdaRestApiPropsBuilder {
        LambdaRestApiPropsBuilder::default()
    }
}

/// A REST API backed by one Lambda function (`LambdaRestApi`).
#[derive(Clone, Debug)]
pub struct LambdaRestApi {
    api: RestApi,
}

impl Construct for LambdaRestApi {
    fn node(&self) -> &Node {
        self.api.node()
    }
}

impl std::ops::Deref for LambdaRestApi {
    type Target = RestApi;
    fn deref(&self) -> &RestApi {
        &self.api
    }
}

impl LambdaRestApi {
    /// Defines the API.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `rest_api.default_integration` is set; the errors of
    /// [`RestApi::new`].
    pub fn new(scope: &impl Construct, id: &str, props: LambdaRestApiProps) -> Result<Self, Error> {
        if props.rest_api.default_integration.is_some() {
            return Err(Error::InvalidArgument {
                path: scope.node().path(),
                message: "Cannot specify \"defaultIntegration\" since Lambda integration is automatically defined".into(),
            });
        }
        let mut api_props = props.rest_api;
        api_props.default_integration = Some(LambdaIntegration::with_options(
            &props.handler,
            props.integration_options.unwrap_or_default(),
        ));
        let api = RestApi::new(scope, id, api_props)?;
        if props.proxy.unwrap_or(true) {
            api.root().add_proxy(ProxyResourceOptions::default())?;
            api.root().lock();
        }
        Ok(LambdaRestApi { api })
    }
}
