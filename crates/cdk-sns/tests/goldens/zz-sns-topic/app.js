// zz-sns-topic: sns.Topic defaults and props, FIFO naming, grantPublish to a role,
// outputs of arn/name.
const cdk = require('aws-cdk-lib');
const sns = require('aws-cdk-lib/aws-sns');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const plain = new sns.Topic(stack, 'Plain');
const named = new sns.Topic(stack, 'Named', { displayName: 'My topic', topicName: 'my-topic' });
const fifo = new sns.Topic(stack, 'Fifo', { fifo: true, contentBasedDeduplication: true });
const fifoNamed = new sns.Topic(stack, 'FifoNamed', { fifo: true, topicName: 'orders' });
const signed = new sns.Topic(stack, 'Signed', { signatureVersion: '2' });
const retained = new sns.Topic(stack, 'Retained', { fifo: true, messageRetentionPeriodInDays: 7, fifoThroughputScope: sns.FifoThroughputScope.MESSAGE_GROUP });
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
plain.grantPublish(role);
named.grantPublish(role);
fifo.grantPublish(role);
fifoNamed.grantPublish(role);
signed.grantPublish(role);
new cdk.CfnOutput(stack, 'Arn', { value: plain.topicArn });
new cdk.CfnOutput(stack, 'Name', { value: plain.topicName });
finish(app, __dirname);
