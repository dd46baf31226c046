// Lambda versions and aliases: currentVersion's hashed logical ID, Version, Alias,
// imported functions, tracing, grantInvoke through an alias.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const fn = new lambda.Function(stack, 'Fn', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  tracing: lambda.Tracing.ACTIVE,
  memorySize: 256,
  description: 'versioned',
  environment: { STAGE: 'prod' },
});
const version = fn.currentVersion;
const alias = new lambda.Alias(stack, 'LiveAlias', {
  aliasName: 'live',
  version,
  description: 'the live alias',
  provisionedConcurrentExecutions: 2,
});
const user = new iam.User(stack, 'Invoker');
alias.grantInvoke(user);
alias.addPermission('AliasPerm', { principal: new iam.ServicePrincipal('s3.amazonaws.com') });
new cdk.CfnOutput(stack, 'VersionArn', { value: version.functionArn });
new cdk.CfnOutput(stack, 'VersionName', { value: version.version });
new cdk.CfnOutput(stack, 'AliasArn', { value: alias.functionArn });
new cdk.CfnOutput(stack, 'AliasFnName', { value: alias.functionName });

const other = new lambda.Function(stack, 'Other', {
  runtime: lambda.Runtime.PYTHON_3_12,
  handler: 'index.main',
  code: lambda.Code.fromInline('def main(e, c):\n  return 1\n'),
  tracing: lambda.Tracing.PASS_THROUGH,
});
const v2 = new lambda.Version(stack, 'ManualVersion', { lambda: other, description: 'manual' });
new cdk.CfnOutput(stack, 'ManualVersionArn', { value: v2.functionArn });

const imported = lambda.Function.fromFunctionArn(stack, 'Imported',
  'arn:aws:lambda:us-east-1:123456789012:function:imported-fn');
new cdk.CfnOutput(stack, 'ImportedName', { value: imported.functionName });
const importedAttrs = lambda.Function.fromFunctionAttributes(stack, 'ImportedAttrs', {
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:attrs-fn',
  sameEnvironment: true,
});
importedAttrs.addPermission('ImportedPerm', { principal: new iam.ServicePrincipal('events.amazonaws.com') });
finish(app, __dirname);
