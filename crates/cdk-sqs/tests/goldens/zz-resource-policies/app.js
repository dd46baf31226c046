// zz-resource-policies: statements added to the resource policies of a topic and a queue
// (their TopicPolicy / QueuePolicy created on first use), a topic enforcing TLS.
const cdk = require('aws-cdk-lib');
const sqs = require('aws-cdk-lib/aws-sqs');
const sns = require('aws-cdk-lib/aws-sns');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const topic = new sns.Topic(stack, 'Topic');
topic.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.ServicePrincipal('events.amazonaws.com')],
  actions: ['sns:Publish'],
  resources: [topic.topicArn],
}));
topic.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.ServicePrincipal('s3.amazonaws.com')],
  actions: ['sns:Publish'],
  resources: [topic.topicArn],
  conditions: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::bucket' } },
}));
const queue = new sqs.Queue(stack, 'Queue');
queue.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
  actions: ['sqs:SendMessage'],
  resources: [queue.queueArn],
  conditions: { ArnEquals: { 'aws:SourceArn': topic.topicArn } },
}));
const ssl = new sns.Topic(stack, 'Ssl', { enforceSSL: true });
ssl.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.AccountRootPrincipal()],
  actions: ['sns:Subscribe'],
  resources: [ssl.topicArn],
}));
finish(app, __dirname);
