/** Screening (科协把关): the programme office's pass/reject decision on every submitted alliance. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { IdSchema } from '../common.ts';
import { ScreeningDecisionSchema, ScreeningParams, ScreeningRecordSchema } from '../pipeline.ts';
import { RoundIdParams } from '../rounds.ts';
import type { RouteDef } from '../route-types.ts';

export const screeningRoutes = [
  {
    operationId: 'listScreening',
    method: 'GET',
    path: '/v1/rounds/{roundId}/screening',
    fn: 'rounds',
    auth: ['admin'],
    summary: "The round's submitted alliances with their automatic findings and decisions",
    tag: 'screening',
    params: RoundIdParams,
    responses: {
      200: z.object({
        gate: z.string(),
        decided: z.number(),
        total: z.number(),
        items: z.array(ScreeningRecordSchema),
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
