// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.multistack.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// context '@aws-cdk/core:disableGitSource': true; the IntegTest is left out;
// STANDARD_NODEJS_RUNTIME (framework-integ's test/config.ts) is Runtime.NODEJS_18_X.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apig = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const STANDARD_NODEJS_RUNTIME = lambda.Runtime.NODEJS_18_X;

class FirstStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    this.firstLambda = new lambda.Function(this, 'firstLambda', {
      functionName: 'FirstLambda',
      code: lambda.Code.fromInline(`exports.handler = async function(event) {
          return  {
            'headers': { 'Content-Type': 'text/plain' },
            'statusCode': 200
          }
        }`),
      handler: 'index.handler',
      runtime: STANDARD_NODEJS_RUNTIME,
    });
  }
}

class SecondStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);

    const api = new apig.RestApi(this, 'BooksApi', {
      cloudWatchRole: true,
      restApiName: 'SecondRestAPI',
    });
    api.root.addMethod('ANY');
    const booksApi = api.root.addResource('books');
    const lambdaIntegration = new apig.LambdaIntegration(props.lambda);
    booksApi.addMethod('GET', lambdaIntegration);
  }
}

const app = newApp(cdk, { context: { '@aws-cdk/core:disableGitSource': true } });
const first = new FirstStack(app, 'FirstStack');
new SecondStack(app, 'SecondStack', { lambda: first.firstLambda });

finish(app, __dirname);
