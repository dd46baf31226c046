// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.stepfunctions-cognito-authorizer.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()` and
// `app.synth()`; the IntegTest is left out; the stack class is written as a plain stack built in
// place.
const cognito = require('aws-cdk-lib/aws-cognito');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const cdk = require('aws-cdk-lib');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const testCase = new cdk.Stack(app, 'StepFunctionsAuthorizerStack');
{
  // Cognito User Pool
  const userPool = new cognito.UserPool(testCase, 'UserPool', {
    removalPolicy: cdk.RemovalPolicy.DESTROY,
  });

  const userPoolClient = userPool.addClient('Client');

  // Step Functions State Machine
  const passTask = new sfn.Pass(testCase, 'PassTask', {
    result: { value: 'Success' },
  });

  const stateMachine = new sfn.StateMachine(testCase, 'StateMachine', {
    definition: passTask,
    stateMachineType: sfn.StateMachineType.EXPRESS,
  });

  // API Gateway with Cognito Authorizer
  const api = new apigw.RestApi(testCase, 'Api', {
    cloudWatchRole: true,
  });

  const cognitoAuthorizer = new apigw.CognitoUserPoolsAuthorizer(testCase, 'Authorizer', {
    cognitoUserPools: [userPool],
  });

  const integration = apigw.StepFunctionsIntegration.startExecution(stateMachine, {
    authorizer: true,
  });

  api.root.addMethod('POST', integration, {
    authorizer: cognitoAuthorizer,
    authorizationType: apigw.AuthorizationType.COGNITO,
  });

  new cdk.CfnOutput(testCase, 'ApiEndpoint', { value: api.url });
  new cdk.CfnOutput(testCase, 'UserPoolId', { value: userPool.userPoolId });
  new cdk.CfnOutput(testCase, 'ClientId', { value: userPoolClient.userPoolClientId });
}

finish(app, __dirname);
