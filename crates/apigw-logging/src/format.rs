//! Access log formats and `$context` fields (`access-log.ts`: `AccessLogFormat`,
//! `AccessLogField`).

/// `$context` variables of access logs (`AccessLogField`): each method returns the variable as
/// text, to place in an [`AccessLogFormat::custom`] format.
///
/// ```
/// use apigw_logging::AccessLogField;
/// assert_eq!(AccessLogField::context_request_id(), "$context.requestId");
/// assert_eq!(AccessLogField::context_authorizer_claims("sub"), "$context.authorizer.claims.sub");
/// ```
pub struct AccessLogField;

impl AccessLogField {
    /// The API callers AWS account ID. (`contextAccountId`): `$context.identity.accountId`.
    #[doc(alias = "contextAccountId")]
    #[deprecated(note = "Use `context_caller_account_id` or `context_owner_account_id` instead")]
    pub fn context_account_id() -> String {
        "$context.identity.accountId".to_string()
    }

    /// The API callers AWS account ID. (`contextCallerAccountId`): `$context.identity.accountId`.
    #[doc(alias = "contextCallerAccountId")]
    pub fn context_caller_account_id() -> String {
        "$context.identity.accountId".to_string()
    }

    /// The API owner's AWS account ID. (`contextOwnerAccountId`): `$context.accountId`.
    #[doc(alias = "contextOwnerAccountId")]
    pub fn context_owner_account_id() -> String {
        "$context.accountId".to_string()
    }

    /// The identifier API Gateway assigns to your API. (`contextApiId`): `$context.apiId`.
    #[doc(alias = "contextApiId")]
    pub fn context_api_id() -> String {
        "$context.apiId".to_string()
    }

    /// A property of the claims returned from the Amazon Cognito user pool after the method caller
    /// is successfully authenticated. (`contextAuthorizerClaims`):
    /// `$context.authorizer.claims.<property>`.
    #[doc(alias = "contextAuthorizerClaims")]
    pub fn context_authorizer_claims(property: &str) -> String {
        format!("$context.authorizer.claims.{property}")
    }

    /// The principal user identification associated with the token sent by the client and returned
    /// from an API Gateway Lambda authorizer (formerly known as a custom authorizer).
    /// (`contextAuthorizerPrincipalId`): `$context.authorizer.principalId`.
    #[doc(alias = "contextAuthorizerPrincipalId")]
    pub fn context_authorizer_principal_id() -> String {
        "$context.authorizer.principalId".to_string()
    }

    /// The stringified value of the specified key-value pair of the `context` map returned from an
    /// API Gateway Lambda authorizer function. (`contextAuthorizer`):
    /// `$context.authorizer.<property>`.
    #[doc(alias = "contextAuthorizer")]
    pub fn context_authorizer(property: &str) -> String {
        format!("$context.authorizer.{property}")
    }

    /// The AWS endpoint's request ID. (`contextAwsEndpointRequestId`):
    /// `$context.awsEndpointRequestId`.
    #[doc(alias = "contextAwsEndpointRequestId")]
    pub fn context_aws_endpoint_request_id() -> String {
        "$context.awsEndpointRequestId".to_string()
    }

    /// The full domain name used to invoke the API. This should be the same as the incoming `Host`
    /// header. (`contextDomainName`): `$context.domainName`.
    #[doc(alias = "contextDomainName")]
    pub fn context_domain_name() -> String {
        "$context.domainName".to_string()
    }

    /// The first label of the `$context.domainName`. This is often used as a caller/customer
    /// identifier. (`contextDomainPrefix`): `$context.domainPrefix`.
    #[doc(alias = "contextDomainPrefix")]
    pub fn context_domain_prefix() -> String {
        "$context.domainPrefix".to_string()
    }

    /// A string containing an API Gateway error message. (`contextErrorMessage`):
    /// `$context.error.message`.
    #[doc(alias = "contextErrorMessage")]
    pub fn context_error_message() -> String {
        "$context.error.message".to_string()
    }

    /// The quoted value of `$context.error.message`, namely "`$context.error.message`".
    /// (`contextErrorMessageString`): `$context.error.messageString`.
    #[doc(alias = "contextErrorMessageString")]
    pub fn context_error_message_string() -> String {
        "$context.error.messageString".to_string()
    }

    /// A type of GatewayResponse. This variable can only be used for simple variable substitution
    /// in a GatewayResponse body-mapping template, which is not processed by the Velocity Template
    /// Language engine, and in access logging. (`contextErrorResponseType`):
    /// `$context.error.responseType`.
    #[doc(alias = "contextErrorResponseType")]
    pub fn context_error_response_type() -> String {
        "$context.error.responseType".to_string()
    }

    /// A string containing a detailed validation error message.
    /// (`contextErrorValidationErrorString`): `$context.error.validationErrorString`.
    #[doc(alias = "contextErrorValidationErrorString")]
    pub fn context_error_validation_error_string() -> String {
        "$context.error.validationErrorString".to_string()
    }

    /// The extended ID that API Gateway assigns to the API request, which contains more useful
    /// information for debugging/troubleshooting. (`contextExtendedRequestId`):
    /// `$context.extendedRequestId`.
    #[doc(alias = "contextExtendedRequestId")]
    pub fn context_extended_request_id() -> String {
        "$context.extendedRequestId".to_string()
    }

    /// The HTTP method used. Valid values include: `DELETE`, `GET`, `HEAD`, `OPTIONS`, `PATCH`,
    /// `POST`, and `PUT`. (`contextHttpMethod`): `$context.httpMethod`.
    #[doc(alias = "contextHttpMethod")]
    pub fn context_http_method() -> String {
        "$context.httpMethod".to_string()
    }

    /// The AWS account ID associated with the request. (`contextIdentityAccountId`):
    /// `$context.identity.accountId`.
    #[doc(alias = "contextIdentityAccountId")]
    pub fn context_identity_account_id() -> String {
        "$context.identity.accountId".to_string()
    }

    /// For API methods that require an API key, this variable is the API key associated with the
    /// method request. For methods that don't require an API key, this variable is
    /// (`contextIdentityApiKey`): `$context.identity.apiKey`.
    #[doc(alias = "contextIdentityApiKey")]
    pub fn context_identity_api_key() -> String {
        "$context.identity.apiKey".to_string()
    }

    /// The API key ID associated with an API request that requires an API key.
    /// (`contextIdentityApiKeyId`): `$context.identity.apiKeyId`.
    #[doc(alias = "contextIdentityApiKeyId")]
    pub fn context_identity_api_key_id() -> String {
        "$context.identity.apiKeyId".to_string()
    }

    /// The principal identifier of the caller making the request. (`contextIdentityCaller`):
    /// `$context.identity.caller`.
    #[doc(alias = "contextIdentityCaller")]
    pub fn context_identity_caller() -> String {
        "$context.identity.caller".to_string()
    }

    /// The Amazon Cognito authentication provider used by the caller making the request. Available
    /// only if the request was signed with Amazon Cognito credentials.
    /// (`contextIdentityCognitoAuthenticationProvider`):
    /// `$context.identity.cognitoAuthenticationProvider`.
    #[doc(alias = "contextIdentityCognitoAuthenticationProvider")]
    pub fn context_identity_cognito_authentication_provider() -> String {
        "$context.identity.cognitoAuthenticationProvider".to_string()
    }

    /// The Amazon Cognito authentication type of the caller making the request. Available only if
    /// the request was signed with Amazon Cognito credentials.
    /// (`contextIdentityCognitoAuthenticationType`): `$context.identity.cognitoAuthenticationType`.
    #[doc(alias = "contextIdentityCognitoAuthenticationType")]
    pub fn context_identity_cognito_authentication_type() -> String {
        "$context.identity.cognitoAuthenticationType".to_string()
    }

    /// The Amazon Cognito identity ID of the caller making the request. Available only if the
    /// request was signed with Amazon Cognito credentials. (`contextIdentityCognitoIdentityId`):
    /// `$context.identity.cognitoIdentityId`.
    #[doc(alias = "contextIdentityCognitoIdentityId")]
    pub fn context_identity_cognito_identity_id() -> String {
        "$context.identity.cognitoIdentityId".to_string()
    }

    /// The Amazon Cognito identity pool ID of the caller making the request. Available only if the
    /// request was signed with Amazon Cognito credentials.
    /// (`contextIdentityCognitoIdentityPoolId`): `$context.identity.cognitoIdentityPoolId`.
    #[doc(alias = "contextIdentityCognitoIdentityPoolId")]
    pub fn context_identity_cognito_identity_pool_id() -> String {
        "$context.identity.cognitoIdentityPoolId".to_string()
    }

    /// The AWS organization ID. (`contextIdentityPrincipalOrgId`):
    /// `$context.identity.principalOrgId`.
    #[doc(alias = "contextIdentityPrincipalOrgId")]
    pub fn context_identity_principal_org_id() -> String {
        "$context.identity.principalOrgId".to_string()
    }

    /// The source IP address of the TCP connection making the request to API Gateway. Warning: You
    /// should not trust this value if there is any chance that the `X-Forwarded-For` header could
    /// be forged. (`contextIdentitySourceIp`): `$context.identity.sourceIp`.
    #[doc(alias = "contextIdentitySourceIp")]
    pub fn context_identity_source_ip() -> String {
        "$context.identity.sourceIp".to_string()
    }

    /// The PEM-encoded client certificate that the client presented during mutual TLS
    /// authentication. Present when a client accesses an API by using a custom domain name that has
    /// mutual TLS enabled. Present only in access logs if mutual TLS authentication fails.
    /// (`contextIdentityClientCertPem`): `$context.identity.clientCert.clientCertPem`.
    #[doc(alias = "contextIdentityClientCertPem")]
    pub fn context_identity_client_cert_pem() -> String {
        "$context.identity.clientCert.clientCertPem".to_string()
    }

    /// The distinguished name of the subject of the certificate that a client presents. Present
    /// when a client accesses an API by using a custom domain name that has mutual TLS enabled.
    /// Present only in access logs if mutual TLS authentication fails.
    /// (`contextIdentityClientCertSubjectDN`): `$context.identity.clientCert.subjectDN`.
    #[doc(alias = "contextIdentityClientCertSubjectDN")]
    pub fn context_identity_client_cert_subject_dn() -> String {
        "$context.identity.clientCert.subjectDN".to_string()
    }

    /// The distinguished name of the issuer of the certificate that a client presents. Present when
    /// a client accesses an API by using a custom domain name that has mutual TLS enabled. Present
    /// only in access logs if mutual TLS authentication fails.
    /// (`contextIdentityClientCertIssunerDN`): `$context.identity.clientCert.issuerDN`.
    #[doc(alias = "contextIdentityClientCertIssunerDN")]
    pub fn context_identity_client_cert_issuner_dn() -> String {
        "$context.identity.clientCert.issuerDN".to_string()
    }

    /// The serial number of the certificate. Present when a client accesses an API by using a
    /// custom domain name that has mutual TLS enabled. Present only in access logs if mutual TLS
    /// authentication fails. (`contextIdentityClientCertSerialNumber`):
    /// `$context.identity.clientCert.serialNumber`.
    #[doc(alias = "contextIdentityClientCertSerialNumber")]
    pub fn context_identity_client_cert_serial_number() -> String {
        "$context.identity.clientCert.serialNumber".to_string()
    }

    /// The date before which the certificate is invalid. Present when a client accesses an API by
    /// using a custom domain name that has mutual TLS enabled. Present only in access logs if
    /// mutual TLS authentication fails. (`contextIdentityClientCertValidityNotBefore`):
    /// `$context.identity.clientCert.validity.notBefore`.
    #[doc(alias = "contextIdentityClientCertValidityNotBefore")]
    pub fn context_identity_client_cert_validity_not_before() -> String {
        "$context.identity.clientCert.validity.notBefore".to_string()
    }

    /// The date after which the certificate is invalid. Present when a client accesses an API by
    /// using a custom domain name that has mutual TLS enabled. Present only in access logs if
    /// mutual TLS authentication fails. (`contextIdentityClientCertValidityNotAfter`):
    /// `$context.identity.clientCert.validity.notAfter`.
    #[doc(alias = "contextIdentityClientCertValidityNotAfter")]
    pub fn context_identity_client_cert_validity_not_after() -> String {
        "$context.identity.clientCert.validity.notAfter".to_string()
    }

    /// The principal identifier of the user making the request. Used in Lambda authorizers.
    /// (`contextIdentityUser`): `$context.identity.user`.
    #[doc(alias = "contextIdentityUser")]
    pub fn context_identity_user() -> String {
        "$context.identity.user".to_string()
    }

    /// The User-Agent header of the API caller. (`contextIdentityUserAgent`):
    /// `$context.identity.userAgent`.
    #[doc(alias = "contextIdentityUserAgent")]
    pub fn context_identity_user_agent() -> String {
        "$context.identity.userAgent".to_string()
    }

    /// The Amazon Resource Name (ARN) of the effective user identified after authentication.
    /// (`contextIdentityUserArn`): `$context.identity.userArn`.
    #[doc(alias = "contextIdentityUserArn")]
    pub fn context_identity_user_arn() -> String {
        "$context.identity.userArn".to_string()
    }

    /// The request path. For example, for a non-proxy request URL of
    /// `https://{rest-api-id}.execute-api.{region}.amazonaws.com/{stage}/root/child`, this value
    /// is `/{stage}/root/child` (`contextPath`): `$context.path`.
    #[doc(alias = "contextPath")]
    pub fn context_path() -> String {
        "$context.path".to_string()
    }

    /// The request protocol, for example, HTTP/1.1. (`contextProtocol`): `$context.protocol`.
    #[doc(alias = "contextProtocol")]
    pub fn context_protocol() -> String {
        "$context.protocol".to_string()
    }

    /// The ID that API Gateway assigns to the API request. (`contextRequestId`):
    /// `$context.requestId`.
    #[doc(alias = "contextRequestId")]
    pub fn context_request_id() -> String {
        "$context.requestId".to_string()
    }

    /// The request header override. If this parameter is defined, it contains the headers to be
    /// used instead of the HTTP Headers that are defined in the Integration Request pane.
    /// (`contextRequestOverrideHeader`): `$context.requestOverride.header.<headerName>`.
    #[doc(alias = "contextRequestOverrideHeader")]
    pub fn context_request_override_header(header_name: &str) -> String {
        format!("$context.requestOverride.header.{header_name}")
    }

    /// The request path override. If this parameter is defined, it contains the request path to be
    /// used instead of the URL Path Parameters that are defined in the Integration Request pane.
    /// (`contextRequestOverridePath`): `$context.requestOverride.path.<pathName>`.
    #[doc(alias = "contextRequestOverridePath")]
    pub fn context_request_override_path(path_name: &str) -> String {
        format!("$context.requestOverride.path.{path_name}")
    }

    /// The request query string override. If this parameter is defined, it contains the request
    /// query strings to be used instead of the URL Query String Parameters that are defined in the
    /// Integration Request pane. (`contextRequestOverrideQuerystring`):
    /// `$context.requestOverride.querystring.<querystringName>`.
    #[doc(alias = "contextRequestOverrideQuerystring")]
    pub fn context_request_override_querystring(querystring_name: &str) -> String {
        format!("$context.requestOverride.querystring.{querystring_name}")
    }

    /// The response header override. If this parameter is defined, it contains the header to be
    /// returned instead of the Response header that is defined as the Default mapping in the
    /// Integration Response pane. (`contextResponseOverrideHeader`):
    /// `$context.responseOverride.header.<headerName>`.
    #[doc(alias = "contextResponseOverrideHeader")]
    pub fn context_response_override_header(header_name: &str) -> String {
        format!("$context.responseOverride.header.{header_name}")
    }

    /// The response status code override. If this parameter is defined, it contains the status code
    /// to be returned instead of the Method response status that is defined as the Default mapping
    /// in the Integration Response pane. (`contextResponseOverrideStatus`):
    /// `$context.responseOverride.status`.
    #[doc(alias = "contextResponseOverrideStatus")]
    pub fn context_response_override_status() -> String {
        "$context.responseOverride.status".to_string()
    }

    /// The CLF-formatted request time (dd/MMM/yyyy:HH:mm:ss +-hhmm). (`contextRequestTime`):
    /// `$context.requestTime`.
    #[doc(alias = "contextRequestTime")]
    pub fn context_request_time() -> String {
        "$context.requestTime".to_string()
    }

    /// The Epoch-formatted request time. (`contextRequestTimeEpoch`): `$context.requestTimeEpoch`.
    #[doc(alias = "contextRequestTimeEpoch")]
    pub fn context_request_time_epoch() -> String {
        "$context.requestTimeEpoch".to_string()
    }

    /// The identifier that API Gateway assigns to your resource. (`contextResourceId`):
    /// `$context.resourceId`.
    #[doc(alias = "contextResourceId")]
    pub fn context_resource_id() -> String {
        "$context.resourceId".to_string()
    }

    /// The path to your resource. For example, for the non-proxy request URI of
    /// `https://{rest-api-id}.execute-api.{region}.amazonaws.com/{stage}/root/child`, the
    /// `$context.resourcePath` value is `/root/child` (`contextResourcePath`):
    /// `$context.resourcePath`.
    #[doc(alias = "contextResourcePath")]
    pub fn context_resource_path() -> String {
        "$context.resourcePath".to_string()
    }

    /// The deployment stage of the API request (for example, `Beta` or `Prod`). (`contextStage`):
    /// `$context.stage`.
    #[doc(alias = "contextStage")]
    pub fn context_stage() -> String {
        "$context.stage".to_string()
    }

    /// The response received from AWS WAF: `WAF_ALLOW` or `WAF_BLOCK`. Will not be set if the stage
    /// is not associated with a web ACL. (`contextWafResponseCode`): `$context.wafResponseCode`.
    #[doc(alias = "contextWafResponseCode")]
    pub fn context_waf_response_code() -> String {
        "$context.wafResponseCode".to_string()
    }

    /// The complete ARN of the web ACL that is used to decide whether to allow or block the
    /// request. Will not be set if the stage is not associated with a web ACL.
    /// (`contextWebaclArn`): `$context.webaclArn`.
    #[doc(alias = "contextWebaclArn")]
    pub fn context_webacl_arn() -> String {
        "$context.webaclArn".to_string()
    }

    /// The trace ID for the X-Ray trace. (`contextXrayTraceId`): `$context.xrayTraceId`.
    #[doc(alias = "contextXrayTraceId")]
    pub fn context_xray_trace_id() -> String {
        "$context.xrayTraceId".to_string()
    }

    /// The authorizer latency in ms. (`contextAuthorizerIntegrationLatency`):
    /// `$context.authorizer.integrationLatency`.
    #[doc(alias = "contextAuthorizerIntegrationLatency")]
    pub fn context_authorizer_integration_latency() -> String {
        "$context.authorizer.integrationLatency".to_string()
    }

    /// The integration latency in ms. (`contextIntegrationLatency`): `$context.integrationLatency`.
    #[doc(alias = "contextIntegrationLatency")]
    pub fn context_integration_latency() -> String {
        "$context.integrationLatency".to_string()
    }

    /// For Lambda proxy integration, this parameter represents the status code returned from AWS
    /// Lambda, not from the backend Lambda function. (`contextIntegrationStatus`):
    /// `$context.integrationStatus`.
    #[doc(alias = "contextIntegrationStatus")]
    pub fn context_integration_status() -> String {
        "$context.integrationStatus".to_string()
    }

    /// The response latency in ms. (`contextResponseLatency`): `$context.responseLatency`.
    #[doc(alias = "contextResponseLatency")]
    pub fn context_response_latency() -> String {
        "$context.responseLatency".to_string()
    }

    /// The response payload length. (`contextResponseLength`): `$context.responseLength`.
    #[doc(alias = "contextResponseLength")]
    pub fn context_response_length() -> String {
        "$context.responseLength".to_string()
    }

    /// The method response status. (`contextStatus`): `$context.status`.
    #[doc(alias = "contextStatus")]
    pub fn context_status() -> String {
        "$context.status".to_string()
    }

    /// The authorization error message. (`contextAuthorizeError`): `$context.authorize.error`.
    #[doc(alias = "contextAuthorizeError")]
    pub fn context_authorize_error() -> String {
        "$context.authorize.error".to_string()
    }

    /// The authorization latency in ms. (`contextAuthorizeLatency`): `$context.authorize.latency`.
    #[doc(alias = "contextAuthorizeLatency")]
    pub fn context_authorize_latency() -> String {
        "$context.authorize.latency".to_string()
    }

    /// The status code returned from an authorization attempt. (`contextAuthorizeStatus`):
    /// `$context.authorize.status`.
    #[doc(alias = "contextAuthorizeStatus")]
    pub fn context_authorize_status() -> String {
        "$context.authorize.status".to_string()
    }

    /// The error message returned from an authorizer. (`contextAuthorizerError`):
    /// `$context.authorizer.error`.
    #[doc(alias = "contextAuthorizerError")]
    pub fn context_authorizer_error() -> String {
        "$context.authorizer.error".to_string()
    }

    /// The status code returned from a Lambda authorizer. (`contextAuthorizerIntegrationStatus`):
    /// `$context.authorizer.integrationStatus`.
    #[doc(alias = "contextAuthorizerIntegrationStatus")]
    pub fn context_authorizer_integration_status() -> String {
        "$context.authorizer.integrationStatus".to_string()
    }

    /// The authorizer latency in ms. (`contextAuthorizerLatency`): `$context.authorizer.latency`.
    #[doc(alias = "contextAuthorizerLatency")]
    pub fn context_authorizer_latency() -> String {
        "$context.authorizer.latency".to_string()
    }

    /// The AWS endpoint's request ID. (`contextAuthorizerRequestId`):
    /// `$context.authorizer.requestId`.
    #[doc(alias = "contextAuthorizerRequestId")]
    pub fn context_authorizer_request_id() -> String {
        "$context.authorizer.requestId".to_string()
    }

    /// The status code returned from an authorizer. (`contextAuthorizerStatus`):
    /// `$context.authorizer.status`.
    #[doc(alias = "contextAuthorizerStatus")]
    pub fn context_authorizer_status() -> String {
        "$context.authorizer.status".to_string()
    }

    /// The error message returned from an authentication attempt. (`contextAuthenticateError`):
    /// `$context.authenticate.error`.
    #[doc(alias = "contextAuthenticateError")]
    pub fn context_authenticate_error() -> String {
        "$context.authenticate.error".to_string()
    }

    /// The authentication latency in ms. (`contextAuthenticateLatency`):
    /// `$context.authenticate.latency`.
    #[doc(alias = "contextAuthenticateLatency")]
    pub fn context_authenticate_latency() -> String {
        "$context.authenticate.latency".to_string()
    }

    /// The status code returned from an authentication attempt. (`contextAuthenticateStatus`):
    /// `$context.authenticate.status`.
    #[doc(alias = "contextAuthenticateStatus")]
    pub fn context_authenticate_status() -> String {
        "$context.authenticate.status".to_string()
    }

    /// The path for an API mapping that an incoming request matched. Applicable when a client uses
    /// a custom domain name to access an API. For example if a client sends a request to
    /// `https://api.example.com/v1/orders/1234`, and the request matches the API mapping with
    /// the path `v1/orders`, the value is `v1/orders` (`contextCustomDomainBasePathMatched`):
    /// `$context.customDomain.basePathMatched`.
    #[doc(alias = "contextCustomDomainBasePathMatched")]
    pub fn context_custom_domain_base_path_matched() -> String {
        "$context.customDomain.basePathMatched".to_string()
    }

    /// A string that contains an integration error message. (`contextIntegrationErrorMessage`):
    /// `$context.integrationErrorMessage`.
    #[doc(alias = "contextIntegrationErrorMessage")]
    pub fn context_integration_error_message() -> String {
        "$context.integrationErrorMessage".to_string()
    }

    /// The error message returned from AWS WAF. (`contextWafError`): `$context.waf.error`.
    #[doc(alias = "contextWafError")]
    pub fn context_waf_error() -> String {
        "$context.waf.error".to_string()
    }

    /// The AWS WAF latency in ms. (`contextWafLatency`): `$context.waf.latency`.
    #[doc(alias = "contextWafLatency")]
    pub fn context_waf_latency() -> String {
        "$context.waf.latency".to_string()
    }

    /// The status code returned from AWS WAF. (`contextWafStatus`): `$context.waf.status`.
    #[doc(alias = "contextWafStatus")]
    pub fn context_waf_status() -> String {
        "$context.waf.status".to_string()
    }

    /// The event type: CONNECT, MESSAGE, or DISCONNECT. (`contextEventType`): `$context.eventType`.
    #[doc(alias = "contextEventType")]
    pub fn context_event_type() -> String {
        "$context.eventType".to_string()
    }

    /// The selected route key. (`contextRouteKey`): `$context.routeKey`.
    #[doc(alias = "contextRouteKey")]
    pub fn context_route_key() -> String {
        "$context.routeKey".to_string()
    }

    /// A unique ID for the connection that can be used to make a callback to the client.
    /// (`contextConnectionId`): `$context.connectionId`.
    #[doc(alias = "contextConnectionId")]
    pub fn context_connection_id() -> String {
        "$context.connectionId".to_string()
    }
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
