const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const logs = require('aws-cdk-lib/aws-logs');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');

const full = new lambda.Function(stack, 'Full', {
  runtime: lambda.Runtime.PYTHON_3_12,
  handler: 'index.main',
  code: lambda.Code.fromInline('def main(e, c):\n  return 1\n'),
  functionName: 'my-func',
  description: 'a function',
  timeout: cdk.Duration.seconds(30),
  memorySize: 512,
  environment: { ZED: 'z', ALPHA: 'a' },
  reservedConcurrentExecutions: 5,
  architecture: lambda.Architecture.ARM_64,
  loggingFormat: lambda.LoggingFormat.JSON,
  applicationLogLevelV2: lambda.ApplicationLogLevel.DEBUG,
  systemLogLevelV2: lambda.SystemLogLevel.WARN,
  initialPolicy: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })],
});
full.addEnvironment('LATER', 'l');

const lg = new logs.LogGroup(stack, 'MyLogs');
const role = new iam.Role(stack, 'MyRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
const withRole = new lambda.Function(stack, 'WithRole', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = 1'),
  role,
  logGroup: lg,
});
withRole.addPermission('Perm', {
  principal: new iam.ServicePrincipal('s3.amazonaws.com'),
  sourceArn: 'arn:aws:s3:::bucket',
  sourceAccount: '123456789012',
});
withRole.addPermission('Perm2', {
  principal: new iam.AccountPrincipal('123456789012'),
  action: 'lambda:GetFunction',
});
withRole.addPermission('Perm3', {
  principal: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/x'),
});
const user = new iam.User(stack, 'Invoker');
withRole.grantInvoke(user);
withRole.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
new cdk.CfnOutput(stack, 'Name', { value: withRole.functionName });
new cdk.CfnOutput(stack, 'Arn', { value: withRole.functionArn });

finish(app, __dirname);
