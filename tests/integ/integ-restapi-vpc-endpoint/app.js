// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi.vpc-endpoint.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches) with the test's
// postCliContext ('@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,
// '@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy': false) as context applied last;
// the IntegTest and its Lambda invoke assertions are left out; TypeScript types are dropped.
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const lambda = require('aws-cdk-lib/aws-lambda');
const iam = require('aws-cdk-lib/aws-iam');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

class TestStack extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id);

    const vpc1 = new ec2.Vpc(this, 'Vpc1', {
      restrictDefaultSecurityGroup: false,
      natGateways: 0,
    });
    const vpcEndpoint1 = vpc1.addInterfaceEndpoint('VpcEndpoint1', {
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
      privateDnsEnabled: true,
    });
    const vpc2 = new ec2.Vpc(this, 'Vpc2', {
      restrictDefaultSecurityGroup: false,
      natGateways: 0,
    });
    const vpcEndpoint2 = vpc2.addInterfaceEndpoint('VpcEndpoint2', {
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
      privateDnsEnabled: true,
    });

    this.api = new apigateway.RestApi(this, 'Api', {
      cloudWatchRole: true,
      endpointConfiguration: {
        types: [apigateway.EndpointType.PRIVATE],
        vpcEndpoints: [vpcEndpoint1, vpcEndpoint2],
      },
    });
    this.api.root.addMethod(
      'GET',
      new apigateway.MockIntegration({
        requestTemplates: {
          'application/json': JSON.stringify({
            statusCode: 200,
          }),
        },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: {
              'application/json': JSON.stringify({ message: 'OK' }),
            },
          },
        ],
      }),
      {
        methodResponses: [
          {
            statusCode: '200',
          },
        ],
      },
    );
    this.api.grantInvokeFromVpcEndpointsOnly([vpcEndpoint1, vpcEndpoint2]);

    this.testFunctions = [{ endpoint: vpcEndpoint1, vpc: vpc1 }, { endpoint: vpcEndpoint2, vpc: vpc2 }].map((config, index) => {
      const testFunction = new lambda.Function(this, `TestFunction${index}`, {
        runtime: lambda.Runtime.NODEJS_20_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline(`
          const https = require('https');
  
          const httpsGet = (url) => {
            return new Promise((resolve, reject) => {
              https.get(url, (res) => {
                let data = '';
  
                res.on('data', (chunk) => {
                  data += chunk;
                });
  
                res.on('end', () => {
                  resolve(data);
                });
  
                res.on('error', (e) => {
                  reject(e);
                });
              });
            });
          };
  
          exports.handler = async function(event) {
            const apiEndpoint = process.env.API_ENDPOINT;
  
            try {
              const data = await httpsGet(apiEndpoint);
              return {
                statusCode: 200,
                body: JSON.stringify({ message: 'Success', data }),
              };
            } catch (error) {
              return {
                statusCode: 500,
                body: JSON.stringify({ message: 'Error', error: error.message }),
              };
            }
          };
        `),
        vpc: config.vpc,
        environment: {
          API_ENDPOINT: this.api.url,
        },
      });
      testFunction.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['execute-api:Invoke'],
          resources: [this.api.arnForExecuteApi()],
        }),
      );
      testFunction.connections.allowTo(config.endpoint, ec2.Port.tcp(443));
      return testFunction;
    });
  }
}

const app = newApp(cdk, {
  context: {
    '@aws-cdk/aws-lambda:useCdkManagedLogGroup': false,    '@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy': false,
  },
});

new TestStack(app, 'ApiGatewayVpcEndpointTestStack');

finish(app, __dirname);
