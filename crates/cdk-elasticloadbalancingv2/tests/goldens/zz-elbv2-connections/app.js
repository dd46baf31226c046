// zz-elbv2-connections: a network load balancer's connections (its default security group)
// opened to a range and to a security group, and towards a security group.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const elbv2 = require('aws-cdk-lib/aws-elasticloadbalancingv2');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const vpc = new ec2.Vpc(stack, 'Vpc');
const nlb = new elbv2.NetworkLoadBalancer(stack, 'NLB', { vpc });
const clients = new ec2.SecurityGroup(stack, 'Clients', { vpc });
const backends = new ec2.SecurityGroup(stack, 'Backends', { vpc, allowAllOutbound: false });
nlb.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(80));
nlb.connections.allowFrom(clients, ec2.Port.tcp(443), 'clients');
nlb.connections.allowTo(backends, ec2.Port.tcp(8080));
nlb.addListener('Listener', { port: 80 }).addTargets('Targets', {
  port: 8080,
  targets: [new (require('aws-cdk-lib/aws-elasticloadbalancingv2-targets').IpTarget)('10.0.128.10')],
});

finish(app, __dirname);
