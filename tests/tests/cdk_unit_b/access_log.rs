//! `test/access-log.test.ts`: tests in CDK 4, ported 4, passing 4, ignored 0, newer than
//! 2.276.0: 0.

use apigw_logging::{AccessLogField, AccessLogFormat, JsonWithStandardFieldProps};

use crate::support::*;

#[test]
fn if_json_with_standard_fields_method_called_with_no_parameter() {
    let test_format = AccessLogFormat::json_with_standard_fields(None);
    assert_eq!(
        test_format.to_string(),
        r#"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","user":"$context.identity.user","caller":"$context.identity.caller","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength"}"#
    );
}

#[test]
fn if_json_with_standard_fields_method_called_with_all_parameters_false() -> TestResult {
    let test_format = AccessLogFormat::json_with_standard_fields(
        JsonWithStandardFieldProps::builder()
            .caller(false)
            .http_method(false)
            .ip(false)
            .protocol(false)
            .request_time(false)
            .resource_path(false)
            .response_length(false)
            .status(false)
            .user(false)
            .build()?,
    );
    assert_eq!(test_format.to_string(), r#"{"requestId":"$context.requestId"}"#);
    Ok(())
}

#[test]
fn if_clf_method_called() {
    let test_format = AccessLogFormat::clf();
    assert_eq!(
        test_format.to_string(),
        r#"$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId"#
    );
}

#[test]
fn if_custom_method_called() {
    let test_format = AccessLogFormat::custom(
        json!({
            "requestId": AccessLogField::context_request_id(),
            "sourceIp": AccessLogField::context_identity_source_ip(),
            "method": AccessLogField::context_http_method(),
            "callerAccountId": AccessLogField::context_caller_account_id(),
            "ownerAccountId": AccessLogField::context_owner_account_id(),
            "userContext": {
                "sub": AccessLogField::context_authorizer_claims("sub"),
                "email": AccessLogField::context_authorizer_claims("email"),
            },
            "clientCertPem": AccessLogField::context_identity_client_cert_pem(),
            "subjectDN": AccessLogField::context_identity_client_cert_subject_dn(),
            "issunerDN": AccessLogField::context_identity_client_cert_issuner_dn(),
            "serialNumber": AccessLogField::context_identity_client_cert_serial_number(),
            "validityNotBefore": AccessLogField::context_identity_client_cert_validity_not_before(),
            "validityNotAfter": AccessLogField::context_identity_client_cert_validity_not_after(),
        })
        .to_string(),
    );
    assert_eq!(
        test_format.to_string(),
        r#"{"requestId":"$context.requestId","sourceIp":"$context.identity.sourceIp","method":"$context.httpMethod","callerAccountId":"$context.identity.accountId","ownerAccountId":"$context.accountId","userContext":{"sub":"$context.authorizer.claims.sub","email":"$context.authorizer.claims.email"},"clientCertPem":"$context.identity.clientCert.clientCertPem","subjectDN":"$context.identity.clientCert.subjectDN","issunerDN":"$context.identity.clientCert.issuerDN","serialNumber":"$context.identity.clientCert.serialNumber","validityNotBefore":"$context.identity.clientCert.validity.notBefore","validityNotAfter":"$context.identity.clientCert.validity.notAfter"}"#
    );
}
