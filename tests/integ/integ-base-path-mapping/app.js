// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.base-path-mapping.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out; the TestStack class is written as a plain stack built in place.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);

const testStack = new cdk.Stack(app, 'test-stack');
{
  const restApi = new apigateway.RestApi(testStack, 'Api');

  restApi.root.addMethod('GET');

  const domainName = apigateway.DomainName.fromDomainNameAttributes(testStack, 'Domain', {
    domainName: 'domainName',
    domainNameAliasHostedZoneId: 'domainNameAliasHostedZoneId',
    domainNameAliasTarget: 'domainNameAliasTarget',
  });

  new apigateway.BasePathMapping(testStack, 'MappingOne', {
    domainName,
    restApi,
  });

  new apigateway.BasePathMapping(testStack, 'MappingTwo', {
    domainName,
    restApi,
    basePath: 'path',
    attachToStage: false,
  });

  new apigateway.BasePathMapping(testStack, 'MappingThree', {
    domainName,
    restApi,
    basePath: 'api/v1/multi-level-path',
    attachToStage: false,
  });
}

finish(app, __dirname);
