// Lambda without a CDK-managed log group, and addToRolePolicy creating new policies.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, { context: {
  '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  '@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy': true,
} });
const stack = new cdk.Stack(app, 'Stack');

const code = lambda.Code.fromAsset(path.join(__dirname, '../models-validators-hello/lambda'));
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'hello.handler',
  code,
});
fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
new lambda.Function(stack, 'Second', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'hello.handler',
  code,
});
finish(app, __dirname);
