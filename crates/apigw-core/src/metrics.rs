//! CloudWatch metrics of APIs, stages and methods: the `metric*` methods of `RestApiBase`
//! (`restapi.ts`), `Stage` (`stage.ts`) and `Method` (`method.ts`), with the default
//! statistics of `apigateway-canned-metrics.generated.ts`.
//!
//! Every metric is in the `AWS/ApiGateway` namespace, over five minutes unless the options say
//! otherwise, with these dimensions:
//!
//! | of | dimensions |
//! |---|---|
//! | [`RestApi`], [`SpecRestApi`] | `ApiName` (the API's name: `rest_api_name`, else its construct id) |
//! | [`Stage`] | `ApiName`, `Stage` (the stage's `Ref`) |
//! | [`Method`] (for a stage) | `ApiName`, `Method`, `Resource` (the resource path), `Stage` |
//!
//! ```
//! use apigw_core::{MetricOptions, RestApi, RestApiProps};
//! use cdk_core::{App, Stack};
//! use std::time::Duration;
//!
//! let app = App::new();
//! let stack = Stack::new(&app, "Stack")?;
//! let api = RestApi::new(&stack, "books-api", RestApiProps::default())?;
//! let get = api.root().add_method("GET", None)?;
//! let errors = api.metric_client_error(None)?;
//! assert_eq!((errors.metric_name(), errors.statistic()), ("4XXError", "Sum"));
//! let per_minute = api.metric_count(
//!     MetricOptions::builder().period(Duration::from_secs(60)).statistic("Sum").build()?,
//! )?;
//! assert_eq!((per_minute.period().as_secs(), per_minute.statistic()), (60, "Sum"));
//! let stage = api.deployment_stage()?;
//! let latency = get.metric_latency(&stage, None)?;
//! assert_eq!(latency.dimensions().len(), 4);
//! # Ok::<(), cdk_core::Error>(())
//! ```

use cdk_cloudwatch::MetricProps;
use cdk_core::{Construct, Error, Value};

use crate::rest_api::IRestApi;
use crate::{IStage, Method, RestApi, SpecRestApi, Stage};

pub use cdk_cloudwatch::{Metric, MetricOptions, MetricOptionsBuilder};

/// The namespace of API Gateway's metrics.
pub const NAMESPACE: &str = "AWS/ApiGateway";

/// `new Metric({ namespace, metricName, dimensionsMap, statistic, ...options }).attachTo(scope)`.
fn api_gateway_metric(
    scope: &impl Construct,
    metric_name: &str,
    statistic: Option<&str>,
    dimensions: Vec<(&str, Value)>,
    options: Option<MetricOptions>,
) -> Result<Metric, Error> {
    let mut props =
        MetricProps::builder().namespace(NAMESPACE).metric_name(metric_name).dimensions(dimensions);
    if let Some(s) = statistic {
        props = props.statistic(s);
    }
    if let Some(o) = options {
        props = props.options(o);
    }
    let props =
        props.build().map_err(|source| Error::Build { path: scope.node().path(), source })?;
    Metric::new(props)?.attach_to(scope)
}

/// The `metric*` methods of a type: `metric` (no default statistic, so `Average`) and the
/// canned metrics with their default statistics. Each type provides `api_gateway_metric`
/// (its dimensions); `$arg`s come before the options (the stage of a method's metrics).
macro_rules! metric_methods {
    ($ty:ty, $of:literal $(, $arg:ident : $arg_ty:ty)*) => {
        impl $ty {
            #[doc = concat!("The metric `metric_name` of ", $of, " (`metric`); `Average` unless `options` (a `MetricOptions` or `None`) say otherwise.")]
            ///
            /// # Errors
            /// [`Error::Build`] when the options (or the API's name) give an invalid period or
            /// dimension.
            pub fn metric(&self, metric_name: &str $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric(metric_name, None $(, $arg)*, options.into())
            }

            #[doc = concat!("Client-side errors of ", $of, " (`4XXError`, `metricClientError`); `Sum` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_client_error(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("4XXError", Some("Sum") $(, $arg)*, options.into())
            }

            #[doc = concat!("Server-side errors of ", $of, " (`5XXError`, `metricServerError`); `Sum` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_server_error(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("5XXError", Some("Sum") $(, $arg)*, options.into())
            }

            #[doc = concat!("Requests of ", $of, " served from the API cache (`CacheHitCount`, `metricCacheHitCount`); `Sum` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_cache_hit_count(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("CacheHitCount", Some("Sum") $(, $arg)*, options.into())
            }

            #[doc = concat!("Requests of ", $of, " served from the backend while caching is on (`CacheMissCount`, `metricCacheMissCount`); `Sum` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_cache_miss_count(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("CacheMissCount", Some("Sum") $(, $arg)*, options.into())
            }

            #[doc = concat!("Requests of ", $of, " (`Count`, `metricCount`); `SampleCount` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_count(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("Count", Some("SampleCount") $(, $arg)*, options.into())
            }

            #[doc = concat!("Time from relaying a request of ", $of, " to the backend to its response (`IntegrationLatency`, `metricIntegrationLatency`); `Average` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_integration_latency(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("IntegrationLatency", Some("Average") $(, $arg)*, options.into())
            }

            #[doc = concat!("Time from receiving a request of ", $of, " to returning the response, integration latency included (`Latency`, `metricLatency`); `Average` unless `options` say otherwise.")]
            ///
            /// # Errors
            /// As [`Self::metric`].
            pub fn metric_latency(&self $(, $arg: $arg_ty)*, options: impl Into<Option<MetricOptions>>) -> Result<Metric, Error> {
                self.api_gateway_metric("Latency", Some("Average") $(, $arg)*, options.into())
            }
        }
    };
}

metric_methods!(RestApi, "this API");
metric_methods!(SpecRestApi, "this API");
metric_methods!(Stage, "this stage");
metric_methods!(Method, "this method in `stage` (any stage: a [`Stage`] or an imported one)", stage: &dyn IStage);

impl RestApi {
    /// Dimension `ApiName`.
    fn api_gateway_metric(
        &self,
        metric_name: &str,
        statistic: Option<&str>,
        options: Option<MetricOptions>,
    ) -> Result<Metric, Error> {
        let name = self.api_handle().0.name.clone();
        let dimensions = vec![("ApiName", Value::String(name))];
        api_gateway_metric(self, metric_name, statistic, dimensions, options)
    }
}

impl SpecRestApi {
    /// Dimension `ApiName`.
    fn api_gateway_metric(
        &self,
        metric_name: &str,
        statistic: Option<&str>,
        options: Option<MetricOptions>,
    ) -> Result<Metric, Error> {
        let name = self.api_handle().0.name.clone();
        let dimensions = vec![("ApiName", Value::String(name))];
        api_gateway_metric(self, metric_name, statistic, dimensions, options)
    }
}

impl Stage {
    /// Dimensions `ApiName` and `Stage`.
    fn api_gateway_metric(
        &self,
        metric_name: &str,
        statistic: Option<&str>,
        options: Option<MetricOptions>,
    ) -> Result<Metric, Error> {
        let dimensions = vec![
            ("ApiName", Value::String(self.rest_api_name.clone())),
            ("Stage", self.stage_name()),
        ];
        api_gateway_metric(self, metric_name, statistic, dimensions, options)
    }
}

impl Method {
    /// Dimensions `ApiName`, `Method`, `Resource` and `Stage`.
    fn api_gateway_metric(
        &self,
        metric_name: &str,
        statistic: Option<&str>,
        stage: &dyn IStage,
        options: Option<MetricOptions>,
    ) -> Result<Metric, Error> {
        let resource = self.api_resource();
        let dimensions = vec![
            ("ApiName", Value::String(resource.api().name.clone())),
            ("Method", Value::from(self.http_method())),
            ("Resource", Value::String(resource.path())),
            ("Stage", stage.stage_name()),
        ];
        api_gateway_metric(self, metric_name, statistic, dimensions, options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StageOptions;
    use crate::{ApiDefinition, Deployment, DeploymentProps, RestApiProps, SpecRestApiProps};
    use cdk_core::{App, Stack};

    fn names(m: &Metric) -> Vec<&str> {
        m.dimensions().keys().collect()
    }

    #[test]
    fn default_statistics_and_dimensions() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().rest_api_name("Books").build().unwrap(),
        )
        .unwrap();
        let get = api.root().add_resource("books").unwrap().add_method("get", None).unwrap();
        let stage = api.deployment_stage().unwrap();
        let expected = [
            ("4XXError", "Sum"),
            ("5XXError", "Sum"),
            ("CacheHitCount", "Sum"),
            ("CacheMissCount", "Sum"),
            ("Count", "SampleCount"),
            ("IntegrationLatency", "Average"),
            ("Latency", "Average"),
            ("Custom", "Average"),
        ];
        let of_api = [
            api.metric_client_error(None),
            api.metric_server_error(None),
            api.metric_cache_hit_count(None),
            api.metric_cache_miss_count(None),
            api.metric_count(None),
            api.metric_integration_latency(None),
            api.metric_latency(None),
            api.metric("Custom", None),
        ];
        let of_stage = [
            stage.metric_client_error(None),
            stage.metric_server_error(None),
            stage.metric_cache_hit_count(None),
            stage.metric_cache_miss_count(None),
            stage.metric_count(None),
            stage.metric_integration_latency(None),
            stage.metric_latency(None),
            stage.metric("Custom", None),
        ];
        let of_method = [
            get.metric_client_error(&stage, None),
            get.metric_server_error(&stage, None),
            get.metric_cache_hit_count(&stage, None),
            get.metric_cache_miss_count(&stage, None),
            get.metric_count(&stage, None),
            get.metric_integration_latency(&stage, None),
            get.metric_latency(&stage, None),
            get.metric("Custom", &stage, None),
        ];
        for (i, (name, statistic)) in expected.iter().enumerate() {
            for (m, dims) in [
                (&of_api[i], vec!["ApiName"]),
                (&of_stage[i], vec!["ApiName", "Stage"]),
                (&of_method[i], vec!["ApiName", "Method", "Resource", "Stage"]),
            ] {
                let m = m.as_ref().unwrap();
                assert_eq!(m.namespace(), "AWS/ApiGateway");
                assert_eq!((m.metric_name(), m.statistic()), (*name, *statistic));
                assert_eq!(m.period().as_secs(), 300);
                assert_eq!(names(m), dims);
                assert_eq!(m.dimensions()["ApiName"], Value::from("Books"));
            }
        }
        let m = of_method[0].as_ref().unwrap();
        assert_eq!(m.dimensions()["Method"], Value::from("GET"));
        assert_eq!(m.dimensions()["Resource"], Value::from("/books"));
        // Tokens compare by identity; their rendering names the stage resource.
        let stage_ref = format!("{:?}", stage.stage_name());
        assert_eq!(format!("{:?}", m.dimensions()["Stage"]), stage_ref);
    }

    #[test]
    fn options_override_the_defaults() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::default()).unwrap();
        api.root().add_method("GET", None).unwrap();
        let m = api
            .metric_count(Some(
                MetricOptions::builder()
                    .period(std::time::Duration::from_secs(60))
                    .statistic("sum")
                    .dimension("Other", "x")
                    .label("requests")
                    .build()
                    .unwrap(),
            ))
            .unwrap();
        assert_eq!((m.period().as_secs(), m.statistic(), m.label()), (60, "Sum", Some("requests")));
        assert_eq!(names(&m), ["Other"]);
        assert_eq!(api.metric_latency(None).unwrap().dimensions()["ApiName"], Value::from("api"));
    }

    #[test]
    fn other_stages_and_spec_apis() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api =
            RestApi::new(&stack, "api", RestApiProps::builder().deploy(false).build().unwrap())
                .unwrap();
        api.root().add_method("GET", None).unwrap();
        let deployment = Deployment::new(&stack, "dep", &api, DeploymentProps::default()).unwrap();
        let beta = Stage::new(
            &stack,
            "beta",
            &deployment,
            StageOptions::builder().stage_name("beta").build().unwrap(),
        )
        .unwrap();
        let m = beta.metric_server_error(None).unwrap();
        assert_eq!(m.dimensions()["ApiName"], Value::from("api"));
        assert_eq!(format!("{:?}", m.dimensions()["Stage"]), format!("{:?}", beta.stage_name()));

        let spec = SpecRestApi::new(
            &stack,
            "spec",
            SpecRestApiProps::builder()
                .api_definition(ApiDefinition::from_inline(Value::object([("openapi", "3.0.2")])))
                .rest_api_name("Spec API")
                .build()
                .unwrap(),
        )
        .unwrap();
        let m = spec.metric_count(None).unwrap();
        assert_eq!(m.dimensions()["ApiName"], Value::from("Spec API"));
    }

    #[test]
    fn invalid_dimensions_name_the_construct() {
        let app = App::new();
        let stack = Stack::new(&app, "Stack").unwrap();
        let api = RestApi::new(&stack, "api", RestApiProps::builder().rest_api_name("")).unwrap();
        let e = api.metric_latency(None).unwrap_err().to_string();
        assert!(
            e.starts_with(
                "Stack/api: MetricProps: property 'dimensions' is invalid: Dimension value must be at least 1"
            ),
            "{e}"
        );
        let long = "x".repeat(256);
        let api = RestApi::new(
            &stack,
            "api2",
            RestApiProps::builder().rest_api_name(long).build().unwrap(),
        )
        .unwrap();
        let replaced = MetricOptions::builder().dimension("ApiName", "short").build().unwrap();
        assert!(api.metric_latency(Some(replaced)).is_ok());
    }
}
