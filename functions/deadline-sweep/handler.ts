/**
 * Daily deadline sweep (EventBridge Scheduler): reminders before report deadlines, the overdue
 * transition after them and escalation to the programme office (§4.4), planned by
 * shared/domain/deadlines.ts and applied by shared/usecases/reports/sweep.ts runDeadlineSweep.
 *
 * The day's run is claimed first (claimRun), so a doubled delivery normally does nothing; but
 * correctness does not depend on the claim: every action is idempotent on its own (deterministic
 * notification ids written with conditional puts, conditional status transitions), so a run that
 * gets through anyway, or a missed day run later, sends nothing twice.
 * The same run reports rounds stuck at one gate longer than STUCK_GATE_DAYS to the programme office
 * (a notification per gate opening) and publishes their number as the metric Esip/StuckRounds, on
 * which an alarm fires (infra/stacks/app-stack.ts). Likewise rounds that open objections hold
 * beyond their notice period's end plus OBJECTION_RESOLUTION_DAYS (a notification per notice
 * period; the metric Esip/RoundsHeldByObjections and its alarm).
 * Configuration: REMINDER_DAYS ("30,7,1"), ESCALATION_GRACE_DAYS (14), SWEEP_LOOKBACK_DAYS (366),
 * STUCK_GATE_DAYS (14), OBJECTION_RESOLUTION_DAYS (14 calendar days ≈ 10 working days),
 * REVIEW_REMINDER_DAYS ("3,1": reviewers with pending reviews are reminded that many days before the
 * round's review deadline; shared/usecases/review-reminders.ts).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { envNames } from '../../shared/contract.ts';
import { sweepConfigFrom } from '../../shared/domain/deadlines.ts';
import { objectionResolutionDaysFrom } from '../../shared/domain/objection-abuse.ts';
import { reviewReminderDaysFrom } from '../../shared/domain/review-reminders.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { noticeRoundsHeldByObjections, noticeStuckRounds } from '../../shared/usecases/pipeline/stuck.ts';
import { runDeadlineSweep } from '../../shared/usecases/reports/index.ts';
import { remindReviewers } from '../../shared/usecases/review-reminders.ts';
import { claimRun, ScheduledEventSchema } from '../../shared/usecases/schedules/run-once.ts';

/** Namespace and service (a dimension) from POWERTOOLS_METRICS_NAMESPACE / POWERTOOLS_SERVICE_NAME. */
const metrics = new Metrics();

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context: Context) => {
    const parsed = ScheduledEventSchema.safeParse(event);
    if (!parsed.success) throw invalidInput(parsed.error.message);
    const when = parsed.data.scheduledTime ? new Date(parsed.data.scheduledTime) : new Date();
    const config = sweepConfigFrom(process.env);
    const resolutionDays = objectionResolutionDaysFrom(process.env[envNames.objectionResolutionDays]);
    const claimed = await claimRun('deadline-sweep', when);
    logger.info('deadline sweep', { claimed, day: when.toISOString().slice(0, 10) });
    if (!claimed) return { schedule: 'deadline-sweep', ran: false };
    const summary = await runDeadlineSweep(when, config, context?.awsRequestId);
    const stuck = await noticeStuckRounds(when, config.stuckGateDays);
    const held = await noticeRoundsHeldByObjections(when, resolutionDays);
    const reviews = await remindReviewers(when, reviewReminderDaysFrom(process.env.REVIEW_REMINDER_DAYS));
    metrics.addMetric('StuckRounds', MetricUnit.Count, stuck.stuck);
    metrics.addMetric('RoundsHeldByObjections', MetricUnit.Count, held.held);
    metrics.publishStoredMetrics();
    logger.info('deadline sweep done', {
      ...summary,
      stuckRounds: stuck.stuck,
      stuckNotified: stuck.notified,
      roundsHeldByObjections: held.held,
      heldNotified: held.notified,
      reviewRoundsReminded: reviews.rounds,
      reviewersReminded: reviews.reminded,
    });
    return { schedule: 'deadline-sweep', ran: true };
  });
