/** Implementation: the plan, its versions, and closing an alliance. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { AllianceIdParams } from '../alliances.ts';
import { CloseAllianceSchema, PlanSchema, PlanUpdateSchema } from '../implementation.ts';
import type { RouteDef } from '../route-types.ts';

export const implementationRoutes = [
  {
    operationId: 'getPlan',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/plan',
    fn: 'implementation',
    auth: ['applicant', 'admin', 'inspector', 'inspection-office'],
    summary:
      "A designated alliance's implementation plan: milestones with dates, indicators with targets, history",
    tag: 'implementation',
    params: AllianceIdParams,
    responses: { 200: PlanSchema },
  },
  {
    operationId: 'updatePlan',
    method: 'PUT',
    path: '/v1/alliances/{allianceId}/plan',
    fn: 'implementation',
    auth: ['applicant', 'admin'],
    summary: 'Replace the plan; carries its version (stale → 409) and a reason; earlier versions are kept',
    tag: 'implementation',
    params: AllianceIdParams,
    body: PlanUpdateSchema,
    responses: { 200: PlanSchema },
  },
  {
    operationId: 'getPlanVersion',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/plan/versions/{version}',
    fn: 'implementation',
    auth: ['applicant', 'admin', 'inspector', 'inspection-office'],
    summary: 'An earlier version of the plan, as it was',
    tag: 'implementation',
    params: z.object({
      allianceId: AllianceIdParams.shape.allianceId,
      version: z.coerce.number().int().positive(),
    }),
    responses: { 200: PlanSchema },
  },
  {
    operationId: 'closeAlliance',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/close',
    fn: 'implementation',
    auth: ['admin'],
    summary:
      'Close as completed (after the completion report is accepted) or terminate early, with a reason; the ledger freezes',
    tag: 'implementation',
    params: AllianceIdParams,
    body: CloseAllianceSchema,
    responses: { 200: z.object({ allianceId: z.string(), status: z.string() }) },
  },
] as const satisfies readonly RouteDef[];
