/**
 * Irregular-inspection draw (EventBridge Scheduler). Claims the day's run so it runs once a day;
 * the risk-weighted, seeded draw is added by the inspection work (issue #5).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { claimRun, ScheduledEventSchema } from '../../shared/schedules/run-once.ts';

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = ScheduledEventSchema.safeParse(event);
    if (!parsed.success) throw invalidInput(parsed.error.message);
    const when = parsed.data.scheduledTime ? new Date(parsed.data.scheduledTime) : new Date();
    const claimed = await claimRun('inspection-draw', when);
    logger.info('inspection draw', { claimed, day: when.toISOString().slice(0, 10) });
    return { schedule: 'inspection-draw', ran: claimed };
  });
