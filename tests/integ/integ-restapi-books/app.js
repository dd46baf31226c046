// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.books.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out; the nodejs14.x functions fail aws-cdk-lib 2.276.0's CloudFormation validation at
// synthesis (E2531, an error), so the rule is acknowledged on the stack (Validations.acknowledge,
// which writes nothing to the assembly); the handler functions are written in plain JavaScript
// (their source text, which `${fn}` puts in the inline code, is therefore the untyped one).
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class BookStack extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const booksHandler = new apigw.LambdaIntegration(new lambda.Function(this, 'BooksHandler', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = ${echoHandlerCode}`),
    }));

    const bookHandler = new apigw.LambdaIntegration(new lambda.Function(this, 'BookHandler', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = ${echoHandlerCode}`),
    }));

    const hello = new apigw.LambdaIntegration(new lambda.Function(this, 'Hello', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`exports.handler = ${helloCode}`),
    }));

    const api = new apigw.RestApi(this, 'books-api', { cloudWatchRole: true });
    api.root.addMethod('ANY', hello);

    const books = api.root.addResource('books', {
      defaultIntegration: booksHandler,
      defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
    });

    books.addMethod('GET');
    books.addMethod('POST');

    const book = books.addResource('{book_id}', {
      defaultIntegration: bookHandler,
      // note that authorization type is inherited from /books
    });

    book.addMethod('GET');
    book.addMethod('DELETE');
  }
}

const app = newApp(cdk);

const testCase = new BookStack(app, 'restapi-books-example');
// nodejs14.x fails aws-cdk-lib 2.276.0's CloudFormation validation at synthesis (E2531: runtime
// deprecated, creation disabled); acknowledged so the app synthesizes as the test wrote it.
cdk.Validations.of(testCase).acknowledge({ id: 'CloudFormation-Validate::E2531', reason: 'the test uses nodejs14.x' });

function echoHandlerCode(event, _, callback) {
  return callback(undefined, {
    isBase64Encoded: false,
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
}

function helloCode(_event, _context, callback) {
  return callback(undefined, {
    statusCode: 200,
    body: 'hello, world!',
  });
}

finish(app, __dirname);
