// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/authorizers/integ.api-with-authorizer-and-proxy.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out; the dummy
// function's `assets` folder is a small plain handler of our own
// (tests/inputs/integ-api-with-authorizer-and-proxy).
const path = require('path');
const cdk = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const agw = require('aws-cdk-lib/aws-apigateway');
const lambda = require('aws-cdk-lib/aws-lambda');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'integtest-restapi-with-authorizer-and-proxy');

// create a cognito user pool
const userPool = new cognito.UserPool(stack, 'UserPool', {
  selfSignUpEnabled: true,
  signInAliases: {
    email: true,
  },
});

const authorizer = new agw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', {
  cognitoUserPools: [userPool],
});

const api = new agw.RestApi(stack, 'Actions-ApiGateway', {
  defaultCorsPreflightOptions: {
    allowOrigins: agw.Cors.ALL_ORIGINS,
    maxAge: cdk.Duration.days(10),
  },
});
const root = api.root;
const sendResource = root.addResource('InitiateAction');

// prepare a dummy lambda function
const myfunc = new lambda.Function(stack, 'lambda-s3', {
  code: lambda.AssetCode.fromAsset(path.join(__dirname, 'assets')),
  handler: 'index.handler',
  runtime: lambda.Runtime.NODEJS_18_X,
});

const sendLambdaIntegration = new agw.LambdaIntegration(myfunc);
sendResource.addProxy({
  defaultIntegration: sendLambdaIntegration,
  anyMethod: true,
  defaultMethodOptions: {
    authorizer: authorizer,
    authorizationScopes: ['scope'],
  },
  defaultCorsPreflightOptions: {
    allowOrigins: agw.Cors.ALL_ORIGINS,
    allowMethods: agw.Cors.ALL_METHODS,
  },
});

finish(app, __dirname);
