// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-generated-name.ts
// Adaptations: the parity harness's App (newApp/finish); the test's postCliContext
// ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) is passed as the harness's context;
// STANDARD_NODEJS_RUNTIME (../../config) is written out as Runtime.NODEJS_18_X; the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { StringParameter } = require('aws-cdk-lib/aws-ssm');
const { PhysicalName, Stack } = require('aws-cdk-lib');
const { LambdaRestApi } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});

const stack = new Stack(app, 'LambdaGeneratedNameStack', {
  env: { account: '111111111111', region: 'us-east-1' },
});

const fn = new Function(stack, 'myfn', {
  functionName: PhysicalName.GENERATE_IF_NEEDED,
  code: Code.fromInline('foo'),
  runtime: Runtime.NODEJS_18_X,
  handler: 'index.handler',
});

new LambdaRestApi(stack, 'lambdarestapi', {
  handler: fn,
  cloudWatchRole: true,
});

const other = new Stack(app, 'LambdaGeneratedNameOtherStack', {
  env: { account: '999999999999', region: 'eu-west-1' },
});
new StringParameter(other, 'FunctionArn', {
  stringValue: fn.functionArn,
});

finish(app, __dirname);
