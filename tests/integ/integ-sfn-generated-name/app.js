// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.sfn-generated-name.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new App()`; the IntegTest is
// left out.
const { StringParameter } = require('aws-cdk-lib/aws-ssm');
const cdk = require('aws-cdk-lib');
const { PhysicalName, Stack } = require('aws-cdk-lib');
const { RestApi, StepFunctionsIntegration } = require('aws-cdk-lib/aws-apigateway');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);

const stack = new Stack(app, 'SfnGeneratedNameStack', {
  env: { account: '111111111111', region: 'us-east-1' },
});

const stateMachine = new sfn.StateMachine(stack, 'Machine', {
  stateMachineName: PhysicalName.GENERATE_IF_NEEDED,
  stateMachineType: sfn.StateMachineType.EXPRESS,
  definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')),
});

const api = new RestApi(stack, 'Api', {
  cloudWatchRole: true,
});
api.root.addMethod('POST', StepFunctionsIntegration.startExecution(stateMachine));

const other = new Stack(app, 'SfnGeneratedNameOtherStack', {
  env: { account: '999999999999', region: 'eu-west-1' },
});
new StringParameter(other, 'StateMachineArn', {
  stringValue: stateMachine.stateMachineArn,
});

finish(app, __dirname);
