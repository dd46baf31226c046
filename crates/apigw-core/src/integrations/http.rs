//! `HttpIntegration` (`integrations/http.ts`): an HTTP backend, proxied by default.

use cdk_core::Value;

use crate::{Integration, IntegrationOptions, IntegrationType};

/// Options of an [`HttpIntegration`].
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct HttpIntegrationProps {
    /// Pass the whole request to the backend (`HTTP_PROXY`). Default: true.
    #[builder(default)]
    pub proxy: Option<bool>,
    /// The HTTP method towards the backend. Default: `GET`.
    #[builder(default)]
    pub http_method: Option<String>,
    /// Integration options. Default: none set.
    #[builder(default)]
    pub options: IntegrationOptions,
}

cdk_core::impl_props!(HttpIntegrationProps, HttpIntegrationPropsBuilder);

/// An HTTP backend (`HttpIntegration`).
///
/// ```
/// use apigw_core::HttpIntegration;
/// let i = HttpIntegration::new("https://example.com/books");
/// assert_eq!(i.type_, apigw_core::IntegrationType::HttpProxy);
/// ```
pub struct HttpIntegration;

impl HttpIntegration {
    /// A proxy integration to `url` with `GET` (`new HttpIntegration(url)`).
    #[allow(clippy::new_ret_no_self)]
    pub fn new(url: impl Into<Value>) -> Integration {
        Self::from_props(url, HttpIntegrationProps::default())
    }

    /// An integration to `url` with props (`new HttpIntegration(url, props)`): an
    /// [`HttpIntegrationProps`] or its unfinished builder.
    ///
    /// # Errors
    /// [`cdk_core::Error::Build`] when the builder cannot be finished.
    pub fn with_props(
        url: impl Into<Value>,
        props: impl cdk_core::IntoProps<HttpIntegrationProps>,
    ) -> Result<Integration, cdk_core::Error> {
        Ok(Self::from_props(url, props.into_props()?))
    }

    fn from_props(url: impl Into<Value>, props: HttpIntegrationProps) -> Integration {
        let proxy = props.proxy.unwrap_or(true);
        Integration {
            type_: if proxy { IntegrationType::HttpProxy } else { IntegrationType::Http },
            uri: Some(url.into()),
            integration_http_method: Some(Value::String(
                props.http_method.unwrap_or_else(|| "GET".into()),
            )),
            options: std::rc::Rc::new(props.options),
            binder: None,
        }
    }
}
