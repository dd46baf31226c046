// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi-metrics.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'restapi-metrics');
const restApi = new apigw.RestApi(stack, 'Api', { cloudWatchRole: true });
const stage = restApi.deploymentStage;
const method = restApi.root.addMethod('GET');

new cloudwatch.Alarm(stack, 'RestApiAlarm', {
  metric: restApi.metricClientError(),
  evaluationPeriods: 1,
  threshold: 1,
});

new cloudwatch.Alarm(stack, 'MethodAlarm', {
  metric: method.metricServerError(stage),
  evaluationPeriods: 1,
  threshold: 1,
});

new cloudwatch.Alarm(stack, 'StageAlarm', {
  metric: stage.metricCount(),
  evaluationPeriods: 1,
  threshold: 1,
});

finish(app, __dirname);
