/** Rounds (申报批次): the programme office opens, edits and closes them; their pipeline status and audit trail. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { AuditEntrySchema } from '../audit.ts';
import { CursorQuerySchema, IdSchema, pageOf } from '../common.ts';
import { PipelineStatusSchema, RetryPipelineSchema, RetryResultSchema } from '../pipeline.ts';
import { RoundIdParams, RoundInputSchema, RoundSchema, RoundUpdateSchema } from '../rounds.ts';
import type { RouteDef } from '../route-types.ts';

const CloseRoundSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'CloseRound' });
const CloseRoundResultSchema = z.object({ roundId: IdSchema, alreadyStarted: z.boolean() });

export const roundRoutes = [
  {
    operationId: 'listRounds',
    method: 'GET',
    path: '/v1/rounds',
    fn: 'rounds',
    auth: 'public',
    summary: 'Funding rounds, newest first (public)',
    tag: 'rounds',
    query: CursorQuerySchema,
    responses: { 200: pageOf(RoundSchema) },
  },
  {
    operationId: 'createRound',
    method: 'POST',
    path: '/v1/rounds',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      'Create a funding round: budget, caps, window, review settings, rubric, notice period, priorities',
    tag: 'rounds',
    body: RoundInputSchema,
    responses: { 201: RoundSchema },
  },
  {
    operationId: 'getRound',
    method: 'GET',
    path: '/v1/rounds/{roundId}',
    fn: 'rounds',
    auth: 'public',
    summary: 'A funding round (public)',
    tag: 'rounds',
    params: RoundIdParams,
    responses: { 200: RoundSchema },
  },
  {
    operationId: 'updateRound',
    method: 'PUT',
    path: '/v1/rounds/{roundId}',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Replace an open round’s settings; carries its version (stale → 409)',
    tag: 'rounds',
    params: RoundIdParams,
    body: RoundUpdateSchema,
    responses: { 200: RoundSchema },
  },
  {
    operationId: 'closeRound',
    method: 'POST',
    path: '/v1/rounds/{roundId}/close',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Close the round now and start its pipeline (a second close is harmless)',
    tag: 'rounds',
    params: RoundIdParams,
    body: CloseRoundSchema,
    responses: { 202: CloseRoundResultSchema },
  },
  {
    operationId: 'getRoundPipeline',
    method: 'GET',
    path: '/v1/rounds/{roundId}/pipeline',
    fn: 'rounds',
    auth: ['admin'],
    summary: "A round's pipeline status: current stage and what it waits on",
    tag: 'pipeline',
    params: RoundIdParams,
    responses: { 200: PipelineStatusSchema },
  },
  {
    operationId: 'retryRoundPipeline',
    method: 'POST',
    path: '/v1/rounds/{roundId}/pipeline/retry',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      'Retry a failed pipeline: a new run resumes where the failed one stopped (what is done is kept); 409 while a run is active or when nothing failed',
    tag: 'pipeline',
    params: RoundIdParams,
    body: RetryPipelineSchema,
    responses: { 202: RetryResultSchema },
  },
  {
    operationId: 'getRoundHistory',
    method: 'GET',
    path: '/v1/rounds/{roundId}/history',
    fn: 'rounds',
    auth: ['admin'],
    summary: "The round's audit trail: every pipeline decision with who, when and why",
    tag: 'pipeline',
    params: RoundIdParams,
    query: CursorQuerySchema,
    responses: { 200: pageOf(AuditEntrySchema) },
  },
] as const satisfies readonly RouteDef[];
