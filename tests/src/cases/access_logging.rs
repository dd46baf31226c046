//! Twin of `cases/access-logging/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("access-logging", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "JsonStack")?;
        // production stage
        let prod_log_group = LogGroup::new(&stack, "PrdLogs", LogGroupProps::default())?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder().deploy_options(
                StageOptions::builder()
                    .access_log_destination(LogGroupLogDestination::new(&prod_log_group))
                    .access_log_format(AccessLogFormat::json_with_standard_fields(None))
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
        let deployment = Deployment::new(&stack, "Deployment", &api, DeploymentProps::default())?;

        // development stage
        let dev_log_group = LogGroup::new(&stack, "DevLogs", LogGroupProps::default())?;
        Stage::new(
            &stack,
            "dev",
            &deployment,
            StageOptions::builder()
                .stage_name("dev")
                .access_log_destination(LogGroupLogDestination::new(&dev_log_group))
                .access_log_format(AccessLogFormat::json_with_standard_fields(
                    // The other fields (all set to true in the JS) default to true.
                    JsonWithStandardFieldProps::builder().caller(false).build()?,
                )),
        )?;
    }

    {
        let stack = Stack::new(app, "ClfStack")?;
        let log_group = LogGroup::new(&stack, "ApiGatewayAccessLogs", LogGroupProps::default())?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder().deploy_options(
                StageOptions::builder()
                    .access_log_destination(LogGroupLogDestination::new(&log_group))
                    .access_log_format(AccessLogFormat::clf())
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
    }

    {
        let stack = Stack::new(app, "CustomStack")?;
        let log_group = LogGroup::new(&stack, "ApiGatewayAccessLogs", LogGroupProps::default())?;
        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder().deploy_options(
                StageOptions::builder()
                    .access_log_destination(LogGroupLogDestination::new(&log_group))
                    .access_log_format(AccessLogFormat::custom(format!(
                        "{} {} {}\n      {} {}",
                        AccessLogField::context_request_id(),
                        AccessLogField::context_error_message(),
                        AccessLogField::context_error_message_string(),
                        AccessLogField::context_authorizer_error(),
                        AccessLogField::context_authorizer_integration_status(),
                    )))
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
    }

    {
        let stack = Stack::new(app, "FirehoseStack")?;
        let destination_bucket = Bucket::new(&stack, "Bucket", BucketProps::default())?;
        let delivery_stream_role = Role::new(
            &stack,
            "Role",
            RoleProps::builder().assumed_by(Principal::service("firehose.amazonaws.com")),
        )?;

        let stream = CfnDeliveryStream::new(
            &stack,
            "MyStream",
            CfnDeliveryStreamProps::builder()
                .delivery_stream_name("amazon-apigateway-delivery-stream")
                .s3_destination_configuration(
                    S3DestinationConfiguration::builder()
                        .bucket_arn(destination_bucket.bucket_arn())
                        .role_arn(delivery_stream_role.role_arn())
                        .build()?,
                ),
        )?;

        let api = RestApi::new(
            &stack,
            "books",
            RestApiProps::builder().deploy_options(
                StageOptions::builder()
                    .access_log_destination(FirehoseLogDestination::new(&stream))
                    .access_log_format(AccessLogFormat::json_with_standard_fields(None))
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
    }
    Ok(())
}
