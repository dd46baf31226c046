// zz-elbv2-listeners: NetworkLoadBalancer.addListener, NetworkListener.addTargets with IP
// and instance targets and a health check, a standalone NetworkTargetGroup.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const targets = require('aws-cdk-lib/aws-elasticloadbalancingv2-targets');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const vpc = new ec2.Vpc(stack, 'Vpc');
const nlb = new elbv2.NetworkLoadBalancer(stack, 'NLB', { vpc });
const listener = nlb.addListener('Listener', { port: 80 });
listener.addTargets('Targets', {
  port: 8080,
  targets: [new targets.IpTarget('10.0.128.10'), new targets.IpTarget('10.0.128.11', 8081)],
  healthCheck: { path: '/health', protocol: elbv2.Protocol.HTTP, interval: cdk.Duration.seconds(30), healthyThresholdCount: 3 },
});
const l2 = nlb.addListener('Tcp', { port: 443, protocol: elbv2.Protocol.TCP });
l2.addTargets('Instances', {
  port: 443,
  targets: [new targets.InstanceIdTarget('i-0123456789abcdef0')],
  deregistrationDelay: cdk.Duration.seconds(10),
});
const tg = new elbv2.NetworkTargetGroup(stack, 'Standalone', {
  vpc,
  port: 9000,
  protocol: elbv2.Protocol.TCP,
  targetType: elbv2.TargetType.IP,
});
nlb.addListener('Third', { port: 9000, defaultTargetGroups: [tg] });
new cdk.CfnOutput(stack, 'TgArn', { value: tg.targetGroupArn });

finish(app, __dirname);
