//! `AwsIntegration` (`integrations/aws.ts`): an AWS service API called by API Gateway, with
//! the `arn:<partition>:apigateway:<region>:<service>:<path|action>/...` URI.

use cdk_core::{ArnComponents, ArnFormat, BuildError, Value};

use crate::{Integration, IntegrationOptions, IntegrationType};

/// Options of an [`AwsIntegration`].
#[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "Self::validate"
    )
)]
#[non_exhaustive]
pub struct AwsIntegrationProps {
    /// The service (`sqs`, `states`, `lambda`, ...).
    pub service: String,
    /// A subdomain of the service endpoint. Default: none.
    #[builder(default)]
    pub subdomain: Option<String>,
    /// The API path (`path/...` URI; may hold tokens); exclusive with `action`. Default:
    /// none (one of `path` and `action` is required).
    #[builder(default)]
    pub path: Option<Value>,
    /// The API action (`action/...` URI); exclusive with `path`. Default: none.
    #[builder(default)]
    pub action: Option<String>,
    /// Parameters of the action (`actionParameters`), appended as a query string (in the
    /// given order). Default: none.
    #[builder(default, setter(custom))]
    pub action_parameters: Vec<(String, String)>,
    /// The HTTP method towards the service. Default: `POST`.
    #[builder(default)]
    pub integration_http_method: Option<String>,
    /// Proxy the request (`AWS_PROXY`). Default: false.
    #[builder(default)]
    pub proxy: bool,
    /// The service's region. Default: the stack's.
    #[builder(default)]
    pub region: Option<String>,
    /// Integration options. Default: none set.
    #[builder(default)]
    pub options: IntegrationOptions,
}

cdk_core::impl_props!(AwsIntegrationProps, AwsIntegrationPropsBuilder);

impl AwsIntegrationPropsBuilder {
    /// Parameters of the action (`actionParameters`): any iterator of (name, value) pairs,
    /// appended as a query string in the given order. Default: none.
    pub fn action_parameters<K: Into<String>, V: Into<String>>(
        mut self,
        parameters: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.action_parameters =
            Some(parameters.into_iter().map(|(k, v)| (k.into(), v.into())).collect());
        self
    }

    /// `parseAwsApiCall`: exactly one of `path` and `action`; parameters need an action.
    fn validate(&self) -> Result<(), BuildError> {
        let path = self.path.clone().flatten();
        let action = self.action.clone().flatten();
        let has_params = self.action_parameters.as_ref().is_some_and(|p| !p.is_empty());
        if has_params && action.is_none() {
            return Err(BuildError::invalid_field(
                "action_parameters",
                "\"actionParams\" requires that \"action\" will be set",
            ));
        }
        match (path, action) {
            (Some(p), Some(a)) => Err(BuildError::invalid_field(
                "path",
                format!(
                    "\"path\" and \"action\" are mutually exclusive (path=\"{}\", action=\"{a}\")",
                    p.as_literal_string().unwrap_or_else(|| "<token>".into())
                ),
            )),
            (None, None) => {
                Err(BuildError::invalid_field("path", "Either \"path\" or \"action\" are required"))
            }
            _ => Ok(()),
        }
    }
}

/// An AWS service API (`AwsIntegration`).
pub struct AwsIntegration;

/// Percent-encodes a query component as Node's `url.format` does.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl AwsIntegration {
    /// The integration (`new AwsIntegration(props)`); `props` is an [`AwsIntegrationProps`] or
    /// its unfinished builder. Its URI is formatted with the stack of the method it is bound
    /// to.
    ///
    /// # Errors
    /// [`cdk_core::Error::Build`] when the builder cannot be finished: no `service`, neither
    /// or both of `path` and `action`, `action_parameters` without an `action`, options
    /// breaking a rule of [`IntegrationOptions`](crate::IntegrationOptions).
    #[allow(clippy::new_ret_no_self)]
    pub fn new(
        props: impl cdk_core::IntoProps<AwsIntegrationProps>,
    ) -> Result<Integration, cdk_core::Error> {
        Ok(Self::from_props(props.into_props()?))
    }

    /// The integration of finished props.
    pub(crate) fn from_props(props: AwsIntegrationProps) -> Integration {
        let backend = match &props.subdomain {
            Some(s) => format!("{s}.{}", props.service),
            None => props.service.clone(),
        };
        let (api_type, api_value): (&str, Value) = match (&props.path, &props.action) {
            (Some(p), _) => ("path", p.clone()),
            (None, Some(a)) => {
                let mut v = a.clone();
                if !props.action_parameters.is_empty() {
                    let q: Vec<String> = props
                        .action_parameters
                        .iter()
                        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                        .collect();
                    v = format!("{v}&{}", q.join("&"));
                }
                ("action", Value::String(v))
            }
            (None, None) => ("path", Value::from("")),
        };
        // Props changed after `build()` may hold neither: refused when bound to a method.
        let binder = match (&props.path, &props.action) {
            (None, None) => Some(crate::integration::Binder(std::rc::Rc::new(
                |ctx: &crate::integration::BindContext<'_>| {
                    Err(cdk_core::Error::InvalidArgument {
                        path: ctx.method.path(),
                        message: "Either \"path\" or \"action\" are required".into(),
                    })
                },
            ))),
            _ => None,
        };
        let region = props.region.clone();
        let uri = Value::lazy(move |ctx| {
            let mut c = ArnComponents::new("apigateway", api_type)
                .account(backend.as_str())
                .arn_format(ArnFormat::SlashResourceName)
                .resource_name(api_value.clone());
            if let Some(r) = &region {
                c = c.region(r.as_str());
            }
            Some(ctx.stack().format_arn(&c))
        });
        Integration {
            type_: if props.proxy { IntegrationType::AwsProxy } else { IntegrationType::Aws },
            uri: Some(uri),
            integration_http_method: Some(Value::String(
                props.integration_http_method.unwrap_or_else(|| "POST".into()),
            )),
            options: std::rc::Rc::new(props.options),
            binder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_or_action() {
        assert!(AwsIntegrationProps::builder().service("sqs").build().is_err());
        assert!(AwsIntegrationProps::builder()
            .service("sqs")
            .path("a")
            .action("b")
            .build()
            .is_err());
        assert!(AwsIntegrationProps::builder()
            .service("sqs")
            .path("a")
            .action_parameters([("k", "v")])
            .build()
            .is_err());
        assert!(AwsIntegrationProps::builder().service("sqs").path("q").build().is_ok());
        assert_eq!(encode("a b/c"), "a%20b%2Fc");
    }
}
