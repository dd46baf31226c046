// zz-sqs-queue: sqs.Queue defaults and props, the four grants to a role (merged into its
// default policy), enforceSSL's queue policy, a dead-letter queue, outputs of url/name/arn.
const cdk = require('aws-cdk-lib');
const sqs = require('aws-cdk-lib/aws-sqs');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const plain = new sqs.Queue(stack, 'Plain');
const dlq = new sqs.Queue(stack, 'Dlq', { retentionPeriod: cdk.Duration.days(14) });
const full = new sqs.Queue(stack, 'Full', {
  queueName: 'full-queue',
  visibilityTimeout: cdk.Duration.seconds(60),
  retentionPeriod: cdk.Duration.days(4),
  deliveryDelay: cdk.Duration.seconds(5),
  receiveMessageWaitTime: cdk.Duration.seconds(20),
  maxMessageSizeBytes: 1024,
  encryption: sqs.QueueEncryption.KMS_MANAGED,
  dataKeyReuse: cdk.Duration.minutes(5),
  deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
  removalPolicy: cdk.RemovalPolicy.RETAIN,
});
const fifo = new sqs.Queue(stack, 'Fifo', {
  fifo: true,
  contentBasedDeduplication: true,
  encryption: sqs.QueueEncryption.SQS_MANAGED,
});
const named = new sqs.Queue(stack, 'NamedFifo', { queueName: 'orders.fifo' });
const ssl = new sqs.Queue(stack, 'Ssl', {
  encryption: sqs.QueueEncryption.UNENCRYPTED,
  enforceSSL: true,
});
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
plain.grantSendMessages(role);
full.grantConsumeMessages(role);
fifo.grantPurge(role);
named.grant(role, 'sqs:ChangeMessageVisibility', 'sqs:SendMessage');
ssl.grantSendMessages(role);
new cdk.CfnOutput(stack, 'Url', { value: plain.queueUrl });
new cdk.CfnOutput(stack, 'Name', { value: plain.queueName });
new cdk.CfnOutput(stack, 'Arn', { value: full.queueArn });
finish(app, __dirname);
