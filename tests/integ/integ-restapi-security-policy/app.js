// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.security-policy.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// postCliContext ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false) as context applied last;
// the IntegTest is left out; STANDARD_NODEJS_RUNTIME (framework-integ's test/config.ts) is
// Runtime.NODEJS_18_X; TypeScript types are dropped, so the handler's source text in the inline
// code is the untyped one. The RestApi props `securityPolicy: SecurityPolicy.TLS12_PFS_2025_EDGE`
// and `endpointAccessMode: EndpointAccessMode.STRICT` are left out: aws-cdk-lib 2.276.0's
// RestApiProps has neither (the test does not compile against it, and plain JavaScript ignores
// them), so the app synthesizes without them.
const cdk = require('aws-cdk-lib');
const { Size } = cdk;
const lambda = require('aws-cdk-lib/aws-lambda');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const STANDARD_NODEJS_RUNTIME = lambda.Runtime.NODEJS_18_X;

class Test extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const api = new apigateway.RestApi(this, 'my-api', {
      retainDeployments: true,
      cloudWatchRole: true,
      minCompressionSize: Size.bytes(1024),
      description: 'api description',
      deployOptions: {
        cacheClusterEnabled: true,
        stageName: 'beta',
        description: 'beta stage',
        loggingLevel: apigateway.MethodLoggingLevel.INFO,
        dataTraceEnabled: true,
        methodOptions: {
          '/api/appliances/GET': {
            cachingEnabled: true,
          },
        },
      },
    });

    const handler = new lambda.Function(this, 'MyHandler', {
      runtime: STANDARD_NODEJS_RUNTIME,
      code: lambda.Code.fromInline(`exports.handler = ${handlerCode}`),
      handler: 'index.handler',
    });

    const v1 = api.root.addResource('v1');

    const integration = new apigateway.LambdaIntegration(handler);

    const toys = v1.addResource('toys');
    const getToysMethod = toys.addMethod('GET', integration, { apiKeyRequired: true });
    toys.addMethod('POST');
    toys.addMethod('PUT');

    const appliances = v1.addResource('$appliances:all');
    appliances.addMethod('GET');

    const books = v1.addResource('books');
    books.addMethod('GET', integration);
    books.addMethod('POST', integration);

    function handlerCode(event, _, callback) {
      return callback(undefined, {
        isBase64Encoded: false,
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
    }

    const key = api.addApiKey('ApiKey');
    const plan = api.addUsagePlan('UsagePlan', {
      name: 'Basic',
      apiKey: key,
      description: 'Free tier monthly usage plan',
      throttle: { rateLimit: 5 },
      quota: {
        limit: 10000,
        period: apigateway.Period.MONTH,
      },
    });
    plan.addApiStage({
      stage: api.deploymentStage,
      throttle: [
        {
          method: getToysMethod,
          throttle: {
            rateLimit: 10,
            burstLimit: 2,
          },
        },
      ],
    });

    const testDeploy = new apigateway.Deployment(this, 'TestDeployment', {
      api,
      retainDeployments: false,
    });
    const testStage = new apigateway.Stage(this, 'TestStage', {
      deployment: testDeploy,
    });
    testStage.addApiKey('MyTestApiKey');
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
  },
});

new Test(app, 'test-apigateway-restapi');

finish(app, __dirname);
