// zz-dynamodb-table: dynamodb.Table defaults (provisioned 5/5, RETAIN) and props (on-demand,
// sort key, stream, TTL, PITR), the three data grants to a role, outputs of name/arn.
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const plain = new dynamodb.Table(stack, 'Table', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
});
const full = new dynamodb.Table(stack, 'Full', {
  tableName: 'orders',
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.NUMBER },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  timeToLiveAttribute: 'ttl',
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const provisioned = new dynamodb.Table(stack, 'Provisioned', {
  partitionKey: { name: 'k', type: dynamodb.AttributeType.BINARY },
  readCapacity: 10,
  writeCapacity: 3,
});
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
plain.grantReadData(role);
full.grantWriteData(role);
provisioned.grantReadWriteData(role);
new cdk.CfnOutput(stack, 'Name', { value: plain.tableName });
new cdk.CfnOutput(stack, 'Arn', { value: full.tableArn });
new cdk.CfnOutput(stack, 'StreamArn', { value: full.tableStreamArn });
finish(app, __dirname);
