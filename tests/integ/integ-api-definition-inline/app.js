// Port of aws-cdk's packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.api-definition.inline.ts
// Adaptations: the parity harness's App (newApp/finish) instead of `new cdk.App()`; the IntegTest
// is left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'integtest-restapi-fromdefinition-inline');

const api = new apigateway.SpecRestApi(stack, 'my-api', {
  cloudWatchRole: true,
  apiDefinition: apigateway.ApiDefinition.fromInline({
    openapi: '3.0.2',
    info: {
      version: '1.0.0',
      title: 'Test API for CDK',
    },
    paths: {
      '/pets': {
        get: {
          'summary': 'Test Method',
          'operationId': 'testMethod',
          'responses': {
            200: {
              description: 'A paged array of pets',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/Empty',
                  },
                },
              },
            },
          },
          'x-amazon-apigateway-integration': {
            responses: {
              default: {
                statusCode: '200',
              },
            },
            requestTemplates: {
              'application/json': '{"statusCode": 200}',
            },
            passthroughBehavior: 'when_no_match',
            type: 'mock',
          },
        },
      },
    },
    components: {
      schemas: {
        Empty: {
          title: 'Empty Schema',
          type: 'object',
        },
      },
    },
  }),
});

new cdk.CfnOutput(stack, 'PetsURL', {
  value: api.urlForPath('/pets'),
});

finish(app, __dirname);
