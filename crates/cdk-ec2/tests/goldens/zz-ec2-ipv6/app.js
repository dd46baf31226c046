// zz-ec2-ipv6: IPv6 peers and the allowAllIpv6Outbound default egress rule.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const vpc = new ec2.Vpc(stack, 'Vpc');
const open6 = new ec2.SecurityGroup(stack, 'Open6', { vpc, allowAllIpv6Outbound: true });
open6.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(443));
open6.addEgressRule(ec2.Peer.ipv6('2001:db8::/32'), ec2.Port.tcp(80));
const closed = new ec2.SecurityGroup(stack, 'Closed', { vpc, allowAllOutbound: false });
closed.addEgressRule(ec2.Peer.ipv6('2001:db8::/32'), ec2.Port.tcp(443), 'v6 out');
closed.addIngressRule(ec2.Peer.ipv6('2001:db8:1::/48'), ec2.Port.udpRange(1000, 2000));
const both = new ec2.SecurityGroup(stack, 'Both', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: true });

finish(app, __dirname);
