// zz-sfn-selectors: a Map state's itemSelector and resultSelector, a Parallel state's
// resultSelector, with comments and input/output paths.
const cdk = require('aws-cdk-lib');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const map = new sfn.Map(stack, 'Map', {
  comment: 'each',
  inputPath: '$.in',
  outputPath: '$.out',
  itemsPath: '$.items',
  itemSelector: { 'value.$': '$$.Map.Item.Value', fixed: 'x' },
  resultSelector: { 'count.$': '$.length()' },
});
map.itemProcessor(new sfn.Pass(stack, 'Item'));
const parallel = new sfn.Parallel(stack, 'Both', {
  comment: 'fan',
  inputPath: '$.p',
  outputPath: '$.q',
  resultSelector: { 'first.$': '$[0]' },
});
parallel.branch(new sfn.Pass(stack, 'One'));
new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(map.next(parallel)) });

finish(app, __dirname);
