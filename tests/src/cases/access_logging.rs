//! Twin of `cases/access-logging/app.js`.

use super::prelude::*;
use apigw_logging::{
    AccessLogDestination, AccessLogField, AccessLogFormat, JsonWithStandardFields,
};
use cfn_kinesisfirehose::delivery_stream::S3DestinationConfiguration;
use cfn_kinesisfirehose::{CfnDeliveryStream, CfnDeliveryStreamProps};

/// The case.
pub(crate) const CASE: Case = Case::new("access-logging", build);

fn log_group(scope: &Stack, id: &str) -> Result<LogGroup, Error> {
    LogGroup::new(scope, id, LogGroupProps::default())
}

fn logged_api(
    stack: &Stack,
    destination: AccessLogDestination,
    format: AccessLogFormat,
) -> Result<RestApi, Error> {
    let err = build_err("books");
    let api = RestApi::new(
        stack,
        "books",
        RestApiProps::builder()
            .deploy_options(
                StageOptions::builder()
                    .access_log_destination(destination)
                    .access_log_format(format)
                    .build()
                    .map_err(&err)?,
            )
            .build()
            .map_err(&err)?,
    )?;
    api.root().add_method("GET", None)?;
    Ok(api)
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "JsonStack")?;
        let prod_log_group = log_group(&stack, "PrdLogs")?;
        let api = logged_api(
            &stack,
            AccessLogDestination::log_group(&prod_log_group),
            AccessLogFormat::json_with_standard_fields(JsonWithStandardFields::default()),
        )?;
        let deployment = Deployment::new(&stack, "Deployment", &api, DeploymentProps::default())?;
        let dev_log_group = log_group(&stack, "DevLogs")?;
        Stage::new(
            &stack,
            "dev",
            &deployment,
            StageOptions::builder()
                .stage_name("dev")
                .access_log_destination(AccessLogDestination::log_group(&dev_log_group))
                .access_log_format(AccessLogFormat::json_with_standard_fields(
                    JsonWithStandardFields { caller: false, ..Default::default() },
                ))
                .build()
                .map_err(build_err("JsonStack/dev"))?,
        )?;
    }
    {
        let stack = Stack::new(app, "ClfStack")?;
        let group = log_group(&stack, "ApiGatewayAccessLogs")?;
        logged_api(&stack, AccessLogDestination::log_group(&group), AccessLogFormat::clf())?;
    }
    {
        let stack = Stack::new(app, "CustomStack")?;
        let group = log_group(&stack, "ApiGatewayAccessLogs")?;
        let format = format!(
            "{} {} {}\n      {} {}",
            AccessLogField::context_request_id(),
            AccessLogField::context_error_message(),
            AccessLogField::context_error_message_string(),
            AccessLogField::context_authorizer_error(),
            AccessLogField::context_authorizer_integration_status(),
        );
        logged_api(
            &stack,
            AccessLogDestination::log_group(&group),
            AccessLogFormat::custom(&format),
        )?;
    }
    {
        let stack = Stack::new(app, "FirehoseStack")?;
        let destination_bucket = Bucket::new(&stack, "Bucket", BucketProps::default())?;
        let delivery_stream_role = Role::new(
            &stack,
            "Role",
            RoleProps::new(Principal::service("firehose.amazonaws.com")),
        )?;
        let s3 = S3DestinationConfiguration::builder()
            .bucket_arn(destination_bucket.bucket_arn())
            .role_arn(delivery_stream_role.role_arn())
            .build()
            .map_err(build_err("FirehoseStack/MyStream"))?;
        let mut props = CfnDeliveryStreamProps::default();
        props.delivery_stream_name = Some("amazon-apigateway-delivery-stream".into());
        props.s3_destination_configuration = Some(s3.into());
        let stream = CfnDeliveryStream::new(&stack, "MyStream", props)?;
        logged_api(
            &stack,
            AccessLogDestination::firehose(&stream),
            AccessLogFormat::json_with_standard_fields(JsonWithStandardFields::default()),
        )?;
    }
    Ok(())
}
