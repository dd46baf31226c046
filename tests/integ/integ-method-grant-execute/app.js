// Source: aws/aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.method-grant-execute.ts
// Adaptations: the parity harness's App (newApp/finish); the IntegTest is left out.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'GrantExecute');

const user = new iam.User(stack, 'user');
const api = new apigw.RestApi(stack, 'test-api');
const method = api.root.addResource('pets').addMethod('GET');
method.grantExecute(user);

finish(app, __dirname);
