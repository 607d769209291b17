/**
 * `npm run demo`: a realistic round on the local stack, start to finish, through the HTTP API.
 * 40 alliances of Wuhan enterprises and societies (some incomplete and refused at submission, some
 * flagged by the automatic screening and rejected), a 12-expert committee (some affiliated with
 * applicants, one declaring a late conflict, some lenient and some harsh), ranking with calibration,
 * selection within the budget, the public notice, two objections (one upheld), designation.
 * The notice period's wait is skipped with the local clock control. Prints progress and the outcome.
 *
 *   npm run demo                    starts its own local stack (temporary data, free ports)
 *   npm run demo -- --url http://127.0.0.1:3000   uses a running `npm start`
 */
import { parseArgs } from 'node:util';
import type { LocalStack } from '../local/stack.ts';
import {
  allianceContent,
  apiClient,
  enterpriseBody,
  roundBody,
  sectors,
  seededRandom,
  sleep,
  societyBody,
} from './round-kit.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, alliances: { type: 'string', default: '40' } },
});
const ALLIANCES = Number(values.alliances);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s`;
const say = (line: string) => console.log(`${elapsed()}  ${line}`);

let stack: LocalStack | undefined;
let api = values.url;
if (!api) {
  const { startLocalStack } = await import('../local/stack.ts');
  say('starting the local stack (DynamoDB Local, s3rver, Step Functions runner, API)…');
  stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0 }, schedules: false });
  api = stack.urls.api;
}
say(`API ${api}`);

// --- a deterministic pseudo-random source, so every demo run tells the same story -------------------
const { rand, pick } = seededRandom(20261126);
const { call, must, token, uploadAgreement, waitVerified } = apiClient(api);

const enterpriseStems = [
  '光谷激光',
  '长江生物',
  '楚天新材',
  '汉江智能',
  '东湖光电',
  '江城环保',
  '黄鹤新能源',
  '武昌精密',
  '汉阳数控',
  '洪山农科',
  '青山储能',
  '江夏医疗',
];
const societyStems = [
  '光学学会',
  '生物工程学会',
  '材料研究学会',
  '机械工程学会',
  '环境科学学会',
  '能源研究会',
  '农学会',
  '电子学会',
];
const now = Date.now();
const year = new Date().getUTCFullYear();

// --- the programme office opens the round ---------------------------------------------------------
const admin = await token('demo-admin', ['admin']);
const round = await must<{ id: string }>(
  'POST',
  '/v1/rounds',
  admin,
  roundBody({
    name: `${year}年度企会协作创新计划（演示）`,
    year,
    budget: 4_000_000,
    now,
    closesInDays: 1,
    reviewersPerAlliance: 3,
  }),
);
say(`round ${round.id}: budget ¥4,000,000, cap ¥300,000, 3 reviewers per alliance`);

// --- organisations -----------------------------------------------------------------------------------
type Org = { id: string; token: string; kind: 'enterprise' | 'society'; name: string };
async function organisation(kind: 'enterprise' | 'society', i: number): Promise<Org> {
  const sub = `demo-${kind}-${i}`;
  const t = await token(sub, ['applicant']);
  const name =
    kind === 'enterprise'
      ? `武汉${enterpriseStems[i % enterpriseStems.length]}${i >= 12 ? i : ''}科技有限公司`
      : `武汉市${societyStems[i % societyStems.length]}${i >= 8 ? `（第${i}分会）` : ''}`;
  const body = kind === 'enterprise' ? enterpriseBody(name, year, rand, pick) : societyBody(name, year, pick);
  const created = await must<{ id: string }>('POST', '/v1/organisations', t, body);
  return { id: created.id, token: t, kind, name };
}
const enterprises = await Promise.all(Array.from({ length: 24 }, (_, i) => organisation('enterprise', i)));
const societies = await Promise.all(Array.from({ length: 16 }, (_, i) => organisation('society', i)));
say(
  `${enterprises.length} enterprises and ${societies.length} societies registered (USCC check characters verified)`,
);

// --- alliances -------------------------------------------------------------------------------------------
interface Built {
  id: string;
  name: string;
  lead: Org;
  members: Org[];
  outcome: 'submitted' | 'refused';
  refusal?: string;
}
const built: Built[] = [];
const incomplete = new Set([5, 17, 29, 38]);
for (let i = 0; i < ALLIANCES; i++) {
  const big = i % 7 === 0; // several enterprises and several societies (§3.3 preferred)
  const lead = enterprises[i % enterprises.length]!;
  const members = [lead, societies[i % societies.length]!];
  if (big) members.push(enterprises[(i + 5) % enterprises.length]!, societies[(i + 3) % societies.length]!);
  const sector = sectors[i % sectors.length]!;
  const requested = 120_000 + Math.floor(rand() * 18) * 10_000;
  const name = `${sector.name}${['关键技术', '协同创新', '工艺升级', '人才培养'][i % 4]}联盟 ${String(i + 1).padStart(2, '0')}`;
  const content = incomplete.has(i)
    ? { summary: '（草稿未完成）' }
    : allianceContent({
        leadName: lead.name,
        sector,
        ...(big ? { extraSectors: [sectors[(i + 1) % sectors.length]!.id] } : {}),
        societyIds: members.filter((m) => m.kind === 'society').map((m) => m.id),
        requested,
        year,
        i,
      });
  const created = await must<{ id: string }>('POST', '/v1/alliances', lead.token, {
    roundId: round.id,
    name,
    ...content,
  });
  for (const m of members.slice(1)) {
    await must('POST', `/v1/alliances/${created.id}/members`, lead.token, { organisationId: m.id });
    await must('POST', `/v1/alliances/${created.id}/members/${m.id}/confirm`, m.token);
  }
  await uploadAgreement(created.id, lead.token);
  await waitVerified(created.id, lead.token);
  const version = (await must<{ version: number }>('GET', `/v1/alliances/${created.id}`, lead.token)).version;
  const submitted = await call<{ error?: { details: { code: string }[] } }>(
    'POST',
    `/v1/alliances/${created.id}/submit`,
    lead.token,
    { version },
  );
  built.push({
    id: created.id,
    name,
    lead,
    members,
    outcome: submitted.status === 200 ? 'submitted' : 'refused',
    ...(submitted.status === 200
      ? {}
      : { refusal: [...new Set(submitted.body.error?.details.map((d) => d.code))].join(', ') }),
  });
  if ((i + 1) % 10 === 0) say(`${i + 1} alliances built…`);
}
const submitted = built.filter((b) => b.outcome === 'submitted');
say(
  `${submitted.length} submitted; ${built.length - submitted.length} refused at submission (rules: ${[...new Set(built.filter((b) => b.refusal).map((b) => b.refusal))].join('; ')})`,
);

// After submitting, three lead enterprises report a new financial year: R&D spending fell below 5 %.
const flagged = [submitted[2]!, submitted[11]!, submitted[23]!];
for (const b of flagged) {
  const profile = await must<Record<string, unknown>>('GET', `/v1/organisations/${b.lead.id}`, b.lead.token);
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = profile;
  await must('PUT', `/v1/organisations/${b.lead.id}`, b.lead.token, {
    ...rest,
    finances: { year, operatingRevenue: 50_000_000, rdExpenditure: 1_500_000 },
  });
}

// --- the expert committee ----------------------------------------------------------------------------------
const reviewers = Array.from({ length: 12 }, (_, i) => ({
  id: `demo-reviewer-${i + 1}`,
  name: `评审专家${i + 1}`,
  expertise: [sectors[i % sectors.length]!.id, sectors[(i + 3) % sectors.length]!.id],
  affiliations: i < 3 ? [enterprises[i * 2]!.id] : [],
  conflicts: i === 5 ? [societies[1]!.id] : [],
  bias: i % 4 === 0 ? 1.5 : i % 4 === 1 ? -1.5 : 0, // lenient, harsh, neutral
}));
for (const r of reviewers) {
  await must('PUT', `/v1/rounds/${round.id}/reviewers/${r.id}`, admin, {
    reviewerId: r.id,
    name: r.name,
    expertise: r.expertise,
    affiliations: r.affiliations,
    conflicts: r.conflicts,
  });
}
say(
  '12 reviewers registered (3 affiliated with applicant enterprises, 1 declared conflict; 3 lenient, 3 harsh)',
);

// --- close and run the pipeline ----------------------------------------------------------------------------
await must('POST', `/v1/rounds/${round.id}/close`, admin, { reason: '申报截止（演示）' });
let lastStage = '';
interface PipelineView {
  stage: string;
  status: string;
  waitingOn?: string;
  history: unknown[];
}
async function waitFor(stage: string, ready: (s: PipelineView) => boolean = (s) => Boolean(s.waitingOn)) {
  for (;;) {
    const s = await must<PipelineView>('GET', `/v1/rounds/${round.id}/pipeline`, admin);
    if (s.stage !== lastStage) {
      lastStage = s.stage;
      say(`⛓  pipeline: ${s.stage}${s.waitingOn ? ` — waiting on ${s.waitingOn}` : ''}`);
    }
    if (s.status === 'FAILED') throw new Error(`pipeline failed: ${JSON.stringify(s.history.at(-1))}`);
    if (s.stage === stage && ready(s)) return s;
    await sleep(100);
  }
}

await waitFor('screening');
const screening = await must<{
  items: { allianceId: string; findings: { eligible: boolean; failing: string[] } }[];
}>('GET', `/v1/rounds/${round.id}/screening`, admin);
for (const item of screening.items) {
  const ok = item.findings.eligible;
  await must('POST', `/v1/rounds/${round.id}/screening/${item.allianceId}`, admin, {
    outcome: ok ? 'pass' : 'reject',
    reason: ok
      ? '符合申报条件'
      : `自动审查未通过：${item.findings.failing.join('、')}（研发经费占营业收入比例低于5%）`,
  });
}
say(
  `screening: ${screening.items.filter((i) => i.findings.eligible).length} passed, ${screening.items.filter((i) => !i.findings.eligible).length} rejected with reasons`,
);

await waitFor('review');
const tokens = Object.fromEntries(
  await Promise.all(reviewers.map(async (r) => [r.id, await token(r.id, ['reviewer'])] as const)),
);
const quality = new Map(submitted.map((b) => [b.id, 4 + rand() * 5]));
let late = false;
for (const r of reviewers) {
  const mine = await must<{ items: { roundId: string; allianceId: string }[] }>(
    'GET',
    '/v1/reviews/assignments',
    tokens[r.id],
  );
  for (const a of mine.items) {
    if (!late && r.id === 'demo-reviewer-7') {
      late = true;
      const res = await must<{ replacedBy: string[] }>(
        'POST',
        `/v1/reviews/assignments/${a.roundId}/${a.allianceId}/conflict`,
        tokens[r.id],
        { reason: '与该联盟牵头企业有合作关系' },
      );
      say(
        `${r.name} declared a conflict on one alliance: replaced by ${res.replacedBy.join(', ') || 'nobody (shortfall recorded)'}`,
      );
      continue;
    }
    const q = quality.get(a.allianceId) ?? 6;
    const score = (d: number) => Math.max(0, Math.min(10, Math.round(q + r.bias + d + (rand() - 0.5) * 2)));
    await must('PUT', `/v1/reviews/assignments/${a.roundId}/${a.allianceId}`, tokens[r.id], {
      scores: {
        innovation: score(0.5),
        feasibility: score(0),
        'enterprise-role': score(0),
        impact: score(-0.5),
      },
      comment: '方案合理，企业主体作用明显。',
      recommendation: q > 6 ? 'fund' : 'fund-if-budget',
    });
  }
}
// The replacement reviewers' new assignments.
for (let pass = 0; pass < 2; pass++) {
  for (const r of reviewers) {
    const mine = await must<{ items: { roundId: string; allianceId: string; reviewed: boolean }[] }>(
      'GET',
      '/v1/reviews/assignments',
      tokens[r.id],
    );
    for (const a of mine.items.filter((x) => !x.reviewed)) {
      const q = quality.get(a.allianceId) ?? 6;
      const score = Math.max(0, Math.min(10, Math.round(q + r.bias)));
      await call('PUT', `/v1/reviews/assignments/${a.roundId}/${a.allianceId}`, tokens[r.id], {
        scores: { innovation: score, feasibility: score, 'enterprise-role': score, impact: score },
        comment: '同意。',
        recommendation: 'fund',
      });
    }
  }
}
say('all reviews in');

await waitFor('selection');
/** One row of GET /v1/rounds/{id}/ranking (paged): the alliance's ranking entry and proposed outcome. */
interface RankingRow {
  allianceId: string;
  rank: number;
  ranking: { rawMean: number; calibratedMean: number; bonus: number; finalScore: number };
  proposed: { award: number; funded: boolean; reason: { zh: string; en: string } };
}
interface RankingPage {
  result: { totalAwarded: number; funded: number };
  items: RankingRow[];
  nextCursor?: string;
}
const rankingRows: RankingRow[] = [];
let rankingHeader: RankingPage | undefined;
for (let cursor: string | undefined, first = true; first || cursor; first = false) {
  const page: RankingPage = await must<RankingPage>(
    'GET',
    `/v1/rounds/${round.id}/ranking?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    admin,
  );
  rankingHeader ??= page;
  rankingRows.push(...page.items);
  cursor = page.nextCursor;
}
rankingRows.sort((x, y) => x.rank - y.rank);
const ranking = {
  result: {
    totalAwarded: rankingHeader!.result.totalAwarded,
    rows: rankingRows.map((r) => ({ allianceId: r.allianceId, rank: r.rank, ...r.proposed })),
  },
  ranking: rankingRows.map((r) => ({ allianceId: r.allianceId, ...r.ranking })),
};
await must('POST', `/v1/rounds/${round.id}/selection/approve`, admin, { note: '按排名在年度预算内择优支持' });
say(
  `selection approved: ${ranking.result.rows.filter((r) => r.funded).length} funded, ¥${ranking.result.totalAwarded.toLocaleString('en-US')} of ¥4,000,000`,
);

await waitFor('public-notice');
say(`public notice: ${api}/v1/public/rounds/${round.id}/notice.html`);
const funded: string[] = ranking.result.rows.filter((r) => r.funded).map((r) => r.allianceId);
const o1 = await must<{ id: string }>('POST', `/v1/public/rounds/${round.id}/objections`, undefined, {
  allianceId: funded[1],
  name: '市民张某',
  contact: 'zhang@example.cn',
  text: '该联盟牵头企业的研发人员数据与实际不符。',
});
const o2 = await must<{ id: string }>('POST', `/v1/public/rounds/${round.id}/objections`, undefined, {
  allianceId: funded[4],
  name: '李某',
  contact: '13800000000',
  text: '该项目与其他项目内容相近。',
});
say('two objections filed; the notice period passes (local clock control skips the wait)');
await must('POST', '/local/executions/skip-waits');
await waitFor('objections');
await must('POST', `/v1/rounds/${round.id}/objections/${o1.id}/resolve`, admin, {
  outcome: 'upheld',
  reason: '经核实，研发人员数据不实，取消支持',
});
await must('POST', `/v1/rounds/${round.id}/objections/${o2.id}/resolve`, admin, {
  outcome: 'dismissed',
  reason: '经核查，研究内容不重复',
});
say('objections resolved: one upheld (that alliance is dropped), one dismissed');
const updated = await must<{
  totalAward: number;
  entries: { name: string; withdrawn?: { ground: string } }[];
}>('GET', `/v1/public/rounds/${round.id}/notice`, undefined);
for (const e of updated.entries.filter((x) => x.withdrawn))
  say(`notice updated: ${e.name} 已撤销（${e.withdrawn!.ground}）`);
say(
  `notice total now ¥${updated.totalAward.toLocaleString('en-US')} for ${updated.entries.filter((x) => !x.withdrawn).length} alliances (withdrawn ones are shown, not counted)`,
);

const names0 = new Map(built.map((b) => [b.id, b.name]));
// 递补: the upheld objection freed its award; the office previews the fill under the round's policy
// and fills it; the additions get a supplementary notice (补充公示) with its own period.
await waitFor('supplement');
const proposal = await must<{
  freed: number;
  available: number;
  additions: { allianceId: string; award: number }[];
  summary: { zh: string };
}>('GET', `/v1/rounds/${round.id}/supplement`, admin);
say(`递补 preview: ${proposal.summary.zh}`);
const supplement = await must<{ additions: { allianceId: string; award: number }[]; noticeEndsAt?: string }>(
  'POST',
  `/v1/rounds/${round.id}/supplement`,
  admin,
  { decision: 'fill', reason: '异议成立释放的经费按排名递补' },
);
for (const a of supplement.additions)
  say(
    `递补: ${names0.get(a.allianceId) ?? a.allianceId} ¥${a.award.toLocaleString('en-US')} — supplementary notice until ${supplement.noticeEndsAt}`,
  );
// The Wait starts once the pipeline has taken the decision in: skip it when it is there.
for (let skipped = 0; skipped === 0; await sleep(100)) {
  skipped = (await must<{ skipped: number }>('POST', '/local/executions/skip-waits')).skipped;
}
say('the supplementary notice period passes (local clock control skips the wait)');

const final = await waitFor('implementation', (s) => s.status === 'SUCCEEDED');
void final;

// --- the outcome --------------------------------------------------------------------------------------------
const rows = ranking.result.rows;
const scores = new Map(ranking.ranking.map((r) => [r.allianceId, r]));
const names = new Map(built.map((b) => [b.id, b.name]));
/** Pads to a display width, counting CJK characters as two columns. */
const pad = (text: string, width: number) => {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out + ' '.repeat(width - used);
};
const withdrawnGround = new Map(
  (
    await must<{ entries: { allianceId: string; withdrawn?: { ground: string } }[] }>(
      'GET',
      `/v1/public/rounds/${round.id}/notice`,
      undefined,
    )
  ).entries.flatMap((e) =>
    e.withdrawn ? [[e.allianceId, `objection upheld — ${e.withdrawn.ground}`] as const] : [],
  ),
);
const statusOf = async (id: string) =>
  (await must<{ status: string }>('GET', `/v1/alliances/${id}`, admin)).status;
console.log(`\n 排名  ${pad('联盟 alliance', 32)}  原始   校准   加分   最终    资助金额  结果 outcome`);
const supplemented = new Set(supplement.additions.map((x) => x.allianceId));
let designatedCount = 0;
let awarded = 0;
for (const row of rows) {
  const s = scores.get(row.allianceId);
  const num = (x: number | null | undefined) =>
    (x === null || x === undefined ? '—' : x.toFixed(1)).padStart(5);
  const status = await statusOf(row.allianceId);
  const designated = status === 'designated';
  if (designated) {
    designatedCount++;
    awarded += row.award;
  }
  const why =
    status === 'dropped'
      ? `: ${withdrawnGround.get(row.allianceId) ?? ''}`
      : supplemented.has(row.allianceId)
        ? ': 递补 (supplement) — 补充公示无异议'
        : row.funded
          ? ''
          : `: ${row.reason.zh}`;
  console.log(
    ` ${String(row.rank).padStart(4)}  ${pad(names.get(row.allianceId) ?? row.allianceId, 32)}  ${num(s?.rawMean)}  ${num(s?.calibratedMean)}  ${num(s?.bonus)}  ${num(s?.finalScore)}  ${designated ? `¥${row.award.toLocaleString('en-US')}`.padStart(9) : '        —'}  ${status}${why}`,
  );
}
console.log(
  ` 合计 total: ${designatedCount} 个联盟获资助 alliances funded, ¥${awarded.toLocaleString('en-US')} of the ¥4,000,000 budget (¥${(4_000_000 - awarded).toLocaleString('en-US')} left)`,
);
for (const b of built.filter((x) => !rows.some((r) => r.allianceId === x.id))) {
  console.log(
    `    —  ${pad(b.name, 32)}  ${b.outcome === 'refused' ? `refused at submission (${b.refusal})` : await statusOf(b.id)}`,
  );
}
say(`done: round ${round.id} funded. Audit trail of any alliance: GET ${api}/v1/alliances/<id>/history`);
if (stack) await stack.stop();
process.exit(0);
