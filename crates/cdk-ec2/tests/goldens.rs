//! EC2 constructs against aws-cdk-lib 2.276.0 goldens: each test rebuilds the `app.js`
//! beside its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Error, Stack};
use cdk_ec2::{
    IConnectable, InterfaceVpcEndpoint, InterfaceVpcEndpointAwsService,
    InterfaceVpcEndpointOptions, InterfaceVpcEndpointProps, InterfaceVpcEndpointService, Peer,
    Port, SecurityGroup, SecurityGroupProps, SubnetSelection, SubnetType, Vpc, VpcProps,
};

type TestResult = Result<(), Box<dyn StdError>>;

fn golden(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

/// Builds an app writing to a fresh folder, runs `build`, synthesizes; returns the folder.
fn synth(
    case: &str,
    build: impl FnOnce(&App) -> Result<(), Error>,
) -> Result<PathBuf, Box<dyn StdError>> {
    let out = std::env::temp_dir().join(format!("cdk-ec2-goldens-{case}"));
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    build(&app)?;
    app.synth()?;
    Ok(out)
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

fn ec2(e: cdk_ec2::Ec2Error) -> Error {
    match e {
        cdk_ec2::Ec2Error::Core(e) => e,
        other => Error::InvalidArgument { path: String::new(), message: other.to_string() },
    }
}

fn endpoint(
    vpc: &Vpc,
    id: &str,
    service: impl Into<InterfaceVpcEndpointService>,
) -> Result<InterfaceVpcEndpoint, Error> {
    vpc.add_interface_endpoint(id, InterfaceVpcEndpointOptions::builder().service(service.into()))
        .map_err(ec2)
}

/// zz-ec2-endpoints: interface endpoints, rules with peers and ports (inline and
/// separate), connections between groups.
#[test]
fn zz_ec2_endpoints() -> TestResult {
    let out = synth("zz-ec2-endpoints", |app| {
        let stack = Stack::new(app, "Stack")?;
        let vpc = Vpc::new(&stack, "Vpc", VpcProps::default()).map_err(ec2)?;
        let ep = endpoint(&vpc, "ApiEndpoint", InterfaceVpcEndpointAwsService::ApiGateway)?;
        InterfaceVpcEndpoint::new(
            &stack,
            "LambdaEndpoint",
            InterfaceVpcEndpointProps::builder()
                .vpc(&vpc)
                .service(InterfaceVpcEndpointAwsService::Lambda)
                .private_dns_enabled(false)
                .open(false)
                .subnets(SubnetSelection::subnet_type(SubnetType::Public)),
        )
        .map_err(ec2)?;
        endpoint(&vpc, "Sqs", InterfaceVpcEndpointAwsService::Sqs)?;
        endpoint(&vpc, "Sns", InterfaceVpcEndpointAwsService::Sns)?;
        endpoint(&vpc, "Sts", InterfaceVpcEndpointAwsService::Sts)?;
        endpoint(&vpc, "S3", InterfaceVpcEndpointAwsService::S3)?;
        endpoint(
            &vpc,
            "Custom",
            InterfaceVpcEndpointService::new("com.amazonaws.vpce.us-east-1.vpce-svc-123", 443),
        )?;
        CfnOutput::new(
            &stack,
            "EndpointId",
            CfnOutputProps::builder().value(ep.vpc_endpoint_id()),
        )?;

        let sg = SecurityGroup::new(
            &stack,
            "Sg",
            SecurityGroupProps::builder().vpc(&vpc).description("app"),
        )
        .map_err(ec2)?;
        sg.add_ingress_rule(Peer::ipv4("10.0.0.0/16"), &Port::tcp(443), "https from vpc")
            .map_err(ec2)?;
        sg.add_ingress_rule(Peer::any_ipv4(), &Port::tcp(80), None).map_err(ec2)?;
        sg.add_ingress_rule(Peer::any_ipv4(), &Port::tcp_range(8000, 8080), None).map_err(ec2)?;
        sg.add_egress_rule(Peer::ipv4("10.1.0.0/16"), &Port::all_traffic(), None).map_err(ec2)?;
        let closed = SecurityGroup::new(
            &stack,
            "Closed",
            SecurityGroupProps::builder().vpc(&vpc).allow_all_outbound(false),
        )
        .map_err(ec2)?;
        closed.add_egress_rule(Peer::any_ipv4(), &Port::tcp(443), "https out").map_err(ec2)?;
        closed
            .add_ingress_rule(
                Peer::security_group_id("sg-0123456789abcdef0", None),
                &Port::all_tcp(),
                None,
            )
            .map_err(ec2)?;
        sg.connections().allow_from(&closed, &Port::tcp(5432), "db").map_err(ec2)?;
        sg.connections().allow_to(&closed, &Port::udp(53), None).map_err(ec2)?;
        ep.connections().allow_default_port_from(&sg, None).map_err(ec2)?;
        ep.connections()
            .allow_from(&Peer::ipv4("192.168.0.0/24"), &Port::tcp(443), None)
            .map_err(ec2)?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-ec2-endpoints"))
}

/// zz-ec2-ipv6: IPv6 peers and `allow_all_ipv6_outbound`.
#[test]
fn zz_ec2_ipv6() -> TestResult {
    let out = synth("zz-ec2-ipv6", |app| {
        let stack = Stack::new(app, "Stack")?;
        let vpc = Vpc::new(&stack, "Vpc", VpcProps::default()).map_err(ec2)?;
        let open6 = SecurityGroup::new(
            &stack,
            "Open6",
            SecurityGroupProps::builder().vpc(&vpc).allow_all_ipv6_outbound(true),
        )
        .map_err(ec2)?;
        open6.add_ingress_rule(Peer::any_ipv6(), &Port::tcp(443), None).map_err(ec2)?;
        open6.add_egress_rule(Peer::ipv6("2001:db8::/32"), &Port::tcp(80), None).map_err(ec2)?;
        let closed = SecurityGroup::new(
            &stack,
            "Closed",
            SecurityGroupProps::builder().vpc(&vpc).allow_all_outbound(false),
        )
        .map_err(ec2)?;
        closed.add_egress_rule(Peer::ipv6("2001:db8::/32"), &Port::HTTPS, "v6 out").map_err(ec2)?;
        closed
            .add_ingress_rule(Peer::ipv6("2001:db8:1::/48"), &Port::udp_range(1000, 2000), None)
            .map_err(ec2)?;
        SecurityGroup::new(
            &stack,
            "Both",
            SecurityGroupProps::builder()
                .vpc(&vpc)
                .allow_all_outbound(false)
                .allow_all_ipv6_outbound(true),
        )
        .map_err(ec2)?;
        Ok(())
    })?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-ec2-ipv6"))
}

/// Peers CDK refuses, and the inline "all traffic" egress rule.
#[test]
fn refused_rules() -> TestResult {
    let app = App::new();
    app.skip_synth_check();
    let stack = Stack::new(&app, "Stack")?;
    let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
    let sg = SecurityGroup::new(
        &stack,
        "Sg",
        SecurityGroupProps::builder().vpc(&vpc).allow_all_outbound(false),
    )?;
    let e = sg.add_ingress_rule(Peer::ipv4("10.0.0.1"), &Port::tcp(1), None).unwrap_err();
    assert!(e.to_string().contains("Did you mean \"10.0.0.1/32\"?"), "{e}");
    let e = sg
        .add_ingress_rule(Peer::security_group_id("sg-1", None), &Port::tcp(1), None)
        .unwrap_err();
    assert!(e.to_string().contains("Invalid security group ID"), "{e}");
    let e = sg.add_ingress_rule(Peer::ipv6("2001:db8::"), &Port::tcp(1), None).unwrap_err();
    assert!(e.to_string().contains("Did you mean \"2001:db8::/128\"?"), "{e}");
    let e = sg.add_ingress_rule(Peer::ipv6("2001:DB8::/32"), &Port::tcp(1), None).unwrap_err();
    assert!(e.to_string().contains("Invalid IPv6 CIDR"), "{e}");
    let e = sg.add_egress_rule(Peer::any_ipv4(), &Port::all_traffic(), None).unwrap_err();
    assert!(e.to_string().contains("all traffic"), "{e}");
    let e = sg.connections().allow_default_port_from(&Peer::any_ipv4(), None).unwrap_err();
    assert!(e.to_string().contains("has no default port"), "{e}");
    Ok(())
}
