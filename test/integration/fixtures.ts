/** Valid request bodies for integration tests: realistic, with a field or two overridden per case. */

import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { samplePdf } from '../../scripts/sample-pdf.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/domain/uscc.ts';
import { api, ddb, eventually, tableName, tokenFor, uid } from './client.ts';

/** A fresh, valid Unified Social Credit Code (registered in Wuhan, 420100). */
export function newUscc(registration = '91'): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `${registration}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

export const contact = { name: '张伟', phone: '027-87654321', email: 'contact@example.cn' };

export function enterpriseBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'enterprise',
    name: `武汉光谷激光科技有限公司 ${uid('e')}`,
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
    ...overrides,
  };
}

export function societyBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'society',
    name: `武汉光学学会 ${uid('s')}`,
    uscc: newUscc('51'),
    societyType: 'city-affiliated',
    serviceRecords: [{ year: 2025, kind: 'academic-exchange', title: '光电子产业技术交流会' }],
    annualPlan: { year: new Date().getUTCFullYear(), includesTask: true, responsibleStaff: contact },
    experts: [{ name: '李教授', title: '教授', field: '激光物理' }],
    contact,
    ...overrides,
  };
}

export function roundBody(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    name: `${new Date().getUTCFullYear()} 企会协作创新计划 ${uid('round')}`,
    year: new Date().getUTCFullYear(),
    budget: 2_000_000,
    perAllianceCap: 300_000,
    applicationWindow: {
      opensAt: new Date(now - 3_600_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    },
    reviewDeadline: new Date(now + 20 * 86_400_000).toISOString(),
    reviewersPerAlliance: 3,
    rubric: [
      { id: 'innovation', name: '创新性', weight: 40, max: 10 },
      { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
      { id: 'impact', name: '预期成效', weight: 25, max: 10 },
    ],
    noticePeriodDays: 7,
    prioritySectors: [{ id: 'optoelectronics', name: '光电子', bonus: 2 }],
    ...overrides,
  };
}

export function allianceContent(societyIds: string[]) {
  return {
    summary: '面向激光加工装备的关键器件联合攻关',
    goals: '突破高功率光纤激光器关键器件的国产化',
    tasks: [{ title: '关键器件攻关', description: '泵浦源与合束器' }],
    guaranteeMeasures: '企业提供场地与设备，学会派出专家团队，按月例会',
    period: { start: '2027-01-01', end: '2028-12-31' },
    rightsSharing: '成果归企业所有，学会享有署名权与学术使用权',
    expertTeam: societyIds.map((organisationId, i) => ({
      name: `专家${i + 1}`,
      title: '研究员',
      field: '光电子',
      organisationId,
    })),
    workPlan: [
      { milestone: '方案设计', due: '2027-06-30' },
      { milestone: '样机验证', due: '2028-06-30' },
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
      { id: 'experts', category: '专家咨询费', amount: 200_000, enterpriseFunds: 0, programmeFunds: 200_000 },
    ],
    serviceTypes: [2, 4],
    sectors: ['optoelectronics'],
  };
}

/** A user with the applicant role who has registered an organisation. */
export async function applicantWithOrg(body: Record<string, unknown>) {
  const token = await tokenFor(['applicant']);
  const res = await api('POST', '/v1/organisations', { token, body });
  if (res.status !== 201) throw new Error(`create organisation: ${res.status} ${res.text}`);
  return { token, org: res.body as { id: string; uscc: string; kind: string; version: number } };
}

export type Party = Awaited<ReturnType<typeof applicantWithOrg>>;

/** An alliance drafted by `lead` with `partner` invited and confirmed, through the API; its id. */
export async function allianceOfTwo(lead: Party, partner: Party, body: Record<string, unknown>) {
  const created = await api('POST', '/v1/alliances', { token: lead.token, body });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const invited = await api('POST', `/v1/alliances/${id}/members`, {
    token: lead.token,
    body: { organisationId: partner.org.id },
  });
  expect(invited.status, invited.text).toBe(201);
  const confirmed = await api('POST', `/v1/alliances/${id}/members/${partner.org.id}/confirm`, {
    token: partner.token,
  });
  expect(confirmed.status, confirmed.text).toBe(200);
  return id;
}

/** Sets an alliance's status to designated in DynamoDB Local, as designation does (tests seed the rest). */
export async function markDesignated(allianceId: string) {
  await ddb.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE' },
      UpdateExpression: 'SET #status = :designated',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':designated': 'designated' },
    }),
  );
}

/** Two enterprises and two societies, each registered by an applicant user of its own. */
export const twoEnterprisesTwoSocieties = () =>
  Promise.all([
    applicantWithOrg(enterpriseBody()),
    applicantWithOrg(enterpriseBody()),
    applicantWithOrg(societyBody()),
    applicantWithOrg(societyBody()),
  ]);

/** A reviewer of the round with no affiliations or declared conflicts. */
export async function registerReviewer(admin: string, roundId: string, reviewerId: string) {
  const res = await api('PUT', `/v1/rounds/${roundId}/reviewers/${reviewerId}`, {
    token: admin,
    body: { reviewerId, name: '专家', expertise: ['optoelectronics'], affiliations: [], conflicts: [] },
  });
  expect(res.status, res.text).toBe(200);
}

/** An admin passes every one of `allianceIds` at screening, with a reason. */
export async function passScreening(admin: string, roundId: string, allianceIds: readonly string[]) {
  for (const id of allianceIds) {
    const res = await api('POST', `/v1/rounds/${roundId}/screening/${id}`, {
      token: admin,
      body: { outcome: 'pass', reason: '符合申报条件' },
    });
    expect(res.status, res.text).toBe(200);
  }
}

/** A new open round created by `admin` (the default round body); its id. */
export const openRound = (admin: string) => openRoundWith(admin, {});

/** A new open round created by `admin` with `overrides` on the default round body; its id. */
export async function openRoundWith(admin: string, overrides: Record<string, unknown>): Promise<string> {
  const round = await api('POST', '/v1/rounds', { token: admin, body: roundBody(overrides) });
  expect(round.status, round.text).toBe(201);
  return round.body.id as string;
}

/**
 * A small real PDF (one page; scripts/sample-pdf.ts): the verifier parses what it is sent. A
 * `title` makes the bytes (and SHA-256) differ from another upload's.
 */
export const tinyPdf = (title?: string): Buffer => samplePdf(title === undefined ? {} : { title });

/** Uploads through a presigned POST ticket as a browser form would. */
export async function uploadWithTicket(
  ticket: { upload: { url: string; fields: Record<string, string> } },
  bytes: Buffer,
  contentType = 'application/pdf',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'upload.pdf');
  return fetch(ticket.upload.url, { method: 'POST', body: form });
}

/**
 * A submitted alliance of `lead` and `partner`: one budget line asking `programmeFunds`, a verified
 * agreement; `overrides` on its content (e.g. a cooperation period that has begun, for expenses).
 */
export async function submittedAlliance(
  roundId: string,
  lead: Party,
  partner: Party,
  name: string,
  programmeFunds: number,
  overrides: Record<string, unknown> = {},
) {
  const content = allianceContent([partner.org.id]);
  content.budgetLines = [
    {
      id: 'equipment',
      category: '设备费',
      amount: programmeFunds * 2,
      enterpriseFunds: programmeFunds,
      programmeFunds,
    },
  ];
  const created = await api('POST', '/v1/alliances', {
    token: lead.token,
    body: { roundId, name, ...content, ...overrides },
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  await api('POST', `/v1/alliances/${id}/members`, {
    token: lead.token,
    body: { organisationId: partner.org.id },
  });
  await api('POST', `/v1/alliances/${id}/members/${partner.org.id}/confirm`, { token: partner.token });
  const ticket = await api('POST', `/v1/alliances/${id}/documents`, {
    token: lead.token,
    body: { kind: 'agreement' },
  });
  await uploadWithTicket(ticket.body, tinyPdf());
  await eventually(async () => {
    const docs = await api('GET', `/v1/alliances/${id}/documents`, { token: lead.token });
    return docs.body.items[0]?.status === 'verified' ? true : undefined;
  }, 'agreement verified');
  const version = (await api('GET', `/v1/alliances/${id}`, { token: lead.token })).body.version;
  const submitted = await api('POST', `/v1/alliances/${id}/submit`, { token: lead.token, body: { version } });
  expect(submitted.status, submitted.text).toBe(200);
  return id;
}

/** A round's pipeline status, as an admin reads it. */
export const pipelineOf = async (admin: string, roundId: string) =>
  (await api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin })).body;

/** The pipeline waits on people at `stage` (a gate is open there). */
export const atGate = (stage: string) => (s: any) => s.stage === stage && Boolean(s.waitingOn);

/**
 * Waits until the round's pipeline status passes `test` and returns it. A pipeline that FAILED
 * (unless that is what `test` waits for) ends the wait with its failure; a timeout with the last
 * status seen.
 */
export async function waitForPipeline(
  admin: string,
  roundId: string,
  what: string,
  test: (status: any) => boolean,
  timeoutMs = 30_000,
): Promise<any> {
  let last: unknown;
  return eventually(
    async () => {
      const status = await pipelineOf(admin, roundId);
      last = status;
      if (test(status)) return status;
      if (status.status === 'FAILED') throw new Error(`pipeline failed: ${JSON.stringify(status.failure)}`);
      return undefined;
    },
    what,
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last status: ${JSON.stringify(last)}`);
  });
}

/**
 * A round (`overrides` on roundBody) with two alliances of one enterprise and one society each,
 * asking `funds` yuan, submitted with verified agreements, and one reviewer registered.
 */
export async function twoAllianceRound(
  admin: string,
  overrides: Record<string, unknown>,
  alliances: readonly [readonly [string, number], readonly [string, number]],
) {
  const roundId = await openRoundWith(admin, overrides);
  const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
  const a = await submittedAlliance(roundId, e1, s1, alliances[0][0], alliances[0][1]);
  const b = await submittedAlliance(roundId, e2, s2, alliances[1][0], alliances[1][1]);
  const reviewer = uid('rev');
  await registerReviewer(admin, roundId, reviewer);
  return { roundId, a, b, parties: { e1, e2, s1, s2 }, reviewer };
}

/** An admin closes the round, passes `allianceIds` at screening, and waits for the review gate. */
export async function closeAndScreen(
  admin: string,
  roundId: string,
  allianceIds: readonly string[],
  timeoutMs?: number,
) {
  const closed = await api('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '截止' } });
  expect(closed.status, closed.text).toBe(202);
  await waitForPipeline(admin, roundId, 'the screening gate', atGate('screening'), timeoutMs);
  await passScreening(admin, roundId, allianceIds);
  await waitForPipeline(admin, roundId, 'the review gate', atGate('review'), timeoutMs);
}

/** A reviewer's review of each alliance, every criterion scored the same; each must be stored. */
export async function reviewEach(
  reviewerToken: string,
  roundId: string,
  scores: readonly (readonly [string, number])[],
) {
  const responses = [];
  for (const [allianceId, score] of scores) {
    const res = await api('PUT', `/v1/reviews/assignments/${roundId}/${allianceId}`, {
      token: reviewerToken,
      body: {
        scores: { innovation: score, feasibility: score, impact: score },
        comment: '意见',
        recommendation: 'fund',
      },
    });
    expect(res.status, res.text).toBe(200);
    responses.push(res);
  }
  return responses;
}

/** A budget line of a seeded award. */
export interface SeededLine {
  lineId: string;
  category: string;
  allocation: number;
}

/**
 * Makes an alliance designated with an open dedicated account, seeding its status and AWARD item
 * in DynamoDB Local as designation writes them (shared/usecases/pipeline/stages/designation.ts).
 */
export async function seedAward(allianceId: string, roundId: string, lines: readonly SeededLine[]) {
  const amount = lines.reduce((sum, l) => sum + l.allocation, 0);
  await markDesignated(allianceId);
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ALLIANCE#${allianceId}`,
        sk: 'AWARD',
        type: 'award',
        roundId,
        allianceId,
        amount,
        requested: amount,
        rank: 1,
        lines: lines.map((l) => ({ ...l, spent: 0 })),
        designatedAt: new Date().toISOString(),
        ledger: { status: 'open', spent: 0 },
        balances: Object.fromEntries(lines.map((l) => [l.lineId, l.allocation])),
        balance: amount,
      },
    }),
  );
}
