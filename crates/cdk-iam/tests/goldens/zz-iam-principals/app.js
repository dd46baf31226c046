// IAM principals: how each kind renders in a role's trust policy and a bucket-less policy.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
new iam.Role(stack, 'AnyRole', { assumedBy: new iam.AnyPrincipal() });
new iam.Role(stack, 'StarRole', { assumedBy: new iam.StarPrincipal() });
new iam.Role(stack, 'RootRole', { assumedBy: new iam.AccountRootPrincipal() });
new iam.Role(stack, 'AccountRole', { assumedBy: new iam.AccountPrincipal('123456789012') });
new iam.Role(stack, 'ArnRole', { assumedBy: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/x') });
new iam.Role(stack, 'OrgRole', { assumedBy: new iam.OrganizationPrincipal('o-abcdefghij') });
new iam.Role(stack, 'CondRole', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com', {
    conditions: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
  }),
});
new iam.Role(stack, 'WithCondRole', {
  assumedBy: new iam.AccountPrincipal('111111111111').withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
});
new iam.Role(stack, 'CompositeRole', {
  assumedBy: new iam.CompositePrincipal(
    new iam.ServicePrincipal('lambda.amazonaws.com'),
    new iam.ServicePrincipal('apigateway.amazonaws.com'),
    new iam.AccountRootPrincipal(),
  ),
});
finish(app, __dirname);
