//! Twin of `integ/integ-restapi-vpc-endpoint/app.js` (aws-cdk's
//! `integ.restapi.vpc-endpoint.ts`): a private API reachable from the interface endpoints of
//! two VPCs, and a function in each VPC allowed to reach its endpoint.

use crate::cases::prelude::*;
use apigw_core::IRestApi;
use cdk_ec2::{
    InterfaceVpcEndpoint, InterfaceVpcEndpointAwsService, InterfaceVpcEndpointOptions, Port, Vpc,
    VpcProps,
};

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-vpc-endpoint", build);

/// The test functions' inline code (written line by line: some lines end with spaces).
const TEST_FUNCTION_CODE: &str = concat!(
    "\n",
    "          const https = require('https');\n",
    "  \n",
    "          const httpsGet = (url) => {\n",
    "            return new Promise((resolve, reject) => {\n",
    "              https.get(url, (res) => {\n",
    "                let data = '';\n",
    "  \n",
    "                res.on('data', (chunk) => {\n",
    "                  data += chunk;\n",
    "                });\n",
    "  \n",
    "                res.on('end', () => {\n",
    "                  resolve(data);\n",
    "                });\n",
    "  \n",
    "                res.on('error', (e) => {\n",
    "                  reject(e);\n",
    "                });\n",
    "              });\n",
    "            });\n",
    "          };\n",
    "  \n",
    "          exports.handler = async function(event) {\n",
    "            const apiEndpoint = process.env.API_ENDPOINT;\n",
    "  \n",
    "            try {\n",
    "              const data = await httpsGet(apiEndpoint);\n",
    "              return {\n",
    "                statusCode: 200,\n",
    "                body: JSON.stringify({ message: 'Success', data }),\n",
    "              };\n",
    "            } catch (error) {\n",
    "              return {\n",
    "                statusCode: 500,\n",
    "                body: JSON.stringify({ message: 'Error', error: error.message }),\n",
    "              };\n",
    "            }\n",
    "          };\n",
    "        ",
);

/// `TestStack`: its test functions.
fn test_stack(scope: &App, id: &str) -> Result<Vec<Function>, Error> {
    let this = Stack::new(scope, id)?;

    let vpc1 = Vpc::new(
        &this,
        "Vpc1",
        VpcProps::builder().restrict_default_security_group(false).nat_gateways(0usize),
    )?;
    let vpc_endpoint1 = vpc1.add_interface_endpoint(
        "VpcEndpoint1",
        InterfaceVpcEndpointOptions::builder()
            .service(InterfaceVpcEndpointAwsService::ApiGateway)
            .private_dns_enabled(true),
    )?;
    let vpc2 = Vpc::new(
        &this,
        "Vpc2",
        VpcProps::builder().restrict_default_security_group(false).nat_gateways(0usize),
    )?;
    let vpc_endpoint2 = vpc2.add_interface_endpoint(
        "VpcEndpoint2",
        InterfaceVpcEndpointOptions::builder()
            .service(InterfaceVpcEndpointAwsService::ApiGateway)
            .private_dns_enabled(true),
    )?;

    let api = RestApi::new(
        &this,
        "Api",
        RestApiProps::builder().cloud_watch_role(true).endpoint_configuration(
            EndpointConfiguration::builder()
                .types([EndpointType::Private])
                .vpc_endpoints([&vpc_endpoint1, &vpc_endpoint2])
                .build()?,
        ),
    )?;
    api.root().add_method_with(
        "GET",
        MockIntegration::with_options(
            IntegrationOptions::builder()
                .request_templates([(
                    "application/json",
                    serde_json::json!({ "statusCode": 200 }).to_string(),
                )])
                .integration_responses([IntegrationResponse::builder()
                    .status_code("200")
                    .response_templates([(
                        "application/json",
                        serde_json::json!({ "message": "OK" }).to_string(),
                    )])
                    .build()?]),
        )?,
        MethodOptions::builder()
            .method_responses([MethodResponse::builder().status_code("200").build()?]),
    )?;
    api.grant_invoke_from_vpc_endpoints_only([&vpc_endpoint1, &vpc_endpoint2]);

    let configs: [(&InterfaceVpcEndpoint, &Vpc); 2] =
        [(&vpc_endpoint1, &vpc1), (&vpc_endpoint2, &vpc2)];
    let mut test_functions = Vec::new();
    for (index, (endpoint, vpc)) in configs.into_iter().enumerate() {
        let test_function = Function::new(
            &this,
            &format!("TestFunction{index}"),
            FunctionProps::builder()
                .runtime(Runtime::NODEJS_20_X)
                .handler("index.handler")
                .code(Code::from_inline(TEST_FUNCTION_CODE))
                .vpc(vpc)
                .environment([("API_ENDPOINT", api.url()?)]),
        )?;
        test_function.add_to_role_policy(
            PolicyStatement::new()
                .actions(["execute-api:Invoke"])
                .resources([api.arn_for_execute_api(None, None, None)?]),
        )?;
        test_function.connections()?.allow_to(endpoint, &Port::tcp(443), None)?;
        test_functions.push(test_function);
    }
    Ok(test_functions)
}

fn build(app: &App, _: &Path) -> Result<(), Error> {
    app.node().set_context("@aws-cdk/aws-lambda:useCdkManagedLogGroup", false)?;
    app.node().set_context("@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy", false)?;
    test_stack(app, "ApiGatewayVpcEndpointTestStack")?;
    Ok(())
}
