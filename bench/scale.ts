/**
 * The scale benchmark (issue #10): `npm run bench -- --scale N`.
 *
 * Starts its own local stack (free ports, temporary data, handlers in this process) and builds,
 * through the HTTP API, a round of N alliances: 0.6·N enterprises and 0.4·N societies (each
 * alliance one lead enterprise and one society, every seventh two of each), N/3 reviewers (at most
 * 3,000), 3 reviews per alliance, odd requested amounts, realistic scores (a hidden quality per
 * alliance, lenient/harsh reviewers, noise). Then it runs the pipeline from close to funded:
 * screening decisions, reviews, selection approval, the notice period (skipped with the local
 * clock control, as scripts/demo.ts does), designation. Requests go at most CONCURRENCY at a time.
 *
 * Measured, per stage: wall time; per-call latency of screening decisions and reviews; DynamoDB
 * read/write units (shared/aws/capacity.ts, ESIP_COUNT_CAPACITY=1); Lambda invocations and GB-s
 * (local/lambda.ts counts every handler invocation); API requests the driver makes. At the end:
 * Step Functions state transitions (the execution's history), the largest item in the table, and
 * the estimated AWS cost per 1,000 applications (prices below).
 */
import { execFileSync } from 'node:child_process';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { type InvocationCount, invocationCountsSnapshot } from '../local/lambda.ts';
import { type LocalStack, localNames, startLocalStack } from '../local/stack.ts';
import {
  allianceContent,
  apiClient,
  enterpriseBody,
  pool,
  roundBody,
  sectors,
  seededRandom,
  sleep,
  societyBody,
} from '../scripts/round-kit.ts';
import { CAPACITY_ENV, type CapacitySnapshot, capacity } from '../shared/aws/capacity.ts';

/**
 * Public AWS prices, us-east-1, on-demand, from the pricing pages (DynamoDB: see below):
 *  - DynamoDB on-demand (https://aws.amazon.com/dynamodb/pricing/on-demand/): $0.25 per million
 *    read request units, $1.25 per million write request units — the list prices before AWS
 *    halved them on 1 Nov 2024 ($0.125 / $0.625 now), kept so that figures compare with the
 *    issue's own estimate; BENCHMARKS.md gives both. A read request unit is one
 *    strongly consistent read of up to 4 KB, or two eventually consistent ones (0.5 RRU each);
 *    transactional reads/writes cost twice. The counter's units are these request units.
 *  - Step Functions Standard (https://aws.amazon.com/step-functions/pricing/): $0.025 per 1,000
 *    state transitions.
 *  - Lambda (https://aws.amazon.com/lambda/pricing/): $0.20 per million requests, $0.0000133334
 *    per GB-second on arm64 (the project's functions: infra/constructs/app-function.ts, arm64,
 *    512 MB unless a function sets more; the memory used here is each function's MemorySize from
 *    the synthesized template).
 *  - API Gateway HTTP API (https://aws.amazon.com/api-gateway/pricing/): $1.00 per million requests.
 *  - S3 Standard (https://aws.amazon.com/s3/pricing/): $0.005 per 1,000 PUT/POST/LIST, $0.0004 per
 *    1,000 GET.
 */
export const PRICES = {
  dynamoReadPerMillion: 0.25,
  dynamoWritePerMillion: 1.25,
  sfnPerThousandTransitions: 0.025,
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecondArm: 0.0000133334,
  apiPerMillionRequests: 1.0,
  s3PutPerThousand: 0.005,
  s3GetPerThousand: 0.0004,
} as const;

export const CONCURRENCY = 8;
const REVIEWS_PER_ALLIANCE = 3;
const MAX_REVIEWERS = 3000;

type Stats = { n: number; median: number; p95: number; min: number; max: number; mean: number };
function stats(samples: number[]): Stats | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const r = (x: number) => Number(x.toFixed(2));
  return {
    n: samples.length,
    median: r(at(0.5)),
    p95: r(at(0.95)),
    min: r(sorted[0]!),
    max: r(sorted.at(-1)!),
    mean: r(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}
const median = (samples: number[]) => stats(samples)?.median;

export interface StageFigures {
  ms: number;
  apiRequests: number;
  dynamo: { read: number; write: number; calls: number; byOperation: CapacitySnapshot['byOperation'] };
  lambda: { invocations: number; gbSeconds: number; byFunction: Record<string, number> };
  s3: { put: number; get: number; other: number };
  /** Per-call latency of the stage's own calls (screening decisions, reviews), ms. */
  perCall?: Stats & { firstTenthMedian?: number; lastTenthMedian?: number };
}

export interface ScaleResult {
  n: number;
  date: string;
  commit: string;
  node: string;
  concurrency: number;
  round: {
    alliances: number;
    submitted: number;
    enterprises: number;
    societies: number;
    reviewers: number;
    reviews: number;
    passedScreening: number;
    selected: number;
    designated: number;
  };
  stages: Record<string, StageFigures>;
  totals: {
    ms: number;
    apiRequests: number;
    dynamo: { read: number; write: number; reportedRead: number; reportedWrite: number; calls: number };
    dynamoByOperation: CapacitySnapshot['byOperation'];
    lambda: { invocations: number; gbSeconds: number; byFunction: Record<string, InvocationCount> };
    s3: { put: number; get: number; other: number };
    sfnStateTransitions: number;
    sfnHistoryEvents: number;
  };
  table: { items: number; bytes: number; largestItemBytes: number; largestItemKey: string };
  costUsd: {
    total: Record<string, number>;
    per1000Applications: Record<string, number>;
  };
  notes: string[];
}

// --- S3 requests made by the handlers (bench-only: counts every S3Client send in the process) ---
const s3Counts = { put: 0, get: 0, other: 0 };
let s3Patched = false;
function countS3() {
  if (s3Patched) return;
  s3Patched = true;
  const proto = S3Client.prototype as unknown as { send: (...args: unknown[]) => unknown };
  const send = proto.send;
  proto.send = function (this: unknown, ...args: unknown[]) {
    const name = (args[0] as { constructor: { name: string } }).constructor.name;
    if (/^(Put|Copy|CreateMultipart|UploadPart|CompleteMultipart|List)/.test(name)) s3Counts.put++;
    else if (/^(Get|Head)/.test(name)) s3Counts.get++;
    else s3Counts.other++;
    return send.apply(this, args);
  };
}

// --- DynamoDB item size, by DynamoDB's rules -----------------------------------------------------
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
function numberSize(n: string): number {
  // Up to 38 significant digits, 2 per byte, plus 1 byte (DynamoDB's documented approximation).
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}
function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((a, s) => a + utf8(s), 0);
  if (v.NS) return v.NS.reduce((a, s) => a + numberSize(s), 0);
  if (v.BS) return v.BS.reduce((a, b) => a + b.length, 0);
  // List and map: 3 bytes overhead plus 1 byte per element, plus the elements.
  if (v.L) return 3 + v.L.reduce((a, e) => a + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((a, [k, e]) => a + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}
export function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((a, [k, v]) => a + utf8(k) + valueSize(v), 0);
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The stages run so far when a run fails or passes its deadline, and where it stopped. */
export interface ScaleFailureRecord {
  n: number;
  date: string;
  commit: string;
  node: string;
  concurrency: number;
  /** The stage that was running when the error came. */
  failedStage: string;
  error: string;
  /** Wall time from the start of the setup stage to the failure, ms. */
  msToFailure: number;
  /** The stages that completed, with their figures. */
  stages: Record<string, StageFigures>;
  /** What the failed stage had done when it failed, if it counts its items (e.g. alliances submitted). */
  progress?: string;
  /** The local stack's last error lines (a handler's error, the execution's failure). */
  stackLog?: string[];
}

/** Thrown by runScale when the round does not reach funded; `record` holds what was measured. */
export class ScaleFailure extends Error {
  constructor(readonly record: ScaleFailureRecord) {
    super(
      `N=${record.n}: ${record.failedStage} failed after ${(record.msToFailure / 1000).toFixed(1)} s: ${record.error}`,
    );
    this.name = 'ScaleFailure';
  }
}

interface Progress {
  stage: string;
  startedAt: number;
  stages: Record<string, StageFigures>;
  count?: () => string;
  deadline: number;
}

/** Builds a round of `n` alliances through the API and runs it to funded; returns the figures. */
export async function runScale(
  n: number,
  options: {
    concurrency?: number;
    log?: (line: string) => void;
    /** Give up (ScaleFailure) after this long, counted from the start of the setup stage. */
    deadlineMs?: number;
  } = {},
): Promise<ScaleResult> {
  const concurrency = options.concurrency ?? CONCURRENCY;
  const started = performance.now();
  const log =
    options.log ??
    ((line: string) =>
      console.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s  ${line}`));
  const stackErrors: string[] = [];
  process.env[CAPACITY_ENV] = '1';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  countS3();
  const stack: LocalStack = await startLocalStack({
    ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0, scheduler: 0 },
    schedules: false,
    runtimeSchedules: false,
    log: (line) => {
      if (!/failed|error/i.test(line)) return;
      stackErrors.push(line.slice(0, 500));
      if (stackErrors.length > 5) stackErrors.shift();
      log(`stack: ${line}`);
    },
  });
  const progress: Progress = {
    stage: 'start',
    startedAt: performance.now(),
    stages: {},
    deadline: Date.now() + (options.deadlineMs ?? Number.POSITIVE_INFINITY),
  };
  try {
    return await drive(n, stack, concurrency, log, progress);
  } catch (error) {
    if (error instanceof ScaleFailure) throw error;
    throw new ScaleFailure({
      n,
      date: new Date().toISOString(),
      commit: commitOf(),
      node: process.version,
      concurrency,
      failedStage: progress.stage,
      error: (error as Error).message?.slice(0, 2000) ?? String(error),
      msToFailure: Math.round(performance.now() - progress.startedAt),
      stages: progress.stages,
      ...(progress.count ? { progress: progress.count() } : {}),
      ...(stackErrors.length ? { stackLog: [...stackErrors] } : {}),
    });
  } finally {
    await stack.stop();
  }
}

async function drive(
  n: number,
  stack: LocalStack,
  concurrency: number,
  log: (line: string) => void,
  progress: Progress,
): Promise<ScaleResult> {
  const api = apiClient(stack.urls.api);
  progress.startedAt = performance.now();
  const checkDeadline = () => {
    if (Date.now() > progress.deadline) throw new Error('deadline passed (runScale deadlineMs)');
  };
  const { rand, pick } = seededRandom(20261210 + n);
  const year = new Date().getUTCFullYear();
  const now = Date.now();
  capacity.reset();
  const lambdaBase = invocationCountsSnapshot();
  const s3Base = { ...s3Counts };
  const notes: string[] = [];

  // --- stage bookkeeping ------------------------------------------------------------------------
  const stages = progress.stages;
  const lambdaTotals = () => {
    const now = invocationCountsSnapshot();
    let invocations = 0;
    let gbSeconds = 0;
    const byFunction: Record<string, number> = {};
    for (const [id, c] of Object.entries(now)) {
      const base = lambdaBase[id];
      const inv = c.invocations - (base?.invocations ?? 0);
      invocations += inv;
      gbSeconds += c.gbSeconds - (base?.gbSeconds ?? 0);
      if (inv) byFunction[id.replace(/Fn[0-9A-F]{8}$/, '').replace(/[0-9A-F]{8}$/, '')] = inv;
    }
    return { invocations, gbSeconds, byFunction };
  };
  function begin(name: string, count?: () => string) {
    checkDeadline();
    progress.stage = name;
    if (count) progress.count = count;
    else delete progress.count;
    const t = performance.now();
    const cap = capacity.snapshot();
    const lam = lambdaTotals();
    const req = api.stats.apiRequests;
    const s3 = { ...s3Counts };
    return (perCall?: number[]) => {
      const ms = performance.now() - t;
      const d = capacity.diff(cap, capacity.snapshot());
      const l = lambdaTotals();
      const byFunction: Record<string, number> = {};
      for (const [k, v] of Object.entries(l.byFunction)) {
        const x = v - (lam.byFunction[k] ?? 0);
        if (x) byFunction[k] = x;
      }
      const figures: StageFigures = {
        ms: Math.round(ms),
        apiRequests: api.stats.apiRequests - req,
        dynamo: { read: d.read, write: d.write, calls: d.calls, byOperation: d.byOperation },
        lambda: {
          invocations: l.invocations - lam.invocations,
          gbSeconds: l.gbSeconds - lam.gbSeconds,
          byFunction,
        },
        s3: { put: s3Counts.put - s3.put, get: s3Counts.get - s3.get, other: s3Counts.other - s3.other },
      };
      if (perCall?.length) {
        const tenth = Math.max(1, Math.floor(perCall.length / 10));
        figures.perCall = {
          ...stats(perCall)!,
          firstTenthMedian: median(perCall.slice(0, tenth))!,
          lastTenthMedian: median(perCall.slice(-tenth))!,
        };
      }
      stages[name] = figures;
      log(
        `${name}: ${(ms / 1000).toFixed(2)} s, ${figures.apiRequests} API requests, RRU ${d.read.toFixed(1)}, WRU ${d.write.toFixed(1)}${figures.perCall ? `, per call median ${figures.perCall.median} ms (first tenth ${figures.perCall.firstTenthMedian}, last tenth ${figures.perCall.lastTenthMedian})` : ''}`,
      );
      return figures;
    };
  }

  // --- the pipeline, watched in-process (no API polling, so nothing is added to the counts) -------
  const executionArn = () =>
    stack.sfn.listExecutions().find((e) => e.name === `round-${roundId}`)?.executionArn;
  const history = () => {
    const arn = executionArn();
    return arn ? stack.sfn.history(arn) : [];
  };
  const entered = (state: string) =>
    history().some(
      (e) =>
        String(e.type).endsWith('StateEntered') &&
        (e as { stateEnteredEventDetails?: { name?: string } }).stateEnteredEventDetails?.name === state,
    );
  const failedCheck = () => {
    const arn = executionArn();
    if (!arn) return;
    const rec = stack.sfn.describeExecution(arn);
    if (rec.status === 'FAILED' || rec.status === 'ABORTED' || rec.status === 'TIMED_OUT') {
      // The last failed state in the history says which state failed and why (the events after it
      // are the catch path); the execution's output would repeat every id list, so it is left out.
      const failure = history().findLast((e) => /(?<!Execution)Failed$/.test(String(e.type))) as
        | { type: string; previousEventId?: number; [details: string]: unknown }
        | undefined;
      const details = failure
        ? Object.entries(failure).find(([k]) => k.endsWith('EventDetails'))?.[1]
        : undefined;
      throw new Error(
        `pipeline ${rec.status}${failure ? `: ${failure.type} ${JSON.stringify(details ?? {}).slice(0, 600)}` : ''}`,
      );
    }
  };
  async function until(what: string, ready: () => boolean, timeoutMs = 30 * 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      failedCheck();
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      checkDeadline();
      await sleep(10);
    }
  }
  const gateOpen = (state: string) => () => {
    const arn = executionArn();
    return arn !== undefined && stack.sfn.pendingTasks(arn).some((p) => p.stateName === state);
  };

  // --- setup: the round, organisations, the committee ----------------------------------------------
  const endSetup = begin('setup');
  const admin = await api.token('bench-admin', ['admin']);
  const enterpriseCount = Math.max(1, Math.round(0.6 * n));
  const societyCount = Math.max(1, Math.round(0.4 * n));
  const reviewerCount = Math.min(MAX_REVIEWERS, Math.max(REVIEWS_PER_ALLIANCE + 1, Math.round(n / 3)));
  // Odd requested amounts between ¥100,001 and ¥299,999; the budget funds about 40 % of the total.
  const requestedOf = Array.from({ length: n }, () => 100_001 + 2 * Math.floor(rand() * 100_000));
  const budget = Math.round(requestedOf.reduce((a, b) => a + b, 0) * 0.4);
  const round = await api.must<{ id: string }>(
    'POST',
    '/v1/rounds',
    admin,
    roundBody({
      name: `${year}年度企会协作创新计划（规模测试 N=${n}）`,
      year,
      budget,
      now,
      closesInDays: 7,
      reviewersPerAlliance: REVIEWS_PER_ALLIANCE,
    }),
  );
  const roundId = round.id;
  type Org = { id: string; token: string; name: string };
  const enterprises = await pool(
    Array.from({ length: enterpriseCount }, (_, i) => i),
    concurrency,
    async (i): Promise<Org> => {
      const t = await api.token(`bench-ent-${i}`, ['applicant']);
      const name = `武汉规模测试${String(i + 1).padStart(4, '0')}科技有限公司`;
      const created = await api.must<{ id: string }>(
        'POST',
        '/v1/organisations',
        t,
        enterpriseBody(name, year, rand, pick),
      );
      return { id: created.id, token: t, name };
    },
  );
  const societies = await pool(
    Array.from({ length: societyCount }, (_, i) => i),
    concurrency,
    async (i): Promise<Org> => {
      const t = await api.token(`bench-soc-${i}`, ['applicant']);
      const name = `武汉市规模测试学会（第${i + 1}分会）`;
      const created = await api.must<{ id: string }>(
        'POST',
        '/v1/organisations',
        t,
        societyBody(name, year, pick),
      );
      return { id: created.id, token: t, name };
    },
  );
  const reviewers = Array.from({ length: reviewerCount }, (_, i) => ({
    id: `bench-reviewer-${i + 1}`,
    name: `评审专家${i + 1}`,
    expertise: [sectors[i % sectors.length]!.id, sectors[(i + 3) % sectors.length]!.id],
    // Lenient, harsh, neutral, neutral.
    bias: i % 4 === 0 ? 1.2 : i % 4 === 1 ? -1.2 : 0,
  }));
  await pool(reviewers, concurrency, (r) =>
    api.must('PUT', `/v1/rounds/${roundId}/reviewers/${r.id}`, admin, {
      reviewerId: r.id,
      name: r.name,
      expertise: r.expertise,
      affiliations: [],
      conflicts: [],
    }),
  );
  endSetup();
  log(
    `round ${roundId}: ${enterpriseCount} enterprises, ${societyCount} societies, ${reviewerCount} reviewers`,
  );

  // --- submission: draft, invite, confirm, upload the agreement, submit ------------------------------
  let drafted = 0;
  let submittedCount = 0;
  const endSubmission = begin(
    'submission',
    () => `${drafted} of ${n} alliances drafted with their agreement, ${submittedCount} submitted`,
  );
  const built = await pool(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      checkDeadline();
      const big = i % 7 === 0;
      const lead = enterprises[i % enterprises.length]!;
      const members = [lead, societies[i % societies.length]!];
      if (big && enterprises.length > 1 && societies.length > 1)
        members.push(enterprises[(i + 1) % enterprises.length]!, societies[(i + 1) % societies.length]!);
      const societyIds = members.filter((m) => societies.includes(m)).map((m) => m.id);
      const sector = sectors[i % sectors.length]!;
      const created = await api.must<{ id: string }>('POST', '/v1/alliances', lead.token, {
        roundId,
        name: `${sector.name}协同创新联盟 ${String(i + 1).padStart(4, '0')}`,
        ...allianceContent({
          leadName: lead.name,
          sector,
          ...(big ? { extraSectors: [sectors[(i + 1) % sectors.length]!.id] } : {}),
          societyIds,
          requested: requestedOf[i]!,
          year,
          i,
        }),
      });
      for (const m of members.slice(1)) {
        await api.must('POST', `/v1/alliances/${created.id}/members`, lead.token, { organisationId: m.id });
        await api.must('POST', `/v1/alliances/${created.id}/members/${m.id}/confirm`, m.token);
      }
      await api.uploadAgreement(created.id, lead.token);
      drafted++;
      return { id: created.id, lead, i };
    },
  );
  // The verifier runs on the S3 event; by now most agreements are verified.
  const submittedIds = (
    await pool(built, concurrency, async (b) => {
      checkDeadline();
      await api.waitVerified(b.id, b.lead.token);
      const { version } = await api.must<{ version: number }>('GET', `/v1/alliances/${b.id}`, b.lead.token);
      const res = await api.call('POST', `/v1/alliances/${b.id}/submit`, b.lead.token, { version }, 'submit');
      if (res.status !== 200) throw new Error(`submit ${b.id} → ${res.status} ${JSON.stringify(res.body)}`);
      submittedCount++;
      return b.id;
    })
  ).filter(Boolean);
  endSubmission(api.stats.samples.get('submit'));

  // --- close → the screening gate ------------------------------------------------------------------------
  const endClose = begin('closeToScreeningGate');
  await api.must('POST', `/v1/rounds/${roundId}/close`, admin, { reason: '申报截止（规模测试）' });
  await until('the screening gate', gateOpen('AwaitScreeningDecisions'));
  endClose();

  // --- screening decisions (one in 25 rejected, with a reason) ----------------------------------------------
  const decisions: number[] = [];
  const endScreening = begin('screeningDecisions', () => `${decisions.length} screening decisions made`);
  // The screening list is paged (500 records a page at most): read every page.
  type ScreeningItem = { allianceId: string; findings: { eligible: boolean; failing: string[] } };
  const screening = { items: [] as ScreeningItem[] };
  let cursor: string | undefined;
  do {
    const query = `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.must<{ items: ScreeningItem[]; nextCursor?: string }>(
      'GET',
      `/v1/rounds/${roundId}/screening?${query}`,
      admin,
    );
    screening.items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const rejected = new Set(screening.items.filter((_, k) => k % 25 === 12).map((x) => x.allianceId));
  await pool(screening.items, concurrency, async (item) => {
    checkDeadline();
    const pass = item.findings.eligible && !rejected.has(item.allianceId);
    const res = await api.call(
      'POST',
      `/v1/rounds/${roundId}/screening/${item.allianceId}`,
      admin,
      {
        outcome: pass ? 'pass' : 'reject',
        reason: pass ? '符合申报条件' : '经审查，申报材料中的合作基础说明不充分',
      },
      'screening',
    );
    decisions.push(res.ms);
    if (res.status !== 200) throw new Error(`screening decision → ${res.status} ${JSON.stringify(res.body)}`);
  });
  const passed = screening.items.filter((x) => x.findings.eligible && !rejected.has(x.allianceId)).length;
  endScreening(decisions);

  // --- assignment: the pipeline assigns reviewers and opens the review gate --------------------------------
  const endAssignment = begin('assignment');
  await until('the review gate', gateOpen('AwaitReviews'));
  endAssignment();

  // --- reviews ---------------------------------------------------------------------------------------------------
  const reviewLatency: number[] = [];
  const endReviews = begin('reviews', () => `${reviewLatency.length} reviews submitted`);
  const quality = new Map<string, number>();
  for (const id of submittedIds)
    quality.set(id, Math.min(9.5, Math.max(3, 6.5 + (rand() + rand() + rand() - 1.5) * 2.5)));
  const reviewerWork = await pool(reviewers, concurrency, async (r) => {
    const token = await api.token(r.id, ['reviewer']);
    const mine = await api.must<{ items: { roundId: string; allianceId: string; reviewed: boolean }[] }>(
      'GET',
      '/v1/reviews/assignments',
      token,
    );
    return mine.items.filter((a) => !a.reviewed).map((a) => ({ r, token, a }));
  });
  // Interleave the reviewers' work, as a committee working in parallel would.
  const work = reviewerWork.flat().sort((x, y) => (x.a.allianceId < y.a.allianceId ? -1 : 1));
  await pool(work, concurrency, async ({ r, token, a }) => {
    checkDeadline();
    const q = quality.get(a.allianceId) ?? 6;
    const score = (d: number) => Math.max(0, Math.min(10, Math.round(q + r.bias + d + (rand() - 0.5) * 2)));
    const res = await api.call(
      'PUT',
      `/v1/reviews/assignments/${a.roundId}/${a.allianceId}`,
      token,
      {
        scores: {
          innovation: score(0.5),
          feasibility: score(0),
          'enterprise-role': score(0),
          impact: score(-0.5),
        },
        comment: q > 6 ? '方案合理，企业主体作用明显。' : '技术路线尚需论证。',
        recommendation: q > 7 ? 'fund' : q > 5 ? 'fund-if-budget' : 'do-not-fund',
      },
      'review',
    );
    reviewLatency.push(res.ms);
    if (res.status !== 200) throw new Error(`review → ${res.status} ${JSON.stringify(res.body)}`);
  });
  endReviews(reviewLatency);

  // --- ranking and selection -----------------------------------------------------------------------------
  const endRanking = begin('rankingSelection');
  await until('the selection gate', gateOpen('AwaitSelectionApproval'));
  endRanking();

  // --- approval → the notice is being published ----------------------------------------------------------
  const endApproval = begin('approval');
  // The ranking's header: `result.funded` counts the funded rows (paged ranking, one item per
  // alliance); before that change the whole result came with its rows.
  const ranking = await api.must<{
    result: { funded?: number; rows?: { allianceId: string; funded: boolean }[] };
  }>('GET', `/v1/rounds/${roundId}/ranking?limit=1`, admin);
  await api.must('POST', `/v1/rounds/${roundId}/selection/approve`, admin, {
    note: '按排名在年度预算内择优支持',
  });
  await until('PublishNotice', () => entered('PublishNotice'));
  endApproval();
  const selected = ranking.result.funded ?? ranking.result.rows?.filter((r) => r.funded).length ?? 0;

  // --- notice: publish, the period (skipped), objections (none), 递补 (nothing freed) ------------------
  const endNotice = begin('notice');
  const arn = executionArn()!;
  for (let skipped = 0; skipped === 0; ) {
    const res = await api.must<{ skipped: number }>(
      'POST',
      `/local/executions/skip-waits?executionArn=${encodeURIComponent(arn)}`,
    );
    skipped = res.skipped;
    if (!skipped) {
      failedCheck();
      await sleep(10);
    }
  }
  await until('StartDesignation', () => entered('StartDesignation'));
  endNotice();

  // --- designation -----------------------------------------------------------------------------------------
  const endDesignation = begin('designation');
  const final = await stack.sfn.waitForExecution(arn, { timeoutMs: 30 * 60_000 });
  if (final.status !== 'SUCCEEDED') throw new Error(`pipeline ended ${final.status}`);
  endDesignation();

  // --- totals ------------------------------------------------------------------------------------------------
  const totalCap = capacity.snapshot();
  const lambdaAll = invocationCountsSnapshot();
  const lambdaByFunction: Record<string, InvocationCount> = {};
  let invocations = 0;
  let gbSeconds = 0;
  for (const [id, c] of Object.entries(lambdaAll)) {
    const b = lambdaBase[id];
    const d: InvocationCount = {
      invocations: c.invocations - (b?.invocations ?? 0),
      failed: c.failed - (b?.failed ?? 0),
      durationMs: Math.round(c.durationMs - (b?.durationMs ?? 0)),
      gbSeconds: Number((c.gbSeconds - (b?.gbSeconds ?? 0)).toFixed(3)),
      memoryMB: c.memoryMB,
    };
    if (!d.invocations) continue;
    invocations += d.invocations;
    gbSeconds += d.gbSeconds;
    lambdaByFunction[id.replace(/[0-9A-F]{8}$/, '')] = d;
  }
  const events = stack.sfn.history(arn);
  const transitions = events.filter((e) => String(e.type).endsWith('StateEntered')).length;
  const s3 = {
    put: s3Counts.put - s3Base.put + api.stats.s3Uploads,
    get: s3Counts.get - s3Base.get,
    other: s3Counts.other - s3Base.other,
  };

  // The designated alliances, from the table scan below (status on the alliance item).
  const raw = new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: 'us-east-1' });
  let items = 0;
  let bytes = 0;
  let largest = 0;
  let largestKey = '';
  let designated = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await raw.send(
      new ScanCommand({ TableName: localNames.table, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) {
      const size = itemSize(item);
      items++;
      bytes += size;
      if (size > largest) {
        largest = size;
        largestKey = `${item.pk?.S} / ${item.sk?.S}`;
      }
      if (item.sk?.S === 'ALLIANCE' && item.status?.S === 'designated') designated++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  raw.destroy();
  // The scan above ran after the final snapshot: it is not in the counts.

  const apiRequests = api.stats.apiRequests;
  const cost = {
    dynamoRead: (totalCap.read / 1e6) * PRICES.dynamoReadPerMillion,
    dynamoWrite: (totalCap.write / 1e6) * PRICES.dynamoWritePerMillion,
    stepFunctions: (transitions / 1000) * PRICES.sfnPerThousandTransitions,
    lambdaRequests: (invocations / 1e6) * PRICES.lambdaPerMillionRequests,
    lambdaCompute: gbSeconds * PRICES.lambdaPerGbSecondArm,
    apiGateway: (apiRequests / 1e6) * PRICES.apiPerMillionRequests,
    s3: (s3.put / 1000) * PRICES.s3PutPerThousand + (s3.get / 1000) * PRICES.s3GetPerThousand,
  };
  const total = Object.values(cost).reduce((a, b) => a + b, 0);
  const round6 = (x: number) => Number(x.toFixed(6));
  const costTotal = Object.fromEntries(
    [...Object.entries(cost), ['total', total]].map(([k, v]) => [k, round6(v as number)]),
  );
  const per1000 = Object.fromEntries(
    [...Object.entries(cost), ['total', total]].map(([k, v]) => [
      k,
      round6(((v as number) / submittedIds.length) * 1000),
    ]),
  );
  if (totalCap.byOperation.TransactWriteItems)
    notes.push(
      'TransactWriteItems: DynamoDB Local sums the items of a transaction before rounding (two 100-byte items → 2 WCU; AWS bills 2 per item, 4); counted as max(reported, 2 × items).',
    );
  const failedOps = Object.entries(totalCap.byOperation).filter(([, o]) => o.failed);
  if (failedOps.length)
    notes.push(
      `Failed conditional writes (no capacity reported locally) counted at the AWS minimum: ${failedOps.map(([op, o]) => `${op} ×${o.failed}`).join(', ')}.`,
    );
  notes.push(
    'Lambda GB-s: measured in-process handler durations (against DynamoDB Local, on one machine, with the other handlers running concurrently) × each function’s configured memory; an upper-side estimate of what Lambda would bill.',
  );

  return {
    n,
    date: new Date().toISOString(),
    commit: commitOf(),
    node: process.version,
    concurrency,
    round: {
      alliances: n,
      submitted: submittedIds.length,
      enterprises: enterpriseCount,
      societies: societyCount,
      reviewers: reviewerCount,
      reviews: reviewLatency.length,
      passedScreening: passed,
      selected,
      designated,
    },
    stages,
    totals: {
      ms: Math.round(Object.values(stages).reduce((a, s) => a + s.ms, 0)),
      apiRequests,
      dynamo: {
        read: totalCap.read,
        write: totalCap.write,
        reportedRead: totalCap.reportedRead,
        reportedWrite: totalCap.reportedWrite,
        calls: totalCap.calls,
      },
      dynamoByOperation: totalCap.byOperation,
      lambda: { invocations, gbSeconds: Number(gbSeconds.toFixed(3)), byFunction: lambdaByFunction },
      s3,
      sfnStateTransitions: transitions,
      sfnHistoryEvents: events.length,
    },
    table: { items, bytes, largestItemBytes: largest, largestItemKey: largestKey },
    costUsd: { total: costTotal, per1000Applications: per1000 },
    notes,
  };
}

// --- BENCHMARKS.md ---------------------------------------------------------------------------------------

const STAGE_LABELS: Record<string, string> = {
  setup: 'setup (round, organisations, reviewers)',
  submission: 'submission (draft, members, agreement, submit)',
  closeToScreeningGate: 'close → screening gate',
  screeningDecisions: 'screening decisions',
  assignment: 'assignment (→ review gate)',
  reviews: 'reviews',
  rankingSelection: 'ranking/selection (→ approval gate)',
  approval: 'approval (→ PublishNotice)',
  notice: 'notice (publish, period skipped, objections, 递补 check)',
  designation: 'designation (→ funded)',
};

const fmt = (x: number, digits = 1) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The per-stage table's header and one row per stage. */
function stageRows(stages: Record<string, StageFigures>, first: string): string[] {
  return [
    `| ${first} | wall s | per-call median ms (first/last tenth) | API req | RRU | WRU | λ invocations |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(stages).map(([name, s]) => {
      const per = s.perCall
        ? `${fmt(s.perCall.median)} (${fmt(s.perCall.firstTenthMedian ?? 0)} / ${fmt(s.perCall.lastTenthMedian ?? 0)})`
        : '';
      return `| ${STAGE_LABELS[name] ?? name} | ${fmt(s.ms / 1000, 2)} | ${per} | ${s.apiRequests} | ${fmt(s.dynamo.read)} | ${fmt(s.dynamo.write)} | ${s.lambda.invocations} |`;
    }),
  ];
}

/** The markdown section for one result. */
export function markdownSection(r: ScaleResult, label: string): string {
  const lines: string[] = [];
  lines.push(`### N = ${r.n} — ${label}`);
  lines.push('');
  lines.push(
    `${r.date.slice(0, 10)}, commit \`${r.commit}\`, Node ${r.node}, ${r.concurrency} requests in flight. ` +
      `${r.round.submitted} alliances submitted (${r.round.enterprises} enterprises, ${r.round.societies} societies), ` +
      `${r.round.passedScreening} passed screening, ${r.round.reviewers} reviewers, ${r.round.reviews} reviews, ` +
      `${r.round.selected} selected, ${r.round.designated} designated.`,
  );
  lines.push('');
  lines.push(...stageRows(r.stages, 'stage'));
  const t = r.totals;
  lines.push(
    `| **total** | **${fmt(t.ms / 1000, 2)}** | | **${t.apiRequests}** | **${fmt(t.dynamo.read)}** | **${fmt(t.dynamo.write)}** | **${t.lambda.invocations}** |`,
  );
  lines.push('');
  const perApp = (x: number) => fmt(x / r.round.submitted, 1);
  lines.push(
    `- DynamoDB: ${fmt(t.dynamo.read)} RRU and ${fmt(t.dynamo.write)} WRU (${perApp(t.dynamo.read)} / ${perApp(t.dynamo.write)} per application; DynamoDB Local reported ${fmt(t.dynamo.reportedRead)} / ${fmt(t.dynamo.reportedWrite)}) in ${t.dynamo.calls} calls.`,
  );
  const ops = Object.entries(t.dynamoByOperation)
    .sort((a, b) => b[1].read + b[1].write - (a[1].read + a[1].write))
    .map(([op, o]) => `${op} ${o.calls} calls, ${fmt(o.read)} R / ${fmt(o.write)} W`)
    .join('; ');
  lines.push(`  By operation: ${ops}.`);
  lines.push(
    `- Step Functions: ${t.sfnStateTransitions} state transitions (${t.sfnHistoryEvents} history events). Lambda: ${t.lambda.invocations} invocations, ${fmt(t.lambda.gbSeconds, 2)} GB-s. S3: ${t.s3.put} PUT/POST, ${t.s3.get} GET.`,
  );
  lines.push(
    `- Table at the end: ${r.table.items} items, ${fmt(r.table.bytes / 1024, 0)} KiB; largest item ${fmt(r.table.largestItemBytes / 1024, 1)} KiB (\`${r.table.largestItemKey}\`; DynamoDB's limit is 400 KB).`,
  );
  const c = r.costUsd.per1000Applications;
  lines.push(
    `- Estimated AWS cost per 1,000 applications: **$${c.total!.toFixed(4)}** — DynamoDB reads $${c.dynamoRead!.toFixed(4)}, writes $${c.dynamoWrite!.toFixed(4)}, Step Functions $${c.stepFunctions!.toFixed(4)}, Lambda requests $${c.lambdaRequests!.toFixed(4)} + compute $${c.lambdaCompute!.toFixed(4)}, API Gateway $${c.apiGateway!.toFixed(4)}, S3 $${c.s3!.toFixed(4)}.`,
  );
  for (const note of r.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}

/** The prices behind the cost figures, as a markdown list. */
export function pricesMarkdown(): string {
  return [
    `- DynamoDB on-demand: $${PRICES.dynamoReadPerMillion} per million read request units, $${PRICES.dynamoWritePerMillion} per million write request units (https://aws.amazon.com/dynamodb/pricing/on-demand/).`,
    `- Step Functions Standard: $${PRICES.sfnPerThousandTransitions} per 1,000 state transitions (https://aws.amazon.com/step-functions/pricing/).`,
    `- Lambda: $${PRICES.lambdaPerMillionRequests} per million requests, $${PRICES.lambdaPerGbSecondArm} per GB-second on arm64 (https://aws.amazon.com/lambda/pricing/).`,
    `- API Gateway HTTP API: $${PRICES.apiPerMillionRequests.toFixed(2)} per million requests (https://aws.amazon.com/api-gateway/pricing/).`,
    `- S3 Standard: $${PRICES.s3PutPerThousand} per 1,000 PUT/POST/LIST, $${PRICES.s3GetPerThousand} per 1,000 GET (https://aws.amazon.com/s3/pricing/).`,
    '',
    'us-east-1, on-demand, DynamoDB at its list prices before the halving of 1 Nov 2024 (`PRICES` in bench/scale.ts; BENCHMARKS.md also gives today’s). Free tiers are not subtracted.',
  ].join('\n');
}

export type ScaleRecord = ScaleResult | { n: number; failed: ScaleFailureRecord };
const isFailure = (r: ScaleRecord): r is { n: number; failed: ScaleFailureRecord } => 'failed' in r;

/**
 * One table over several sizes: a column per N, a row per figure (stage wall times, the median
 * latency of a screening decision and of a review, DynamoDB units in all and per 1,000
 * applications, state transitions, Lambda invocations, the largest item, the cost per 1,000
 * applications). A run that failed shows the stages it completed and where it stopped.
 */
export function summaryTable(records: ScaleRecord[]): string {
  const rs = [...records].sort(
    (a, b) =>
      a.n - b.n ||
      (isFailure(a) ? a.failed.date : a.date).localeCompare(isFailure(b) ? b.failed.date : b.date),
  );
  const stageNames = [
    ...new Set([
      ...Object.keys(STAGE_LABELS),
      ...rs.flatMap((r) => Object.keys(isFailure(r) ? r.failed.stages : r.stages)),
    ]),
  ];
  const rows: string[] = [];
  const row = (label: string, cell: (r: ScaleRecord) => string) =>
    rows.push(`| ${label} | ${rs.map((r) => cell(r) || '—').join(' | ')} |`);
  const dateOf = (r: ScaleRecord) => (isFailure(r) ? r.failed.date : r.date);
  const repeated = (r: ScaleRecord) => rs.filter((x) => x.n === r.n).length > 1;
  rows.push(
    `| | ${rs.map((r) => `N = ${r.n.toLocaleString('en-US')}${repeated(r) ? ` (run at ${dateOf(r).slice(11, 16)} UTC)` : ''}`).join(' | ')} |`,
  );
  rows.push(`|---|${rs.map(() => '---:').join('|')}|`);
  const stagesOf = (r: ScaleRecord) => (isFailure(r) ? r.failed.stages : r.stages);
  row('outcome', (r) =>
    isFailure(r)
      ? `**failed** in ${STAGE_LABELS[r.failed.failedStage]?.split(' (')[0] ?? r.failed.failedStage} after ${fmt(r.failed.msToFailure / 1000, 0)} s`
      : `funded: ${r.round.submitted} submitted, ${r.round.designated} designated`,
  );
  for (const name of stageNames) {
    if (!rs.some((r) => stagesOf(r)[name] || (isFailure(r) && r.failed.failedStage === name))) continue;
    row(`wall s: ${STAGE_LABELS[name] ?? name}`, (r) => {
      const s = stagesOf(r)[name];
      if (s) return fmt(s.ms / 1000, 1);
      return isFailure(r) && r.failed.failedStage === name ? '✖' : '';
    });
  }
  row('**wall s: total**', (r) => (isFailure(r) ? '' : `**${fmt(r.totals.ms / 1000, 1)}**`));
  const perCall = (name: string) => (r: ScaleRecord) => {
    const p = stagesOf(r)[name]?.perCall;
    return p
      ? `${fmt(p.median, 0)} (${fmt(p.firstTenthMedian ?? 0, 0)} / ${fmt(p.lastTenthMedian ?? 0, 0)})`
      : '';
  };
  row('submit, median ms per call (first / last tenth)', perCall('submission'));
  row('screening decision, median ms per call (first / last tenth)', perCall('screeningDecisions'));
  row('review, median ms per call (first / last tenth)', perCall('reviews'));
  const ok = (f: (r: ScaleResult) => string) => (r: ScaleRecord) => (isFailure(r) ? '' : f(r));
  const per1000 = (r: ScaleResult, x: number) => fmt((x / r.round.submitted) * 1000, 0);
  row(
    'DynamoDB RRU, total',
    ok((r) => fmt(r.totals.dynamo.read, 0)),
  );
  row(
    'DynamoDB WRU, total',
    ok((r) => fmt(r.totals.dynamo.write, 0)),
  );
  row(
    'RRU per 1,000 applications',
    ok((r) => per1000(r, r.totals.dynamo.read)),
  );
  row(
    'WRU per 1,000 applications',
    ok((r) => per1000(r, r.totals.dynamo.write)),
  );
  row(
    'Step Functions state transitions',
    ok((r) => String(r.totals.sfnStateTransitions)),
  );
  row(
    'Lambda invocations',
    ok((r) => r.totals.lambda.invocations.toLocaleString('en-US')),
  );
  row(
    'API requests',
    ok((r) => r.totals.apiRequests.toLocaleString('en-US')),
  );
  row(
    'largest item, KiB',
    ok(
      (r) =>
        `${fmt(r.table.largestItemBytes / 1024, 1)} (\`${r.table.largestItemKey.replace(/#[^ ]*/g, '#…')}\`)`,
    ),
  );
  row(
    '**cost per 1,000 applications, USD**',
    ok((r) => `**${r.costUsd.per1000Applications.total!.toFixed(4)}**`),
  );
  row(
    '  of which DynamoDB / Step Functions / Lambda / API GW / S3',
    ok((r) => {
      const c = r.costUsd.per1000Applications;
      return [
        c.dynamoRead! + c.dynamoWrite!,
        c.stepFunctions!,
        c.lambdaRequests! + c.lambdaCompute!,
        c.apiGateway!,
        c.s3!,
      ]
        .map((x) => x.toFixed(4))
        .join(' / ');
    }),
  );
  return rows.join('\n');
}

/** What a failed run measured: where it stopped, the error, and the stages it completed. */
export function failureSection(f: ScaleFailureRecord, label: string): string {
  const lines = [
    `### N = ${f.n} — ${label}: failed`,
    '',
    `${f.date.slice(0, 10)}, commit \`${f.commit}\`, Node ${f.node}, ${f.concurrency} requests in flight. ` +
      `Failed in **${STAGE_LABELS[f.failedStage] ?? f.failedStage}** after ${fmt(f.msToFailure / 1000, 1)} s` +
      `${f.progress ? ` (${f.progress})` : ''}:`,
    '',
    '```',
    ...(f.stackLog ?? []),
    f.error.length > 400 ? `${f.error.slice(0, 400)}…` : f.error,
    '```',
    '',
    ...stageRows(f.stages, 'completed stage'),
  ];
  lines.push('');
  return lines.join('\n');
}

/** The summary table, then each size in detail. */
export function scaleReport(records: ScaleRecord[], label: string): string {
  const rs = [...records].sort((a, b) => a.n - b.n);
  return [
    summaryTable(rs),
    '',
    ...rs.map((r) => (isFailure(r) ? failureSection(r.failed, label) : markdownSection(r, label))),
  ].join('\n');
}
