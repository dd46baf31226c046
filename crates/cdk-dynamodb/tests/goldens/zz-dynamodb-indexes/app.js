// zz-dynamodb-indexes: global and local secondary indexes (projections, capacity), grants
// made before and after an index is added (the lazy `<arn>/index/*` resource).
const cdk = require('aws-cdk-lib');
const dynamodb = require('aws-cdk-lib/aws-dynamodb');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const table = new dynamodb.Table(stack, 'Table', {
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
});
table.grantReadData(role);
table.addGlobalSecondaryIndex({
  indexName: 'byStatus',
  partitionKey: { name: 'status', type: dynamodb.AttributeType.STRING },
  sortKey: { name: 'createdAt', type: dynamodb.AttributeType.NUMBER },
});
table.addGlobalSecondaryIndex({
  indexName: 'byOwner',
  partitionKey: { name: 'owner', type: dynamodb.AttributeType.STRING },
  projectionType: dynamodb.ProjectionType.KEYS_ONLY,
  readCapacity: 2,
  writeCapacity: 1,
});
table.addLocalSecondaryIndex({
  indexName: 'byPriority',
  sortKey: { name: 'priority', type: dynamodb.AttributeType.NUMBER },
  projectionType: dynamodb.ProjectionType.INCLUDE,
  nonKeyAttributes: ['title', 'owner'],
});
const onDemand = new dynamodb.Table(stack, 'OnDemand', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  encryption: dynamodb.TableEncryption.AWS_MANAGED,
  tableClass: dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS,
  deletionProtection: true,
});
onDemand.addGlobalSecondaryIndex({
  indexName: 'byEmail',
  partitionKey: { name: 'email', type: dynamodb.AttributeType.STRING },
});
onDemand.grantWriteData(role);
const plain = new dynamodb.Table(stack, 'Plain', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  encryption: dynamodb.TableEncryption.DEFAULT,
});
plain.grantFullAccess(role);
finish(app, __dirname);
