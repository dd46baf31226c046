// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.import-deploymentstage.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'integtest-restapi-import-deployment-stage');

const api = new apigateway.RestApi(stack, 'my-api', {
  deploy: false,
});
api.root.addMethod('GET');

// Create a new deployment that uses existing stage
new apigateway.Deployment(stack, 'MyManualDeployment', {
  api: api,
  stageName: 'myStage',
});

finish(app, __dirname);
