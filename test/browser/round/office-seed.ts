/**
 * Seeds, through the HTTP API of a local stack, submitted alliances in an open round (an enterprise
 * and a society of their own each, a verified agreement) and the reviewers' reviews; for the
 * programme office's browser test. Uses review-seed.ts's JSON client.
 */
import { samplePdf } from '../../../scripts/sample-pdf.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../../../shared/domain/uscc.ts';
import { client, type Mint } from './review-seed.ts';

const uid = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function newUscc(registration: string) {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `${registration}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

const contact = { name: '张伟', phone: '027-87654321', email: 'contact@example.cn' };

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One submitted alliance per spec, asking `funds` yuan of programme money; their ids in order. */
export async function seedAlliances(
  base: string,
  mint: Mint,
  roundId: string,
  specs: readonly { name: string; funds: number }[],
) {
  const call = client(base);
  const ids: string[] = [];
  for (const [i, spec] of specs.entries()) {
    const party = async (body: Record<string, unknown>) => {
      const token = await mint({ sub: uid('applicant'), roles: ['applicant'] });
      const org = await call<{ id: string }>('POST', '/v1/organisations', { token, body });
      return { token, org };
    };
    const e = await party({
      kind: 'enterprise',
      name: `武汉光谷激光科技有限公司 ${i + 1}${uid('e').slice(-4)}`,
      uscc: newUscc('91'),
      legalPerson: true,
      techSme: true,
      mainBusiness: { description: '激光器件研发与生产', techIntensive: true },
      employees: 120,
      rdStaff: 12,
      finances: {
        year: new Date().getUTCFullYear() - 1,
        operatingRevenue: 50_000_000,
        rdExpenditure: 2_500_000,
      },
      workplace: { provided: true, description: '实验室 300 平方米及测试设备' },
      stAssociation: 'established',
      contact,
    });
    const s = await party({
      kind: 'society',
      name: `武汉光学学会 ${i + 1}${uid('s').slice(-4)}`,
      uscc: newUscc('51'),
      societyType: 'city-affiliated',
      serviceRecords: [{ year: 2025, kind: 'academic-exchange', title: '光电子产业技术交流会' }],
      annualPlan: { year: new Date().getUTCFullYear(), includesTask: true, responsibleStaff: contact },
      experts: [{ name: '李教授', title: '教授', field: '激光物理' }],
      contact,
    });
    const created = await call<{ id: string }>('POST', '/v1/alliances', {
      token: e.token,
      body: {
        roundId,
        name: spec.name,
        summary: '面向激光加工装备的关键器件联合攻关',
        goals: '突破高功率光纤激光器关键器件的国产化',
        tasks: [{ title: '关键器件攻关', description: '泵浦源与合束器' }],
        guaranteeMeasures: '企业提供场地与设备，学会派出专家团队，按月例会',
        period: { start: '2027-01-01', end: '2028-12-31' },
        rightsSharing: '成果归企业所有，学会享有署名权与学术使用权',
        expertTeam: [{ name: '王研究员', title: '研究员', field: '光电子', organisationId: s.org.id }],
        workPlan: [
          { milestone: '方案设计', due: '2027-06-30' },
          { milestone: '样机验证', due: '2028-06-30' },
        ],
        indicators: [{ id: 'patents', name: '发明专利申请', target: 3, unit: '件' }],
        budgetLines: [
          {
            id: 'equipment',
            category: '设备费',
            amount: spec.funds * 2,
            enterpriseFunds: spec.funds,
            programmeFunds: spec.funds,
          },
        ],
        serviceTypes: [2, 4],
        sectors: ['optoelectronics'],
      },
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
    ids.push(id);
  }
  return ids;
}

/**
 * Each reviewer scores its assignments (every criterion `scoreOf(allianceId)`), except the ones
 * `skip` names (left out so that the office closes the reviews); returns how many were submitted.
 */
export async function seedReviews(
  base: string,
  mint: Mint,
  roundId: string,
  reviewerIds: readonly string[],
  scoreOf: (allianceId: string) => number,
  skip: (reviewerId: string, allianceId: string) => boolean = () => false,
) {
  const call = client(base);
  const admin = await mint({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
  // The admin's view of the assignments (who reviews what), then each reviewer's own review.
  const { items } = await call<{ items: { allianceId: string; reviewerId: string; status: string }[] }>(
    'GET',
    `/v1/rounds/${roundId}/assignments`,
    { token: admin },
  );
  let submitted = 0;
  for (const reviewerId of reviewerIds) {
    const token = await mint({ sub: reviewerId, username: reviewerId, roles: ['reviewer'] });
    for (const a of items.filter((x) => x.reviewerId === reviewerId && x.status === 'assigned')) {
      if (skip(reviewerId, a.allianceId)) continue;
      const v = scoreOf(a.allianceId);
      await call('PUT', `/v1/reviews/assignments/${roundId}/${a.allianceId}`, {
        token,
        body: {
          scores: { innovation: v, feasibility: v, impact: v },
          comment: '评审意见',
          recommendation: 'fund',
        },
      });
      submitted++;
    }
  }
  return submitted;
}
