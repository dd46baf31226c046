// zz-kms-encryption: kms.Key defaults and props, customer managed keys of a queue, a stream,
// a topic and a table (created or given), and the key grants their grants add.
const cdk = require('aws-cdk-lib');
const kms = require('aws-cdk-lib/aws-kms');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const key = new kms.Key(stack, 'Key');
const full = new kms.Key(stack, 'Full', {
  description: 'shared key',
  enableKeyRotation: true,
  pendingWindow: cdk.Duration.days(10),
  alias: 'alias/shared',
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const queue = new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.KMS });
const queue2 = new sqs.Queue(stack, 'Queue2', { encryptionMasterKey: key });
queue.grantSendMessages(role);
queue2.grantConsumeMessages(role);
const topic = new sns.Topic(stack, 'Topic', { masterKey: full });
topic.grantPublish(role);
const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS });
const stream2 = new kinesis.Stream(stack, 'Stream2', { encryptionKey: key });
stream.grantRead(role);
stream2.grantReadWrite(role);
const table = new dynamodb.Table(stack, 'Table', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
});
table.grantReadWriteData(role);
key.grantEncryptDecrypt(role);
new cdk.CfnOutput(stack, 'KeyArn', { value: key.keyArn });
new cdk.CfnOutput(stack, 'KeyId', { value: key.keyId });
finish(app, __dirname);
