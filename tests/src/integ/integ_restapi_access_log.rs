//! Twin of `integ/integ-restapi-access-log/app.js` (aws-cdk's `integ.restapi.access-log.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-access-log", build);

/// The test's custom access log format: `JSON.stringify` of an object of access log fields
/// (also used by `integ.restapi.access-log-firehose.ts`).
pub(super) fn test_format() -> AccessLogFormat {
    AccessLogFormat::custom(
        serde_json::json!({
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
    )
}

/// `Test`
fn test(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let test_format = test_format();

    let log_group = LogGroup::new(&this, "MyLogGroup", LogGroupProps::default())?;
    let api = RestApi::new(
        &this,
        "MyApi",
        RestApiProps::builder().cloud_watch_role(true).deploy_options(
            StageOptions::builder()
                .access_log_destination(LogGroupLogDestination::new(&log_group))
                .access_log_format(test_format)
                .build()?,
        ),
    )?;
    api.root().add_method("GET", None)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    test(app, "test-apigateway-access-logs")
}
