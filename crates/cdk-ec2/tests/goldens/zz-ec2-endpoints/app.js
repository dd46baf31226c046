// zz-ec2-endpoints: interface VPC endpoints (created and added to a VPC, services with and
// without region prefixes), security group rules with peers and ports (inline and separate),
// connections between groups.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const vpc = new ec2.Vpc(stack, 'Vpc');
const ep = vpc.addInterfaceEndpoint('ApiEndpoint', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
new ec2.InterfaceVpcEndpoint(stack, 'LambdaEndpoint', {
  vpc,
  service: ec2.InterfaceVpcEndpointAwsService.LAMBDA,
  privateDnsEnabled: false,
  open: false,
  subnets: { subnetType: ec2.SubnetType.PUBLIC },
});
vpc.addInterfaceEndpoint('Sqs', { service: ec2.InterfaceVpcEndpointAwsService.SQS });
vpc.addInterfaceEndpoint('Sns', { service: ec2.InterfaceVpcEndpointAwsService.SNS });
vpc.addInterfaceEndpoint('Sts', { service: ec2.InterfaceVpcEndpointAwsService.STS });
vpc.addInterfaceEndpoint('S3', { service: ec2.InterfaceVpcEndpointAwsService.S3 });
vpc.addInterfaceEndpoint('Custom', { service: new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-123', 443) });
new cdk.CfnOutput(stack, 'EndpointId', { value: ep.vpcEndpointId });

const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc, description: 'app' });
sg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443), 'https from vpc');
sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80));
sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(8000, 8080));
sg.addEgressRule(ec2.Peer.ipv4('10.1.0.0/16'), ec2.Port.allTraffic());
const closed = new ec2.SecurityGroup(stack, 'Closed', { vpc, allowAllOutbound: false });
closed.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'https out');
closed.addIngressRule(ec2.Peer.securityGroupId('sg-0123456789abcdef0'), ec2.Port.allTcp());
sg.connections.allowFrom(closed, ec2.Port.tcp(5432), 'db');
sg.connections.allowTo(closed, ec2.Port.udp(53));
ep.connections.allowDefaultPortFrom(sg);
ep.connections.allowFrom(ec2.Peer.ipv4('192.168.0.0/24'), ec2.Port.tcp(443));

finish(app, __dirname);
