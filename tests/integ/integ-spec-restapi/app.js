// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.spec-restapi.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out; the Test stack class is written as a plain stack built in place;
// STANDARD_NODEJS_RUNTIME (framework-integ's config) is written out as lambda.Runtime.NODEJS_18_X
// (what it is); the inline handler is `exports.handler = ${handlerCode}` of the same function
// in plain JavaScript (its TypeScript parameter types dropped); sample-definition.yaml (the
// test's OpenAPI file, as its snapshot holds it) is read from next to this file
// (tests/inputs/integ-spec-restapi/). The usage plan's `apiKey` prop is kept as written: aws-cdk-lib
// 2.276.0 no longer types it, but its UsagePlan constructor still ends with addApiKey(props.apiKey).
const path = require('path');
const lambda = require('aws-cdk-lib/aws-lambda');
const cdk = require('aws-cdk-lib');
const { Size } = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);

const testCase = new cdk.Stack(app, 'test-apigateway-spec-restapi');
{
  const api = new apigateway.SpecRestApi(testCase, 'my-api', {
    apiDefinition: apigateway.ApiDefinition.fromAsset(path.join(__dirname, 'sample-definition.yaml')),
    disableExecuteApiEndpoint: true,
    minCompressionSize: Size.bytes(1024),
    retainDeployments: true,
    cloudWatchRole: true,
    deployOptions: {
      cacheClusterEnabled: true,
      stageName: 'beta',
      description: 'beta stage',
      loggingLevel: apigateway.MethodLoggingLevel.INFO,
      dataTraceEnabled: true,
      methodOptions: {
        '/api/appliances/GET': {
          cachingEnabled: true,
        },
      },
    },
    mode: apigateway.RestApiMode.MERGE,
  });

  const handler = new lambda.Function(testCase, 'MyHandler', {
    runtime: lambda.Runtime.NODEJS_18_X,
    code: lambda.Code.fromInline(`exports.handler = ${handlerCode}`),
    handler: 'index.handler',
  });

  const v1 = api.root.addResource('v1');

  const integration = new apigateway.LambdaIntegration(handler);

  const toys = v1.addResource('toys');
  const getToysMethod = toys.addMethod('GET', integration, { apiKeyRequired: true });
  toys.addMethod('POST');
  toys.addMethod('PUT');

  const appliances = v1.addResource('appliances');
  appliances.addMethod('GET');

  const books = v1.addResource('books');
  books.addMethod('GET', integration);
  books.addMethod('POST', integration);

  function handlerCode(event, _, callback) {
    return callback(undefined, {
      isBase64Encoded: false,
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
  }

  const key = api.addApiKey('ApiKey');
  const plan = api.addUsagePlan('UsagePlan', {
    name: 'Basic',
    apiKey: key,
    description: 'Free tier monthly usage plan',
    throttle: { rateLimit: 5 },
    quota: {
      limit: 10000,
      period: apigateway.Period.MONTH,
    },
  });
  plan.addApiStage({
    stage: api.deploymentStage,
    throttle: [
      {
        method: getToysMethod,
        throttle: {
          rateLimit: 10,
          burstLimit: 2,
        },
      },
    ],
  });
}

finish(app, __dirname);
