//! Twin of `integ/integ-domain-name/app.js` (aws-cdk's `integ.domain-name.ts`).

use crate::cases::prelude::*;
use apigw_core::Integration;
use cdk_core::Node;
use cfn_route53::record_set::AliasTarget;
use cfn_route53::{CfnRecordSet, CfnRecordSetProps};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-domain-name", build);

/// The test's `DOMAIN_NAME`, `HOSTED_ZONE_ID` and `CERT_ARN`, as in its committed snapshot.
const DOMAIN_NAME: &str = "*.example.com";
const HOSTED_ZONE_ID: &str = "Z23ABC4XYZL05B";
const CERT_ARN: &str =
    "arn:aws:acm:test-region:12345678:certificate/86468209-a272-595d-b831-0efb6421265z";

/// The inline code of the `InvokeApi` function.
const INVOKE_API_CODE: &str = "
const https = require('https');
exports.handler = async function(event) {
  console.log(event);
  const options = {
    hostname: event.hostname,
    path: event.path,
  };
  let dataString = '';
  const response = await new Promise((resolve, reject) => {
    const req = https.get(options, (res) => {
      res.on('data', data => {
        dataString += data;
      })
      res.on('end', () => {
        resolve({
          statusCode: res.statusCode,
          body: dataString,
        });
      })
    });
    req.on('error', err => {
      reject({
        statusCode: 500,
        body: JSON.stringify({
          cause: 'Something went wrong',
          error: err,
        })
      });
    });
    req.end();
  });
  return response;
}

";

/// The test's `Api` construct: a regional REST API with a `GET` on its root and on
/// `/<path>`, both mock integrations answering `status_code`.
struct Api {
    rest_api: RestApi,
}

impl Api {
    fn new(scope: &Stack, id: &str, status_code: u16, path: &str) -> Result<Api, Error> {
        let node: Node = scope.node().add_child(id)?;
        let rest_api = RestApi::new(
            &node,
            &format!("IntegApi{status_code}"),
            RestApiProps::builder().endpoint_types([EndpointType::Regional]),
        )?;
        let resource = rest_api.root().add_resource(path)?;
        let integration = Api::create_integration(status_code)?;
        let options = MethodOptions::builder()
            .method_responses([MethodResponse::builder()
                .status_code(status_code.to_string())
                .build()?])
            .build()?;
        rest_api.root().add_method_with("GET", &integration, options.clone())?;
        resource.add_method_with("GET", &integration, options)?;
        Ok(Api { rest_api })
    }

    /// The mock integration answering `status_code` (`{ statusCode: ${Number(statusCode)} }`).
    fn create_integration(status_code: u16) -> Result<Integration, Error> {
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .request_templates([(
                    "application/json",
                    format!("{{ statusCode: {status_code} }}"),
                )])
                .integration_responses([IntegrationResponse::builder()
                    .status_code(status_code.to_string())
                    .response_templates([(
                        "application/json",
                        serde_json::json!({ "message": "Hello, world" }).to_string(),
                    )])
                    .build()?]),
        )
    }
}

/// `new CfnRecordSet(testCase, id, { name, type: 'A', hostedZoneId, aliasTarget })` for `domain`.
fn record(stack: &Stack, id: &str, name: &str, domain: &DomainName) -> Result<(), Error> {
    CfnRecordSet::new(
        stack,
        id,
        CfnRecordSetProps::builder()
            .name(name)
            .type_("A")
            .hosted_zone_id(HOSTED_ZONE_ID)
            .alias_target(
                AliasTarget::builder()
                    .hosted_zone_id(domain.domain_name_alias_hosted_zone_id())
                    .dns_name(domain.domain_name_alias_domain_name())
                    .build()?,
            ),
    )?;
    Ok(())
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let test_case = Stack::new(app, "integ-apigw-domain-name-mapping")?;

    let certificate = Certificate::from_certificate_arn(&test_case, "Cert", CERT_ARN)?;
    let api1 = Api::new(&test_case, "IntegApi1", 201, "items")?;
    let api2 = Api::new(&test_case, "IntegApi2", 202, "items")?;

    // Test 1
    let domain = DomainName::new(
        &test_case,
        "IntegDomain",
        DomainNameProps::builder()
            .domain_name(DOMAIN_NAME)
            .security_policy(SecurityPolicy::Tls12)
            .certificate(&certificate)
            .mapping(&api1.rest_api),
    )?;
    record(&test_case, "IntegDomainRecord", DOMAIN_NAME, &domain)?;
    domain.add_base_path_mapping(
        &api1.rest_api,
        BasePathMappingOptions::builder().base_path("orders"),
    )?;
    domain.add_api_mapping(
        &api2.rest_api.deployment_stage()?,
        ApiMappingOptions::builder().base_path("orders/v2"),
    )?;
    domain.add_api_mapping(
        &api1.rest_api.deployment_stage()?,
        ApiMappingOptions::builder().base_path("orders/v1"),
    )?;

    // Test 2
    let second_name = format!("another-{DOMAIN_NAME}");
    let second_domain = DomainName::new(
        &test_case,
        "Integ2Domain",
        DomainNameProps::builder()
            .domain_name(second_name.clone())
            .security_policy(SecurityPolicy::Tls12)
            .certificate(&certificate)
            .mapping(&api1.rest_api)
            .base_path("orders"),
    )?;
    record(&test_case, "Integ2DomainRecord", &second_name, &second_domain)?;
    second_domain.add_api_mapping(
        &api2.rest_api.deployment_stage()?,
        ApiMappingOptions::builder().base_path("orders/v2"),
    )?;

    // Test 3
    let third_name = format!("yet-another-{DOMAIN_NAME}");
    let third_domain = DomainName::new(
        &test_case,
        "Integ3Domain",
        DomainNameProps::builder()
            .domain_name(third_name.clone())
            .security_policy(SecurityPolicy::Tls12)
            .certificate(&certificate)
            .mapping(&api1.rest_api),
    )?;
    record(&test_case, "Integ3DomainRecord", &third_name, &third_domain)?;
    third_domain
        .add_base_path_mapping(&api2.rest_api, BasePathMappingOptions::builder().base_path("v2"))?;

    Function::new(
        &test_case,
        "InvokeApi",
        FunctionProps::builder()
            .code(Code::from_inline(INVOKE_API_CODE))
            .handler("index.handler")
            .runtime(Runtime::NODEJS_16_X),
    )?;
    Ok(())
}
