// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.stepfunctions-api.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out; the stack class is written as a plain stack built in place.
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const cdk = require('aws-cdk-lib');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const testCase = new cdk.Stack(app, 'StepFunctionsRestApiDeploymentStack');
{
  const passTask = new sfn.Pass(testCase, 'PassTask', {
    result: { value: 'Hello' },
  });

  const stateMachine = new sfn.StateMachine(testCase, 'StateMachine', {
    definition: passTask,
    stateMachineType: sfn.StateMachineType.EXPRESS,
  });

  const api = new apigw.StepFunctionsRestApi(testCase, 'StepFunctionsRestApi', {
    deploy: false,
    cloudWatchRole: true,
    stateMachine: stateMachine,
    headers: true,
    path: false,
    querystring: false,
    requestContext: {
      accountId: true,
      userArn: true,
    },
  });

  api.deploymentStage = new apigw.Stage(testCase, 'stage', {
    deployment: new apigw.Deployment(testCase, 'deployment', {
      api,
    }),
  });

  new cdk.CfnOutput(testCase, 'ApiEndpoint', {
    value: api.url,
  });
}

finish(app, __dirname);
