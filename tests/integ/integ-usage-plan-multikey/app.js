// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.usage-plan.multikey.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches).
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class Test extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const usageplan = new apigateway.UsagePlan(this, 'myusageplan');
    const apikey1 = new apigateway.ApiKey(this, 'myapikey1');
    const apikey2 = new apigateway.ApiKey(this, 'myapikey2');
    usageplan.addApiKey(apikey1);
    usageplan.addApiKey(apikey2);
  }
}

const app = newApp(cdk);

new Test(app, 'test-apigateway-usageplan-multikey');

finish(app, __dirname);
