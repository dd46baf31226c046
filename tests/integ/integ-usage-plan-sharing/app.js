// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.usage-plan.sharing.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); TypeScript types
// and the `/// !cdk-integ *` pragma are dropped.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class Create extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    this.usagePlan = new apigateway.UsagePlan(this, 'myusageplan');
  }
}

class Import extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id);

    const usageplan = apigateway.UsagePlan.fromUsagePlanId(this, 'myusageplan', props.usagePlan.usagePlanId);
    const apikey = new apigateway.ApiKey(this, 'myapikey');
    usageplan.addApiKey(apikey);
  }
}

const app = newApp(cdk);

const test = new Create(app, 'test-apigateway-usageplan-create');
new Import(app, 'test-apigateway-usageplan-import', {
  usagePlan: test.usagePlan,
});

finish(app, __dirname);
