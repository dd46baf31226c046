//! `test/vpc-link.test.ts`: tests in CDK 4, ported 4, passing 4, ignored 0, newer than
//! 2.276.0: 0.

use apigw_core::{VpcLink, VpcLinkProps};
use cdk_ec2::{Vpc, VpcProps};
use cdk_elasticloadbalancingv2::{NetworkLoadBalancer, NetworkLoadBalancerProps};

use crate::support::*;

/// `new elbv2.NetworkLoadBalancer(stack, id, { vpc })`.
fn nlb(
    stack: &Stack,
    id: &str,
    vpc: &Vpc,
) -> Result<NetworkLoadBalancer, Box<dyn std::error::Error>> {
    Ok(NetworkLoadBalancer::new(stack, id, NetworkLoadBalancerProps::builder().vpc(vpc.clone()))?)
}

#[test]
fn default_setup() -> AnyResult {
    let (_app, stack) = stack()?;
    let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
    let nlb = nlb(&stack, "NLB", &vpc)?;
    VpcLink::new(
        &stack,
        "VpcLink",
        VpcLinkProps::builder().vpc_link_name("MyLink").targets([&nlb]),
    )?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::VpcLink",
        pattern!({ "Name": "MyLink", "TargetArns": [{ "Ref": "NLB55158F82" }] }),
    )?;
    Ok(())
}

#[test]
fn targets_can_be_added_using_add_targets() -> AnyResult {
    let (_app, stack) = stack()?;
    let vpc = Vpc::new(&stack, "VPC", VpcProps::default())?;
    let nlb0 = nlb(&stack, "NLB0", &vpc)?;
    let nlb1 = nlb(&stack, "NLB1", &vpc)?;
    let nlb2 = nlb(&stack, "NLB2", &vpc)?;
    let nlb3 = nlb(&stack, "NLB3", &vpc)?;
    let link = VpcLink::new(&stack, "VpcLink", VpcLinkProps::builder().targets([&nlb0]))?;
    link.add_targets([&nlb1, &nlb2])?;
    link.add_targets([&nlb3])?;
    Template::from_stack(&stack)?.has_resource_properties(
        "AWS::ApiGateway::VpcLink",
        pattern!({
            "Name": "VpcLink",
            "TargetArns": [
                { "Ref": "NLB03D178991" },
                { "Ref": "NLB13224D47C" },
                { "Ref": "NLB2BEBACE62" },
                { "Ref": "NLB372DB3895" },
            ],
        }),
    )?;
    Ok(())
}

#[test]
fn import() -> TestResult {
    let (_app, stack) = stack()?;
    VpcLink::from_vpc_link_id(&stack, "ImportedVpcLink", "vpclink-id")?;
    Template::from_stack(&stack)?.resource_count_is("AWS::ApiGateway::VpcLink", 0)
}

#[test]
fn validation_error_if_vpc_link_is_created_and_no_targets_are_added() -> TestResult {
    let app = App::new();
    let stack = Stack::new(&app, "stack")?;
    VpcLink::new(&stack, "vpclink", VpcLinkProps::default())?;
    let err = app.synth().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("No targets added to vpc link"), "{err}");
    Ok(())
}
