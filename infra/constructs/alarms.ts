/**
 * Alarms on what needs a human: Lambda errors and throttles, failed or timed-out pipeline
 * executions, API 5xx, and messages in any dead-letter queue. All alarms notify one SNS topic
 * (subscribe the operators' e-mail or chat integration to it after deployment).
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';

export class OperationalAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'ESIP operational alarms',
      enforceSSL: true,
    });
  }

  /** Errors (any, in 5 minutes) and throttles (any, in 5 minutes) of one function. */
  watchFunction(name: string, fn: AppFunction): void {
    this.add(`${name}Errors`, fn.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: `${name}: the function returned errors (unhandled exceptions or timeouts)`,
    });
    this.add(`${name}Throttles`, fn.fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), {
      description: `${name}: invocations were throttled`,
    });
    if (fn.deadLetterQueue) this.watchDeadLetterQueue(name, fn.deadLetterQueue);
  }

  /** Any message waiting in a dead-letter queue. */
  watchDeadLetterQueue(name: string, queue: sqs.IQueue): void {
    this.add(
      `${name}DeadLetters`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      { description: `${name}: events that could not be processed are waiting in the dead-letter queue` },
    );
  }

  /** Failed, timed-out or aborted executions of a state machine. */
  watchStateMachine(name: string, stateMachine: sfn.StateMachine): void {
    const period = Duration.minutes(5);
    this.add(`${name}ExecutionsFailed`, stateMachine.metricFailed({ period, statistic: 'Sum' }), {
      description: `${name}: an execution failed`,
    });
    this.add(`${name}ExecutionsTimedOut`, stateMachine.metricTimedOut({ period, statistic: 'Sum' }), {
      description: `${name}: an execution timed out`,
    });
  }

  /** 5xx responses of an HTTP API stage (any, in 5 minutes). */
  watchHttpApi(name: string, api: apigw.IHttpApi): void {
    this.add(
      `${name}ServerErrors`,
      api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      {
        description: `${name}: the API answered with 5xx`,
      },
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
      {
        description:
          'A round has waited at one pipeline gate longer than STUCK_GATE_DAYS: see the admin notifications and GET /v1/rounds/{id}/pipeline',
      },
    );
  }

  private add(id: string, metric: cloudwatch.IMetric, options: { description: string }): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: options.description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
