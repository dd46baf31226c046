// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.api-definition.asset.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out; sample-definition.yaml (the test's OpenAPI file, as its snapshot holds it) is read
// from next to this file (tests/inputs/integ-api-definition-asset/).
const path = require('path');
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'integtest-restapi-fromdefinition-asset');

const api = new apigateway.SpecRestApi(stack, 'my-api', {
  cloudWatchRole: true,
  apiDefinition: apigateway.ApiDefinition.fromAsset(path.join(__dirname, 'sample-definition.yaml')),
});

api.root.addResource('books').addMethod('GET', new apigateway.MockIntegration({
  integrationResponses: [{
    statusCode: '200',
  }],
  passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
  requestTemplates: {
    'application/json': '{ "statusCode": 200 }',
  },
}), {
  methodResponses: [{ statusCode: '200' }],
});

new cdk.CfnOutput(stack, 'PetsURL', {
  value: api.urlForPath('/pets'),
});

new cdk.CfnOutput(stack, 'BooksURL', {
  value: api.urlForPath('/books'),
});

finish(app, __dirname);
