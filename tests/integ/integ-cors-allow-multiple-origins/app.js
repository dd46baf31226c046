// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.cors-allow-multiple-origins.ts
// Adaptations: the parity harness's App (newApp/finish); the test's postCliContext
// ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) is passed as the harness's context
// (applied last, after the recommended flags); the IntegTest is left out; the handler folder
// `integ.cors.handler` is a small plain handler of our own, with its TypeScript source next
// to it for `exclude` to leave out (tests/inputs/integ-cors-allow-multiple-origins).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});
const stack = new cdk.Stack(app, 'stack-cors-allow-multiple-origins');

const api = new apigw.RestApi(stack, 'cors-api-test', {
  defaultCorsPreflightOptions: {
    allowOrigins: ['https://amazon.com', 'https://twitch.tv', 'https://aws.amazon.com'],
  },
});

const handler = new lambda.Function(stack, 'handler', {
  runtime: lambda.Runtime.NODEJS_LATEST,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(path.join(__dirname, 'integ.cors.handler'), { exclude: ['*.ts'] }),
});

const lambdaInteg = new apigw.LambdaIntegration(handler);

const resource = api.root.addResource('my-resource');
resource.addMethod('GET', lambdaInteg);

finish(app, __dirname);
