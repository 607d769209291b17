/** Screening (科协把关): the programme office's pass/reject decision on every submitted alliance. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { CursorQuerySchema, IdSchema } from '../common.ts';
import { ScreeningDecisionSchema, ScreeningParams, ScreeningRecordSchema } from '../pipeline.ts';
import { RoundIdParams } from '../rounds.ts';
import type { RouteDef } from '../route-types.ts';

/** ?cursor=&limit= for the screening list: pages of 100 records by default, 500 at most. */
const ScreeningListQuery = CursorQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const screeningRoutes = [
  {
    operationId: 'listScreening',
    method: 'GET',
    path: '/v1/rounds/{roundId}/screening',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      "The round's submitted alliances with their automatic findings and decisions, a page at a time (by alliance id), with the gate's counts",
    tag: 'screening',
    params: RoundIdParams,
    query: ScreeningListQuery,
    responses: {
      200: z.object({
        gate: z.string(),
        decided: z.number().int().meta({ description: 'Alliances of the round with a decision' }),
        total: z.number().int().meta({ description: 'Screened alliances of the round' }),
        passed: z.number().int(),
        rejected: z.number().int(),
        items: z.array(ScreeningRecordSchema),
        nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
      }),
    },
  },
  {
    operationId: 'decideScreening',
    method: 'POST',
    path: '/v1/rounds/{roundId}/screening/{allianceId}',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Pass or reject an alliance, with a reason (the last decision moves the pipeline on)',
    tag: 'screening',
    params: ScreeningParams,
    body: ScreeningDecisionSchema,
    responses: {
      200: z.object({
        allianceId: IdSchema,
        outcome: z.string(),
        pending: z.number(),
        screeningComplete: z.boolean(),
      }),
    },
  },
  {
    operationId: 'completeScreening',
    method: 'POST',
    path: '/v1/rounds/{roundId}/screening/complete',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Move on when every alliance is decided (or there was none to decide)',
    tag: 'screening',
    params: RoundIdParams,
    responses: { 200: z.object({ roundId: IdSchema, screeningComplete: z.boolean() }) },
  },
] as const satisfies readonly RouteDef[];
