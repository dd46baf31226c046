// Probe for apigw-core models/validators/cors/gateway responses (not a golden).
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
{
  const stack = new cdk.Stack(app, 'Stack');
  const api = new apigateway.RestApi(stack, 'api', {
    defaultCorsPreflightOptions: {
      allowOrigins: ['https://a.com', 'https://b.com', 'https://c.com'],
      allowCredentials: true,
      maxAge: cdk.Duration.seconds(600),
      exposeHeaders: ['X-A', 'X-B'],
      allowHeaders: ['X-Custom'],
      statusCode: 200,
    },
  });
  const model = api.addModel('BookModel', {
    description: 'a book',
    schema: {
      title: 'book',
      type: apigateway.JsonSchemaType.OBJECT,
      definitions: { author: { type: [apigateway.JsonSchemaType.STRING, apigateway.JsonSchemaType.NULL] } },
      properties: {
        author: { ref: '#/definitions/author' },
        tags: { type: apigateway.JsonSchemaType.ARRAY, items: { type: apigateway.JsonSchemaType.STRING }, minItems: 1 },
        price: { type: apigateway.JsonSchemaType.NUMBER, minimum: 0, exclusiveMinimum: true },
      },
      required: ['author'],
      additionalProperties: false,
      default: { schema: 1, properties: { ref: 2 } },
    },
  });
  const books = api.root.addResource('books');
  const get = books.addMethod('GET', new apigateway.MockIntegration({
    integrationResponses: [
      { selectionPattern: '4\\d{2}', statusCode: '400', contentHandling: apigateway.ContentHandling.CONVERT_TO_TEXT },
      { statusCode: '200', responseTemplates: { 'application/json': '{}' }, responseParameters: { 'method.response.header.X': "'x'" } },
    ],
    requestTemplates: { 'application/json': '{ "statusCode": 200 }' },
  }), {
    requestModels: { 'application/json': model },
    requestValidatorOptions: { validateRequestBody: true },
    methodResponses: [
      { statusCode: '200', responseModels: { 'application/json': model, 'text/plain': apigateway.Model.EMPTY_MODEL }, responseParameters: { 'method.response.header.X': true } },
      { statusCode: '400', responseModels: { 'application/json': apigateway.Model.ERROR_MODEL } },
    ],
  });
  get.addMethodResponse({ statusCode: '500' });
  const v = api.addRequestValidator('Explicit', { validateRequestParameters: true });
  books.addMethod('POST', undefined, { requestValidator: v });
  api.addGatewayResponse('gr', { type: apigateway.ResponseType.of('custom_type'), templates: { 'application/json': '{}' } });
  const noModels = new apigateway.RestApi(stack, 'plain', { deploy: false });
  noModels.root.addMethod('GET', undefined, { requestValidatorOptions: { requestValidatorName: 'x' } });
  noModels.addModel('M', { modelName: 'Named', contentType: 'text/plain', schema: { schema: apigateway.JsonSchemaVersion.DRAFT7 } });
}
{
  const stack = new cdk.Stack(app, 'Legacy');
  stack.node.setContext('@aws-cdk/aws-apigateway:requestValidatorUniqueId', false);
  const api = new apigateway.RestApi(stack, 'api', {
    defaultCorsPreflightOptions: { allowOrigins: ['*'], allowCredentials: true, disableCache: true, allowMethods: ['ANY'] },
  });
  api.root.addMethod('GET', undefined, { requestValidatorOptions: { validateRequestBody: false } });
  api.root.addResource('x', { defaultCorsPreflightOptions: { allowOrigins: ['https://x.com'], exposeHeaders: [] } }).addMethod('PUT');
}
finish(app, __dirname);
