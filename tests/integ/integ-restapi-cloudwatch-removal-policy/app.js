// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi-cloudwatch-removal-policy.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);

const stack = new cdk.Stack(app, 'test-apigateway-restapi-cloudwatch-removal-policy');

const api = new apigateway.RestApi(stack, 'my-api', {
  cloudWatchRole: true,
  cloudWatchRoleRemovalPolicy: cdk.RemovalPolicy.DESTROY,
});

api.root.addMethod('GET');

finish(app, __dirname);
