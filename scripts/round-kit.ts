/**
 * Building blocks for driving a round through the HTTP API, shared by `npm run demo`
 * (scripts/demo.ts) and the scale benchmark (bench/scale.ts): a small API client that records
 * every call's latency, dev tokens from the local issuer, valid USCCs, organisation and alliance
 * bodies that pass the eligibility rules, the agreement upload (presigned POST), and a bounded
 * concurrency pool.
 */
import { USCC_ALPHABET, usccCheckCharacter } from '../shared/domain/uscc.ts';
import { samplePdf } from './sample-pdf.ts';

/** A deterministic pseudo-random source (LCG), so every run builds the same round. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return { rand, pick };
}

export interface ApiCallStats {
  /** Requests to the API (/v1/…): what API Gateway would bill. */
  apiRequests: number;
  /** Requests to the local stack's own routes (/local/…: tokens, clock control): not billed. */
  localRequests: number;
  /** Presigned POST uploads to S3. */
  s3Uploads: number;
  /** Latencies (ms) by label, for the calls that were given one. */
  samples: Map<string, number[]>;
}

export interface ApiClient {
  readonly base: string;
  readonly stats: ApiCallStats;
  call<T = unknown>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    label?: string,
  ): Promise<{ status: number; body: T; ms: number }>;
  must<T = unknown>(method: string, path: string, token?: string, body?: unknown, label?: string): Promise<T>;
  /** A dev token from the local issuer (POST /local/token), as Cognito would give after sign-in. */
  token(sub: string, roles: string[]): Promise<string>;
  /** Uploads a PDF agreement through the presigned POST the API hands out; returns the document id. */
  uploadAgreement(allianceId: string, token: string, pdf?: Buffer): Promise<void>;
  /** Polls the alliance's documents until the agreement is verified (by the S3-event verifier). */
  waitVerified(allianceId: string, token: string): Promise<void>;
}

/** The agreement every scripted alliance uploads: a real one-page PDF (the verifier parses it). */
const agreementPdf = samplePdf({ title: '任务协议书 (sample)' });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function apiClient(base: string): ApiClient {
  const stats: ApiCallStats = { apiRequests: 0, localRequests: 0, s3Uploads: 0, samples: new Map() };
  async function call<T = unknown>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    label?: string,
  ): Promise<{ status: number; body: T; ms: number }> {
    if (path.startsWith('/local/')) stats.localRequests++;
    else stats.apiRequests++;
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    if (label) {
      const list = stats.samples.get(label) ?? [];
      list.push(ms);
      stats.samples.set(label, list);
    }
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, ms };
  }
  async function must<T = unknown>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    label?: string,
  ): Promise<T> {
    const res = await call<T>(method, path, token, body, label);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function token(sub: string, roles: string[]) {
    return (await must<{ token: string }>('POST', '/local/token', undefined, { sub, username: sub, roles }))
      .token;
  }
  async function uploadAgreement(allianceId: string, t: string, pdf: Buffer = agreementPdf) {
    const ticket = await must<{ upload: { url: string; fields: Record<string, string> } }>(
      'POST',
      `/v1/alliances/${allianceId}/documents`,
      t,
      { kind: 'agreement' },
      'documents.ticket',
    );
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), '任务协议书.pdf');
    stats.s3Uploads++;
    const res = await fetch(ticket.upload.url, { method: 'POST', body: form });
    await res.arrayBuffer();
    if (res.status >= 300) throw new Error(`agreement upload → ${res.status}`);
  }
  async function waitVerified(allianceId: string, t: string) {
    for (let i = 0; i < 400; i++) {
      const docs = await must<{ items: { status: string }[] }>(
        'GET',
        `/v1/alliances/${allianceId}/documents`,
        t,
        undefined,
        'documents.list',
      );
      if (docs.items.some((d) => d.status === 'verified')) return;
      await sleep(50);
    }
    throw new Error(`agreement of ${allianceId} not verified`);
  }
  return { base, stats, call, must, token, uploadAgreement, waitVerified };
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A valid unified social credit code (统一社会信用代码) with its check character, in Wuhan (420100). */
export function uscc(registration: '91' | '51', pick: <T>(list: readonly T[]) => T): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += pick(USCC_ALPHABET.split(''));
  const first17 = `${registration}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

export const sectors = [
  { id: 'optoelectronics', name: '光电子', bonus: 2 },
  { id: 'biomedicine', name: '生物医药与健康', bonus: 2 },
  { id: 'new-materials', name: '新材料', bonus: 1.5 },
  { id: 'opto-mechatronics', name: '光机电一体化', bonus: 1.5 },
  { id: 'environment', name: '资源与环境', bonus: 1 },
  { id: 'new-energy', name: '新能源与高效节能', bonus: 1 },
  { id: 'high-tech-services', name: '高技术服务业', bonus: 1 },
  { id: 'agriculture', name: '农业与农村', bonus: 1 },
] as const;

export const contact = { name: '联系人', phone: '027-87000000' };

/** An enterprise profile meeting E1–E6 (R&D staff ≥ 10 %, R&D spending ≥ 5 % of revenue). */
export function enterpriseBody(
  name: string,
  year: number,
  rand: () => number,
  pick: <T>(l: readonly T[]) => T,
) {
  const employees = 80 + Math.floor(rand() * 400);
  const operatingRevenue = 20_000_000 + Math.floor(rand() * 80_000_000);
  return {
    kind: 'enterprise' as const,
    name,
    uscc: uscc('91', pick),
    legalPerson: true,
    techSme: true,
    mainBusiness: { description: '技术密集型产品研发与生产', techIntensive: true },
    employees,
    rdStaff: Math.ceil(employees * (0.1 + rand() * 0.2)),
    finances: {
      year: year - 1,
      operatingRevenue,
      rdExpenditure: Math.ceil(operatingRevenue * (0.05 + rand() * 0.05)),
    },
    workplace: { provided: true },
    stAssociation: pick(['established', 'in-preparation'] as const),
    contact,
  };
}

/** A society profile meeting S1–S4. */
export function societyBody(name: string, year: number, pick: <T>(l: readonly T[]) => T) {
  return {
    kind: 'society' as const,
    name,
    uscc: uscc('51', pick),
    societyType: pick(['city-affiliated', 'university-in-city'] as const),
    serviceRecords: [{ year: year - 1, kind: 'training', title: '企业技术骨干培训' }],
    annualPlan: { year, includesTask: true, responsibleStaff: contact },
    experts: [{ name: '专家', title: '教授', field: '工程' }],
    contact,
  };
}

/**
 * The content of a complete application (A2, A3): `requested` yuan of programme funds, the
 * enterprises contributing more than half of the budget (for requests up to ¥375,000).
 */
export function allianceContent(options: {
  leadName: string;
  sector: (typeof sectors)[number];
  extraSectors?: string[];
  societyIds: string[];
  requested: number;
  year: number;
  i: number;
}) {
  const { leadName, sector, requested, year, i } = options;
  return {
    summary: `${leadName}牵头的${sector.name}领域协作项目`,
    goals: `解决${sector.name}领域企业面临的关键技术难题`,
    tasks: [{ title: '联合攻关' }, { title: '人才培养' }],
    guaranteeMeasures: '企业提供场地设备，学会派出专家团队，每月例会',
    period: { start: `${year + 1}-01-01`, end: `${year + 2}-12-31` },
    rightsSharing: '成果归企业，学会享有署名与学术使用权，其余协商确定',
    expertTeam: options.societyIds.map((organisationId, k) => ({
      name: `专家${k + 1}`,
      title: '研究员',
      field: sector.name,
      organisationId,
    })),
    workPlan: [
      { milestone: '方案论证', due: `${year + 1}-06-30` },
      { milestone: '验收', due: `${year + 2}-12-01` },
    ],
    indicators: [{ id: 'patents', name: '发明专利申请', target: 2 + (i % 3), unit: '件' }],
    budgetLines: [
      {
        id: 'equipment',
        category: '设备费',
        amount: requested + 150_000,
        enterpriseFunds: 150_000 + Math.floor(requested * 0.2),
        programmeFunds: Math.floor(requested * 0.6),
      },
      {
        id: 'experts',
        category: '专家咨询费',
        amount: requested,
        enterpriseFunds: Math.floor(requested * 0.6),
        programmeFunds: requested - Math.floor(requested * 0.6),
      },
    ],
    serviceTypes: [((i % 7) + 1) as 1],
    sectors: [sector.id, ...(options.extraSectors ?? [])],
  };
}

/**
 * A round (POST /v1/rounds): the window opened a day ago and closing in `closesInDays`, reviews
 * due in 30 days, the four-criterion rubric, every sector a priority, the usual bonuses, rank order.
 */
export function roundBody(options: {
  name: string;
  year: number;
  budget: number;
  now: number;
  closesInDays: number;
  reviewersPerAlliance: number;
  perAllianceCap?: number;
}) {
  const { now } = options;
  const day = 86_400_000;
  return {
    name: options.name,
    year: options.year,
    budget: options.budget,
    perAllianceCap: options.perAllianceCap ?? 300_000,
    applicationWindow: {
      opensAt: new Date(now - day).toISOString(),
      closesAt: new Date(now + options.closesInDays * day).toISOString(),
    },
    reviewDeadline: new Date(now + 30 * day).toISOString(),
    reviewersPerAlliance: options.reviewersPerAlliance,
    rubric: [
      { id: 'innovation', name: '创新性', weight: 35, max: 10 },
      { id: 'feasibility', name: '可行性', weight: 30, max: 10 },
      { id: 'enterprise-role', name: '企业主体作用', weight: 20, max: 10 },
      { id: 'impact', name: '预期成效', weight: 15, max: 10 },
    ],
    noticePeriodDays: 7,
    prioritySectors: [...sectors],
    bonuses: { multipleEnterprisesAndSocieties: 2, crossSector: 1 },
    selectionPolicy: 'rank-order' as const,
  };
}
