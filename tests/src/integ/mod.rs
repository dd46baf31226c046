//! Twins of aws-cdk's framework-integ tests of aws-apigateway
//! (`packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/**/integ.*.ts`), one
//! module per test. Each test's app, translated to the parity harness, is `integ/<case>/app.js`
//! (see `integ/README.md`); its goldens are in `goldens/<case>/`. To add one: write
//! `integ/<case>.rs` with its `CASE` (`Case::integ`), and add `mod <case>;` and `<case>::CASE,`
//! below (one line each, in alphabetical order).

use crate::Case;

mod integ_api_definition_asset;
mod integ_api_definition_inline;
mod integ_api_with_authorizer_and_method;
mod integ_api_with_authorizer_and_proxy;
mod integ_api_with_overriding_default_authorizer;
mod integ_base_path_mapping;
mod integ_cloudwatch_disabled;
mod integ_cognito_authorizer;
mod integ_cors;
mod integ_cors_allow_multiple_origins;
mod integ_domain_name;
mod integ_lambda_api;
mod integ_lambda_api_latebound_deploymentstage;
mod integ_lambda_api_nonproxy;
mod integ_lambda_api_stream;
mod integ_lambda_generated_name;
mod integ_lambda_permission_consolidation;
mod integ_method_grant_execute;
mod integ_model_schema_additional_items;
mod integ_request_authorizer_lit;
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
mod integ_sfn_generated_name;
mod integ_spec_restapi;
mod integ_spec_restapi_endpointconfiguration;
mod integ_spec_restapi_import_deploymentstage;
mod integ_stepfunctions_api;
mod integ_stepfunctions_api_without_default_method_responses;
mod integ_stepfunctions_cognito_authorizer;
mod integ_stepfunctions_startexecution;
mod integ_stepfunctions_startexecution_without_default_method_responses;
mod integ_token_authorizer;
mod integ_token_authorizer_iam_role;
mod integ_usage_plan_multikey;
mod integ_usage_plan_sharing;

pub(crate) fn all() -> Vec<Case> {
    vec![
        integ_api_definition_asset::CASE,
        integ_api_definition_inline::CASE,
        integ_api_with_authorizer_and_method::CASE,
        integ_api_with_authorizer_and_proxy::CASE,
        integ_api_with_overriding_default_authorizer::CASE,
        integ_base_path_mapping::CASE,
        integ_cloudwatch_disabled::CASE,
        integ_cognito_authorizer::CASE,
        integ_cors::CASE,
        integ_cors_allow_multiple_origins::CASE,
        integ_domain_name::CASE,
        integ_lambda_api::CASE,
        integ_lambda_api_latebound_deploymentstage::CASE,
        integ_lambda_api_nonproxy::CASE,
        integ_lambda_api_stream::CASE,
        integ_lambda_generated_name::CASE,
        integ_lambda_permission_consolidation::CASE,
        integ_method_grant_execute::CASE,
        integ_model_schema_additional_items::CASE,
        integ_request_authorizer_lit::CASE,
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
        integ_sfn_generated_name::CASE,
        integ_spec_restapi::CASE,
        integ_spec_restapi_endpointconfiguration::CASE,
        integ_spec_restapi_import_deploymentstage::CASE,
        integ_stepfunctions_api::CASE,
        integ_stepfunctions_api_without_default_method_responses::CASE,
        integ_stepfunctions_cognito_authorizer::CASE,
        integ_stepfunctions_startexecution::CASE,
        integ_stepfunctions_startexecution_without_default_method_responses::CASE,
        integ_token_authorizer::CASE,
        integ_token_authorizer_iam_role::CASE,
        integ_usage_plan_multikey::CASE,
        integ_usage_plan_sharing::CASE,
    ]
}
