/**
 * How to call every route of the route table on the authorization world (authz-world.ts) with a
 * valid request, and the ownership rules: what each admitted caller gets. The matrix
 * (authz-matrix.test.ts) derives the rest from the route's `auth` — anonymous 401, a role the
 * route does not admit 403 — and fails for a route that has no entry here, or that has a path
 * parameter and admits a role whose access depends on a relationship (applicant, reviewer,
 * inspector) without saying what the related and the unrelated caller get. So a new route cannot
 * be added without deciding who may call it. The fuzzing suite (fuzz.test.ts) mutates these requests.
 *
 * Statuses other than 2xx for admitted callers are the world's state speaking after authorization
 * (a funded round cannot be closed again: 409; a report naming no document: 422); they are what
 * shows the caller got past the access checks. Writes that succeed are chosen to leave the world
 * as the later rows need it (the callers run in the order of `principals`, admin last).
 */
import type { RouteDef } from '../../shared/api/routes.ts';
import { chinaDate, type PrincipalName, roleOf, type World } from './authz-world.ts';
import { api } from './client.ts';
import { allianceContent, enterpriseBody, roundBody } from './fixtures.ts';

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface RouteCase {
  call: (w: World, p: PrincipalName) => Call;
  /** Status for each admitted caller; `allowed`: any admitted caller not named. */
  expect: Partial<Record<PrincipalName | 'allowed', number>>;
  /** Why a status is what it is, when it is not obvious. */
  why?: string;
  /** A status that looks wrong, found by the matrix and reported (the matrix prints these). */
  knownIssue?: string;
}

const round = (w: World) => ({ roundId: w.roundId });
const alliance = (w: World) => ({ allianceId: w.allianceId });
const reviewBody = {
  scores: { innovation: 5, feasibility: 5, impact: 5 },
  comment: '意见',
  recommendation: 'fund',
};
/** Members and admins read; outsiders are told nothing exists. */
const membersRead = { member: 200, outsider: 404, admin: 200 };
/** Need to know: members, admins, the inspection office and the assigned inspector read. */
const inspectionRead = { ...membersRead, assignedInspector: 200, inspector: 404, office: 200 };

export const cases: Record<string, RouteCase> = {
  // --- system ---------------------------------------------------------------------------------
  getHealth: { call: () => ({}), expect: { allowed: 200 } },
  getReadiness: { call: () => ({}), expect: { allowed: 200 } },
  getOpenApi: { call: () => ({}), expect: { allowed: 200 } },

  // --- rounds ---------------------------------------------------------------------------------
  listRounds: { call: () => ({ query: { limit: '5' } }), expect: { allowed: 200 } },
  createRound: { call: () => ({ body: roundBody() }), expect: { admin: 201 } },
  getRound: { call: (w) => ({ params: round(w) }), expect: { allowed: 200 } },
  updateRound: {
    call: (w) => ({ params: round(w), body: { ...roundBody(), version: 1 } }),
    expect: { admin: 409 },
    why: 'a funded round cannot change',
  },
  closeRound: {
    call: (w) => ({ params: round(w), body: { reason: '截止' } }),
    expect: { admin: 202 },
    why: 'closing is idempotent: a round whose pipeline started answers alreadyStarted',
  },
  getRoundPipeline: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  retryRoundPipeline: {
    call: (w) => ({ params: round(w), body: { reason: '重试' } }),
    expect: { admin: 409 },
    why: 'the pipeline succeeded: nothing to retry',
  },
  getRoundHistory: { call: (w) => ({ params: round(w), query: { limit: '5' } }), expect: { admin: 200 } },

  // --- free pairing (issue #15) ----------------------------------------------------------------
  listNeeds: { call: () => ({ query: { limit: '5' } }), expect: { allowed: 200 } },
  createNeed: {
    call: () => ({
      body: {
        title: '矩阵需求',
        description: '光纤激光器',
        sector: 'optoelectronics',
        serviceTypes: [4],
        budget: { min: 1, max: 2 },
        period: { start: chinaDate(30), end: chinaDate(60) },
        contactPreference: { channel: 'platform' },
      },
    }),
    expect: { member: 201, outsider: 201 },
    why: 'both are enterprises; a new need is a partition of its own',
  },
  getNeed: {
    call: (w) => ({ params: { needId: w.needId } }),
    expect: { member: 200, outsider: 200, admin: 200 },
    why: 'an open need is visible to everyone signed in (the contact only to its enterprise and admins)',
  },
  updateNeed: {
    call: (w) => ({ params: { needId: w.needId }, body: { title: '改', version: 99 } }),
    expect: { member: 409, outsider: 403, admin: 409 },
    why: 'stale version; an open need is visible to the outsider, who may not change it',
  },
  getNeedMatches: {
    call: (w) => ({ params: { needId: w.needId } }),
    expect: { member: 200, outsider: 404, admin: 200 },
  },
  listInterests: {
    call: (w) => ({ params: { needId: w.needId } }),
    expect: { member: 200, outsider: 404, admin: 200 },
  },
  expressInterest: {
    call: (w) => ({ params: { needId: w.needId }, body: { message: '意向' } }),
    expect: { member: 403, outsider: 403 },
    why: 'only a society expresses interest; both are enterprises',
  },
  acceptInterest: {
    call: (w) => ({ params: { needId: w.needId, interestId: 'i-none' }, body: {} }),
    expect: { member: 404, outsider: 404 },
    why: 'the need has no such interest (the outsider: not its enterprise)',
  },
  declineInterest: {
    call: (w) => ({ params: { needId: w.needId, interestId: 'i-none' } }),
    expect: { member: 404, outsider: 404, admin: 404 },
  },
  listCapabilities: { call: () => ({}), expect: { allowed: 200 } },
  putCapability: {
    call: () => ({ body: { summary: '能力', fields: [], serviceTypes: [4], experts: [], pastServices: [] } }),
    expect: { member: 403, outsider: 403 },
    why: 'only a society has a capability profile; both are enterprises',
  },
  getCapability: {
    call: (w) => ({ params: { orgId: w.partner.org.id } }),
    expect: { member: 200, outsider: 200, admin: 200 },
    why: 'capability profiles are for everyone signed in (they carry no contact details)',
  },
  getCapabilityMatches: {
    call: (w) => ({ params: { orgId: w.partner.org.id } }),
    expect: { member: 404, outsider: 404, admin: 200 },
    why: 'only the society itself and admins',
  },
  getAgreementDocx: { call: (w) => ({ params: alliance(w) }), expect: membersRead },

  // --- organisations --------------------------------------------------------------------------
  getMe: { call: () => ({}), expect: { allowed: 200 } },
  getMyPreferences: { call: () => ({}), expect: { allowed: 200 }, why: 'everyone signed in has their own' },
  putMyPreferences: {
    call: () => ({ body: { lang: 'zh', optOut: [] } }),
    expect: { allowed: 200 },
    why: 'everyone signed in sets their own (the record is keyed by the caller)',
  },
  createOrganisation: {
    call: () => ({ body: enterpriseBody() }),
    expect: { allowed: 409 },
    why: 'both applicants act for an organisation already (one per user)',
  },
  lookupOrganisation: {
    call: (w) => ({ query: { uscc: w.member.org.uscc } }),
    expect: { allowed: 200 },
    why: 'the directory (id, kind, name) is open to applicants, so members can invite',
  },
  getOrganisation: { call: (w) => ({ params: { orgId: w.member.org.id } }), expect: membersRead },
  updateOrganisation: {
    call: (w) => ({
      params: { orgId: w.member.org.id },
      body: { ...enterpriseBody({ uscc: w.member.org.uscc }), version: 99 },
    }),
    expect: { member: 409, outsider: 404, admin: 409 },
    why: 'a stale version: the owner and admins get past access, to the version check',
  },
  getOrganisationEligibility: { call: (w) => ({ params: { orgId: w.member.org.id } }), expect: membersRead },

  // --- alliances ------------------------------------------------------------------------------
  createAlliance: {
    call: (w) => ({ body: { roundId: w.openRoundId, name: '矩阵草稿联盟' } }),
    expect: { allowed: 201 },
  },
  listAlliances: {
    call: (w, p) => (p === 'admin' ? { query: { roundId: w.roundId } } : {}),
    expect: { allowed: 200 },
  },
  getAlliance: { call: (w) => ({ params: alliance(w) }), expect: membersRead },
  updateAlliance: {
    call: (w) => ({ params: alliance(w), body: { version: 1, summary: '改' } }),
    expect: { member: 409, outsider: 404, admin: 409 },
    why: 'a designated alliance is no draft',
  },
  inviteMember: {
    call: (w) => ({ params: alliance(w), body: { organisationId: w.outsider.org.id } }),
    expect: { member: 409, outsider: 404, admin: 409 },
  },
  confirmMembership: {
    call: (w) => ({ params: { allianceId: w.allianceId, orgId: w.member.org.id } }),
    expect: { member: 409, outsider: 404 },
    why: 'confirmed already',
  },
  declineMembership: {
    call: (w) => ({ params: { allianceId: w.allianceId, orgId: w.member.org.id } }),
    expect: { member: 409, outsider: 404 },
  },
  getAllianceEligibility: { call: (w) => ({ params: alliance(w) }), expect: membersRead },
  submitAlliance: {
    call: (w) => ({ params: alliance(w), body: { version: 1 } }),
    expect: { member: 409, outsider: 404, admin: 409 },
  },
  withdrawAlliance: {
    call: (w) => ({ params: alliance(w), body: { version: 1, reason: '撤回' } }),
    expect: { member: 409, outsider: 404, admin: 409 },
  },
  requestUpload: {
    call: (w) => ({ params: alliance(w), body: { kind: 'receipt', fileName: 'r.pdf' } }),
    expect: { member: 201, outsider: 404 },
  },
  listDocuments: { call: (w) => ({ params: alliance(w) }), expect: membersRead },
  reverifyDocument: {
    call: (w) => ({ params: { ...alliance(w), documentId: w.usedReceiptId } }),
    expect: { admin: 200 },
    why: 'the receipt passes again',
  },
  getAward: { call: (w) => ({ params: alliance(w) }), expect: inspectionRead },
  getAllianceHistory: { call: (w) => ({ params: alliance(w), query: { limit: '5' } }), expect: membersRead },

  // --- screening and review (admin) --------------------------------------------------------------
  listScreening: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  decideScreening: {
    call: (w) => ({ params: { ...round(w), ...alliance(w) }, body: { outcome: 'pass', reason: '符合' } }),
    expect: { admin: 409 },
  },
  completeScreening: { call: (w) => ({ params: round(w) }), expect: { admin: 409 } },
  registerReviewer: {
    call: (w) => ({
      params: { ...round(w), reviewerId: w.reviewerId },
      body: { reviewerId: w.reviewerId, name: '专家', expertise: ['optoelectronics'], affiliations: [] },
    }),
    expect: { admin: 409 },
    why: 'the round is funded: its reviews are over',
  },
  listReviewers: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  listAssignments: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  closeReviews: { call: (w) => ({ params: round(w), body: { reason: '截止' } }), expect: { admin: 409 } },

  // --- reviewers -------------------------------------------------------------------------------
  myAssignments: { call: () => ({}), expect: { allowed: 200 } },
  readAssignment: {
    call: (w) => ({ params: { ...round(w), ...alliance(w) } }),
    expect: { assignedReviewer: 200, reviewer: 404 },
  },
  getAssignedDocument: {
    call: (w) => ({ params: { ...round(w), ...alliance(w), documentId: w.usedReceiptId } }),
    expect: { assignedReviewer: 200, reviewer: 404 },
  },
  submitReview: {
    call: (w) => ({ params: { ...round(w), ...alliance(w) }, body: reviewBody }),
    expect: { assignedReviewer: 409, reviewer: 404 },
    why: 'the reviews are closed',
  },
  declareConflict: {
    call: (w) => ({ params: { ...round(w), ...alliance(w) }, body: { reason: '利益关系' } }),
    expect: { assignedReviewer: 409, reviewer: 404 },
    why: 'the reviews are closed: a conflict declared now would replace an assignment after the ranking',
  },

  // --- selection, objections, 递补 (admin) ---------------------------------------------------------
  getRanking: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  approveSelection: { call: (w) => ({ params: round(w), body: {} }), expect: { admin: 409 } },
  listObjections: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  dismissObjections: {
    call: (w) => ({ params: round(w), body: { reason: '垃圾信息', objectionIds: [w.objectionId] } }),
    expect: { admin: 200 },
    why: 'harmless to repeat: the objection is reported as already resolved',
  },
  resolveObjection: {
    call: (w) => ({
      params: { ...round(w), objectionId: w.objectionId },
      body: { outcome: 'upheld', reason: '再议' },
    }),
    expect: { admin: 409 },
    why: 'dismissed already',
  },
  previewSupplement: { call: (w) => ({ params: round(w) }), expect: { admin: 200 } },
  decideSupplement: {
    call: (w) => ({ params: round(w), body: { decision: 'fill', reason: '递补' } }),
    expect: { admin: 409 },
  },

  // --- public notice ---------------------------------------------------------------------------
  getNotice: { call: (w) => ({ params: round(w) }), expect: { allowed: 200 } },
  getNoticePage: { call: (w) => ({ params: round(w) }), expect: { allowed: 200 } },
  fileObjection: {
    call: (w) => ({
      params: round(w),
      body: {
        allianceId: w.otherAllianceId.replace(/.$/, 'x'),
        name: '李某',
        contact: 'li@example.cn',
        text: '请核实。',
      },
    }),
    expect: { allowed: 404 },
    why: 'public, the same for everyone; on an alliance the notice does not list (the local clock control ended the notice Wait early, so by the calendar the period still runs and an objection on a listed alliance would be filed — and count against the per-client limits shared by the whole stack)',
  },

  // --- implementation --------------------------------------------------------------------------
  getPlan: { call: (w) => ({ params: alliance(w) }), expect: inspectionRead },
  updatePlan: {
    call: (w) => {
      const content = allianceContent([w.partner.org.id]);
      return {
        params: alliance(w),
        body: {
          milestones: content.workPlan.map((m, i) => ({ id: `m${i + 1}`, title: m.milestone, due: m.due })),
          indicators: content.indicators,
          version: 99,
          reason: '调整',
        },
      };
    },
    expect: { member: 409, outsider: 404, admin: 409 },
    why: 'a stale version',
  },
  getPlanVersion: { call: (w) => ({ params: { ...alliance(w), version: '1' } }), expect: inspectionRead },
  closeAlliance: {
    call: (w) => ({ params: alliance(w), body: { outcome: 'completed', reason: '完成' } }),
    expect: { admin: 409 },
    why: 'no accepted completion report',
  },

  // --- ledger ----------------------------------------------------------------------------------
  getLedger: { call: (w) => ({ params: alliance(w), query: { limit: '5' } }), expect: inspectionRead },
  exportLedgerCsv: { call: (w) => ({ params: alliance(w) }), expect: inspectionRead },
  recordExpense: {
    call: (w) => ({
      params: alliance(w),
      body: {
        lineId: 'equipment',
        amount: 10,
        date: chinaDate(0),
        description: '再用一次',
        receiptDocumentId: w.usedReceiptId,
      },
    }),
    expect: { member: 409, outsider: 404, admin: 409 },
    why: 'the receipt backs an expense already',
  },
  reverseEntry: {
    call: (w) => ({
      params: { ...alliance(w), entryId: w.reversedEntryId },
      body: { reason: '再冲一次' },
    }),
    expect: { member: 409, outsider: 404, admin: 409 },
    why: 'reversed already',
  },
  resolveEntryFlag: {
    call: (w) => ({
      params: { ...alliance(w), entryId: w.standingEntryId },
      body: { reason: '票据已核实' },
    }),
    expect: { admin: 409 },
    why: 'the entry is not flagged',
  },
  reallocateLedger: {
    call: (w) => ({
      params: alliance(w),
      body: { fromLineId: 'experts', toLineId: 'equipment', amount: 1, reason: '调剂' },
    }),
    expect: { admin: 201 },
  },

  // --- reports ---------------------------------------------------------------------------------
  listReports: { call: (w) => ({ params: alliance(w) }), expect: membersRead },
  submitReport: {
    call: (w) => ({
      params: { ...alliance(w), reportId: w.reportId },
      body: {
        documentId: 'no-such-document',
        progress: [{ indicatorId: 'patents', actual: 1 }],
        summary: '进展',
      },
    }),
    expect: { member: 422, outsider: 404 },
    why: 'names no report document',
  },
  acceptReport: {
    call: (w) => ({ params: { ...alliance(w), reportId: w.reportId }, body: {} }),
    expect: { admin: 409 },
    why: 'not submitted',
  },
  returnReport: {
    call: (w) => ({ params: { ...alliance(w), reportId: w.reportId }, body: { comments: '补充' } }),
    expect: { admin: 409 },
  },

  // --- notifications ---------------------------------------------------------------------------
  listNotifications: { call: () => ({}), expect: { allowed: 200 } },
  markNotificationRead: {
    call: (w) => ({ params: { notificationId: w.notificationId } }),
    expect: {
      member: 200,
      outsider: 404,
      admin: 404,
      reviewer: 404,
      assignedReviewer: 404,
      inspector: 404,
      assignedInspector: 404,
      office: 404,
    },
    why: "the programme office's, the inspection office's and each reviewer's or inspector's outbox is another recipient's",
  },

  // --- inspections -----------------------------------------------------------------------------
  registerInspector: {
    call: (w) => ({
      params: { inspectorId: w.registeredInspectorId },
      body: { name: '矩阵检查员', affiliations: [], conflicts: [] },
    }),
    expect: { admin: 200 },
  },
  listInspectors: { call: () => ({}), expect: { admin: 200 } },
  drawInspections: {
    call: (w) => ({ body: { share: 1, seed: 'matrix', allianceIds: [w.allianceId], dryRun: true } }),
    expect: { admin: 200 },
  },
  getInspectionDraw: { call: (w) => ({ params: { drawId: w.drawId } }), expect: { admin: 200 } },
  listInspections: { call: () => ({}), expect: { allowed: 200 } },
  getInspection: {
    call: (w) => ({ params: { inspectionId: w.inspectionId } }),
    expect: { assignedInspector: 200, inspector: 404, office: 200, admin: 200 },
  },
  recordFindings: {
    call: (w) => ({
      params: { inspectionId: w.inspectionId },
      body: { findings: '账实相符', rating: 'good', followUpActions: [] },
    }),
    expect: { assignedInspector: 200, inspector: 404 },
  },
  listAllianceInspections: {
    call: (w) => ({ params: alliance(w) }),
    expect: { member: 200, outsider: 404, office: 200, admin: 200 },
  },
};

// --- deriving and sending ----------------------------------------------------------------------

export const admits = (route: RouteDef, p: PrincipalName) =>
  route.auth === 'public' || (p !== 'anonymous' && route.auth.includes(roleOf[p]));

/** The status `p` must get from `route` (undefined: the case does not say, which the first test reports). */
export function expectedStatus(route: RouteDef, c: RouteCase, p: PrincipalName): number | undefined {
  if (route.auth === 'public') return c.expect[p] ?? c.expect.allowed;
  if (p === 'anonymous') return 401;
  if (!admits(route, p)) return 403;
  return c.expect[p] ?? c.expect.allowed;
}

/** A path segment %-encoded; a string with lone surrogates (no valid URI) as its UTF-8 bytes with U+FFFD. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

export function pathOf(
  route: RouteDef,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
) {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`${route.operationId}: the case gives no path parameter ${name}`);
    return encodeSegment(value);
  });
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Sends the route's case request as `p`. */
export function callAs(w: World, route: RouteDef, p: PrincipalName) {
  const c = cases[route.operationId]!;
  const { params, query, body } = c.call(w, p);
  return api(route.method, pathOf(route, params, query), {
    ...(p === 'anonymous' ? {} : { token: w.tokens[p] }),
    ...(body !== undefined ? { body } : {}),
  });
}
