//! Listeners and target groups against aws-cdk-lib 2.276.0 goldens: each test rebuilds the
//! `app.js` beside its golden and compares the synthesized template byte for byte.

use std::error::Error as StdError;
use std::path::{Path, PathBuf};
use std::time::Duration;

use cdk_core::{App, AppProps, CfnOutput, CfnOutputProps, Stack};
use cdk_ec2::{IConnectable, Peer, Port, SecurityGroup, SecurityGroupProps, Vpc, VpcProps};
use cdk_elasticloadbalancingv2::{
    AddNetworkTargetsProps, HealthCheck, InstanceTarget, IpTarget, NetworkListenerOptions,
    NetworkLoadBalancer, NetworkLoadBalancerProps, NetworkTarget, NetworkTargetGroup,
    NetworkTargetGroupProps, Protocol, TargetType,
};

type TestResult = Result<(), Box<dyn StdError>>;

fn golden(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/goldens")
        .join(case)
        .join("Stack.template.json")
}

fn assert_same_file(ours: &Path, golden: &Path) -> TestResult {
    let o = std::fs::read_to_string(ours)?;
    let g = std::fs::read_to_string(golden)?;
    assert!(o == g, "{} differs from {}:\n{o}", ours.display(), golden.display());
    Ok(())
}

/// zz-elbv2-listeners: listeners with IP and instance targets, a health check, a
/// deregistration delay, a standalone target group as default target group.
#[test]
fn zz_elbv2_listeners() -> TestResult {
    let out = std::env::temp_dir().join("cdk-elbv2-goldens-zz-elbv2-listeners");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
    let nlb = NetworkLoadBalancer::new(
        &stack,
        "NLB",
        NetworkLoadBalancerProps::builder().vpc(vpc.clone()),
    )?;
    let listener = nlb.add_listener("Listener", NetworkListenerOptions::builder().port(80u16))?;
    let targets: [NetworkTarget; 2] = [
        IpTarget::new("10.0.128.10", None, None).into(),
        IpTarget::new("10.0.128.11", 8081, None).into(),
    ];
    listener.add_targets(
        "Targets",
        AddNetworkTargetsProps::builder().port(8080u16).targets(targets).health_check(
            HealthCheck::builder()
                .path("/health")
                .protocol(Protocol::Http)
                .interval(Duration::from_secs(30))
                .healthy_threshold_count(3u32)
                .build()?,
        ),
    )?;
    let tcp = nlb.add_listener(
        "Tcp",
        NetworkListenerOptions::builder().port(443u16).protocol(Protocol::Tcp),
    )?;
    tcp.add_targets(
        "Instances",
        AddNetworkTargetsProps::builder()
            .port(443u16)
            .targets([InstanceTarget::new("i-0123456789abcdef0", None)])
            .deregistration_delay(Duration::from_secs(10)),
    )?;
    let tg = NetworkTargetGroup::new(
        &stack,
        "Standalone",
        NetworkTargetGroupProps::builder()
            .vpc(vpc)
            .port(9000u16)
            .protocol(Protocol::Tcp)
            .target_type(TargetType::Ip),
    )?;
    nlb.add_listener(
        "Third",
        NetworkListenerOptions::builder().port(9000u16).default_target_groups([&tg]),
    )?;
    CfnOutput::new(&stack, "TgArn", CfnOutputProps::builder().value(tg.target_group_arn()))?;
    app.synth()?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-elbv2-listeners"))
}

/// zz-elbv2-connections: the load balancer's connections (its default security group).
#[test]
fn zz_elbv2_connections() -> TestResult {
    let out = std::env::temp_dir().join("cdk-elbv2-goldens-zz-elbv2-connections");
    let _ = std::fs::remove_dir_all(&out);
    let app = App::with_props(AppProps::builder().outdir(out.clone()).build()?);
    let stack = Stack::new(&app, "Stack")?;
    let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
    let nlb = NetworkLoadBalancer::new(
        &stack,
        "NLB",
        NetworkLoadBalancerProps::builder().vpc(vpc.clone()),
    )?;
    let clients = SecurityGroup::new(&stack, "Clients", SecurityGroupProps::builder().vpc(&vpc))?;
    let backends = SecurityGroup::new(
        &stack,
        "Backends",
        SecurityGroupProps::builder().vpc(&vpc).allow_all_outbound(false),
    )?;
    nlb.connections().allow_from(&Peer::ipv4("10.0.0.0/16"), &Port::tcp(80), None)?;
    nlb.connections().allow_from(&clients, &Port::tcp(443), "clients")?;
    nlb.connections().allow_to(&backends, &Port::tcp(8080), None)?;
    nlb.add_listener("Listener", NetworkListenerOptions::builder().port(80u16))?.add_targets(
        "Targets",
        AddNetworkTargetsProps::builder().port(8080u16).targets([IpTarget::new(
            "10.0.128.10",
            None,
            None,
        )]),
    )?;
    app.synth()?;
    assert_same_file(&out.join("Stack.template.json"), &golden("zz-elbv2-connections"))
}

/// A listener without targets fails validation; mixed target types are refused.
#[test]
fn refusals() -> TestResult {
    let app = App::new();
    app.skip_synth_check();
    let stack = Stack::new(&app, "Stack")?;
    let vpc = Vpc::new(&stack, "Vpc", VpcProps::default())?;
    let tg = NetworkTargetGroup::new(
        &stack,
        "G",
        NetworkTargetGroupProps::builder()
            .vpc(vpc.clone())
            .port(1u16)
            .targets([IpTarget::new("10.0.0.1", None, None)]),
    )?;
    let e = tg.add_target(&InstanceTarget::new("i-1", None)).unwrap_err();
    assert!(e.to_string().contains("make all targets the same type"), "{e}");
    let nlb =
        NetworkLoadBalancer::new(&stack, "NLB", NetworkLoadBalancerProps::builder().vpc(vpc))?;
    nlb.add_listener("Empty", NetworkListenerOptions::builder().port(80u16))?;
    let e = app.synth().unwrap_err();
    assert!(e.to_string().contains("Listener needs at least one default action"), "{e}");
    Ok(())
}
