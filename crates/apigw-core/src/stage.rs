//! Stages (`stage.ts`): a named, addressable snapshot of a deployment, with its method
//! settings (logging, metrics, throttling, caching).

use std::time::Duration;

use cdk_core::{cfn_format, Construct, Error, IntoProps, Node, Value};
use cfn_apigateway::stage::MethodSetting;
use cfn_apigateway::{CfnStage, CfnStageProps};
use indexmap::IndexMap;

use crate::method::validate_http_method;
use apigw_logging::{AccessLogDestination, AccessLogFormat};

use crate::Deployment;

/// Execution logging level of a stage's methods (`MethodLoggingLevel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MethodLoggingLevel {
    /// No logs.
    #[doc(alias = "OFF")]
    Off,
    /// Errors only.
    #[doc(alias = "ERROR")]
    Error,
    /// Errors and informational events.
    #[doc(alias = "INFO")]
    Info,
}

impl MethodLoggingLevel {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            MethodLoggingLevel::Off => "OFF",
            MethodLoggingLevel::Error => "ERROR",
            MethodLoggingLevel::Info => "INFO",
        }
    }
}

impl From<MethodLoggingLevel> for Value {
    fn from(level: MethodLoggingLevel) -> Value {
        Value::from(level.as_str())
    }
}

/// Declares a props struct with the fields of CDK's `MethodDeploymentOptions` after its own,
/// and `method_deployment_options()` to get them as a [`MethodDeploymentOptions`]: the one
/// list of these fields, shared by [`MethodDeploymentOptions`] and [`StageOptions`] (rule 11:
/// extended props are flat).
macro_rules! method_deployment_options {
    (
        $(#[$attr:meta])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($body)*
            /// CloudWatch metrics (`metricsEnabled`). Default: off.
            #[builder(default)]
            pub metrics_enabled: Option<bool>,
            /// Execution logging level (`loggingLevel`). Default: off.
            #[builder(default)]
            pub logging_level: Option<MethodLoggingLevel>,
            /// Log full requests and responses (`dataTraceEnabled`). Default: false.
            #[builder(default)]
            pub data_trace_enabled: Option<bool>,
            /// Throttling burst limit (`throttlingBurstLimit`). Default: API Gateway's.
            #[builder(default, setter(into = false))]
            pub throttling_burst_limit: Option<u32>,
            /// Throttling rate limit, in requests per second (`throttlingRateLimit`).
            /// Default: API Gateway's.
            #[builder(default)]
            pub throttling_rate_limit: Option<f64>,
            /// Cache responses (`cachingEnabled`; turns the stage's cache cluster on).
            /// Default: off.
            #[builder(default)]
            pub caching_enabled: Option<bool>,
            /// How long responses stay cached (`cacheTtl`), a whole number of seconds.
            /// Default: 300 seconds (API Gateway's).
            #[builder(default)]
            pub cache_ttl: Option<Duration>,
            /// Encrypt cached data (`cacheDataEncrypted`). Default: false.
            #[builder(default)]
            pub cache_data_encrypted: Option<bool>,
        }

        impl $name {
            /// The fields of [`MethodDeploymentOptions`].
            #[allow(dead_code)]
            pub(crate) fn method_deployment_options(&self) -> MethodDeploymentOptions {
                MethodDeploymentOptions {
                    metrics_enabled: self.metrics_enabled,
                    logging_level: self.logging_level,
                    data_trace_enabled: self.data_trace_enabled,
                    throttling_burst_limit: self.throttling_burst_limit,
                    throttling_rate_limit: self.throttling_rate_limit,
                    caching_enabled: self.caching_enabled,
                    cache_ttl: self.cache_ttl,
                    cache_data_encrypted: self.cache_data_encrypted,
                }
            }
        }
    };
}

method_deployment_options! {
    /// Settings of the methods of a stage (`MethodDeploymentOptions`). Unset ones are left to
    /// API Gateway.
    #[derive(Clone, Debug, Default, PartialEq, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct MethodDeploymentOptions {}
}

cdk_core::impl_props!(MethodDeploymentOptions, MethodDeploymentOptionsBuilder);

impl MethodDeploymentOptions {
    fn any_set(&self) -> bool {
        *self != MethodDeploymentOptions::default()
    }
}

method_deployment_options! {
    /// Options of a [`Stage`] (`StageOptions`), with the settings of every method (`/*/*`)
    /// directly (CDK's `StageOptions` extends `MethodDeploymentOptions`). Every field is
    /// optional.
    ///
    /// ```
    /// use apigw_core::{MethodDeploymentOptions, MethodLoggingLevel, StageOptions};
    /// use std::time::Duration;
    ///
    /// let options = StageOptions::builder()
    ///     .stage_name("beta")
    ///     .logging_level(MethodLoggingLevel::Info)
    ///     .metrics_enabled(true)
    ///     .method_options([(
    ///         "/books/GET",
    ///         MethodDeploymentOptions::builder()
    ///             .caching_enabled(true)
    ///             .cache_ttl(Duration::from_secs(300))
    ///             .build()?,
    ///     )])
    ///     .build()?;
    /// assert_eq!(options.method_options.len(), 1);
    /// # Ok::<(), cdk_core::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, derive_builder::Builder)]
    #[builder(
        pattern = "owned",
        setter(into, strip_option),
        build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
    )]
    #[non_exhaustive]
    pub struct StageOptions {
        /// The stage name. Default: `prod`.
        #[builder(default)]
        pub stage_name: Option<String>,
        /// The stage's description. Default: none.
        #[builder(default)]
        pub description: Option<Value>,
        /// Stage variables (`variables`), name → value. Default: none.
        #[builder(default, setter(custom))]
        pub variables: Option<Value>,
        /// X-Ray tracing. Default: off.
        #[builder(default)]
        pub tracing_enabled: Option<bool>,
        /// The cache cluster. Default: on when a method enables caching or a size is given.
        #[builder(default)]
        pub cache_cluster_enabled: Option<bool>,
        /// The cache cluster size (`0.5`, `1.6`, ...). Default: `0.5` when the cluster is on.
        #[builder(default)]
        pub cache_cluster_size: Option<String>,
        /// A client certificate id for calls to the backend. Default: none.
        #[builder(default)]
        pub client_certificate_id: Option<Value>,
        /// The documentation version. Default: none.
        #[builder(default)]
        pub documentation_version: Option<Value>,
        /// Where access logs go. Default: no access logging.
        #[builder(default)]
        pub access_log_destination: Option<AccessLogDestination>,
        /// The access log format. Default: [`AccessLogFormat::clf`] when a destination is set.
        #[builder(default)]
        pub access_log_format: Option<AccessLogFormat>,
        /// Settings of some methods, by `/<resource path>/<METHOD>` (`/books/GET`, `/*/*`)
        /// (`methodOptions`). Default: none.
        #[builder(default, setter(custom))]
        pub method_options: IndexMap<String, MethodDeploymentOptions>,
    }
}

cdk_core::impl_props!(StageOptions, StageOptionsBuilder);

impl StageOptionsBuilder {
    /// Settings of some methods, by `/<resource path>/<METHOD>` (`/books/GET`, `/*/*`)
    /// (`methodOptions`): any iterator of (path, [`MethodDeploymentOptions`]) pairs.
    /// Default: none.
    pub fn method_options<K: Into<String>>(
        mut self,
        options: impl IntoIterator<Item = (K, MethodDeploymentOptions)>,
    ) -> Self {
        let map = self.method_options.get_or_insert_with(IndexMap::new);
        map.extend(options.into_iter().map(|(k, o)| (k.into(), o)));
        self
    }

    /// Stage variables (`variables`): any iterator of (name, value) pairs. Default: none.
    pub fn variables<K: Into<String>, V: Into<Value>>(
        mut self,
        variables: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.variables = Some(Some(Value::object(variables)));
        self
    }
}

/// A stage, defined in this app or imported (CDK's `IStage`): what usage plans, API keys and
/// base path mappings refer to.
///
/// Implemented by [`Stage`] and [`ImportedStage`](crate::ImportedStage).
pub trait IStage: Construct {
    /// The stage name (`stageName`: the `Ref` of the stage, or the imported name).
    fn stage_name(&self) -> Value;

    /// The id of the stage's REST API (`restApi.restApiId`).
    fn rest_api_id(&self) -> Value;
}

impl IStage for Stage {
    fn stage_name(&self) -> Value {
        Stage::stage_name(self)
    }

    fn rest_api_id(&self) -> Value {
        Stage::rest_api_id(self)
    }
}

/// A stage of an API (`Stage`).
#[derive(Clone, Debug)]
pub struct Stage {
    node: Node,
    resource: CfnStage,
    rest_api_id: Value,
    stage_name: String,
    /// The name of the stage's REST API (its `ApiName` metric dimension).
    pub(crate) rest_api_name: String,
    /// The stage's REST API (that of its deployment).
    api: crate::ApiHandle,
}

impl Construct for Stage {
    fn node(&self) -> &Node {
        &self.node
    }
}

/// `parseMethodOptionsPath`: `/books/GET` → (`GET`, `/~1books`); `/*/*` → (`*`, `/*`).
pub(crate) fn parse_method_options_path(
    scope: &str,
    original: &str,
) -> Result<(String, String), Error> {
    let fail = |message: String| Error::InvalidArgument { path: scope.to_string(), message };
    let Some(path) = original.strip_prefix('/') else {
        return Err(fail(format!("Method options path must start with '/': {original}")));
    };
    let mut components: Vec<&str> = path.split('/').collect();
    if components.len() < 2 {
        return Err(fail(format!(
            "Method options path must include at least two components: /{{resource}}/{{method}} (i.e. /foo/bar/GET): {path}"
        )));
    }
    let method = components.pop().unwrap_or_default().to_uppercase();
    if method != "*" {
        validate_http_method(|| scope.to_string(), &method).map_err(|_| {
            fail(format!(
                "{original}: Invalid HTTP method \"{method}\". Allowed methods: {}",
                crate::method::ALLOWED_METHODS.join(",")
            ))
        })?;
    }
    let resource_path = match components.as_slice() {
        ["*"] => "/*".to_string(),
        [""] => "/".to_string(),
        _ => format!("/~1{}", components.join("~1")),
    };
    Ok((method, resource_path))
}

impl Stage {
    /// Defines a stage of `deployment` (`new Stage(scope, id, { deployment, ... })`);
    /// `options` is a [`StageOptions`] or its unfinished builder.
    ///
    /// # Errors
    /// A builder error naming the stage's path; id errors from the tree;
    /// [`Error::InvalidArgument`] for an invalid method options path, caching with the cache
    /// cluster off, or a cache TTL that is not a whole number of seconds.
    pub fn new(
        scope: &impl Construct,
        id: &str,
        deployment: &Deployment,
        options: impl IntoProps<StageOptions>,
    ) -> Result<Stage, Error> {
        let options = options.into_props_at(&scope.node().child_path(id))?;
        let rest_api_id = deployment.api().rest_api_id.clone();
        let node = scope.node().add_child(id)?;
        node.set_construct_info(&format!("{}.Stage", crate::FQN));
        let path = node.path();
        let mut cache_cluster = options.cache_cluster_enabled;
        let mut settings: Vec<(&str, &MethodDeploymentOptions)> = Vec::new();
        let every_method = options.method_deployment_options();
        if every_method.any_set() {
            settings.push(("/*/*", &every_method));
        }
        for (p, o) in &options.method_options {
            settings.push((p.as_str(), o));
        }
        let mut method_settings = Vec::new();
        for (p, o) in settings {
            if o.caching_enabled == Some(true) {
                match cache_cluster {
                    None => cache_cluster = Some(true),
                    Some(false) => {
                        return Err(Error::InvalidArgument {
                            path,
                            message: format!(
                                "Cannot enable caching for method {p} since cache cluster is disabled on stage"
                            ),
                        })
                    }
                    Some(true) => {}
                }
            }
            let (http_method, resource_path) = parse_method_options_path(&path, p)?;
            if let Some(ttl) = o.cache_ttl.filter(|t| t.subsec_nanos() == 0) {
                crate::checks::check_stage_ttl(&path, p, ttl)?;
            }
            let mut s = MethodSetting::default();
            s.http_method = Some(Value::String(http_method));
            s.resource_path = Some(Value::String(resource_path));
            s.cache_data_encrypted = o.cache_data_encrypted.map(Value::Bool);
            s.cache_ttl_in_seconds = match o.cache_ttl {
                Some(ttl) if ttl.subsec_nanos() != 0 => {
                    return Err(Error::InvalidArgument {
                        path,
                        message: format!(
                            "'{} millis' cannot be converted into a whole number of seconds.",
                            ttl.as_millis()
                        ),
                    })
                }
                Some(ttl) => Some(Value::from(ttl.as_secs() as f64)),
                None => None,
            };
            s.caching_enabled = o.caching_enabled.map(Value::Bool);
            s.data_trace_enabled = Some(Value::Bool(o.data_trace_enabled.unwrap_or(false)));
            s.logging_level = o.logging_level.map(|l| Value::from(l.as_str()));
            s.metrics_enabled = o.metrics_enabled.map(Value::Bool);
            s.throttling_burst_limit = o.throttling_burst_limit.map(Value::from);
            s.throttling_rate_limit = o.throttling_rate_limit.map(Value::from);
            method_settings.push(Value::from(s));
        }
        if let Some(size) = &options.cache_cluster_size {
            match cache_cluster {
                None => cache_cluster = Some(true),
                Some(false) => {
                    return Err(Error::InvalidArgument {
                        path,
                        message: format!(
                            "Cannot set \"cacheClusterSize\" to {size} and \"cacheClusterEnabled\" to \"false\""
                        ),
                    })
                }
                Some(true) => {}
            }
        }
        let stage_name = options.stage_name.unwrap_or_else(|| "prod".into());
        crate::checks::check_stage_name(&path, &stage_name)?;
        deployment.api().checks.add_stage(&stage_name, &node);
        if deployment.api().tracks_methods {
            let paths: Vec<String> = options.method_options.keys().cloned().collect();
            crate::checks::check_method_settings_paths(&node, deployment.api(), paths);
        }
        let mut l1 = CfnStageProps::builder()
            .rest_api_id(rest_api_id.clone())
            .build()
            .map_err(|source| Error::build(path.clone(), source))?;
        l1.stage_name = Some(Value::String(stage_name.clone()));
        l1.cache_cluster_enabled = cache_cluster.map(Value::Bool);
        if cache_cluster == Some(true) {
            l1.cache_cluster_size =
                Some(Value::String(options.cache_cluster_size.unwrap_or_else(|| "0.5".into())));
        }
        l1.access_log_setting = access_log_setting(
            &node,
            options.access_log_destination.as_ref(),
            options.access_log_format.as_ref(),
        )?;
        l1.client_certificate_id = options.client_certificate_id;
        l1.deployment_id = Some(deployment.deployment_id());
        l1.description = options.description;
        l1.documentation_version = options.documentation_version;
        l1.variables = options.variables;
        l1.tracing_enabled = options.tracing_enabled.map(Value::Bool);
        if !method_settings.is_empty() {
            l1.method_settings = Some(Value::Array(method_settings));
        }
        let resource = CfnStage::new(&node, "Resource", l1)?;
        deployment.api().attach_stage(&node);
        Ok(Stage {
            node,
            resource,
            rest_api_id,
            stage_name,
            rest_api_name: deployment.api().name.clone(),
            api: crate::ApiHandle(deployment.api().clone()),
        })
    }

    /// The L1 resource.
    pub fn resource(&self) -> &CfnStage {
        &self.resource
    }

    /// The stage name as a reference (`Ref` of the stage resource), as aws-cdk-lib hands it out.
    pub fn stage_name(&self) -> Value {
        self.resource.ref_()
    }

    /// The stage name as given.
    pub fn stage_name_literal(&self) -> &str {
        &self.stage_name
    }

    /// The id of the stage's REST API (`restApi.restApiId`).
    pub fn rest_api_id(&self) -> Value {
        self.rest_api_id.clone()
    }

    /// The stage's REST API (`restApi`: that of its deployment), as a handle.
    pub fn rest_api(&self) -> crate::ApiHandle {
        self.api.clone()
    }

    /// The stage's ARN (`stageArn`):
    /// `arn:<partition>:apigateway:<region>::/restapis/<api id>/stages/<stage name>`.
    ///
    /// # Errors
    /// [`Error::NoStack`] outside a stack.
    pub fn stage_arn(&self) -> Result<Value, Error> {
        let stack = self.node.stack()?;
        Ok(cfn_format!(
            "arn:{}:apigateway:{}::/restapis/{}/stages/{}",
            stack.partition(),
            stack.region(),
            self.rest_api_id.clone(),
            self.stage_name()
        ))
    }

    /// `https://<api>.execute-api.<region>.<suffix>/<stage><path>` (`urlForPath`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when `path` does not begin with `/`; [`Error::NoStack`]
    /// outside a stack.
    pub fn url_for_path(&self, path: &str) -> Result<Value, Error> {
        if !path.starts_with('/') {
            return Err(Error::InvalidArgument {
                path: self.node.path(),
                message: format!("Path must begin with \"/\": {path}"),
            });
        }
        let stack = self.node.stack()?;
        Ok(cfn_format!(
            "https://{}.execute-api.{}.{}/{}{}",
            self.rest_api_id.clone(),
            stack.region(),
            stack.url_suffix(),
            self.stage_name(),
            path
        ))
    }
}

/// `$context.requestId` or `$context.extendedRequestId`, as a whole word.
fn has_request_id(format: &str) -> bool {
    let mut rest = format;
    while let Some(i) = rest.find("$context") {
        let after = &rest[i + "$context".len()..];
        let mut chars = after.chars();
        if chars.next().is_some() {
            let tail = chars.as_str();
            for name in ["requestId", "extendedRequestId"] {
                if let Some(end) = tail.strip_prefix(name) {
                    if !end.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                        return true;
                    }
                }
            }
        }
        rest = after;
    }
    false
}

/// The stage's `AccessLogSetting` (destination bound to the stage, CLF by default).
fn access_log_setting(
    stage: &Node,
    destination: Option<&AccessLogDestination>,
    format: Option<&AccessLogFormat>,
) -> Result<Option<Value>, Error> {
    if destination.is_none() && format.is_none() {
        return Ok(None);
    }
    let fail =
        |message: &str| Error::InvalidArgument { path: stage.path(), message: message.into() };
    if let Some(f) = format {
        if !has_request_id(f.as_str()) {
            return Err(fail("Access log must include either `AccessLogFormat.contextRequestId()` or `AccessLogFormat.contextExtendedRequestId()`"));
        }
    }
    let Some(destination) = destination else {
        return Err(fail("Access log format is specified without a destination"));
    };
    let mut setting = cfn_apigateway::stage::AccessLogSetting::default();
    setting.destination_arn = Some(destination.bind(stage)?);
    let format = match format {
        Some(f) if !f.as_str().is_empty() => f.as_str().to_string(),
        _ => AccessLogFormat::clf().as_str().to_string(),
    };
    setting.format = Some(Value::String(format));
    Ok(Some(setting.into()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn request_id_detection() {
        assert!(super::has_request_id("$context.requestId"));
        assert!(super::has_request_id("x $context.extendedRequestId y"));
        assert!(!super::has_request_id("$context.requestIdX"));
        assert!(!super::has_request_id("$context.status"));
    }

    use super::*;

    #[test]
    fn stage_options_take_method_settings_directly() {
        use crate::test_support::{resources_of_type, synth};
        use crate::{RestApi, RestApiProps};
        let t = synth("stage-flat-options", |stack| {
            let api = RestApi::new(
                stack,
                "api",
                RestApiProps::builder().deploy_options(
                    StageOptions::builder()
                        .logging_level(MethodLoggingLevel::Info)
                        .metrics_enabled(true)
                        .cache_ttl(Duration::from_secs(60))
                        .build()?,
                ),
            )?;
            api.root().add_method("GET", None)?;
            Ok(())
        });
        let stages = resources_of_type(&t, "AWS::ApiGateway::Stage");
        let (_, stage) = stages.iter().next().unwrap();
        assert_eq!(
            stage["Properties"]["MethodSettings"],
            serde_json::json!([{
                "CacheTtlInSeconds": 60,
                "DataTraceEnabled": false,
                "HttpMethod": "*",
                "LoggingLevel": "INFO",
                "MetricsEnabled": true,
                "ResourcePath": "/*"
            }])
        );
    }

    #[test]
    fn a_cache_ttl_must_be_whole_seconds() {
        use crate::{RestApi, RestApiProps};
        let app = cdk_core::App::new();
        let stack = cdk_core::Stack::new(&app, "Stack").unwrap();
        let e = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().deploy_options(
                StageOptions::builder().cache_ttl(Duration::from_millis(1500)).build().unwrap(),
            ),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Stack/api/DeploymentStage.prod: '1500 millis' cannot be converted into a whole number of seconds."
        );
    }

    #[test]
    fn method_options_paths() {
        let p = |s| parse_method_options_path("Stage", s);
        assert_eq!(p("/*/*").unwrap(), ("*".into(), "/*".into()));
        assert_eq!(p("/books/get").unwrap(), ("GET".into(), "/~1books".into()));
        assert_eq!(p("/a/b/POST").unwrap(), ("POST".into(), "/~1a~1b".into()));
        assert_eq!(p("//GET").unwrap(), ("GET".into(), "/".into()));
        assert!(p("books/GET").is_err());
        assert!(p("/GET").is_err());
        let e = p("/books/FETCH").unwrap_err().to_string();
        assert!(e.starts_with("Stage: /books/FETCH: Invalid HTTP method"), "{e}");
    }
}
