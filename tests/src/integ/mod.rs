//! Twins of aws-cdk's framework-integ tests of aws-apigateway
//! (`packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/**/integ.*.ts`), one
//! module per test. Each test's app, translated to the parity harness, is `integ/<case>/app.js`
//! (see `integ/README.md`); its goldens are in `goldens/<case>/`. To add one: write
//! `integ/<case>.rs` with its `CASE` (`Case::integ`), and add `mod <case>;` and `<case>::CASE,`
//! below (one line each, in alphabetical order).

use crate::Case;

mod integ_cloudwatch_disabled;
mod integ_restapi;
mod integ_restapi_access_log;
mod integ_restapi_access_log_arn_without_wildcard;
mod integ_restapi_access_log_firehose;
mod integ_restapi_books;
mod integ_restapi_cloudwatch_removal_policy;
mod integ_restapi_default_apikey;
mod integ_restapi_defaults;
mod integ_restapi_import_deploymentstage;
mod integ_restapi_import_lit;
mod integ_restapi_ip_address_type;
mod integ_restapi_metrics;
mod integ_restapi_multistack;
mod integ_restapi_multiuse;
mod integ_restapi_security_policy;
mod integ_restapi_stream;
mod integ_restapi_vpc_endpoint;
mod integ_usage_plan_multikey;
mod integ_usage_plan_sharing;

pub(crate) fn all() -> Vec<Case> {
    vec![
        integ_cloudwatch_disabled::CASE,
        integ_restapi::CASE,
        integ_restapi_access_log::CASE,
        integ_restapi_access_log_arn_without_wildcard::CASE,
        integ_restapi_access_log_firehose::CASE,
        integ_restapi_books::CASE,
        integ_restapi_cloudwatch_removal_policy::CASE,
        integ_restapi_default_apikey::CASE,
        integ_restapi_defaults::CASE,
        integ_restapi_import_deploymentstage::CASE,
        integ_restapi_import_lit::CASE,
        integ_restapi_ip_address_type::CASE,
        integ_restapi_metrics::CASE,
        integ_restapi_multistack::CASE,
        integ_restapi_multiuse::CASE,
        integ_restapi_security_policy::CASE,
        integ_restapi_stream::CASE,
        integ_restapi_vpc_endpoint::CASE,
        integ_usage_plan_multikey::CASE,
        integ_usage_plan_sharing::CASE,
    ]
}
