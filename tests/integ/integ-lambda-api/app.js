// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-api.ts
// Adaptations: the parity harness's App (newApp/finish); the test's postCliContext
// ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) is passed as the harness's context;
// the IntegTest and its httpApiCall assertion are left out.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { LambdaRestApi } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class LambdaApiIntegrationOptionsStack extends cdk.Stack {
  constructor(scope) {
    super(scope, 'LambdaApiIntegrationOptionsStack');

    const fn = new Function(this, 'myfn', {
      code: Code.fromInline(`exports.handler = async function(event) {
        return {
          body: JSON.stringify({
            message: 'Hello',
          }),
          statusCode: 200,
          headers: { 'Content-Type': '*/*' }
        };
      }`),
      runtime: Runtime.NODEJS_18_X,
      handler: 'index.handler',
    });

    this.api = new LambdaRestApi(this, 'lambdarestapi', {
      handler: fn,
      cloudWatchRole: true,
      integrationOptions: {
        timeout: cdk.Duration.seconds(1),
      },
    });
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});
new LambdaApiIntegrationOptionsStack(app);

finish(app, __dirname);
