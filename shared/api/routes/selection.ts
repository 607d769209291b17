/** Selection within the budget (择优支持) and the admin's side of objections. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { CursorQuerySchema, DateTimeSchema, IdSchema } from '../common.ts';
import {
  ObjectionDismissalResultSchema,
  ObjectionDismissalSchema,
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

const SummarySchema = z
  .looseObject({
    policy: z.string(),
    budget: z.number().int(),
    perAllianceCap: z.number().int(),
    totalAwarded: z.number().int(),
    remaining: z.number().int(),
    totalMerit: z.number(),
    rows: z.number().int().meta({ description: 'Ranked alliances' }),
    funded: z.number().int().meta({ description: 'Funded alliances' }),
  })
  .meta({ description: 'A selection result without its rows (those are the items)' });

/** GET …/ranking: the selection's header and one page of the ranking, in rank order. */
export const RankingPageSchema = z
  .object({
    roundId: IdSchema,
    status: z.enum(['proposed', 'approved']),
    computedAt: DateTimeSchema,
    policy: z.string(),
    budget: z.number().int(),
    result: SummarySchema.meta({ description: 'The proposed selection (the policy’s), summed up' }),
    approved: z
      .object({
        by: z.string(),
        at: DateTimeSchema,
        note: z.string().optional(),
        adjustments: z.number().int().meta({ description: 'How many rows the admin adjusted' }),
        result: SummarySchema,
      })
      .optional(),
    appliedAt: DateTimeSchema.optional().meta({
      description: 'When every alliance had its approved outcome (the pipeline applies it after approval)',
    }),
    dropCount: z.number().int().optional().meta({ description: 'Alliances dropped since approval' }),
    coveredDrops: z.number().int().optional().meta({ description: 'Of those, covered by a 递补 decision' }),
    supplementCount: z.number().int().optional().meta({ description: '递补 decisions recorded' }),
    items: z.array(
      z.looseObject({
        allianceId: IdSchema,
        rank: z.number().int(),
        ranking: z
          .record(z.string(), z.unknown())
          .meta({ description: 'Raw and calibrated scores, bonuses, reviews, tie breaks' }),
        proposed: z
          .record(z.string(), z.unknown())
          .meta({ description: 'The proposed row, with its reason' }),
        approved: z
          .record(z.string(), z.unknown())
          .optional()
          .meta({ description: 'The approved row (with the adjustment, if any)' }),
        dropped: z.record(z.string(), z.unknown()).optional(),
        supplement: z.record(z.string(), z.unknown()).optional().meta({ description: 'Added by 递补' }),
      }),
    ),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
  })
  .meta({ id: 'RankingPage' });

export const selectionRoutes = [
  {
    operationId: 'getRanking',
    method: 'GET',
    path: '/v1/rounds/{roundId}/ranking',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      'The selection (status, policy, budget, totals, approval) and a page of the ranking in rank order: raw and calibrated scores, bonuses, the budget line and a reason for every alliance',
    tag: 'selection',
    params: RoundIdParams,
    query: CursorQuerySchema,
    responses: { 200: RankingPageSchema },
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
    summary:
      'Objections filed against the public notice, with keyed hashes of each filer’s address and contact and the text’s fingerprint (to spot a flood), and duplicateOf',
    tag: 'objections',
    params: RoundIdParams,
    responses: { 200: z.object({ items: z.array(ObjectionSchema) }) },
  },
  {
    operationId: 'dismissObjections',
    method: 'POST',
    path: '/v1/rounds/{roundId}/objections/dismissals',
    fn: 'rounds',
    auth: ['admin'],
    summary:
      'Dismiss open objections as spam, with a reason: up to 100 by id, or all from one client, contact or text; each audited; repeating it is harmless; the pipeline moves on when none is left open',
    tag: 'objections',
    params: RoundIdParams,
    body: ObjectionDismissalSchema,
    responses: { 200: ObjectionDismissalResultSchema },
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
