/** Selection within the budget (择优支持) and the admin's side of objections. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { IdSchema } from '../common.ts';
import {
  ObjectionParams,
  ObjectionResolutionSchema,
  ObjectionSchema,
  SelectionApprovalSchema,
  SupplementDecisionSchema,
  SupplementProposalSchema,
  SupplementResultSchema,
} from '../pipeline.ts';
import { RoundIdParams } from '../rounds.ts';
import type { RouteDef } from '../route-types.ts';

export const selectionRoutes = [
  {
    operationId: 'getRanking',
    method: 'GET',
    path: '/v1/rounds/{roundId}/ranking',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Raw and calibrated scores, bonuses, the budget line and a reason for every alliance',
    tag: 'selection',
    params: RoundIdParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'approveSelection',
    method: 'POST',
    path: '/v1/rounds/{roundId}/selection/approve',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Approve the selection, with adjustments and their reasons; the budget still holds',
    tag: 'selection',
    params: RoundIdParams,
    body: SelectionApprovalSchema,
    responses: { 200: z.object({ roundId: IdSchema, funded: z.number(), totalAwarded: z.number() }) },
  },
  {
    operationId: 'listObjections',
    method: 'GET',
    path: '/v1/rounds/{roundId}/objections',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Objections filed against the public notice',
    tag: 'objections',
    params: RoundIdParams,
    responses: { 200: z.object({ items: z.array(ObjectionSchema) }) },
  },
  {
    operationId: 'resolveObjection',
    method: 'POST',
    path: '/v1/rounds/{roundId}/objections/{objectionId}/resolve',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Uphold (the alliance is dropped) or dismiss an objection, with a reason',
    tag: 'objections',
    params: ObjectionParams,
    body: ObjectionResolutionSchema,
    responses: { 200: ObjectionSchema },
  },
  {
    operationId: 'previewSupplement',
    method: 'GET',
    path: '/v1/rounds/{roundId}/supplement',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      '递补: the money freed by dropped alliances and the left-out alliances it would fund under the round policy, with reasons (a preview; nothing changes)',
    tag: 'selection',
    params: RoundIdParams,
    responses: { 200: SupplementProposalSchema },
  },
  {
    operationId: 'decideSupplement',
    method: 'POST',
    path: '/v1/rounds/{roundId}/supplement',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      '递补: fill the freed budget as proposed (the additions get a supplementary notice with its own period) or decline, with a reason',
    tag: 'selection',
    params: RoundIdParams,
    body: SupplementDecisionSchema,
    responses: { 200: SupplementResultSchema },
  },
] as const satisfies readonly RouteDef[];
