// A backend for the CORS test: answers every request with a short JSON body.
exports.handler = async () => ({
  statusCode: 200,
  headers: { 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify({ hello: 'cors' }),
});
