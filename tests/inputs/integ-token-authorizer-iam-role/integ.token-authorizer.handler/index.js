// A token authorizer: the token 'allow' is allowed to invoke the method, anything else is denied.
exports.handler = async (event) => ({
  principalId: 'user',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{
      Action: 'execute-api:Invoke',
      Effect: event.authorizationToken === 'allow' ? 'Allow' : 'Deny',
      Resource: event.methodArn,
    }],
  },
});
