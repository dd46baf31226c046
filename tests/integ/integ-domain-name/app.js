// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.domain-name.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// and its assertions (the invokeFunction calls and their expectations) are left out, the InvokeApi
// function they call stays in the stack. The test reads DOMAIN_NAME, HOSTED_ZONE_ID and CERT_ARN
// from the environment; here they are fixed to the values of the test's committed snapshot
// ('*.example.com', 'Z23ABC4XYZL05B', 'arn:aws:acm:test-region:12345678:certificate/86468209-a272-595d-b831-0efb6421265z').
// The Api construct class is written as a plain JavaScript class, without its addResource and
// addRootResource methods, which the test never calls.
const cdk = require('aws-cdk-lib');
const { Certificate } = require('aws-cdk-lib/aws-certificatemanager');
const { Function, Code, Runtime } = require('aws-cdk-lib/aws-lambda');
const { CfnRecordSet } = require('aws-cdk-lib/aws-route53');
const { Construct } = require('constructs');
const apigw = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const domainName = '*.example.com';
const hostedZoneId = 'Z23ABC4XYZL05B';
const certArn = 'arn:aws:acm:test-region:12345678:certificate/86468209-a272-595d-b831-0efb6421265z';

const app = newApp(cdk);
const testCase = new cdk.Stack(app, 'integ-apigw-domain-name-mapping');

class Api extends Construct {
  constructor(scope, id, props) {
    super(scope, id);
    this.restApi = new apigw.RestApi(this, 'IntegApi' + props.statusCode, {
      endpointTypes: [apigw.EndpointType.REGIONAL],
    });
    this.resource = this.restApi.root.addResource(props.path);
    const integration = this.createIntegration(props.statusCode);
    const options = {
      methodResponses: [{
        statusCode: props.statusCode,
      }],
    };
    this.restApi.root.addMethod('GET', integration, options);
    this.resource.addMethod('GET', integration, options);
  }

  createIntegration(statusCode) {
    return new apigw.MockIntegration({
      requestTemplates: { 'application/json': `{ statusCode: ${Number(statusCode)} }` },
      integrationResponses: [{
        statusCode: statusCode,
        responseTemplates: {
          'application/json': JSON.stringify({ message: 'Hello, world' }),
        },
      }],
    });
  }
}

const certificate = Certificate.fromCertificateArn(testCase, 'Cert', certArn);
const api1 = new Api(testCase, 'IntegApi1', {
  statusCode: '201',
  path: 'items',
});
const api2 = new Api(testCase, 'IntegApi2', {
  statusCode: '202',
  path: 'items',
});

// Test 1
const domain = new apigw.DomainName(testCase, 'IntegDomain', {
  domainName,
  securityPolicy: apigw.SecurityPolicy.TLS_1_2,
  certificate,
  mapping: api1.restApi,
});
new CfnRecordSet(testCase, 'IntegDomainRecord', {
  name: domainName,
  type: 'A',
  hostedZoneId,
  aliasTarget: {
    hostedZoneId: domain.domainNameAliasHostedZoneId,
    dnsName: domain.domainNameAliasDomainName,
  },
});
domain.addBasePathMapping(api1.restApi, {
  basePath: 'orders',
});
domain.addApiMapping(api2.restApi.deploymentStage, {
  basePath: 'orders/v2',
});
domain.addApiMapping(api1.restApi.deploymentStage, {
  basePath: 'orders/v1',
});

// Test 2
const secondDomain = new apigw.DomainName(testCase, 'Integ2Domain', {
  domainName: `another-${domainName}`,
  securityPolicy: apigw.SecurityPolicy.TLS_1_2,
  certificate,
  mapping: api1.restApi,
  basePath: 'orders',
});
new CfnRecordSet(testCase, 'Integ2DomainRecord', {
  name: `another-${domainName}`,
  type: 'A',
  hostedZoneId,
  aliasTarget: {
    hostedZoneId: secondDomain.domainNameAliasHostedZoneId,
    dnsName: secondDomain.domainNameAliasDomainName,
  },
});
secondDomain.addApiMapping(api2.restApi.deploymentStage, {
  basePath: 'orders/v2',
});

// Test 3
const thirdDomain = new apigw.DomainName(testCase, 'Integ3Domain', {
  domainName: `yet-another-${domainName}`,
  securityPolicy: apigw.SecurityPolicy.TLS_1_2,
  certificate,
  mapping: api1.restApi,
});
new CfnRecordSet(testCase, 'Integ3DomainRecord', {
  name: `yet-another-${domainName}`,
  type: 'A',
  hostedZoneId,
  aliasTarget: {
    hostedZoneId: thirdDomain.domainNameAliasHostedZoneId,
    dnsName: thirdDomain.domainNameAliasDomainName,
  },
});
thirdDomain.addBasePathMapping(api2.restApi, {
  basePath: 'v2',
});

new Function(testCase, 'InvokeApi', {
  code: Code.fromInline(`
const https = require('https');
exports.handler = async function(event) {
  console.log(event);
  const options = {
    hostname: event.hostname,
    path: event.path,
  };
  let dataString = '';
  const response = await new Promise((resolve, reject) => {
    const req = https.get(options, (res) => {
      res.on('data', data => {
        dataString += data;
      })
      res.on('end', () => {
        resolve({
          statusCode: res.statusCode,
          body: dataString,
        });
      })
    });
    req.on('error', err => {
      reject({
        statusCode: 500,
        body: JSON.stringify({
          cause: 'Something went wrong',
          error: err,
        })
      });
    });
    req.end();
  });
  return response;
}

`),
  handler: 'index.handler',
  runtime: Runtime.NODEJS_16_X,
});

finish(app, __dirname);
