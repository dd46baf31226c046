// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi-stream.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// postCliContext ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) as context applied last;
// the IntegTest and its httpApiCall assertion are left out.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { Stack } = cdk;
const { LambdaIntegration, ResponseTransferMode, RestApi } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class RestApiStreamStack extends Stack {
  constructor(scope) {
    super(scope, 'RestApiStreamStack');

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

    this.api = new RestApi(this, 'Api');
    this.api.root.addMethod('POST', new LambdaIntegration(fn, { responseTransferMode: ResponseTransferMode.STREAM }));
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});
new RestApiStreamStack(app);

finish(app, __dirname);
