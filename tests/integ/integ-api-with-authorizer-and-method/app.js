// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/authorizers/integ.api-with-authorizer-and-method.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out.
const cdk = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const agw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'integtest-restapi-with-authorizer-and-proxy');

const userPool = new cognito.UserPool(stack, 'UserPool');

const authorizer = new agw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', {
  cognitoUserPools: [userPool],
});

const restApi = new agw.RestApi(stack, 'CdkTestStack', {
  defaultMethodOptions: {
    authorizer,
    authorizationScopes: [cognito.OAuthScope.PROFILE.scopeName],
  },
});

restApi.root
  .resourceForPath('/user')
  .addMethod('GET', new agw.MockIntegration());

restApi.root
  .resourceForPath('/other')
  .addMethod('POST', new agw.MockIntegration(), {
    authorizationScopes: [cognito.OAuthScope.OPENID.scopeName],
  });

finish(app, __dirname);
