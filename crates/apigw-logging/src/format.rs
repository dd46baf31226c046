//! Access log formats and `$context` fields (`access-log.ts`: `AccessLogFormat`,
//! `AccessLogField`).

/// `$context` variables of access logs (`AccessLogField`).
pub struct AccessLogField;

macro_rules! fields {
    ($($(#[$m:meta])* $name:ident => $var:literal),* $(,)?) => {
        impl AccessLogField {
            $(
                $(#[$m])*
                #[doc = concat!("`$context.", $var, "`")]
                pub fn $name() -> String {
                    concat!("$context.", $var).to_string()
                }
            )*
        }
    };
}

fields! {
    context_request_id => "requestId",
    context_extended_request_id => "extendedRequestId",
    context_identity_source_ip => "identity.sourceIp",
    context_identity_caller => "identity.caller",
    context_identity_user => "identity.user",
    context_identity_user_agent => "identity.userAgent",
    context_request_time => "requestTime",
    context_request_time_epoch => "requestTimeEpoch",
    context_http_method => "httpMethod",
    context_resource_path => "resourcePath",
    context_path => "path",
    context_protocol => "protocol",
    context_status => "status",
    context_response_length => "responseLength",
    context_response_latency => "responseLatency",
    context_error_message => "error.message",
    context_error_message_string => "error.messageString",
    context_authorizer_error => "authorizer.error",
    context_authorizer_integration_status => "authorizer.integrationStatus",
    context_integration_latency => "integration.latency",
    context_integration_status => "integration.status",
    context_stage => "stage",
    context_api_id => "apiId",
    context_domain_name => "domainName",
}

/// Which fields [`AccessLogFormat::json_with_standard_fields`] writes
/// (`JsonWithStandardFieldProps`). Every field defaults to true (CDK's default when no
/// props are given), so a builder sets only the fields it turns off.
///
/// ```
/// use apigw_logging::{AccessLogFormat, JsonWithStandardFieldProps};
/// let fields = JsonWithStandardFieldProps::builder().caller(false).build()?;
/// let format = AccessLogFormat::json_with_standard_fields(fields);
/// assert!(!format.as_str().contains("caller"));
/// # Ok::<(), cdk_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, derive_builder::Builder)]
#[builder(
    pattern = "owned",
    setter(into),
    build_fn(private, name = "build_fields", error = "cdk_core::BuildError")
)]
#[non_exhaustive]
pub struct JsonWithStandardFieldProps {
    /// Write `ip` (`$context.identity.sourceIp`). Default: true.
    #[builder(default = "true")]
    pub ip: bool,
    /// Write `user` (`$context.identity.user`). Default: true.
    #[builder(default = "true")]
    pub user: bool,
    /// Write `caller` (`$context.identity.caller`). Default: true.
    #[builder(default = "true")]
    pub caller: bool,
    /// Write `requestTime` (`$context.requestTime`). Default: true.
    #[builder(default = "true")]
    pub request_time: bool,
    /// Write `httpMethod` (`$context.httpMethod`). Default: true.
    #[builder(default = "true")]
    pub http_method: bool,
    /// Write `resourcePath` (`$context.resourcePath`). Default: true.
    #[builder(default = "true")]
    pub resource_path: bool,
    /// Write `status` (`$context.status`). Default: true.
    #[builder(default = "true")]
    pub status: bool,
    /// Write `protocol` (`$context.protocol`). Default: true.
    #[builder(default = "true")]
    pub protocol: bool,
    /// Write `responseLength` (`$context.responseLength`). Default: true.
    #[builder(default = "true")]
    pub response_length: bool,
}

cdk_core::impl_props!(JsonWithStandardFieldProps, JsonWithStandardFieldPropsBuilder);

impl Default for JsonWithStandardFieldProps {
    /// Every field on.
    fn default() -> Self {
        JsonWithStandardFieldProps {
            ip: true,
            user: true,
            caller: true,
            request_time: true,
            http_method: true,
            resource_path: true,
            status: true,
            protocol: true,
            response_length: true,
        }
    }
}

/// The format of access log lines (`AccessLogFormat`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessLogFormat(String);

impl AccessLogFormat {
    /// Common Log Format (`clf`).
    pub fn clf() -> Self {
        AccessLogFormat(format!(
            "{} {} {} [{}] \"{} {} {}\" {} {} {}",
            AccessLogField::context_identity_source_ip(),
            AccessLogField::context_identity_caller(),
            AccessLogField::context_identity_user(),
            AccessLogField::context_request_time(),
            AccessLogField::context_http_method(),
            AccessLogField::context_resource_path(),
            AccessLogField::context_protocol(),
            AccessLogField::context_status(),
            AccessLogField::context_response_length(),
            AccessLogField::context_request_id(),
        ))
    }

    /// A JSON object per request: `requestId` and the chosen standard fields, in
    /// aws-cdk-lib's order (`jsonWithStandardFields`); `None` writes them all.
    pub fn json_with_standard_fields(
        fields: impl Into<Option<JsonWithStandardFieldProps>>,
    ) -> Self {
        let fields = fields.into().unwrap_or_default();
        let mut parts = vec![("requestId", AccessLogField::context_request_id())];
        let mut add = |on: bool, k: &'static str, v: String| {
            if on {
                parts.push((k, v))
            }
        };
        add(fields.ip, "ip", AccessLogField::context_identity_source_ip());
        add(fields.user, "user", AccessLogField::context_identity_user());
        add(fields.caller, "caller", AccessLogField::context_identity_caller());
        add(fields.request_time, "requestTime", AccessLogField::context_request_time());
        add(fields.http_method, "httpMethod", AccessLogField::context_http_method());
        add(fields.resource_path, "resourcePath", AccessLogField::context_resource_path());
        add(fields.status, "status", AccessLogField::context_status());
        add(fields.protocol, "protocol", AccessLogField::context_protocol());
        add(fields.response_length, "responseLength", AccessLogField::context_response_length());
        let body: Vec<String> =
            parts.into_iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
        AccessLogFormat(format!("{{{}}}", body.join(",")))
    }

    /// Any format string (`custom`); it must contain `$context.requestId` or
    /// `$context.extendedRequestId`, which the stage checks.
    pub fn custom(format: impl Into<String>) -> Self {
        AccessLogFormat(format.into())
    }

    /// The format string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AccessLogFormat {
    /// The format string (`toString`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected strings from parity/cases/access-logging (aws-cdk-lib 2.276.0).
    #[test]
    fn clf_matches_cdk() {
        assert_eq!(
            AccessLogFormat::clf().as_str(),
            "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId"
        );
    }

    #[test]
    fn json_fields_match_cdk() {
        assert_eq!(
            AccessLogFormat::json_with_standard_fields(None).as_str(),
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"user\":\"$context.identity.user\",\"caller\":\"$context.identity.caller\",\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\",\"resourcePath\":\"$context.resourcePath\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\"}"
        );
        let no_caller = JsonWithStandardFieldProps::builder().caller(false).build().unwrap();
        assert!(!AccessLogFormat::json_with_standard_fields(no_caller).as_str().contains("caller"));
        assert_eq!(
            AccessLogFormat::json_with_standard_fields(JsonWithStandardFieldProps::default()),
            AccessLogFormat::json_with_standard_fields(None)
        );
        assert_eq!(
            JsonWithStandardFieldProps::builder().build().unwrap(),
            JsonWithStandardFieldProps::default()
        );
    }
}
