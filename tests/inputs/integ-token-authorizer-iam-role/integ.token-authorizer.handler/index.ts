// The TypeScript source of index.js (left out of the asset by `exclude: ['*.ts']`).
export const handler = async (event: { authorizationToken: string; methodArn: string }) => ({
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
