// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.stepfunctions-startexecution-without-default-method-responses.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out.
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const cdk = require('aws-cdk-lib');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'aws-cdk-aws-apigateway-stepfunctions-startexecution-without-default-method-responses');

const api = new apigw.RestApi(stack, 'my-rest-api');
const passTask = new sfn.Pass(stack, 'passTask', {
  inputPath: '$.somekey',
});

const stateMachine = new sfn.StateMachine(stack, 'StateMachine', {
  definitionBody: sfn.DefinitionBody.fromChainable(passTask),
  stateMachineType: sfn.StateMachineType.EXPRESS,
});

const methodOptions = {
  methodResponses: [
    {
      statusCode: '200',
      responseParameters: {
        'method.response.header.Access-Control-Allow-Origin': true,
      },
    },
  ],
};

const integrationOptions = {
  useDefaultMethodResponses: false,
};

const integ = apigw.StepFunctionsIntegration.startExecution(stateMachine, integrationOptions);

api.root.addMethod('GET', integ, methodOptions);

finish(app, __dirname);
