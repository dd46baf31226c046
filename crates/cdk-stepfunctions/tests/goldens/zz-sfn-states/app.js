// zz-sfn-states: Succeed, Fail, Choice (conditions, when/otherwise/afterwards), Wait (each
// WaitTime), Parallel (branches), Map (items path, max concurrency, item processor) and
// next chaining between them, rendered into a state machine's DefinitionString.
const cdk = require('aws-cdk-lib');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');

const start = new sfn.Pass(stack, 'Start', { resultPath: '$.start' });
const wait1 = new sfn.Wait(stack, 'WaitDuration', { time: sfn.WaitTime.duration(cdk.Duration.minutes(2)), comment: 'two minutes' });
const wait2 = new sfn.Wait(stack, 'WaitTimestamp', { time: sfn.WaitTime.timestamp('2026-01-01T00:00:00Z') });
const wait3 = new sfn.Wait(stack, 'WaitSecondsPath', { time: sfn.WaitTime.secondsPath('$.secs') });
const wait4 = new sfn.Wait(stack, 'WaitTimestampPath', { time: sfn.WaitTime.timestampPath('$.ts') });
const ok = new sfn.Succeed(stack, 'Done', { comment: 'all good' });
const bad = new sfn.Fail(stack, 'Failed', { error: 'BadInput', cause: 'the input was bad' });
const fail2 = new sfn.Fail(stack, 'Failed2');
const choice = new sfn.Choice(stack, 'Check', { comment: 'route', inputPath: '$.in' });
choice
  .when(sfn.Condition.stringEquals('$.kind', 'a'), wait1)
  .when(sfn.Condition.and(sfn.Condition.numberGreaterThan('$.n', 5), sfn.Condition.booleanEquals('$.flag', true)), wait2)
  .when(sfn.Condition.or(sfn.Condition.isPresent('$.x'), sfn.Condition.not(sfn.Condition.isNull('$.y'))), wait3)
  .when(sfn.Condition.numberLessThanEquals('$.n', 1.5), bad)
  .when(sfn.Condition.stringMatches('$.s', 'a*'), fail2)
  .when(sfn.Condition.timestampGreaterThan('$.t', '2026-01-01T00:00:00Z'), wait4)
  .otherwise(ok);
const parallel = new sfn.Parallel(stack, 'Fanout', { resultPath: '$.branches' });
parallel.branch(new sfn.Pass(stack, 'B1')).branch(new sfn.Pass(stack, 'B2a').next(new sfn.Pass(stack, 'B2b')));
const map = new sfn.Map(stack, 'EachItem', { itemsPath: '$.items', maxConcurrency: 2, resultPath: '$.mapped' });
map.itemProcessor(new sfn.Pass(stack, 'PerItem'));
const join = new sfn.Pass(stack, 'Join');
wait1.next(join);
wait2.next(join);
wait3.next(join);
wait4.next(join);
join.next(parallel).next(map).next(new sfn.Succeed(stack, 'End'));
new sfn.StateMachine(stack, 'Machine', { definitionBody: sfn.DefinitionBody.fromChainable(start.next(choice)) });

// afterwards: a choice whose branches join again
const c2 = new sfn.Choice(stack, 'Choice2');
const p1 = new sfn.Pass(stack, 'P1');
const p2 = new sfn.Pass(stack, 'P2');
const chain2 = c2.when(sfn.Condition.stringEquals('$.k', 'x'), p1).otherwise(p2).afterwards().next(new sfn.Pass(stack, 'After'));
new sfn.StateMachine(stack, 'Machine2', { definitionBody: sfn.DefinitionBody.fromChainable(chain2) });

finish(app, __dirname);
