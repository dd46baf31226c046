//! Twins of aws-cdk's framework-integ tests of aws-apigateway
//! (`packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/**/integ.*.ts`), one
//! module per test. Each test's app, translated to the parity harness, is `integ/<case>/app.js`
//! (see `integ/README.md`); its goldens are in `goldens/<case>/`. To add one: write
//! `integ/<case>.rs` with its `CASE` (`Case::integ`), and add `mod <case>;` and `<case>::CASE,`
//! below (one line each, in alphabetical order).

use crate::Case;

mod cloudwatch_disabled;
mod restapi_cloudwatch_removal_policy;
mod restapi_default_apikey;
mod restapi_defaults;
mod restapi_import_deploymentstage;
mod restapi_ip_address_type;
mod restapi_metrics;
mod usage_plan_multikey;
mod usage_plan_sharing;

pub(crate) fn all() -> Vec<Case> {
    vec![
        cloudwatch_disabled::CASE,
        restapi_cloudwatch_removal_policy::CASE,
        restapi_default_apikey::CASE,
        restapi_defaults::CASE,
        restapi_import_deploymentstage::CASE,
        restapi_ip_address_type::CASE,
        restapi_metrics::CASE,
        usage_plan_multikey::CASE,
        usage_plan_sharing::CASE,
    ]
}
