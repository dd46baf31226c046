// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.lambda-permission-consolidation.ts
// Adaptations: the parity harness's App (newApp/finish); the test's postCliContext
// ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) is passed as the harness's context;
// the IntegTest and its httpApiCall assertion are left out.
const cdk = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { LambdaIntegration, RestApi } = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class LambdaPermissionConsolidationStack extends cdk.Stack {
  constructor(scope) {
    super(scope, 'LambdaPermissionConsolidationStack');

    const fn = new Function(this, 'Handler', {
      code: Code.fromInline(`exports.handler = async function(event) {
        return {
          body: JSON.stringify({
            message: 'Hello from ' + event.httpMethod,
          }),
          statusCode: 200,
          headers: { 'Content-Type': 'application/json' }
        };
      }`),
      runtime: Runtime.NODEJS_18_X,
      handler: 'index.handler',
    });

    this.api = new RestApi(this, 'Api', {
      cloudWatchRole: true,
    });

    // Add 6 methods to trigger permission consolidation
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];
    methods.forEach(method => {
      this.api.root.addMethod(method, new LambdaIntegration(fn));
    });

    // Add another method after consolidation to verify it still works
    this.api.root.addMethod('OPTIONS', new LambdaIntegration(fn));
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});
new LambdaPermissionConsolidationStack(app);

finish(app, __dirname);
