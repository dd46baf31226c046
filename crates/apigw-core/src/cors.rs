//! Cross-origin resource sharing (`cors.ts`, and `addCorsPreflight` of `resource.ts`): the
//! `OPTIONS` method answering browsers' preflight requests.
//!
//! [`Resource::add_cors_preflight`] adds an `OPTIONS` method with a mock integration whose
//! integration response sets the `Access-Control-*` headers (and `Vary: Origin` for a
//! specific origin); with several origins, a response template echoes the request's origin
//! when it is one of them. `default_cors_preflight_options` on a [`crate::RestApi`] or on a
//! resource ([`crate::ResourceOptions`]) adds it to that resource and every resource below.

use std::time::Duration;

use cdk_core::{BuildError, Construct, Error, IntoProps, Value};
use indexmap::IndexMap;

use crate::{
    AuthorizationType, IntegrationOptions, IntegrationResponse, Method, MethodOptions,
    MethodResponse, MockIntegration, Resource,
};

/// Constants for CORS options (`Cors`).
pub struct Cors;

impl Cors {
    /// Every HTTP method but `ANY` (`Cors.ALL_METHODS`).
    pub const ALL_METHODS: &'static [&'static str] =
        &["OPTIONS", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"];
    /// Any origin (`Cors.ALL_ORIGINS`: `*`).
    pub const ALL_ORIGINS: &'static [&'static str] = &["*"];
    /// The headers allowed by default (`Cors.DEFAULT_HEADERS`).
    pub const DEFAULT_HEADERS: &'static [&'static str] = &[
        "Content-Type",
        "X-Amz-Date",
        "Authorization",
        "X-Api-Key",
        "X-Amz-Security-Token",
        "X-Amz-User-Agent",
    ];
}

/// Options of a CORS preflight method (`CorsOptions`).
///
/// The rules aws-cdk-lib enforces (at least one origin, `*` alone, `ANY` alone, `max_age`
/// or `disable_cache`) are checked by [`CorsOptionsBuilder::build`] and again when the
/// preflight is added.
#[derive(Clone, Debug, PartialEq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(
        private,
        name = "build_fields",
        error = "cdk_core::BuildError",
        validate = "CorsOptionsBuilder::validate"
    )
)]
#[non_exhaustive]
pub struct CorsOptions {
    /// The origins allowed (`Access-Control-Allow-Origin`); [`Cors::ALL_ORIGINS`] for any.
    /// Required, not empty.
    #[builder(setter(custom))]
    pub allow_origins: Vec<String>,
    /// The status code of the preflight response. Default: 204.
    #[builder(default, setter(into = false))]
    pub status_code: Option<u16>,
    /// The headers allowed (`Access-Control-Allow-Headers`). Default:
    /// [`Cors::DEFAULT_HEADERS`].
    #[builder(default, setter(custom))]
    pub allow_headers: Option<Vec<String>>,
    /// The methods allowed (`Access-Control-Allow-Methods`); `ANY` stands for
    /// [`Cors::ALL_METHODS`]. Default: [`Cors::ALL_METHODS`].
    #[builder(default, setter(custom))]
    pub allow_methods: Option<Vec<String>>,
    /// Whether credentials are allowed (`Access-Control-Allow-Credentials: true`).
    /// Default: false.
    #[builder(default)]
    pub allow_credentials: Option<bool>,
    /// How long browsers may cache the preflight answer (`Access-Control-Max-Age`), in whole
    /// seconds. Default: the browser's default.
    #[builder(default)]
    pub max_age: Option<Duration>,
    /// Ask browsers not to cache the preflight answer (`Access-Control-Max-Age: -1`).
    /// Default: false.
    #[builder(default)]
    pub disable_cache: Option<bool>,
    /// Response headers scripts may read (`Access-Control-Expose-Headers`). Default: none.
    #[builder(default, setter(custom))]
    pub expose_headers: Option<Vec<String>>,
}

cdk_core::impl_props!(CorsOptions, CorsOptionsBuilder);

fn strings<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    items.into_iter().map(|s| s.as_ref().to_string()).collect()
}

impl CorsOptionsBuilder {
    /// The origins allowed; [`Cors::ALL_ORIGINS`] for any. Required, not empty.
    pub fn allow_origins<S: AsRef<str>>(mut self, origins: impl IntoIterator<Item = S>) -> Self {
        self.allow_origins = Some(strings(origins));
        self
    }

    /// The headers allowed. Default: [`Cors::DEFAULT_HEADERS`].
    pub fn allow_headers<S: AsRef<str>>(mut self, headers: impl IntoIterator<Item = S>) -> Self {
        self.allow_headers = Some(Some(strings(headers)));
        self
    }

    /// The methods allowed; `ANY` stands for [`Cors::ALL_METHODS`]. Default:
    /// [`Cors::ALL_METHODS`].
    pub fn allow_methods<S: AsRef<str>>(mut self, methods: impl IntoIterator<Item = S>) -> Self {
        self.allow_methods = Some(Some(strings(methods)));
        self
    }

    /// Response headers scripts may read. Default: none.
    pub fn expose_headers<S: AsRef<str>>(mut self, headers: impl IntoIterator<Item = S>) -> Self {
        self.expose_headers = Some(Some(strings(headers)));
        self
    }

    fn validate(&self) -> Result<(), BuildError> {
        let Some(origins) = &self.allow_origins else {
            return Ok(()); // reported as a missing field
        };
        let options = CorsOptions {
            allow_origins: origins.clone(),
            status_code: None,
            allow_headers: None,
            allow_methods: self.allow_methods.clone().flatten(),
            allow_credentials: None,
            max_age: self.max_age.flatten(),
            disable_cache: self.disable_cache.flatten(),
            expose_headers: None,
        };
        options.check().map_err(BuildError::from)
    }
}

impl CorsOptions {
    /// aws-cdk-lib's checks, in its order, with its messages.
    fn check(&self) -> Result<(), String> {
        if self.allow_origins.is_empty() {
            return Err("allowOrigins must contain at least one origin".into());
        }
        if self.allow_origins.iter().any(|o| o == "*") && self.allow_origins.len() > 1 {
            return Err(format!(
                "Invalid \"allowOrigins\" - cannot mix \"*\" with specific origins: {}",
                self.allow_origins.join(",")
            ));
        }
        if let Some(methods) = &self.allow_methods {
            if methods.iter().any(|m| m == "ANY") && methods.len() > 1 {
                return Err(format!(
                    "ANY cannot be used with any other method. Received: {}",
                    methods.join(",")
                ));
            }
        }
        if self.max_age.is_some() && self.disable_cache == Some(true) {
            return Err("The options \"maxAge\" and \"disableCache\" are mutually exclusive".into());
        }
        if let Some(max_age) = self.max_age {
            if max_age.subsec_nanos() != 0 {
                return Err(format!(
                    "'{} millis' cannot be converted into a whole number of seconds.",
                    max_age.as_millis()
                ));
            }
        }
        Ok(())
    }

    /// The preflight's headers, in aws-cdk-lib's order, with their single-quoted values.
    fn headers(&self) -> IndexMap<&'static str, String> {
        let mut headers = IndexMap::new();
        let allow_headers = match &self.allow_headers {
            Some(h) => h.join(","),
            None => Cors::DEFAULT_HEADERS.join(","),
        };
        headers.insert("Access-Control-Allow-Headers", format!("'{allow_headers}'"));
        let initial = self.allow_origins.first().map(String::as_str).unwrap_or("*");
        headers.insert("Access-Control-Allow-Origin", format!("'{initial}'"));
        if initial != "*" {
            headers.insert("Vary", "'Origin'".into());
        }
        let methods = match &self.allow_methods {
            Some(m) if !m.iter().any(|m| m == "ANY") => m.join(","),
            _ => Cors::ALL_METHODS.join(","),
        };
        headers.insert("Access-Control-Allow-Methods", format!("'{methods}'"));
        if self.allow_credentials == Some(true) {
            headers.insert("Access-Control-Allow-Credentials", "'true'".into());
        }
        let max_age_seconds: i64 = if self.disable_cache == Some(true) {
            -1
        } else {
            self.max_age.map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)).unwrap_or(0)
        };
        if max_age_seconds != 0 {
            headers.insert("Access-Control-Max-Age", format!("'{max_age_seconds}'"));
        }
        if let Some(expose) = &self.expose_headers {
            headers.insert("Access-Control-Expose-Headers", format!("'{}'", expose.join(",")));
        }
        headers
    }

    /// The response template echoing one of several allowed origins, if there are several.
    fn response_template(&self) -> Option<String> {
        let others = self.allow_origins.get(1..).unwrap_or_default();
        if others.is_empty() {
            return None;
        }
        let condition =
            others.iter().map(|o| format!("$origin == \"{o}\"")).collect::<Vec<_>>().join(" || ");
        Some(
            [
                "#set($origin = $input.params().header.get(\"Origin\"))".to_string(),
                "#if($origin == \"\")".into(),
                "  #set($origin = $input.params().header.get(\"origin\"))".into(),
                "#end".into(),
                format!("#if({condition})"),
                "  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)"
                    .into(),
                "#end".into(),
            ]
            .join("\n"),
        )
    }
}

impl Resource {
    /// Adds an `OPTIONS` method answering CORS preflight requests (`addCorsPreflight`);
    /// `options` is a [`CorsOptions`] or its unfinished builder.
    ///
    /// ```
    /// use apigw_core::{CorsOptions, RestApi, RestApiProps};
    /// use cdk_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::new(&app, "Stack")?;
    /// let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    /// let books = api.root().add_resource("books")?;
    /// books.add_cors_preflight(
    ///     CorsOptions::builder().allow_origins(["https://amazon.com"]).allow_methods(["GET"]),
    /// )?;
    /// let e = books.add_cors_preflight(CorsOptions::builder()).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "Stack/api/Default/books: CorsOptions: required property 'allow_origins' is not set"
    /// );
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// A builder error naming this resource; [`Error::InvalidArgument`] (naming this
    /// resource) for options aws-cdk-lib refuses: no origin, `*` with other origins, `ANY`
    /// with other methods, both `max_age` and `disable_cache`; the errors of
    /// [`Resource::add_method`].
    pub fn add_cors_preflight(
        &self,
        options: impl IntoProps<CorsOptions>,
    ) -> Result<Method, Error> {
        let path = self.node().path();
        let options = options.into_props_at(&path)?;
        let invalid = |message: String| Error::InvalidArgument { path: path.clone(), message };
        options.check().map_err(invalid)?;
        let build = |source: BuildError| Error::build(path.clone(), source);
        let status_code = options.status_code.unwrap_or(204).to_string();
        let headers = options.headers();
        let integration_parameters: Vec<(String, Value)> = headers
            .iter()
            .map(|(name, value)| {
                (format!("method.response.header.{name}"), Value::from(value.as_str()))
            })
            .collect();
        let method_parameters: IndexMap<String, bool> =
            headers.keys().map(|name| (format!("method.response.header.{name}"), true)).collect();
        let mut response = IntegrationResponse::builder()
            .status_code(status_code.as_str())
            .response_parameters(integration_parameters);
        if let Some(template) = options.response_template() {
            response = response.response_templates([("application/json", template)]);
        }
        let integration = MockIntegration::with_options(
            IntegrationOptions::builder()
                .request_templates([("application/json", "{ statusCode: 200 }")])
                .integration_responses([response.build().map_err(build)?])
                .build()
                .map_err(build)?,
        )?;
        // aws-cdk-lib also passes a placeholder authorizer so that the API's default
        // authorizer does not apply: the preflight is always open.
        let method_options = MethodOptions::builder()
            .api_key_required(false)
            .authorization_type(AuthorizationType::None)
            .authorizer(crate::Authorizer::none())
            .method_responses([MethodResponse::builder()
                .status_code(status_code)
                .response_parameters(method_parameters)
                .build()
                .map_err(build)?])
            .build()
            .map_err(build)?;
        self.add_method_with("OPTIONS", integration, method_options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(b: CorsOptionsBuilder) -> String {
        b.build().unwrap_err().message().to_string()
    }

    #[test]
    fn refused_options() {
        assert_eq!(err(CorsOptions::builder()), "required property 'allow_origins' is not set");
        assert_eq!(
            CorsOptions::builder().build().unwrap_err().to_string(),
            "CorsOptions: required property 'allow_origins' is not set"
        );
        assert_eq!(
            err(CorsOptions::builder().allow_origins(Vec::<String>::new())),
            "allowOrigins must contain at least one origin"
        );
        assert_eq!(
            err(CorsOptions::builder().allow_origins(["*", "https://a.com"])),
            "Invalid \"allowOrigins\" - cannot mix \"*\" with specific origins: *,https://a.com"
        );
        assert_eq!(
            err(CorsOptions::builder()
                .allow_origins(Cors::ALL_ORIGINS)
                .allow_methods(["ANY", "GET"])),
            "ANY cannot be used with any other method. Received: ANY,GET"
        );
        assert_eq!(
            err(CorsOptions::builder()
                .allow_origins(["https://a.com"])
                .max_age(Duration::from_secs(0))
                .disable_cache(true)),
            "The options \"maxAge\" and \"disableCache\" are mutually exclusive"
        );
        assert_eq!(
            err(CorsOptions::builder()
                .allow_origins(["https://a.com"])
                .max_age(Duration::from_millis(1500))),
            "'1500 millis' cannot be converted into a whole number of seconds."
        );
        // allowed by aws-cdk-lib: credentials with any origin, ANY alone
        let ok = CorsOptions::builder()
            .allow_origins(["*"])
            .allow_credentials(true)
            .allow_methods(["ANY"])
            .build()
            .unwrap();
        assert_eq!(
            ok.headers()["Access-Control-Allow-Methods"],
            "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'"
        );
    }

    #[test]
    fn headers_in_order() {
        let o = CorsOptions::builder()
            .allow_origins(["https://a.com", "https://b.com", "https://c.com"])
            .allow_headers(Vec::<String>::new())
            .allow_credentials(true)
            .max_age(Duration::from_secs(600))
            .expose_headers(["X-A", "X-B"])
            .build()
            .unwrap();
        let h: Vec<(&str, String)> = o.headers().into_iter().collect();
        assert_eq!(
            h,
            [
                ("Access-Control-Allow-Headers", "''".to_string()),
                ("Access-Control-Allow-Origin", "'https://a.com'".into()),
                ("Vary", "'Origin'".into()),
                ("Access-Control-Allow-Methods", "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'".into()),
                ("Access-Control-Allow-Credentials", "'true'".into()),
                ("Access-Control-Max-Age", "'600'".into()),
                ("Access-Control-Expose-Headers", "'X-A,X-B'".into()),
            ]
        );
        assert_eq!(
            o.response_template().unwrap(),
            "#set($origin = $input.params().header.get(\"Origin\"))\n#if($origin == \"\")\n  #set($origin = $input.params().header.get(\"origin\"))\n#end\n#if($origin == \"https://b.com\" || $origin == \"https://c.com\")\n  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n#end"
        );
        let disabled =
            CorsOptions::builder().allow_origins(["*"]).disable_cache(true).build().unwrap();
        assert_eq!(disabled.headers()["Access-Control-Max-Age"], "'-1'");
        assert!(!disabled.headers().contains_key("Vary"));
        assert_eq!(disabled.response_template(), None);
    }
}
