// The TypeScript source of index.js (left out of the asset by `exclude: ['*.ts']`).
export const handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify({ hello: 'cors' }),
});
