// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.access-log-arn-without-wildcard.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// postCliContext ('@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard': true, also a
// recommended flag) as context applied last; the IntegTest and its getStage assertion are left
// out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const logs = require('aws-cdk-lib/aws-logs');
const { APIGATEWAY_LOG_GROUP_DESTINATION_ARN_WITHOUT_WILDCARD } = require('aws-cdk-lib/cx-api');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk, {
  context: {
    [APIGATEWAY_LOG_GROUP_DESTINATION_ARN_WITHOUT_WILDCARD]: true,
  },
});
const stack = new cdk.Stack(app, 'ApiGatewayAccessLogArnWithoutWildcard');
const logGroup = new logs.LogGroup(stack, 'AccessLogs', {
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const api = new apigateway.RestApi(stack, 'Api', {
  cloudWatchRole: true,
  deployOptions: {
    accessLogDestination: new apigateway.LogGroupLogDestination(logGroup),
    accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
  },
});
api.root.addMethod('GET');

finish(app, __dirname);
