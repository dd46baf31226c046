// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-api.latebound-deploymentstage.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out. The test's nodejs14.x function
// fails aws-cdk-lib 2.276.0's synthesis-time CloudFormation validation (E2531), so the app
// sets '@aws-cdk/core:validateAgainstDefaultRules': false in its context.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { Deployment, LambdaRestApi, Stage } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class LateBoundDeploymentStageStack extends cdk.Stack {
  constructor(scope) {
    super(scope, 'LateBoundDeploymentStageStack');

    const fn = new Function(this, 'myfn', {
      code: Code.fromInline('foo'),
      runtime: Runtime.NODEJS_14_X,
      handler: 'index.handler',
    });

    const api = new LambdaRestApi(this, 'lambdarestapi', {
      cloudWatchRole: true,
      deploy: false,
      handler: fn,
    });

    api.deploymentStage = new Stage(this, 'stage', {
      deployment: new Deployment(this, 'deployment', {
        api,
      }),
    });
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/core:validateAgainstDefaultRules': false,
  },
});
new LateBoundDeploymentStageStack(app);

finish(app, __dirname);
