// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.multiuse.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out; the nodejs14.x functions fail aws-cdk-lib 2.276.0's CloudFormation validation at
// synthesis (E2531, an error), so the rule is acknowledged on the stack (Validations.acknowledge,
// which writes nothing to the assembly); the handler function is written in plain JavaScript
// (its source text, which `${helloCode}` puts in the inline code, is therefore the untyped one).
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class MultiStack extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const hello = new apigw.LambdaIntegration(new lambda.Function(this, 'Hello', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = ${helloCode}`),
    }));

    const api = new apigw.RestApi(this, 'hello-api', { cloudWatchRole: true });
    api.root.resourceForPath('/hello').addMethod('GET', hello);

    const api2 = new apigw.RestApi(this, 'second-api', { cloudWatchRole: true });
    api2.root.resourceForPath('/hello').addMethod('GET', hello);
  }
}

const app = newApp(cdk);
const testCase = new MultiStack(app, 'restapi-multiuse-example');
// nodejs14.x fails aws-cdk-lib 2.276.0's CloudFormation validation at synthesis (E2531: runtime
// deprecated, creation disabled); acknowledged so the app synthesizes as the test wrote it.
cdk.Validations.of(testCase).acknowledge({ id: 'CloudFormation-Validate::E2531', reason: 'the test uses nodejs14.x' });

function helloCode(_event, _context, callback) {
  return callback(undefined, {
    statusCode: 200,
    body: 'hello, world!',
  });
}

finish(app, __dirname);
