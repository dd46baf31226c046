// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/authorizers/integ.cognito-authorizer.ts
// Adaptations: the parity harness's App (newApp/finish); the test's App context
// ('@aws-cdk/core:disableGitSource': true) is passed as the harness's context; the IntegTest
// is left out.
const cdk = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const { AuthorizationType, CognitoUserPoolsAuthorizer, MockIntegration, PassthroughBehavior, RestApi } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, { context: { '@aws-cdk/core:disableGitSource': true } });
const stack = new cdk.Stack(app, 'CognitoUserPoolsAuthorizerInteg');

const userPool = new cognito.UserPool(stack, 'UserPool');

const authorizer = new CognitoUserPoolsAuthorizer(stack, 'myauthorizer', {
  cognitoUserPools: [userPool],
});

const restApi = new RestApi(stack, 'myrestapi', { cloudWatchRole: true });
restApi.root.addMethod('ANY', new MockIntegration({
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
  authorizer,
  authorizationType: AuthorizationType.COGNITO,
});

finish(app, __dirname);
