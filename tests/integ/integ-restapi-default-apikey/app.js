// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi-default-apikey.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out; STANDARD_NODEJS_RUNTIME (framework-integ's test/config.ts) is Runtime.NODEJS_18_X.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { LambdaIntegration, RestApi } = require('aws-cdk-lib/aws-apigateway');
const { Stack } = cdk;
const { newApp, finish } = require('../../harness');

const STANDARD_NODEJS_RUNTIME = lambda.Runtime.NODEJS_18_X;

const app = newApp(cdk);

const stack = new Stack(app, 'aws-cdk-lambda-1');

const fn = new lambda.Function(stack, 'MyLambda', {
  code: new lambda.InlineCode('foo'),
  handler: 'index.handler',
  runtime: STANDARD_NODEJS_RUNTIME,
});

const apigw = new RestApi(stack, 'MyRestApi', {
  defaultMethodOptions: {
    apiKeyRequired: true,
  },
});

apigw.root.addMethod('GET', new LambdaIntegration(fn));
apigw.root.addMethod('POST', new LambdaIntegration(fn), {
  apiKeyRequired: false,
});

finish(app, __dirname);
