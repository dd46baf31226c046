// A dummy backend behind the proxy resource.
exports.handler = async () => ({ statusCode: 200, body: 'ok' });
