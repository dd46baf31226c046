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
            RestApiProps::builder()
                .endpoint_configuration(
                    EndpointConfiguration::builder()
                        .types(vec![EndpointType::Edge])
                        .build()
                        .map_err(build_err("EdgeStack/api"))?,
                )
                .build()
                .map_err(build_err("EdgeStack/api"))?,
        )?;
        api.root().add_method("GET", None)?;
    }
    {
        let stack = Stack::new(app, "PrivateStack")?;
        // `InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes`: an imported endpoint is
        // only a construct with an id; it adds nothing to the template.
        let some_endpoint = stack.node().add_child("SomeEndpoint")?;
        some_endpoint.set_construct_info("aws-cdk-lib.aws_ec2.InterfaceVpcEndpoint");
        let endpoint_id = Value::from("vpce-0123456789abcdef0");
        let api = RestApi::new(
            &stack,
            "api",
            RestApiProps::builder()
                .endpoint_configuration(
                    EndpointConfiguration::builder()
                        .types(vec![EndpointType::Private])
                        .vpc_endpoint_ids(vec![endpoint_id.clone()])
                        .build()
                        .map_err(build_err("PrivateStack/api"))?,
                )
                .build()
                .map_err(build_err("PrivateStack/api"))?,
        )?;
        api.root().add_method("GET", None)?;
        api.grant_invoke_from_vpc_endpoints_only(vec![endpoint_id]);
    }
    Ok(())
}
