import * as z from 'zod';

export { RoundIdParams } from './rounds.ts';

export const PipelineStatusSchema = z
  .object({
    roundId: z.string(),
    executionName: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'NOT_STARTED']),
    stage: z.string().meta({ description: 'The pipeline stage the round is in' }),
    waitingOn: z.string().optional().meta({ description: 'Who or what the current stage waits on' }),
    startedAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    history: z.array(
      z.object({ stage: z.string(), at: z.iso.datetime(), by: z.string(), note: z.string().optional() }),
    ),
  })
  .meta({ id: 'PipelineStatus' });
