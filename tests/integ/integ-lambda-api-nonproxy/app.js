// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-api-nonproxy.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out. The test's nodejs14.x function
// fails aws-cdk-lib 2.276.0's synthesis-time CloudFormation validation (E2531), so the app
// sets '@aws-cdk/core:validateAgainstDefaultRules': false in its context.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { LambdaRestApi, PassthroughBehavior } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class LambdaApiIntegrationOptionsNonProxyIntegrationStack extends cdk.Stack {
  constructor(scope) {
    super(scope, 'LambdaApiIntegrationOptionsNonProxyIntegrationStack');

    const fn = new Function(this, 'myfn', {
      code: Code.fromInline('foo'),
      runtime: Runtime.NODEJS_14_X,
      handler: 'index.handler',
    });

    new LambdaRestApi(this, 'lambdarestapi', {
      cloudWatchRole: true,
      handler: fn,
      integrationOptions: {
        proxy: false,
        passthroughBehavior: PassthroughBehavior.WHEN_NO_MATCH,
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: {
              'application/json': JSON.stringify({ message: 'Hello, word' }),
            },
          },
        ],
      },
    });
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/core:validateAgainstDefaultRules': false,
  },
});
new LambdaApiIntegrationOptionsNonProxyIntegrationStack(app);

finish(app, __dirname);
