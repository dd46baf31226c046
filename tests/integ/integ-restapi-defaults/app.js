// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.defaults.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// context '@aws-cdk/core:disableGitSource': true; the IntegTest is left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, { context: { '@aws-cdk/core:disableGitSource': true } });

const stack = new cdk.Stack(app, 'test-apigateway-restapi-defaults');

const api = new apigateway.RestApi(stack, 'my-api', { cloudWatchRole: true });

// at least one method is required
api.root.addMethod('GET');

finish(app, __dirname);
