/**
 * The route table: the one list of HTTP endpoints. The CDK HTTP API (infra/), the local API
 * server (local/), the handlers' router (shared/http/) and the OpenAPI document all read it.
 *
 * `fn` names the Lambda that serves the route: functions/<fn>/handler.ts. One Lambda per route group.
 * `auth` is 'public' (no authorizer, throttled harder) or the roles allowed; the JWT authorizer
 * checks the token, the handler checks the role (and, in the domain, the relationship).
 */
import * as z from 'zod';
import {
  AllianceCreateSchema,
  AllianceIdParams,
  AllianceListQuery,
  AllianceSchema,
  AllianceUpdateSchema,
  InviteSchema,
  MemberParams,
  SubmitSchema,
  WithdrawSchema,
} from './alliances.ts';
import { CursorQuerySchema, ErrorSchema, IdSchema, pageOf } from './common.ts';
import { DocumentSchema, UploadRequestSchema, UploadTicketSchema } from './documents.ts';
import { EligibilityReportSchema, RuleResultSchema } from './eligibility.ts';
import {
  MeSchema,
  OrganisationInputSchema,
  OrganisationLookupQuery,
  OrganisationSchema,
  OrganisationSummarySchema,
  OrganisationUpdateSchema,
  OrgIdParams,
} from './organisations.ts';
import { PipelineStatusSchema } from './pipeline.ts';
import {
  AssignmentQuerySchema,
  CloseReviewsSchema,
  ConflictDeclarationSchema,
  ObjectionInputSchema,
  ObjectionParams,
  ObjectionResolutionSchema,
  ObjectionSchema,
  ReviewerInputSchema,
  ReviewerSchema,
  ReviewInputSchema,
  ReviewParams,
  ScreeningDecisionSchema,
  ScreeningParams,
  ScreeningRecordSchema,
  SelectionApprovalSchema,
} from './pipeline-api.ts';
import { RoundIdParams, RoundInputSchema, RoundSchema, RoundUpdateSchema } from './rounds.ts';
import type { HttpMethod, RouteDef } from './route-types.ts';
import { implementationRoutes } from './routes/implementation.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { reportRoutes } from './routes/reports.ts';
import { HealthSchema } from './system.ts';

const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    actor: z.record(z.string(), z.unknown()),
    reason: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEntry' });

const AllianceSummarySchema = z
  .object({
    id: IdSchema,
    roundId: IdSchema,
    name: z.string(),
    status: z.string(),
    version: z.number(),
    updatedAt: z.string(),
    membership: z.string().optional(),
  })
  .meta({ id: 'AllianceSummary' });

const CloseRoundSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'CloseRound' });
const CloseRoundResultSchema = z.object({ roundId: IdSchema, alreadyStarted: z.boolean() });

const coreRoutes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    fn: 'system',
    auth: 'public',
    summary: 'Reachability of DynamoDB, S3 and the workflow runner',
    tag: 'system',
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
  {
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'system',
    auth: 'public',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'system',
    responses: { 200: null },
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
  // --- organisations (§3.1, §3.2) ----------------------------------------------------------------
  {
    operationId: 'getMe',
    method: 'GET',
    path: '/v1/me',
    fn: 'organisations',
    auth: ['applicant', 'admin', 'reviewer', 'inspector'],
    summary: 'Who I am: roles and the organisation I act for',
    tag: 'organisations',
    responses: { 200: MeSchema },
  },
  {
    operationId: 'createOrganisation',
    method: 'POST',
    path: '/v1/organisations',
    fn: 'organisations',
    auth: ['applicant'],
    summary: 'Register the profile of the organisation I act for (one per user)',
    tag: 'organisations',
    body: OrganisationInputSchema,
    responses: { 201: OrganisationSchema },
  },
  {
    operationId: 'lookupOrganisation',
    method: 'GET',
    path: '/v1/organisations',
    fn: 'organisations',
    auth: ['applicant', 'admin'],
    summary: 'Find an organisation by its USCC (to invite it): id, kind and name',
    tag: 'organisations',
    query: OrganisationLookupQuery,
    responses: { 200: OrganisationSummarySchema },
  },
  {
    operationId: 'getOrganisation',
    method: 'GET',
    path: '/v1/organisations/{orgId}',
    fn: 'organisations',
    auth: ['applicant', 'admin'],
    summary: 'An organisation profile (my own, or any for admins)',
    tag: 'organisations',
    params: OrgIdParams,
    responses: { 200: OrganisationSchema },
  },
  {
    operationId: 'updateOrganisation',
    method: 'PUT',
    path: '/v1/organisations/{orgId}',
    fn: 'organisations',
    auth: ['applicant', 'admin'],
    summary: 'Replace a profile; carries the version it is based on (stale → 409)',
    tag: 'organisations',
    params: OrgIdParams,
    body: OrganisationUpdateSchema,
    responses: { 200: OrganisationSchema },
  },
  {
    operationId: 'getOrganisationEligibility',
    method: 'GET',
    path: '/v1/organisations/{orgId}/eligibility',
    fn: 'organisations',
    auth: ['applicant', 'admin'],
    summary: "The organisation's own rules (E1–E6 or S1–S4) on its profile alone",
    tag: 'organisations',
    params: OrgIdParams,
    responses: { 200: z.object({ results: z.array(RuleResultSchema) }) },
  },
  // --- rounds ----------------------------------------------------------------------------------------
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
  // --- alliances (§2) --------------------------------------------------------------------------------
  {
    operationId: 'createAlliance',
    method: 'POST',
    path: '/v1/alliances',
    fn: 'alliances',
    auth: ['applicant'],
    summary: 'Create a draft alliance in an open round; my organisation is its first member',
    tag: 'alliances',
    body: AllianceCreateSchema,
    responses: { 201: AllianceSchema },
  },
  {
    operationId: 'listAlliances',
    method: 'GET',
    path: '/v1/alliances',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: "My organisation's alliances; admins: a round's alliances (?roundId=)",
    tag: 'alliances',
    query: AllianceListQuery,
    responses: { 200: pageOf(AllianceSummarySchema) },
  },
  {
    operationId: 'getAlliance',
    method: 'GET',
    path: '/v1/alliances/{allianceId}',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'An alliance with its members (members and admins only)',
    tag: 'alliances',
    params: AllianceIdParams,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'updateAlliance',
    method: 'PATCH',
    path: '/v1/alliances/{allianceId}',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'Change fields of a draft; carries the version it is based on (stale → 409)',
    tag: 'alliances',
    params: AllianceIdParams,
    body: AllianceUpdateSchema,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'inviteMember',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/members',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'Invite an enterprise or society to the alliance',
    tag: 'alliances',
    params: AllianceIdParams,
    body: InviteSchema,
    responses: { 201: AllianceSchema },
  },
  {
    operationId: 'confirmMembership',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/members/{orgId}/confirm',
    fn: 'alliances',
    auth: ['applicant'],
    summary: "The invited organisation's applicant confirms its membership",
    tag: 'alliances',
    params: MemberParams,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'declineMembership',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/members/{orgId}/decline',
    fn: 'alliances',
    auth: ['applicant'],
    summary: "The invited organisation's applicant declines",
    tag: 'alliances',
    params: MemberParams,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'getAllianceEligibility',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/eligibility',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'Dry run of every eligibility rule (E1–E6, S1–S4, A1–A5) with the values each looked at',
    tag: 'alliances',
    params: AllianceIdParams,
    responses: { 200: EligibilityReportSchema },
  },
  {
    operationId: 'submitAlliance',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/submit',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'Submit: the rules run again; 422 names every failing rule',
    tag: 'alliances',
    params: AllianceIdParams,
    body: SubmitSchema,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'withdrawAlliance',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/withdraw',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: 'Withdraw a draft or submitted alliance while its round is open, with a reason',
    tag: 'alliances',
    params: AllianceIdParams,
    body: WithdrawSchema,
    responses: { 200: AllianceSchema },
  },
  {
    operationId: 'requestUpload',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/documents',
    fn: 'alliances',
    auth: ['applicant'],
    summary:
      'A presigned POST for the agreement PDF (or a report or receipt): key, type and size fixed by the server',
    tag: 'documents',
    params: AllianceIdParams,
    body: UploadRequestSchema,
    responses: { 201: UploadTicketSchema },
  },
  {
    operationId: 'listDocuments',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/documents',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: "An alliance's documents with their verification status (and why one was rejected)",
    tag: 'documents',
    params: AllianceIdParams,
    responses: { 200: z.object({ items: z.array(DocumentSchema) }) },
  },
  {
    operationId: 'getAward',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/award',
    fn: 'alliances',
    auth: ['applicant', 'admin', 'inspector'],
    summary: "A designated alliance's award and its dedicated account's budget lines",
    tag: 'awards',
    params: AllianceIdParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'getAllianceHistory',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/history',
    fn: 'alliances',
    auth: ['applicant', 'admin'],
    summary: "An alliance's audit trail: who did what, when and why",
    tag: 'alliances',
    params: AllianceIdParams,
    query: CursorQuerySchema,
    responses: { 200: pageOf(AuditEntrySchema) },
  },
  // --- the round pipeline: admin steps --------------------------------------------------------------
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
  {
    operationId: 'registerReviewer',
    method: 'PUT',
    path: '/v1/rounds/{roundId}/reviewers/{reviewerId}',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Register (or update) an expert of the review committee: expertise, affiliations, conflicts',
    tag: 'review',
    params: z.object({ roundId: IdSchema, reviewerId: IdSchema }),
    body: ReviewerInputSchema,
    responses: { 200: ReviewerSchema },
  },
  {
    operationId: 'listReviewers',
    method: 'GET',
    path: '/v1/rounds/{roundId}/reviewers',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'The review committee of a round',
    tag: 'review',
    params: RoundIdParams,
    responses: { 200: z.object({ items: z.array(ReviewerSchema) }) },
  },
  {
    operationId: 'listAssignments',
    method: 'GET',
    path: '/v1/rounds/{roundId}/assignments',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'Reviewer assignments; ?preview=true is a dry run with the current reviewers (and ?seed=)',
    tag: 'review',
    params: RoundIdParams,
    query: AssignmentQuerySchema,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'closeReviews',
    method: 'POST',
    path: '/v1/rounds/{roundId}/reviews/close',
    fn: 'rounds',
    auth: ['admin'],
    summary: 'End the review period now; ranking proceeds with the reviews that are in',
    tag: 'review',
    params: RoundIdParams,
    body: CloseReviewsSchema,
    responses: { 200: z.object({ roundId: IdSchema, closed: z.boolean() }) },
  },
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
  // --- reviewers -------------------------------------------------------------------------------------
  {
    operationId: 'myAssignments',
    method: 'GET',
    path: '/v1/reviews/assignments',
    fn: 'reviews',
    auth: ['reviewer'],
    summary: 'My review assignments',
    tag: 'review',
    responses: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
  },
  {
    operationId: 'readAssignment',
    method: 'GET',
    path: '/v1/reviews/assignments/{roundId}/{allianceId}',
    fn: 'reviews',
    auth: ['reviewer'],
    summary: 'An assigned application, the rubric and my own review (never another reviewer’s)',
    tag: 'review',
    params: ReviewParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'submitReview',
    method: 'PUT',
    path: '/v1/reviews/assignments/{roundId}/{allianceId}',
    fn: 'reviews',
    auth: ['reviewer'],
    summary: 'Submit or update my scores (per rubric criterion), comment and recommendation',
    tag: 'review',
    params: ReviewParams,
    body: ReviewInputSchema,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'declareConflict',
    method: 'POST',
    path: '/v1/reviews/assignments/{roundId}/{allianceId}/conflict',
    fn: 'reviews',
    auth: ['reviewer'],
    summary: 'Declare a conflict of interest: I am replaced on this alliance at once',
    tag: 'review',
    params: ReviewParams,
    body: ConflictDeclarationSchema,
    responses: {
      200: z.object({ allianceId: IdSchema, replacedBy: z.array(z.string()), shortfall: z.boolean() }),
    },
  },
  // --- public notice ---------------------------------------------------------------------------------
  {
    operationId: 'getNotice',
    method: 'GET',
    path: '/v1/public/rounds/{roundId}/notice',
    fn: 'public',
    auth: 'public',
    summary: 'The public notice of the approved list (JSON)',
    tag: 'public notice',
    params: RoundIdParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'getNoticePage',
    method: 'GET',
    path: '/v1/public/rounds/{roundId}/notice.html',
    fn: 'public',
    auth: 'public',
    summary: 'The public notice as a readable Chinese page (no scripts)',
    tag: 'public notice',
    params: RoundIdParams,
    produces: 'text/html',
    responses: { 200: null },
  },
  {
    operationId: 'fileObjection',
    method: 'POST',
    path: '/v1/public/rounds/{roundId}/objections',
    fn: 'public',
    auth: 'public',
    summary: 'Object to an announced alliance during the notice period (validated, size-limited, throttled)',
    tag: 'public notice',
    params: RoundIdParams,
    body: ObjectionInputSchema,
    maxBodyBytes: 16 * 1024,
    responses: {
      201: z.object({
        id: IdSchema,
        roundId: IdSchema,
        allianceId: IdSchema,
        status: z.string(),
        filedAt: z.string(),
      }),
    },
  },
] as const satisfies readonly RouteDef[];

/** Every endpoint: the core above, then each area's own file under routes/. */
export const routes = [
  ...coreRoutes,
  ...implementationRoutes,
  ...ledgerRoutes,
  ...reportRoutes,
  ...inspectionRoutes,
] as const;

export type Route = (typeof routes)[number];
export type OperationId = Route['operationId'];

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

const byKey = new Map<string, RouteDef>(routes.map((route) => [routeKey(route), route]));

export function findRouteByKey(key: string): RouteDef | undefined {
  return byKey.get(key);
}

/** Matches a concrete request path to a route and extracts its path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteDef; pathParameters: Record<string, string> } | { allowed: HttpMethod[] } | undefined {
  const segments = path.split('/');
  const allowed: HttpMethod[] = [];
  for (const route of routes as readonly RouteDef[]) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p.startsWith('{') && p.endsWith('}')) {
        if (s === '') ok = false;
        else pathParameters[p.slice(1, -1)] = decodeURIComponent(s);
      } else if (p !== s) ok = false;
    }
    if (!ok) continue;
    if (route.method === method) return { route, pathParameters };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

export {
  type HttpMethod,
  type Role,
  type RouteDef,
  type RouteGroup,
  roles,
  routeGroups,
} from './route-types.ts';
export { ErrorSchema };
