//! Twin of `cases/endpoint-configuration/app.js`.

use super::prelude::*;

/// The case.
pub(crate) const CASE: Case = Case::new("endpoint-configuration", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    {
        let stack = Stack::new(app, "EdgeStack")?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().endpoint_configuration(
                EndpointConfiguration::builder().types([EndpointType::Edge]).build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
    }

    {
        let stack = Stack::new(app, "PrivateStack")?;
        // `InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes`: an imported endpoint is
        // only a construct with an id; it adds nothing to the template.
        let some_endpoint = stack.node().add_child("SomeEndpoint")?;
        some_endpoint.set_construct_info("aws-cdk-lib.aws_ec2.InterfaceVpcEndpoint");
        let some_endpoint_id = "vpce-0123456789abcdef0";
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().endpoint_configuration(
                EndpointConfiguration::builder()
                    .types([EndpointType::Private])
                    .vpc_endpoint_ids([some_endpoint_id])
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
        api.grant_invoke_from_vpc_endpoints_only([some_endpoint_id]);
    }
    Ok(())
}
