// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.cloudwatch-disabled.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// context '@aws-cdk/core:disableGitSource': true; the IntegTest is left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class Test extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);
    const api = new apigateway.RestApi(this, 'my-api', {
      retainDeployments: true,
    });
    api.root.addMethod('GET'); // must have at least one method or an API definition
  }
}

const app = newApp(cdk, { context: { '@aws-cdk/core:disableGitSource': true } });
new Test(app, 'default-api');

finish(app, __dirname);
