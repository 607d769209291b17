/**
 * Starts a round's pipeline. Invoked by EventBridge Scheduler when a round's application window
 * closes ({"roundId": "…"}) or by an EventBridge rule on an admin's RoundCloseRequested event.
 * The execution is named from the round id, so a second start is harmless.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { IdSchema } from '../../shared/api/common.ts';
import { roundEvents } from '../../shared/contract.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { startRoundPipeline } from '../../shared/usecases/pipeline/start.ts';

const ScheduleInput = z.object({ roundId: IdSchema, source: z.literal('schedule').optional() });
const RoundCloseRequested = z.object({
  source: z.literal(roundEvents.source),
  'detail-type': z.literal(roundEvents.roundCloseRequested),
  detail: z.object({ roundId: IdSchema, requestedBy: z.string().optional() }),
});

export function roundIdFrom(event: unknown): { roundId: string; by: string } {
  const fromEvent = RoundCloseRequested.safeParse(event);
  if (fromEvent.success) {
    return { roundId: fromEvent.data.detail.roundId, by: fromEvent.data.detail.requestedBy ?? 'event' };
  }
  const fromSchedule = ScheduleInput.safeParse(event);
  if (fromSchedule.success) return { roundId: fromSchedule.data.roundId, by: 'schedule' };
  throw invalidInput('expected {"roundId"} from a schedule or a RoundCloseRequested event');
}

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const { roundId, by } = roundIdFrom(event);
    const started = await startRoundPipeline(roundId, by);
    logger.info('round pipeline start', { roundId, ...started });
    return { roundId, ...started };
  });
