//! Twin of `integ/integ-restapi-access-log-arn-without-wildcard/app.js` (aws-cdk's
//! `integ.restapi.access-log-arn-without-wildcard.ts`).

use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-access-log-arn-without-wildcard", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node()
        .set_context("@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard", true)?;
    let stack = Stack::new(app, "ApiGatewayAccessLogArnWithoutWildcard")?;
    let log_group = LogGroup::new(
        &stack,
        "AccessLogs",
        LogGroupProps::builder().removal_policy(RemovalPolicy::Destroy),
    )?;
    let api = RestApi::new(
        &stack,
        "Api",
        RestApiProps::builder().cloud_watch_role(true).deploy_options(
            StageOptions::builder()
                .access_log_destination(LogGroupLogDestination::new(&log_group))
                .access_log_format(AccessLogFormat::json_with_standard_fields(None))
                .build()?,
        ),
    )?;
    api.root().add_method("GET", None)?;
    Ok(())
}
