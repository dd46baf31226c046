// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.access-log.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const logs = require('aws-cdk-lib/aws-logs');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class Test extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const testFormat = apigateway.AccessLogFormat.custom(JSON.stringify({
      requestId: apigateway.AccessLogField.contextRequestId(),
      sourceIp: apigateway.AccessLogField.contextIdentitySourceIp(),
      method: apigateway.AccessLogField.contextHttpMethod(),
      callerAccountId: apigateway.AccessLogField.contextCallerAccountId(),
      ownerAccountId: apigateway.AccessLogField.contextOwnerAccountId(),
      userContext: {
        sub: apigateway.AccessLogField.contextAuthorizerClaims('sub'),
        email: apigateway.AccessLogField.contextAuthorizerClaims('email'),
      },
      clientCertPem: apigateway.AccessLogField.contextIdentityClientCertPem(),
      subjectDN: apigateway.AccessLogField.contextIdentityClientCertSubjectDN(),
      issunerDN: apigateway.AccessLogField.contextIdentityClientCertIssunerDN(),
      serialNumber: apigateway.AccessLogField.contextIdentityClientCertSerialNumber(),
      validityNotBefore: apigateway.AccessLogField.contextIdentityClientCertValidityNotBefore(),
      validityNotAfter: apigateway.AccessLogField.contextIdentityClientCertValidityNotAfter(),
    }));

    const logGroup = new logs.LogGroup(this, 'MyLogGroup');
    const api = new apigateway.RestApi(this, 'MyApi', {
      cloudWatchRole: true,
      deployOptions: {
        accessLogDestination: new apigateway.LogGroupLogDestination(logGroup),
        accessLogFormat: testFormat,
      },
    });
    api.root.addMethod('GET');
  }
}

const app = newApp(cdk);

new Test(app, 'test-apigateway-access-logs');

finish(app, __dirname);
