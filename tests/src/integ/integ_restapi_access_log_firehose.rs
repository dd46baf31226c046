//! Twin of `integ/integ-restapi-access-log-firehose/app.js` (aws-cdk's
//! `integ.restapi.access-log-firehose.ts`).

use super::integ_restapi_access_log::test_format;
use crate::cases::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-access-log-firehose", build);

/// `RestApiAccessLogFirehoseTest`
fn rest_api_access_log_firehose_test(scope: &App, id: &str) -> Result<(), Error> {
    let this = Stack::new(scope, id)?;

    let test_format = test_format();

    let destination_bucket = Bucket::new(
        &this,
        "Bucket",
        BucketProps::builder().removal_policy(RemovalPolicy::Destroy).auto_delete_objects(true),
    )?;

    let delivery_stream_role = Role::new(
        &this,
        "Role",
        RoleProps::builder().assumed_by(Principal::service("firehose.amazonaws.com")),
    )?;

    let stream = CfnDeliveryStream::new(
        &this,
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
        &this,
        "MyApi",
        RestApiProps::builder().cloud_watch_role(true).deploy_options(
            StageOptions::builder()
                .access_log_destination(FirehoseLogDestination::new(&stream))
                .access_log_format(test_format)
                .build()?,
        ),
    )?;
    api.root().add_method("GET", None)?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    rest_api_access_log_firehose_test(app, "test-apigateway-access-logs-firehose")
}
