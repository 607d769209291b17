/**
 * One CloudWatch dashboard for the operator (`esip-<stage>`): what the alarms watch, as graphs,
 * plus the alarms' own state. Rows: the API (requests, 4xx/5xx, latency), the round pipeline
 * (executions started / succeeded / failed / timed out), the rounds waiting on people (the daily
 * sweep's StuckRounds and RoundsHeldByObjections), the functions (errors, throttles, p90 duration),
 * the dead-letter queues, every alarm, and the notifications sent, skipped, failed and rejected. RUNBOOK.md says what to do about each.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';

export interface OperationsDashboardProps {
  readonly stage: string;
  readonly api: apigw.IHttpApi;
  readonly stateMachine: sfn.StateMachine;
  /** Every function by its name (route groups and background tasks). */
  readonly functions: Readonly<Record<string, AppFunction>>;
  readonly alarms: readonly cloudwatch.IAlarm[];
  /** The POWERTOOLS_SERVICE_NAME of the function publishing the round metrics (the daily sweep). */
  readonly sweepService: string;
  /** The POWERTOOLS_SERVICE_NAME of the notifier (messages sent, skipped, failed, rejected). */
  readonly notifierService?: string;
}

const PERIOD = Duration.minutes(5);
const WIDTH = 24; // the dashboard's grid is 24 columns wide

/** The Esip/<metricName> metric the daily sweep publishes. */
const sweepMetric = (metricName: string, service: string, label: string) =>
  new cloudwatch.Metric({
    namespace: 'Esip',
    metricName,
    dimensionsMap: { service },
    statistic: 'Maximum',
    period: Duration.days(1),
    label,
  });

export class OperationsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { api, stateMachine, functions, alarms } = props;
    const fns = Object.entries(functions);
    const perFunction = (metric: (fn: AppFunction) => cloudwatch.IMetric) =>
      fns.map(([name, fn]) => (metric(fn) as cloudwatch.Metric).with({ label: name }));
    const withDlq = fns.filter(([, fn]) => fn.deadLetterQueue);

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `esip-${props.stage}`,
      defaultInterval: Duration.days(1),
      widgets: [
        [
          new cloudwatch.TextWidget({
            markdown:
              '# ESIP operations\nEvery alarm below has a section in **RUNBOOK.md** (its description says which): what it means, where to look, and what an admin can do without an engineer.',
            width: WIDTH,
            height: 2,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and errors',
            left: [
              api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }),
              api.metricClientError({ period: PERIOD, statistic: 'Sum', label: '4xx' }),
              api.metricServerError({ period: PERIOD, statistic: 'Sum', label: '5xx' }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency (ms)',
            left: ['p50', 'p90', 'p99'].map((statistic) =>
              api.metricLatency({ period: PERIOD, statistic, label: statistic }),
            ),
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Round pipeline executions',
            left: [
              stateMachine.metricStarted({ period: PERIOD, statistic: 'Sum', label: 'started' }),
              stateMachine.metricSucceeded({ period: PERIOD, statistic: 'Sum', label: 'succeeded' }),
              stateMachine.metricFailed({ period: PERIOD, statistic: 'Sum', label: 'failed' }),
              stateMachine.metricTimedOut({ period: PERIOD, statistic: 'Sum', label: 'timed out' }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Rounds waiting on people (daily sweep)',
            left: [
              sweepMetric('StuckRounds', props.sweepService, 'stuck at one gate'),
              sweepMetric('RoundsHeldByObjections', props.sweepService, 'held by open objections'),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function errors',
            left: perFunction((fn) => fn.fn.metricErrors({ period: PERIOD, statistic: 'Sum' })),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Function throttles',
            left: perFunction((fn) => fn.fn.metricThrottles({ period: PERIOD, statistic: 'Sum' })),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Function duration p90 (ms)',
            left: perFunction((fn) => fn.fn.metricDuration({ period: PERIOD, statistic: 'p90' })),
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Dead-letter queues: messages waiting',
            left: withDlq.map(([name, fn]) =>
              fn.deadLetterQueue!.metricApproximateNumberOfMessagesVisible({
                period: PERIOD,
                statistic: 'Maximum',
                label: name,
              }),
            ),
            width: 12,
          }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: 12, height: 8 }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Notifications (messages per 5 minutes)',
            left: [
              ['NotificationsSent', 'sent'],
              ['NotificationsSkipped', 'skipped (opted out, no address)'],
              ['NotificationsFailed', 'failed (retried)'],
              ['NotificationsRejected', 'rejected (not retried)'],
            ].map(
              ([metricName, label]) =>
                new cloudwatch.Metric({
                  namespace: 'Esip',
                  metricName: metricName!,
                  dimensionsMap: { service: props.notifierService ?? 'esip-notifier' },
                  statistic: 'Sum',
                  period: PERIOD,
                  label: label!,
                }),
            ),
            width: 24,
          }),
        ],
      ],
    });
  }
}
