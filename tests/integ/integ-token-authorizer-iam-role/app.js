// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/authorizers/integ.token-authorizer-iam-role.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out;
// STANDARD_NODEJS_RUNTIME (../../../config) is written out as NODEJS_18_X; the handler folder
// `integ.token-authorizer.handler` is a small plain authorizer of our own, with its TypeScript
// source next to it for `exclude` to leave out (tests/inputs/integ-token-authorizer-iam-role).
const path = require('path');
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const { AuthorizationType, MockIntegration, PassthroughBehavior, RestApi, TokenAuthorizer } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'TokenAuthorizerIAMRoleInteg');

const authorizerFn = new lambda.Function(stack, 'MyAuthorizerFunction', {
  runtime: lambda.Runtime.NODEJS_18_X,
  handler: 'index.handler',
  code: lambda.AssetCode.fromAsset(path.join(__dirname, 'integ.token-authorizer.handler'), { exclude: ['*.ts'] }),
});

const role = new iam.Role(stack, 'authorizerRole', {
  assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
});

const authorizer = new TokenAuthorizer(stack, 'MyAuthorizer', {
  handler: authorizerFn,
  assumeRole: role,
});

const restapi = new RestApi(stack, 'MyRestApi', { cloudWatchRole: true });

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
  authorizer,
  authorizationType: AuthorizationType.CUSTOM,
});

finish(app, __dirname);
