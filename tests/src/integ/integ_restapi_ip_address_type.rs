//! Twin of `integ/integ-restapi-ip-address-type/app.js` (aws-cdk's
//! `integ.restapi-ip-address-type.ts`).

use crate::cases::prelude::*;
use apigw_core::IpAddressType;

/// The case.
pub(crate) const CASE: Case = Case::integ("integ-restapi-ip-address-type", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "restapi-ip-address-type-test-stack")?;

    let api = |id: &str, types: EndpointType, ip_address_type: IpAddressType| {
        RestApi::new(
            &stack,
            id,
            RestApiProps::builder().endpoint_configuration(
                EndpointConfiguration::builder()
                    .types([types])
                    .ip_address_type(ip_address_type)
                    .build()?,
            ),
        )
    };

    let edge_ipv4_api = api("EdgeIpv4Api", EndpointType::Edge, IpAddressType::Ipv4)?;
    edge_ipv4_api.root().add_method("GET", None)?;

    let edge_dual_stack_api =
        api("EdgeDualStackApi", EndpointType::Edge, IpAddressType::DualStack)?;
    edge_dual_stack_api.root().add_method("GET", None)?;

    let regional_ipv4_api = api("RegionalIpv4Api", EndpointType::Regional, IpAddressType::Ipv4)?;
    regional_ipv4_api.root().add_method("GET", None)?;

    let regional_dual_stack_api =
        api("RegionalDualStackApi", EndpointType::Regional, IpAddressType::DualStack)?;
    regional_dual_stack_api.root().add_method("GET", None)?;

    let private_dualstack_api =
        api("PrivateDualStackApi", EndpointType::Private, IpAddressType::DualStack)?;
    private_dualstack_api.root().add_method("GET", None)?;
    Ok(())
}
