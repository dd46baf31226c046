// zz-events-bus: events.EventBus with and without a name, grantPutEventsTo a role, a Rule on
// the bus, outputs of arn/name.
const cdk = require('aws-cdk-lib');
const events = require('aws-cdk-lib/aws-events');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const plain = new events.EventBus(stack, 'Bus');
const named = new events.EventBus(stack, 'Named', { eventBusName: 'my-bus', description: 'a bus' });
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
plain.grantPutEventsTo(role);
named.grantPutEventsTo(role);
new events.Rule(stack, 'Rule', {
  eventBus: named,
  eventPattern: { source: ['my.app'], detailType: ['order'] },
  description: 'orders',
});
new events.Rule(stack, 'Scheduled', { schedule: events.Schedule.rate(cdk.Duration.minutes(5)), enabled: false });
new cdk.CfnOutput(stack, 'Arn', { value: plain.eventBusArn });
new cdk.CfnOutput(stack, 'Name', { value: plain.eventBusName });
finish(app, __dirname);
