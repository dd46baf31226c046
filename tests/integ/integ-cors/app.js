// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.cors.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new App()`; the IntegTest
// is left out; STANDARD_NODEJS_RUNTIME (../../config) is written out as NODEJS_18_X; the
// handler folder `integ.cors.handler` is a small plain handler of our own, with its TypeScript source
// next to it for `exclude` to leave out (tests/inputs/integ-cors).
const path = require('path');
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class TestStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    const api = new apigw.RestApi(this, 'cors-api-test', {
      cloudWatchRole: true,
    });

    const handler = new lambda.Function(this, 'handler', {
      runtime: lambda.Runtime.NODEJS_18_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, 'integ.cors.handler'), { exclude: ['*.ts'] }),
    });

    const twitch = api.root.addResource('twitch');
    const backend = new apigw.LambdaIntegration(handler);

    twitch.addMethod('GET', backend); // GET /twitch
    twitch.addMethod('POST', backend); // POST /twitch
    twitch.addMethod('DELETE', backend); // DELETE /twitch
    twitch.addCorsPreflight({ allowOrigins: ['https://google.com', 'https://www.test-cors.org'] });
  }
}

const app = newApp(cdk);
new TestStack(app, 'cors-twitch-test');

finish(app, __dirname);
