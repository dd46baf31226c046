//! Lifecycle rules and CORS rules of a bucket (`LifecycleRule` in `rule.ts`, `CorsRule` and
//! `HttpMethods` in `bucket.ts`).

use std::time::Duration;

use cdk_core::{BuildError, Value};

/// A lifecycle rule (`LifecycleRule`): when objects expire or uploads are aborted.
///
/// At least one action is required: `abort_incomplete_multipart_upload_after`,
/// `expiration`, `expired_object_delete_marker`, `noncurrent_version_expiration` or
/// `noncurrent_versions_to_retain`. Durations are whole days.
#[derive(Clone, Debug, Default, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct LifecycleRule {
    /// The rule's id. Default: none.
    #[builder(default)]
    pub id: Option<String>,
    /// Whether the rule is on. Default: `true`.
    #[builder(default)]
    pub enabled: Option<bool>,
    /// Only objects whose keys start with this prefix. Default: all objects.
    #[builder(default)]
    pub prefix: Option<String>,
    /// Objects expire this long after creation. Default: never.
    #[builder(default)]
    pub expiration: Option<Duration>,
    /// Incomplete multipart uploads are aborted this long after they start. Default: never.
    #[builder(default)]
    pub abort_incomplete_multipart_upload_after: Option<Duration>,
    /// Non-current versions expire this long after becoming non-current. Default: never.
    #[builder(default)]
    pub noncurrent_version_expiration: Option<Duration>,
    /// How many non-current versions are kept anyway. Default: none.
    #[builder(default, setter(into = false))]
    pub noncurrent_versions_to_retain: Option<u32>,
    /// Whether delete markers without versions are removed. Default: no.
    #[builder(default)]
    pub expired_object_delete_marker: Option<bool>,
}
cdk_core::impl_props!(LifecycleRule, LifecycleRuleBuilder);

/// A whole number of days, as `Duration.toDays()` requires.
fn days(field: &str, d: Duration) -> Result<Value, BuildError> {
    const DAY: u128 = 86_400_000;
    let ms = d.as_millis();
    if ms % DAY != 0 || d.subsec_nanos() % 1_000_000 != 0 {
        return Err(BuildError::invalid_field(
            field,
            format!("'{ms} millis' cannot be converted into a whole number of days."),
        ));
    }
    Ok(Value::from((ms / DAY) as u64))
}

/// An object with the given keys, absent values left out, keys in CloudFormation's order.
pub(crate) fn cfn_object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    let mut pairs: Vec<(&str, Value)> =
        pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    Value::object(pairs)
}

impl LifecycleRule {
    /// `parseLifecycleRule`: the rule as CloudFormation's `Rule`.
    pub(crate) fn render(&self) -> Result<Value, BuildError> {
        if self.expired_object_delete_marker == Some(true) && self.expiration.is_some() {
            return Err(BuildError::invalid_field(
                "lifecycle_rules",
                "ExpiredObjectDeleteMarker cannot be specified with expiration, ExpirationDate, or TagFilters.",
            ));
        }
        if self.abort_incomplete_multipart_upload_after.is_none()
            && self.expiration.is_none()
            && self.expired_object_delete_marker.is_none()
            && self.noncurrent_version_expiration.is_none()
            && self.noncurrent_versions_to_retain.is_none()
        {
            return Err(BuildError::invalid_field(
                "lifecycle_rules",
                "All rules for `lifecycleRules` must have at least one of the following properties: `abortIncompleteMultipartUploadAfter`, `expiration`, `expirationDate`, `expiredObjectDeleteMarker`, `noncurrentVersionExpiration`, `noncurrentVersionsToRetain`, `noncurrentVersionTransitions`, or `transitions`",
            ));
        }
        let abort = match self.abort_incomplete_multipart_upload_after {
            Some(d) => Some(Value::object([(
                "DaysAfterInitiation",
                days("abort_incomplete_multipart_upload_after", d)?,
            )])),
            None => None,
        };
        let noncurrent = match self.noncurrent_version_expiration {
            Some(d) => Some(cfn_object(vec![
                ("NoncurrentDays", Some(days("noncurrent_version_expiration", d)?)),
                ("NewerNoncurrentVersions", self.noncurrent_versions_to_retain.map(Value::from)),
            ])),
            None => None,
        };
        let expiration = match self.expiration {
            Some(d) => Some(days("expiration", d)?),
            None => None,
        };
        let status = if self.enabled.unwrap_or(true) { "Enabled" } else { "Disabled" };
        Ok(cfn_object(vec![
            ("AbortIncompleteMultipartUpload", abort),
            ("ExpirationInDays", expiration),
            ("ExpiredObjectDeleteMarker", self.expired_object_delete_marker.map(Value::from)),
            ("Id", self.id.as_deref().map(Value::from)),
            ("NoncurrentVersionExpiration", noncurrent),
            ("Prefix", self.prefix.as_deref().map(Value::from)),
            ("Status", Some(Value::from(status))),
        ]))
    }
}

/// An HTTP method a CORS rule allows (`HttpMethods`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HttpMethods {
    /// `GET`.
    #[doc(alias = "GET")]
    Get,
    /// `PUT`.
    #[doc(alias = "PUT")]
    Put,
    /// `HEAD`.
    #[doc(alias = "HEAD")]
    Head,
    /// `POST`.
    #[doc(alias = "POST")]
    Post,
    /// `DELETE`.
    #[doc(alias = "DELETE")]
    Delete,
}

impl HttpMethods {
    /// The CloudFormation value (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethods::Get => "GET",
            HttpMethods::Put => "PUT",
            HttpMethods::Head => "HEAD",
            HttpMethods::Post => "POST",
            HttpMethods::Delete => "DELETE",
        }
    }
}

impl From<HttpMethods> for Value {
    fn from(v: HttpMethods) -> Value {
        Value::from(v.as_str())
    }
}

/// A cross-origin access rule (`CorsRule`).
#[derive(Clone, Debug, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into, strip_option),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct CorsRule {
    /// The methods allowed. Required.
    #[builder(setter(custom))]
    pub allowed_methods: Vec<HttpMethods>,
    /// The origins allowed (`*` for any). Required.
    #[builder(setter(custom))]
    pub allowed_origins: Vec<String>,
    /// Headers allowed in a preflight request. Default: none.
    #[builder(default, setter(custom))]
    pub allowed_headers: Vec<String>,
    /// Response headers the browser may read. Default: none.
    #[builder(default, setter(custom))]
    pub exposed_headers: Vec<String>,
    /// The rule's id. Default: none.
    #[builder(default)]
    pub id: Option<String>,
    /// How long, in seconds, a browser caches the preflight response. Default: none.
    #[builder(default, setter(into = false))]
    pub max_age: Option<u32>,
}
cdk_core::impl_props!(CorsRule, CorsRuleBuilder);

impl CorsRuleBuilder {
    /// The methods allowed (any list). Required.
    pub fn allowed_methods(mut self, methods: impl IntoIterator<Item = HttpMethods>) -> Self {
        self.allowed_methods.get_or_insert_with(Vec::new).extend(methods);
        self
    }
    /// The origins allowed (any list). Required.
    pub fn allowed_origins<I>(mut self, origins: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.allowed_origins
            .get_or_insert_with(Vec::new)
            .extend(origins.into_iter().map(Into::into));
        self
    }
    /// Headers allowed in a preflight request (any list). Default: none.
    pub fn allowed_headers<I>(mut self, headers: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.allowed_headers
            .get_or_insert_with(Vec::new)
            .extend(headers.into_iter().map(Into::into));
        self
    }
    /// Response headers the browser may read (any list). Default: none.
    pub fn exposed_headers<I>(mut self, headers: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.exposed_headers
            .get_or_insert_with(Vec::new)
            .extend(headers.into_iter().map(Into::into));
        self
    }
}

impl CorsRule {
    /// `parseCors`.
    pub(crate) fn render(&self) -> Value {
        let list =
            |l: &[String]| (!l.is_empty()).then(|| Value::array(l.iter().map(String::as_str)));
        cfn_object(vec![
            ("AllowedHeaders", list(&self.allowed_headers)),
            ("AllowedMethods", Some(Value::array(self.allowed_methods.iter().map(|m| m.as_str())))),
            ("AllowedOrigins", Some(Value::array(self.allowed_origins.iter().map(String::as_str)))),
            ("ExposedHeaders", list(&self.exposed_headers)),
            ("Id", self.id.as_deref().map(Value::from)),
            ("MaxAge", self.max_age.map(Value::from)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_rules_need_an_action_and_whole_days() {
        let empty = LifecycleRule::default();
        assert!(empty.render().unwrap_err().message().contains("at least one of"));
        let partial =
            LifecycleRule::builder().expiration(Duration::from_secs(3600)).build().unwrap();
        assert!(partial.render().unwrap_err().message().contains("whole number of days"));
        let marker = LifecycleRule::builder()
            .expiration(Duration::from_secs(86_400))
            .expired_object_delete_marker(true)
            .build()
            .unwrap();
        assert!(marker.render().is_err());
    }
}
