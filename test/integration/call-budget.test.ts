/**
 * AWS call budgets per endpoint (issue #14): every route of the route table is sent the valid
 * request the authorization matrix uses (authz-cases.ts, on the world of authz-world.ts), as the
 * admitted caller the matrix expects the most of, and the AWS commands its invocations sent are
 * read from the local API server's `x-local-aws-calls` header (local-only: local/api-server.ts;
 * counted by the middleware of local/iam.ts, one per command sent, retries not counted again).
 * A route whose count exceeds its row of `budgets` fails, and so does a route with no row: a new
 * route cannot be added without declaring what it may cost. A count, never a time.
 *
 * The target: a read (GET) makes at most one DynamoDB request, a write at most two (the
 * transaction, plus an idempotency record if keyed; the matrix sends no Idempotency-Key). The
 * budgets are what the endpoints do today; the rows over the target say why, with `// over:` —
 * the list for later work. Some of the matrix's requests are refused by the world's state after
 * authorization (a funded round: 409): their counts are those of the refusal path, a lower bound
 * for the same endpoint's success path (the printed table shows the status).
 *
 * The table is printed at the end: `npx vitest run --project integration test/integration/call-budget.test.ts`.
 * With `ESIP_IAM_LOG=<file>` (local/iam.ts logs every DynamoDB and S3 request it checks) it also
 * prints what each endpoint's calls were (action, partition key or table), to see which to merge.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AWS_CALLS_HEADER, parseAwsCalls } from '../../local/api-server.ts';
import { type RouteDef, routes } from '../../shared/api/routes.ts';
import { admits, callAs, cases, expectedStatus } from './authz-cases.ts';
import { buildWorld, type PrincipalName, type World } from './authz-world.ts';
import { api } from './client.ts';

const table = routes as readonly RouteDef[];

interface Budget {
  dynamodb: number;
  s3?: number;
  sfn?: number;
  scheduler?: number;
}

const SERVICES = ['dynamodb', 's3', 'sfn', 'scheduler'] as const;

/**
 * One row per operationId: the most AWS commands one request may send (absent service: 0),
 * measured on the current code. `// over:` marks a row above the DynamoDB target and says
 * which reads make it so. An alliance's access check (shared/usecases/alliances/access.ts) is one
 * consistent Query of its whole item collection ("the alliance's Query"), which also answers the
 * endpoint's other reads of that partition (documents, history, award, ledger, plan, reports:
 * shared/db/request-scope.ts memoises a request's reads, forgotten at its first write). Counts are
 * those of a warm container: a user's USER# link never changes once written, so a container
 * remembers it (shared/db/organisations.ts); a container's first request for a user adds that
 * GetItem (in parallel with the alliance's Query). "refused": the matrix's request is refused
 * by the world's state after authorization, so the count is that of the refusal path.
 */
const budgets: Record<string, Budget> = {
  // --- system
  getHealth: { dynamodb: 0 },
  getReadiness: { dynamodb: 1, s3: 1, sfn: 1 }, // checks each dependency once, by design
  getOpenApi: { dynamodb: 0 },
  // --- rounds
  listRounds: { dynamodb: 1 },
  createRound: { dynamodb: 1, scheduler: 1 },
  getRound: { dynamodb: 1 },
  updateRound: { dynamodb: 1 },
  closeRound: { dynamodb: 2, sfn: 1, scheduler: 1 },
  getRoundPipeline: { dynamodb: 1, sfn: 1 },
  retryRoundPipeline: { dynamodb: 1, sfn: 1 },
  getRoundHistory: { dynamodb: 1 }, // the history Query (an empty page adds the round's GetItem, for a 404 when there is no round)
  // --- organisations
  getMe: { dynamodb: 1 }, // the organisation's GetItem (the caller's USER# link: known to the container once read — it never changes)
  getMyPreferences: { dynamodb: 1 },
  putMyPreferences: { dynamodb: 1 },
  createOrganisation: { dynamodb: 1 },
  lookupOrganisation: { dynamodb: 1 }, // the USCC# claim, which carries the organisation's kind and name (a claim written before it did adds the profile's read)
  getOrganisation: { dynamodb: 1 }, // as getMe
  updateOrganisation: { dynamodb: 1 }, // refused (409) after the organisation's read (the USER# link known)
  getOrganisationEligibility: { dynamodb: 1 }, // as getMe
  // --- free pairing
  listNeeds: { dynamodb: 1 }, // the gsi1 Query of open needs (the caller's USER# link known)
  createNeed: { dynamodb: 2 }, // the caller's organisation (an enterprise?), then the transaction
  getNeed: { dynamodb: 1 }, // the need (then the caller's interest when not its own; the USER# link known)
  updateNeed: { dynamodb: 1 }, // the need (refused, 409: a success adds the transaction)
  getNeedMatches: { dynamodb: 2 }, // over: the need, then the gsi1 Query of every capability (load factors on the profiles: no N+1)
  listInterests: { dynamodb: 2 }, // over: the need, then the Query of its interests (another partition)
  expressInterest: { dynamodb: 1 }, // refused (403: an enterprise) after its organisation
  acceptInterest: { dynamodb: 2 }, // refused (404) after the need and the interest
  declineInterest: { dynamodb: 2 }, // refused (404) after the need and the interest
  listCapabilities: { dynamodb: 1 },
  putCapability: { dynamodb: 1 }, // refused (403: an enterprise) after its organisation
  getCapability: { dynamodb: 1 },
  getCapabilityMatches: { dynamodb: 2 }, // over: the capability, then the gsi1 Query of open needs
  getAgreementDocx: { dynamodb: 2 }, // over: the alliance's item collection (one Query), then a BatchGet of the members' profiles (their USCCs: other partitions)
  // --- alliances
  createAlliance: { dynamodb: 2 }, // one BatchGet of the round and the organisation, then the transaction
  listAlliances: { dynamodb: 2 }, // over: the gsi2 Query of the caller's memberships, then one BatchGet of their alliances
  getAlliance: { dynamodb: 1 }, // the alliance's item collection, one Query (shared/db/alliances.ts loadAlliancePartition)
  updateAlliance: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction, 2)
  inviteMember: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction)
  confirmMembership: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction)
  declineMembership: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction)
  getAllianceEligibility: { dynamodb: 5 }, // over: the alliance's Query; one BatchGet of the members' profiles and the round; two gsi2 Queries and a Query per other alliance of the members (one-per-round rule)
  submitAlliance: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success reads more and adds the transaction)
  withdrawAlliance: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction)
  requestUpload: { dynamodb: 2 }, // the alliance's Query, then the document's PutItem
  listDocuments: { dynamodb: 1 }, // the alliance's Query serves the documents too (same partition)
  reverifyDocument: { dynamodb: 2, s3: 1 }, // the alliance's Query (the document from it), the transaction; answered from what it wrote
  getAward: { dynamodb: 1 }, // the alliance's Query serves the award and its deadlines
  getAllianceHistory: { dynamodb: 1 }, // the alliance's Query serves the history page
  // --- screening and review
  listScreening: { dynamodb: 2 }, // over: the page's Query of screening records, and one BatchGet of the gate and its tally (in parallel)
  decideScreening: { dynamodb: 2 }, // refused (409) after reading the round twice
  completeScreening: { dynamodb: 2 },
  registerReviewer: { dynamodb: 2 }, // refused (409) after reading the round twice
  listReviewers: { dynamodb: 1 },
  listAssignments: { dynamodb: 1 }, // the assignments Query (none adds the round's GetItem, for a 404; a preview reads the round, reviewers and alliances)
  closeReviews: { dynamodb: 1 },
  // --- reviewers
  myAssignments: { dynamodb: 2 }, // over: the gsi1 Query, then one BatchGet of the reviews and alliance heads
  readAssignment: { dynamodb: 2 }, // over: one BatchGet (assignment, round, gate, review: ROUND#) and the alliance's Query (ALLIANCE#, documents included)
  getAssignedDocument: { dynamodb: 2, s3: 1 }, // over: the assignment's and the document's GetItems, in parallel; s3: the presigner runs GetObject's middleware (counted, and its IAM checked, here), no request is sent
  submitReview: { dynamodb: 1 }, // refused (409) after one BatchGet of the assignment, round, gate and review
  declareConflict: { dynamodb: 1 }, // refused (409) after the same BatchGet
  // --- selection, objections, supplement
  getRanking: { dynamodb: 2 }, // over: the round's GetItem, then the gsi1 Query of its ranking
  approveSelection: { dynamodb: 2 },
  listObjections: { dynamodb: 1 },
  dismissObjections: { dynamodb: 2 }, // one BatchGet of the objections, one of the gate and its tally (the objection already resolved: no write; a dismissal adds its transaction and reads the tally again after it)
  resolveObjection: { dynamodb: 1 },
  previewSupplement: { dynamodb: 3 }, // over: one BatchGet (selection header, round, 递补 gate), then the Queries of its rows and decisions in parallel (SELROW#, SUPPLEMENT#: not adjacent)
  decideSupplement: { dynamodb: 1 },
  // --- public notice
  getNotice: { dynamodb: 1, s3: 1 }, // the round, then the published notice object
  getNoticePage: { dynamodb: 1, s3: 1 },
  fileObjection: { dynamodb: 2 }, // refused (404) after reading the round twice
  // --- implementation
  getPlan: { dynamodb: 1 }, // the alliance's Query serves the plan
  updatePlan: { dynamodb: 1 }, // the alliance's Query (refused, 409: a success adds the transaction)
  getPlanVersion: { dynamodb: 1 }, // the alliance's Query serves the version
  closeAlliance: { dynamodb: 1 }, // the alliance's Query (refused, 409)
  // --- ledger
  getLedger: { dynamodb: 1 }, // the alliance's Query serves the award, entries and reallocations
  exportLedgerCsv: { dynamodb: 1 }, // as getLedger
  recordExpense: { dynamodb: 3 }, // over: refused (409: the receipt is used): the alliance's Query, the transaction (cancelled), then the receipt's claim read to say by which entry; a success is 2
  reverseEntry: { dynamodb: 1 }, // the alliance's Query (refused, 409)
  resolveEntryFlag: { dynamodb: 1 }, // the alliance's Query (refused, 409)
  reallocateLedger: { dynamodb: 2 }, // the alliance's Query and the transaction; answered from what it wrote
  // --- reports
  listReports: { dynamodb: 1 }, // the alliance's Query serves the reports
  submitReport: { dynamodb: 1 }, // the alliance's Query (refused, 422)
  acceptReport: { dynamodb: 1 }, // the alliance's Query (refused, 409)
  returnReport: { dynamodb: 1 }, // as acceptReport
  // --- notifications
  listNotifications: { dynamodb: 1 }, // the gsi1 Query (the caller's USER# link known)
  markNotificationRead: { dynamodb: 1 },
  // --- inspections
  registerInspector: { dynamodb: 2 },
  listInspectors: { dynamodb: 1 },
  drawInspections: { dynamodb: 5 }, // over: the inspectors (gsi1) and designated alliances (gsi2), each candidate's Query, then the load Queries (a dry run: no write)
  getInspectionDraw: { dynamodb: 1 },
  listInspections: { dynamodb: 1 },
  getInspection: { dynamodb: 1 },
  recordFindings: { dynamodb: 2 }, // the inspection's GetItem and the transaction; answered from what it wrote
  listAllianceInspections: { dynamodb: 2 }, // over: the alliance's Query, then the gsi2 Query of inspections (an index: not in the partition)
};

/** The DynamoDB target: reads one request, writes two. */
const target = (route: RouteDef) => (route.method === 'GET' ? 1 : 2);

/**
 * Who sends a route's request: on a public route no one signs in; otherwise, of the callers the
 * route admits, the first (related ones first: the member, the assigned reviewer and inspector)
 * that the matrix expects a 2xx for, else the first admitted one.
 */
const preference: PrincipalName[] = [
  'member',
  'assignedReviewer',
  'assignedInspector',
  'office',
  'admin',
  'reviewer',
  'inspector',
  'outsider',
];
function callerFor(route: RouteDef): PrincipalName {
  if (route.auth === 'public') return 'anonymous';
  const c = cases[route.operationId]!;
  const admitted = preference.filter((p) => admits(route, p));
  const ok = admitted.find((p) => {
    const status = expectedStatus(route, c, p) ?? 0;
    return status >= 200 && status < 300;
  });
  const caller = ok ?? admitted[0];
  if (!caller) throw new Error(`${route.operationId}: admits none of the world's callers`);
  return caller;
}

/** The lines ESIP_IAM_LOG gained since `from` (characters), as `action key`; empty without the log. */
function iamLogSince(from: number): { next: number; calls: string[] } {
  const file = process.env.ESIP_IAM_LOG;
  if (!file || !existsSync(file)) return { next: 0, calls: [] };
  const text = readFileSync(file, 'utf8');
  const calls = text
    .slice(from)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const entry = JSON.parse(line) as {
        action: string;
        resource: string;
        context?: Record<string, string[]>;
      };
      const keys = entry.context?.['dynamodb:LeadingKeys'] ?? entry.context?.['s3:prefix'];
      return `${entry.action.split(':')[1]} ${keys?.join('+') ?? entry.resource.split(':').at(-1)}`;
    });
  return { next: text.length, calls };
}

const show = (counts: Record<string, number | undefined>) =>
  SERVICES.filter((s) => s === 'dynamodb' || counts[s])
    .map((s) => `${s === 'dynamodb' ? 'ddb' : s} ${counts[s] ?? 0}`)
    .join(', ');

describe('AWS calls per endpoint', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld();
  }, 240_000);

  it('has a budget for every route of the table, and none for a route that is not in it', () => {
    const ids = new Set(table.map((r) => r.operationId));
    const problems = [
      ...table
        .filter((r) => !budgets[r.operationId])
        .map(
          (r) =>
            `${r.operationId} (${r.method} ${r.path}): no budget in test/integration/call-budget.test.ts — measure it and declare it`,
        ),
      ...Object.keys(budgets)
        .filter((id) => !ids.has(id))
        .map((id) => `${id}: a budget for a route that is not in the table`),
    ];
    expect(problems).toEqual([]);
  });

  it('keeps every endpoint within its declared budget of AWS calls', async () => {
    const over: string[] = [];
    const rows: string[][] = [];
    let meetTarget = 0;
    let logAt = iamLogSince(0).next;
    const detail: string[] = [];
    const under: string[] = [];
    for (const route of table) {
      const c = cases[route.operationId];
      if (!c) throw new Error(`${route.operationId}: no case in authz-cases.ts (the matrix says so too)`);
      const caller = callerFor(route);
      const res = await callAs(w, route, caller);
      const want = expectedStatus(route, c, caller);
      expect(res.status, `${route.operationId} as ${caller}: ${res.text.slice(0, 300)}`).toBe(want);
      const logged = iamLogSince(logAt);
      logAt = logged.next;
      if (logged.calls.length) detail.push(`${route.operationId}: ${logged.calls.join(' · ')}`);
      const counts = parseAwsCalls(res.headers.get(AWS_CALLS_HEADER));
      expect(counts, `${route.operationId}: no ${AWS_CALLS_HEADER} header`).toBeDefined();
      const budget = budgets[route.operationId];
      for (const s of SERVICES) {
        const limit = budget?.[s] ?? 0;
        if (budget && (counts![s] ?? 0) > limit)
          over.push(`${route.operationId}: ${counts![s]} ${s} calls, budget ${limit}`);
      }
      if (budget && SERVICES.some((s) => (counts![s] ?? 0) < (budget[s] ?? 0)))
        under.push(
          `${route.operationId}: ${show(counts!)}, under its budget (${show({ ...budget })}): lower it`,
        );
      const meets = (counts!.dynamodb ?? 0) <= target(route);
      if (meets) meetTarget++;
      rows.push([
        route.operationId,
        route.method,
        `${res.status} ${caller}`,
        show(counts!),
        budget ? show({ ...budget }) : 'none',
        `ddb ≤ ${target(route)} ${meets ? 'ok' : 'OVER'}`,
      ]);
    }
    const head = ['operationId', 'method', 'status as', 'calls', 'budget', 'target'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(
      [
        `AWS calls per endpoint: ${meetTarget} of ${table.length} within the DynamoDB target (reads ≤ 1, writes ≤ 2), ${over.length} over budget`,
        line(head),
        `|${widths.map((n) => '-'.repeat(n + 2)).join('|')}|`,
        ...rows.map(line),
        ...under,
        ...(detail.length ? ['', 'the checked requests of each (ESIP_IAM_LOG):', ...detail] : []),
      ].join('\n'),
    );
    expect(over).toEqual([]);
  }, 600_000);

  it("a round's history and assignments answer from their one Query, and are still 404 for a round that does not exist", async () => {
    const admin = w.tokens.admin;
    const ddb = (res: { headers: Headers }) => parseAwsCalls(res.headers.get(AWS_CALLS_HEADER))?.dynamodb;
    for (const path of ['history', 'assignments']) {
      const found = await api('GET', `/v1/rounds/${w.roundId}/${path}`, { token: admin });
      expect(found.status, path).toBe(200);
      expect((found.body as { items: unknown[] }).items.length, path).toBeGreaterThan(0);
      expect(ddb(found), path).toBe(1);
      const missing = await api('GET', `/v1/rounds/r-no-such-round/${path}`, { token: admin });
      expect(missing.status, path).toBe(404);
      expect((missing.body as { error: { code: string } }).error.code, path).toBe('not_found');
      expect(ddb(missing), path).toBe(2);
    }
  });
});
