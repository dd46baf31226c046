// CloudWatch dashboards: graph, single value and text widgets, rows, period override.
const cdk = require('aws-cdk-lib');
const cw = require('aws-cdk-lib/aws-cloudwatch');
const { newApp, finish } = require('../../harness');

const app = newApp(cdk);
const stack = new cdk.Stack(app, 'Stack');
const errors = new cw.Metric({ namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensionsMap: { ApiName: 'books' }, statistic: 'Sum', color: cw.Color.RED, label: 'Errors' });
const latency = new cw.Metric({ namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensionsMap: { ApiName: 'books' }, period: cdk.Duration.minutes(1) });
const count = new cw.Metric({ namespace: 'AWS/ApiGateway', metricName: 'Count', dimensionsMap: { ApiName: cdk.Aws.STACK_NAME } });
const dash = new cw.Dashboard(stack, 'Dash', {
  dashboardName: 'my-dashboard',
  periodOverride: cw.PeriodOverride.AUTO,
  start: '-P1W',
  widgets: [[new cw.TextWidget({ markdown: '# Books API', width: 24, height: 2 })]],
});
dash.addWidgets(
  new cw.GraphWidget({ title: 'Errors and latency', left: [errors], right: [latency], width: 12 }),
  new cw.SingleValueWidget({ title: 'Requests', metrics: [count] }),
);
dash.addWidgets(new cw.GraphWidget({ title: 'Count', left: [count.with({ color: cw.Color.GREEN, label: 'Requests' })], stacked: true }));
new cw.Dashboard(stack, 'Plain');
finish(app, __dirname);
