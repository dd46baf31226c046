// zz-kms-key: kms.Key defaults and props (rotation, pending window, alias without its
// prefix, removal policy), a key imported by ARN, the key grants to a role and a user.
const cdk = require('aws-cdk-lib');
const kms = require('aws-cdk-lib/aws-kms');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const key = new kms.Key(stack, 'Key');
const full = new kms.Key(stack, 'Full', {
  description: 'orders key',
  enableKeyRotation: true,
  pendingWindow: cdk.Duration.days(7),
  alias: 'orders',
  removalPolicy: cdk.RemovalPolicy.DESTROY,
});
const imported = kms.Key.fromKeyArn(stack, 'Imported', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
const user = new iam.User(stack, 'User');
key.grantDecrypt(role);
full.grantEncrypt(role);
imported.grantEncryptDecrypt(role);
key.grant(user, 'kms:DescribeKey');
new cdk.CfnOutput(stack, 'KeyArn', { value: full.keyArn });
new cdk.CfnOutput(stack, 'KeyId', { value: full.keyId });
finish(app, __dirname);
