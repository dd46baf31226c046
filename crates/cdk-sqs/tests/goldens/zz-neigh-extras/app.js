// zz-neigh-extras: a queue's redrive allow policy, a stream's shard-level metrics, a table's
// stream grants (with its customer managed key).
const cdk = require('aws-cdk-lib');
const sqs = require('aws-cdk-lib/aws-sqs');
const kinesis = require('aws-cdk-lib/aws-kinesis');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const source = new sqs.Queue(stack, 'Source');
new sqs.Queue(stack, 'ByQueue', { redriveAllowPolicy: { sourceQueues: [source] } });
new sqs.Queue(stack, 'DenyAll', { redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.DENY_ALL } });
new sqs.Queue(stack, 'AllowAll', { redriveAllowPolicy: {} });
new kinesis.Stream(stack, 'Metrics', {
  shardLevelMetrics: [kinesis.ShardLevelMetrics.INCOMING_BYTES, kinesis.ShardLevelMetrics.OUTGOING_RECORDS],
});
const table = new dynamodb.Table(stack, 'Table', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  stream: dynamodb.StreamViewType.NEW_IMAGE,
  encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
});
table.grantStreamRead(role);
const other = new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
table.grantTableListStreams(other);
table.grantStream(other, 'dynamodb:DescribeStream');
finish(app, __dirname);
