// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.access-log-firehose.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out; 'aws-cdk-lib/aws-kinesisfirehose/lib' is required as 'aws-cdk-lib/aws-kinesisfirehose'.
const cdk = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const firehose = require('aws-cdk-lib/aws-kinesisfirehose');
const s3 = require('aws-cdk-lib/aws-s3');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class RestApiAccessLogFirehoseTest extends cdk.Stack {
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

    const destinationBucket = new s3.Bucket(this, 'Bucket', {
      removalPolicy: cdk.RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const deliveryStreamRole = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com'),
    });

    const stream = new firehose.CfnDeliveryStream(this, 'MyStream', {
      deliveryStreamName: 'amazon-apigateway-delivery-stream',
      s3DestinationConfiguration: {
        bucketArn: destinationBucket.bucketArn,
        roleArn: deliveryStreamRole.roleArn,
      },
    });

    const api = new apigateway.RestApi(this, 'MyApi', {
      cloudWatchRole: true,
      deployOptions: {
        accessLogDestination: new apigateway.FirehoseLogDestination(stream),
        accessLogFormat: testFormat,
      },
    });
    api.root.addMethod('GET');
  }
}

const app = newApp(cdk);

new RestApiAccessLogFirehoseTest(app, 'test-apigateway-access-logs-firehose');

finish(app, __dirname);
