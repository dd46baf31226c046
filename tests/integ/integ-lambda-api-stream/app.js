// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-api-stream.ts
// Adaptations: the parity harness's App (newApp/finish); the test's postCliContext
// ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) is passed as the harness's context;
// the IntegTest and its httpApiCall assertion are left out.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { LambdaRestApi, ResponseTransferMode } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class LambdaApiStreamStack extends cdk.Stack {
  constructor(scope) {
    super(scope, 'LambdaApiStreamStack');

    const fn = new Function(this, 'myfn', {
      code: Code.fromInline(`exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
        const metadata = {
          statusCode: 200,
          headers: { 'Content-Type': 'text/plain' }
        };
        responseStream = awslambda.HttpResponseStream.from(responseStream, metadata);
        responseStream.write('Hello, ');
        await new Promise(resolve => setTimeout(resolve, 100));
        responseStream.write('streaming ');
        await new Promise(resolve => setTimeout(resolve, 100));
        responseStream.write('world!');
        responseStream.end();
      });`),
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
    });

    this.api = new LambdaRestApi(this, 'LambdaApi', {
      handler: fn,
      integrationOptions: {
        responseTransferMode: ResponseTransferMode.STREAM,
      },
    });
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});
new LambdaApiStreamStack(app);

finish(app, __dirname);
