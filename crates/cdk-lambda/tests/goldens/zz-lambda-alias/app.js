// Lambda addAlias on the current version, with traffic shifted to another version.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 2;'),
  timeout: cdk.Duration.seconds(10),
  reservedConcurrentExecutions: 3,
  currentVersionOptions: { description: 'current', removalPolicy: cdk.RemovalPolicy.RETAIN },
});
const old = new lambda.Version(stack, 'Old', { lambda: fn, provisionedConcurrentExecutions: 1 });
fn.addAlias('prod', { description: 'prod', additionalVersions: [{ version: old, weight: 0.1 }] });
finish(app, __dirname);
