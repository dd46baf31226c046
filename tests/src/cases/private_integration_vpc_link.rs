//! Twin of `cases/private-integration-vpc-link/app.js`.

use super::prelude::*;
use apigw_core::{ConnectionType, Integration, IntegrationProps, IntegrationType};
use apigw_core::{VpcLink, VpcLinkProps};
use cdk_ec2::{Vpc, VpcProps};
use cdk_elasticloadbalancingv2::{NetworkLoadBalancer, NetworkLoadBalancerProps};

/// The case.
pub(crate) const CASE: Case = Case::new("private-integration-vpc-link", build);

fn build(app: &App, _: &Path) -> Result<(), Error> {
    let stack = Stack::new(app, "Stack")?;

    let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
    let nlb =
        NetworkLoadBalancer::new(&stack, "NLB", NetworkLoadBalancerProps::builder().vpc(vpc))?;
    let link = VpcLink::new(&stack, "link", VpcLinkProps::builder().targets([&nlb]))?;

    let via_link = IntegrationOptions::builder().connection_type(ConnectionType::VpcLink);
    let integration = Integration::new(
        IntegrationProps::builder()
            .type_(IntegrationType::HttpProxy)
            .integration_http_method("ANY")
            .options(via_link.vpc_link(link).build()?),
    )?;

    let api = RestApi::new(&stack, "api", RestApiProps::default())?;
    api.root().add_method("ANY", integration)?;

    let awesome_link =
        VpcLink::from_vpc_link_id(&stack, "awesome-vpc-link", "us-east-1_oiuR12Abd")?;
    api.root().add_resource("imported")?.add_method(
        "GET",
        Integration::new(
            IntegrationProps::builder()
                .type_(IntegrationType::HttpProxy)
                .integration_http_method("GET")
                .uri("http://internal.example.com/imported")
                .options(
                    IntegrationOptions::builder()
                        .connection_type(ConnectionType::VpcLink)
                        .vpc_link(awesome_link)
                        .build()?,
                ),
        )?,
    )?;
    Ok(())
}
