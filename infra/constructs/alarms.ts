/**
 * Alarms on what needs a human: Lambda errors and throttles, failed or timed-out pipeline
 * executions, API 5xx, messages in any dead-letter queue, rounds stuck at a gate or held by
 * objections. All alarms notify one SNS topic, subscribed at deployment by e-mail (context
 * `alarmEmail`, one or more) and optionally an HTTPS webhook (context `alarmWebhook`); without an
 * address the synth warns that alarms reach no one.
 *
 * Every alarm's description ends with `Runbook: RUNBOOK.md#<section>`: what it means, where to
 * look and what an admin can do (an infra test checks that each section exists).
 */
import { Annotations, Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';

/** Who the alarms reach (validated by infra/build.ts deploymentConfig). */
export interface AlarmRecipients {
  readonly emails: readonly string[];
  /** An https endpoint that confirms SNS subscriptions (e.g. a chat relay). */
  readonly webhook?: string;
}

export const RUNBOOK_FILE = 'RUNBOOK.md';

/** The RUNBOOK.md section (heading anchor) of each kind of alarm. */
export const RUNBOOK_SECTIONS = {
  functionErrors: 'function-errors',
  functionThrottles: 'function-throttles',
  deadLetters: 'dead-letter-messages',
  executionsFailed: 'pipeline-execution-failed',
  executionsTimedOut: 'pipeline-execution-timed-out',
  apiServerErrors: 'api-5xx-responses',
  stuckRounds: 'stuck-rounds',
  roundsHeldByObjections: 'rounds-held-by-objections',
} as const;
export type RunbookSection = (typeof RUNBOOK_SECTIONS)[keyof typeof RUNBOOK_SECTIONS];

/** The pointer every alarm description ends with. */
export const runbookPointer = (section: RunbookSection) => `Runbook: ${RUNBOOK_FILE}#${section}`;

export const NO_RECIPIENTS_WARNING = 'esip:alarms:no-recipients';

export class OperationalAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, recipients: AlarmRecipients = { emails: [] }) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'ESIP operational alarms',
      enforceSSL: true,
    });
    for (const email of recipients.emails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    if (recipients.webhook) {
      this.topic.addSubscription(
        new subscriptions.UrlSubscription(recipients.webhook, { protocol: sns.SubscriptionProtocol.HTTPS }),
      );
    }
    if (recipients.emails.length === 0) {
      Annotations.of(this).addWarningV2(
        NO_RECIPIENTS_WARNING,
        [
          'Alarms reach no one: the alarm topic has no e-mail subscription.',
          'Deploy with -c alarmEmail=ops@example.org (several: comma-separated; optionally',
          '-c alarmWebhook=https://…), or subscribe to the AlarmTopicArn output after deployment.',
        ].join(' '),
      );
    }
  }

  /** Errors (any, in 5 minutes) and throttles (any, in 5 minutes) of one function. */
  watchFunction(name: string, fn: AppFunction): void {
    this.add(
      `${name}Errors`,
      fn.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      `${name}: the function returned errors (unhandled exceptions or timeouts).`,
      RUNBOOK_SECTIONS.functionErrors,
    );
    this.add(
      `${name}Throttles`,
      fn.fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      `${name}: invocations were throttled.`,
      RUNBOOK_SECTIONS.functionThrottles,
    );
    if (fn.deadLetterQueue) this.watchDeadLetterQueue(name, fn.deadLetterQueue);
  }

  /** Any message waiting in a dead-letter queue. */
  watchDeadLetterQueue(name: string, queue: sqs.IQueue): void {
    this.add(
      `${name}DeadLetters`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `${name}: events that could not be processed are waiting in the dead-letter queue.`,
      RUNBOOK_SECTIONS.deadLetters,
    );
  }

  /** Failed or timed-out executions of a state machine. */
  watchStateMachine(name: string, stateMachine: sfn.StateMachine): void {
    const period = Duration.minutes(5);
    this.add(
      `${name}ExecutionsFailed`,
      stateMachine.metricFailed({ period, statistic: 'Sum' }),
      `${name}: an execution failed.`,
      RUNBOOK_SECTIONS.executionsFailed,
    );
    this.add(
      `${name}ExecutionsTimedOut`,
      stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      `${name}: an execution timed out.`,
      RUNBOOK_SECTIONS.executionsTimedOut,
    );
  }

  /** 5xx responses of an HTTP API stage (any, in 5 minutes). */
  watchHttpApi(name: string, api: apigw.IHttpApi): void {
    this.add(
      `${name}ServerErrors`,
      api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      `${name}: the API answered with 5xx.`,
      RUNBOOK_SECTIONS.apiServerErrors,
    );
  }

  /**
   * Rounds waiting at one gate longer than STUCK_GATE_DAYS: the daily sweep publishes their number
   * (Esip/StuckRounds, dimension service); any at all is an alarm (the admins are also notified).
   */
  watchStuckRounds(service: string): void {
    this.add(
      'RoundsStuck',
      new cloudwatch.Metric({
        namespace: 'Esip',
        metricName: 'StuckRounds',
        dimensionsMap: { service },
        statistic: 'Maximum',
        period: Duration.days(1),
      }),
      'A round has waited at one pipeline gate longer than STUCK_GATE_DAYS: see the admin notifications and GET /v1/rounds/{id}/pipeline.',
      RUNBOOK_SECTIONS.stuckRounds,
    );
  }

  /**
   * Rounds held at AwaitObjectionResolutions beyond the notice period plus the configured
   * resolution time: whoever counts them publishes Esip/RoundsHeldByObjections (dimension
   * service, the publishing function's POWERTOOLS_SERVICE_NAME); any at all is an alarm.
   */
  watchRoundsHeldByObjections(service: string, period: Duration = Duration.days(1)): void {
    this.add(
      'RoundsHeldByObjections',
      new cloudwatch.Metric({
        namespace: 'Esip',
        metricName: 'RoundsHeldByObjections',
        dimensionsMap: { service },
        statistic: 'Maximum',
        period,
      }),
      'Open objections hold a round at AwaitObjectionResolutions beyond the notice period plus the resolution time: see GET /v1/rounds/{id}/objections.',
      RUNBOOK_SECTIONS.roundsHeldByObjections,
    );
  }

  private add(id: string, metric: cloudwatch.IMetric, description: string, runbook: RunbookSection): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: `${description} ${runbookPointer(runbook)}`,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
