// Port of aws-cdk packages/@aws-cdk-testing/framework-integ/test/aws-apigateway/test/integ.restapi-ip-address-type.ts
// Adaptations: the harness's App (recommended flags + CLI metadata switches); the IntegTest is
// left out.
const cdk = require('aws-cdk-lib');
const apigateway = require('aws-cdk-lib/aws-apigateway');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);

const stack = new cdk.Stack(app, 'restapi-ip-address-type-test-stack');

const edgeIpv4Api = new apigateway.RestApi(stack, 'EdgeIpv4Api', {
  endpointConfiguration: {
    types: [apigateway.EndpointType.EDGE],
    ipAddressType: apigateway.IpAddressType.IPV4,
  },
});
edgeIpv4Api.root.addMethod('GET');

const edgeDualStackApi = new apigateway.RestApi(stack, 'EdgeDualStackApi', {
  endpointConfiguration: {
    types: [apigateway.EndpointType.EDGE],
    ipAddressType: apigateway.IpAddressType.DUAL_STACK,
  },
});
edgeDualStackApi.root.addMethod('GET');

const regionalIpv4Api = new apigateway.RestApi(stack, 'RegionalIpv4Api', {
  endpointConfiguration: {
    types: [apigateway.EndpointType.REGIONAL],
    ipAddressType: apigateway.IpAddressType.IPV4,
  },
});
regionalIpv4Api.root.addMethod('GET');

const regionalDualStackApi = new apigateway.RestApi(stack, 'RegionalDualStackApi', {
  endpointConfiguration: {
    types: [apigateway.EndpointType.REGIONAL],
    ipAddressType: apigateway.IpAddressType.DUAL_STACK,
  },
});
regionalDualStackApi.root.addMethod('GET');

const privateDualstackApi = new apigateway.RestApi(stack, 'PrivateDualStackApi', {
  endpointConfiguration: {
    types: [apigateway.EndpointType.PRIVATE],
    ipAddressType: apigateway.IpAddressType.DUAL_STACK,
  },
});
privateDualstackApi.root.addMethod('GET');

finish(app, __dirname);
