// zz-neigh-imports: queues, topics, streams, event buses and tables imported by ARN (literal
// and token) or name, granted to a role; outputs of what the imports derive (names, URLs).
const cdk = require('aws-cdk-lib');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const events = require('aws-cdk-lib/aws-events');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const arnParam = new cdk.CfnParameter(stack, 'Arn', { type: 'String' });
const arn = arnParam.valueAsString;

const q1 = sqs.Queue.fromQueueArn(stack, 'Q1', 'arn:aws:sqs:eu-west-1:123456789012:orders.fifo');
const q2 = sqs.Queue.fromQueueArn(stack, 'Q2', arn);
q1.grantSendMessages(role);
q2.grantConsumeMessages(role);
new cdk.CfnOutput(stack, 'Q1Url', { value: q1.queueUrl });
new cdk.CfnOutput(stack, 'Q1Name', { value: q1.queueName });
new cdk.CfnOutput(stack, 'Q2Url', { value: q2.queueUrl });
new cdk.CfnOutput(stack, 'Q2Name', { value: q2.queueName });

const t1 = sns.Topic.fromTopicArn(stack, 'T1', 'arn:aws:sns:eu-west-1:123456789012:alerts');
const t2 = sns.Topic.fromTopicArn(stack, 'T2', arn);
t1.grantPublish(role);
t2.grantPublish(role);
new cdk.CfnOutput(stack, 'T1Name', { value: t1.topicName });
new cdk.CfnOutput(stack, 'T2Name', { value: t2.topicName });

const s1 = kinesis.Stream.fromStreamArn(stack, 'S1', 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks');
const s2 = kinesis.Stream.fromStreamArn(stack, 'S2', arn);
s1.grantWrite(role);
s2.grantRead(role);
new cdk.CfnOutput(stack, 'S1Name', { value: s1.streamName });
new cdk.CfnOutput(stack, 'S2Name', { value: s2.streamName });

const b1 = events.EventBus.fromEventBusArn(stack, 'B1', 'arn:aws:events:eu-west-1:123456789012:event-bus/orders');
const b2 = events.EventBus.fromEventBusName(stack, 'B2', 'billing');
const b3 = events.EventBus.fromEventBusArn(stack, 'B3', arn);
b1.grantPutEventsTo(role);
b2.grantPutEventsTo(role);
b3.grantPutEventsTo(role);
new events.Rule(stack, 'OnBilling', { eventBus: b2, eventPattern: { source: ['billing'] } });
new cdk.CfnOutput(stack, 'B1Name', { value: b1.eventBusName });
new cdk.CfnOutput(stack, 'B3Name', { value: b3.eventBusName });

const d1 = dynamodb.Table.fromTableName(stack, 'D1', 'users');
const d2 = dynamodb.Table.fromTableArn(stack, 'D2', 'arn:aws:dynamodb:eu-west-1:123456789012:table/sessions');
// A table grant's resources hold a lazy `<arn>/index/*` (undefined here), so aws-cdk-lib
// does not merge them with another statement on the same ARN: D3 gets its own parameter.
const tableArn = new cdk.CfnParameter(stack, 'TableArn', { type: 'String' }).valueAsString;
const d3 = dynamodb.Table.fromTableArn(stack, 'D3', tableArn);
d1.grantReadData(role);
d2.grantWriteData(role);
d3.grantReadWriteData(role);
new cdk.CfnOutput(stack, 'D2Name', { value: d2.tableName });
new cdk.CfnOutput(stack, 'D3Name', { value: d3.tableName });
new cdk.CfnOutput(stack, 'D1Arn', { value: d1.tableArn });
finish(app, __dirname);
