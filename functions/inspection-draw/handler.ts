/**
 * Irregular-inspection draw (EventBridge Scheduler, monthly). One draw per calendar month: its id
 * is the month of the scheduled time and it is written with a conditional put, so a retried,
 * doubled or re-fired invocation for the same month finds it and changes nothing (it only
 * completes inspections a crashed first run did not write). The seed is the scheduled time.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { scheduledDraw } from '../../shared/usecases/inspections/index.ts';
import { ScheduledEventSchema } from '../../shared/usecases/schedules/run-once.ts';

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => {
    const parsed = ScheduledEventSchema.safeParse(event);
    if (!parsed.success) throw invalidInput(parsed.error.message);
    const when = parsed.data.scheduledTime ? new Date(parsed.data.scheduledTime) : new Date();
    const draw = await scheduledDraw(when, context?.awsRequestId);
    logger.info('inspection draw', {
      drawId: draw.drawId,
      reused: Boolean(draw.reused),
      candidates: draw.candidates.length,
      picks: draw.picks.length,
    });
    return {
      schedule: 'inspection-draw',
      ran: !draw.reused,
      drawId: draw.drawId,
      seed: draw.seed,
      picks: draw.picks,
    };
  });
