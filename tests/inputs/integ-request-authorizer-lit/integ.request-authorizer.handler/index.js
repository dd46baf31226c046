// A request authorizer: allowed when the Authorization header is 'allow' and the query string
// has allow=yes, denied otherwise.
exports.handler = async (event) => {
  const allowed = event.headers.Authorization === 'allow' && event.queryStringParameters.allow === 'yes';
  return {
    principalId: 'user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: allowed ? 'Allow' : 'Deny', Resource: event.methodArn }],
    },
  };
};
