// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/authorizers/integ.token-authorizer.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest and its invokeFunction
// assertions are left out (the InvokeFunction function they call is part of the app stack and
// kept); the handler folder `integ.token-authorizer.handler` is a small plain authorizer of our
// own (tests/inputs/integ-token-authorizer). The test's nodejs14.x function
// fails aws-cdk-lib 2.276.0's synthesis-time CloudFormation validation (E2531), so the app
// sets '@aws-cdk/core:validateAgainstDefaultRules': false in its context.
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const { MockIntegration, PassthroughBehavior, RestApi, TokenAuthorizer, Cors } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, {
  context: {
    '@aws-cdk/core:validateAgainstDefaultRules': false,
  },
});
const stack = new cdk.Stack(app, 'TokenAuthorizerInteg');

const authorizerFn = new lambda.Function(stack, 'MyAuthorizerFunction', {
  runtime: lambda.Runtime.NODEJS_14_X,
  handler: 'index.handler',
  code: lambda.AssetCode.fromAsset(path.join(__dirname, 'integ.token-authorizer.handler')),
});

const authorizer = new TokenAuthorizer(stack, 'MyAuthorizer', {
  handler: authorizerFn,
});

const restapi = new RestApi(stack, 'MyRestApi', {
  cloudWatchRole: true,
  defaultMethodOptions: {
    authorizer,
  },
  defaultCorsPreflightOptions: {
    allowOrigins: Cors.ALL_ORIGINS,
  },
});


restapi.root.addMethod('ANY', new MockIntegration({
  integrationResponses: [
    { statusCode: '200' },
  ],
  passthroughBehavior: PassthroughBehavior.NEVER,
  requestTemplates: {
    'application/json': '{ "statusCode": 200 }',
  },
}), {
  methodResponses: [
    { statusCode: '200' },
  ],
});

const hostName = `${restapi.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
new lambda.Function(stack, 'InvokeFunction', {
  memorySize: 250,
  timeout: cdk.Duration.seconds(10),
  code: lambda.Code.fromInline(`
const https = require('https');
const options = {
  hostname: '${hostName}',
  path: '/${restapi.deploymentStage.stageName}',
};
exports.handler = async function(event) {
  console.log(event);
  options.method = event.method;
  if ('authorization' in event) {
    options.headers = {
      Authorization: event.authorization,
    };
  }
  let dataString = '';
  const response = await new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      res.on('data', data => {
        dataString += data;
      })
      res.on('end', () => {
        resolve({
          statusCode: res.statusCode,
          body: dataString,
        });
      })
    });
    req.on('error', err => {
      reject({
        statusCode: 500,
        body: JSON.stringify({
          cause: 'Something went wrong',
          error: err,
        })
      });
    });
    req.end();
  });
  return response;
}
`),
  handler: 'index.handler',
  runtime: lambda.Runtime.NODEJS_16_X,
});

finish(app, __dirname);
