/**
 * Seeds, through the HTTP API of a local stack, a round that has reached its review stage: two
 * enterprises and two societies, alliances submitted with verified agreements, reviewers
 * registered, the round closed, every alliance passed at screening, and the assignments made.
 * (The integration fixtures do the same against the shared stack; these take the stack's URL.)
 */
import { samplePdf } from '../../../scripts/sample-pdf.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../../../shared/domain/uscc.ts';

type Role = 'applicant' | 'admin' | 'reviewer';
export type Mint = (user: { sub: string; username?: string; roles: Role[] }) => Promise<string>;

const uid = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function newUscc(registration: string) {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `${registration}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

/** A JSON client of the stack at `base`: the parsed body, or an error naming the call and status. */
export function client(base: string) {
  return async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; expect?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await res.text();
    const wanted = options.expect ?? (method === 'POST' ? [200, 201, 202] : [200]);
    if (!(Array.isArray(wanted) ? wanted : [wanted]).includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

const contact = { name: '张伟', phone: '027-87654321', email: 'contact@example.cn' };

const enterprise = (name: string) => ({
  kind: 'enterprise',
  name,
  uscc: newUscc('91'),
  legalPerson: true,
  techSme: true,
  mainBusiness: { description: '激光器件研发与生产', techIntensive: true },
  employees: 120,
  rdStaff: 12,
  finances: { year: new Date().getUTCFullYear() - 1, operatingRevenue: 50_000_000, rdExpenditure: 2_500_000 },
  workplace: { provided: true, description: '实验室 300 平方米及测试设备' },
  stAssociation: 'established',
  contact,
});

const society = (name: string) => ({
  kind: 'society',
  name,
  uscc: newUscc('51'),
  societyType: 'city-affiliated',
  serviceRecords: [{ year: 2025, kind: 'academic-exchange', title: '光电子产业技术交流会' }],
  annualPlan: { year: new Date().getUTCFullYear(), includesTask: true, responsibleStaff: contact },
  experts: [{ name: '李教授', title: '教授', field: '激光物理' }],
  contact,
});

const content = (societyId: string) => ({
  summary: '面向激光加工装备的关键器件联合攻关',
  goals: '突破高功率光纤激光器关键器件的国产化',
  tasks: [
    { title: '关键器件攻关', description: '泵浦源与合束器' },
    { title: '工艺验证', description: '在企业产线完成小批量验证' },
  ],
  guaranteeMeasures: '企业提供场地与设备，学会派出专家团队，按月例会',
  period: { start: '2027-01-01', end: '2028-12-31' },
  rightsSharing: '成果归企业所有，学会享有署名权与学术使用权',
  expertTeam: [{ name: '王研究员', title: '研究员', field: '光电子', organisationId: societyId }],
  workPlan: [
    { milestone: '方案设计', due: '2027-06-30' },
    { milestone: '样机验证', due: '2028-06-30', deliverable: '样机及测试报告' },
  ],
  indicators: [{ id: 'patents', name: '发明专利申请', target: 3, unit: '件' }],
  budgetLines: [
    {
      id: 'equipment',
      category: '设备费',
      amount: 400_000,
      enterpriseFunds: 300_000,
      programmeFunds: 100_000,
    },
    {
      id: 'experts',
      category: '专家咨询费',
      amount: 200_000,
      enterpriseFunds: 100_000,
      programmeFunds: 100_000,
    },
  ],
  serviceTypes: [2, 4],
  sectors: ['optoelectronics'],
});

export interface SeededReviewRound {
  roundId: string;
  roundName: string;
  alliances: { id: string; name: string }[];
  admin: string;
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A round at its review gate with one alliance per name (each an enterprise and a society of its
 * own), `reviewers` (subs, e.g. dev-reviewer) registered and assigned `reviewersPerAlliance` each.
 */
export async function seedReviewRound(
  base: string,
  mint: Mint,
  opts: { allianceNames: string[]; reviewers: string[]; reviewersPerAlliance: number; roundName?: string },
): Promise<SeededReviewRound> {
  const call = client(base);
  const admin = await mint({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
  const now = Date.now();
  const roundName =
    opts.roundName ?? `${new Date().getUTCFullYear()} 企会协作创新计划（评审测试 ${uid('r')}）`;
  const round = await call<{ id: string }>('POST', '/v1/rounds', {
    token: admin,
    body: {
      name: roundName,
      year: new Date().getUTCFullYear(),
      budget: 2_000_000,
      perAllianceCap: 300_000,
      applicationWindow: {
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      },
      reviewDeadline: new Date(now + 20 * 86_400_000).toISOString(),
      reviewersPerAlliance: opts.reviewersPerAlliance,
      rubric: [
        {
          id: 'innovation',
          name: '创新性',
          description: '技术路线与现有方案相比的先进程度',
          weight: 40,
          max: 10,
        },
        { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
        { id: 'impact', name: '预期成效', weight: 25, max: 5 },
      ],
      noticePeriodDays: 7,
      prioritySectors: [{ id: 'optoelectronics', name: '光电子', bonus: 2 }],
    },
  });
  const roundId = round.id;
  const alliances: { id: string; name: string }[] = [];
  for (const [i, name] of opts.allianceNames.entries()) {
    const party = async (body: Record<string, unknown>) => {
      const token = await mint({ sub: uid('applicant'), roles: ['applicant'] });
      const org = await call<{ id: string }>('POST', '/v1/organisations', { token, body });
      return { token, org };
    };
    const e = await party(enterprise(`武汉光谷激光科技有限公司 ${i + 1}${uid('e').slice(-4)}`));
    const s = await party(society(`武汉光学学会 ${i + 1}${uid('s').slice(-4)}`));
    const created = await call<{ id: string }>('POST', '/v1/alliances', {
      token: e.token,
      body: { roundId, name, ...content(s.org.id) },
    });
    const id = created.id;
    await call('POST', `/v1/alliances/${id}/members`, { token: e.token, body: { organisationId: s.org.id } });
    await call('POST', `/v1/alliances/${id}/members/${s.org.id}/confirm`, { token: s.token });
    const ticket = await call<{ upload: { url: string; fields: Record<string, string> } }>(
      'POST',
      `/v1/alliances/${id}/documents`,
      { token: e.token, body: { kind: 'agreement', fileName: '任务协议书.pdf' } },
    );
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
    form.append(
      'file',
      new Blob([new Uint8Array(samplePdf({ title: `Task agreement ${id}` }))], { type: 'application/pdf' }),
    );
    const uploaded = await fetch(ticket.upload.url, { method: 'POST', body: form });
    if (!uploaded.ok) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    await until('the agreement verified', async () => {
      const docs = await call<{ items: { status: string }[] }>('GET', `/v1/alliances/${id}/documents`, {
        token: e.token,
      });
      return docs.items[0]?.status === 'verified' ? true : undefined;
    });
    const { version } = await call<{ version: number }>('GET', `/v1/alliances/${id}`, { token: e.token });
    await call('POST', `/v1/alliances/${id}/submit`, { token: e.token, body: { version } });
    alliances.push({ id, name });
  }
  for (const [i, reviewerId] of opts.reviewers.entries()) {
    await call('PUT', `/v1/rounds/${roundId}/reviewers/${reviewerId}`, {
      token: admin,
      body: {
        reviewerId,
        name: `评审专家${i + 1}`,
        expertise: ['optoelectronics'],
        affiliations: [],
        conflicts: [],
      },
    });
  }
  const atGate = (stage: string) =>
    until(`the ${stage} gate`, async () => {
      const p = await call<{ stage?: string; waitingOn?: unknown; status?: string }>(
        'GET',
        `/v1/rounds/${roundId}/pipeline`,
        { token: admin },
      );
      if (p.status === 'FAILED') throw new Error(`pipeline failed: ${JSON.stringify(p)}`);
      return p.stage === stage && p.waitingOn ? p : undefined;
    });
  await call('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '申报截止' } });
  await atGate('screening');
  for (const a of alliances)
    await call('POST', `/v1/rounds/${roundId}/screening/${a.id}`, {
      token: admin,
      body: { outcome: 'pass', reason: '符合申报条件' },
    });
  await atGate('review');
  return { roundId, roundName, alliances, admin };
}
