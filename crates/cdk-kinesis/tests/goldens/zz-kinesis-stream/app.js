// zz-kinesis-stream: kinesis.Stream defaults (the region condition for encryption) and props,
// grantRead/grantWrite/grantReadWrite to roles, outputs of arn/name.
const cdk = require('aws-cdk-lib');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const plain = new kinesis.Stream(stack, 'Plain');
const second = new kinesis.Stream(stack, 'Second', { shardCount: 2 });
const full = new kinesis.Stream(stack, 'Full', {
  streamName: 'my-stream',
  shardCount: 3,
  retentionPeriod: cdk.Duration.hours(48),
  encryption: kinesis.StreamEncryption.MANAGED,
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const onDemand = new kinesis.Stream(stack, 'OnDemand', {
  streamMode: kinesis.StreamMode.ON_DEMAND,
  encryption: kinesis.StreamEncryption.UNENCRYPTED,
});
const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const writer = new iam.Role(stack, 'Writer', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
plain.grantRead(reader);
second.grantRead(reader);
full.grantWrite(writer);
onDemand.grantReadWrite(writer);
new cdk.CfnOutput(stack, 'Arn', { value: plain.streamArn });
new cdk.CfnOutput(stack, 'Name', { value: full.streamName });
finish(app, __dirname);
