//! Twin of `cases/endpoint-configuration/app.js`.

use super::prelude::*;
use cdk_ec2::{InterfaceVpcEndpoint, InterfaceVpcEndpointAttributes};

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
        let some_endpoint = InterfaceVpcEndpoint::from_interface_vpc_endpoint_attributes(
            &stack,
            "SomeEndpoint",
            InterfaceVpcEndpointAttributes::builder()
                .vpc_endpoint_id("vpce-0123456789abcdef0")
                .port(443u16),
        )?;
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder().endpoint_configuration(
                EndpointConfiguration::builder()
                    .types([EndpointType::Private])
                    .vpc_endpoints([&some_endpoint])
                    .build()?,
            ),
        )?;
        api.root().add_method("GET", None)?;
        api.grant_invoke_from_vpc_endpoints_only([&some_endpoint]);
    }
    Ok(())
}
