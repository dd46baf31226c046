// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.spec-restapi-endpointconfiguration.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new App(...)`, with the test's
// context entry ('@aws-cdk/core:disableGitSource': true) passed as extra context; the IntegTest
// and its httpApiCall assertion are left out; sample-definition.yaml (the test's OpenAPI file, as
// its snapshot holds it) is read from next to this file
// (tests/inputs/integ-spec-restapi-endpointconfiguration/).
const path = require('path');
const { CfnOutput, Stack } = require('aws-cdk-lib');
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, { context: { '@aws-cdk/core:disableGitSource': true } });
const stack = new Stack(app, 'specrestapi-endpointConfiguration');

const api = new apigateway.SpecRestApi(stack, 'my-api', {
  apiDefinition: apigateway.ApiDefinition.fromAsset(path.join(__dirname, 'sample-definition.yaml')),
  endpointConfiguration: {
    types: [apigateway.EndpointType.REGIONAL],
  },
});

new CfnOutput(stack, 'PetsURL', {
  value: api.urlForPath('/pets'),
});

finish(app, __dirname);
