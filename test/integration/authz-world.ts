/**
 * One small world for the authorization matrix and the fuzzing suite (authz-matrix.test.ts,
 * fuzz.test.ts), built through the API on the shared local stack: a round taken from close to
 * funded by the real pipeline (the fixtures of fixtures.ts, as withdraw-selected.test.ts drives
 * them), with one objection filed and dismissed on the way; two designated alliances, one with a
 * ledger (an expense reversed, another standing), an inspector registered and assigned to it by a
 * draw; an open round for drafts. Then a token for every kind of caller the matrix tells apart,
 * and a digest of the records the routes could touch (to show that a refused request changed nothing).
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { api, ddb, eventually, skipWaits, tableName, tokenFor, uid } from './client.ts';
import {
  atGate,
  closeAndScreen,
  openRound,
  openRoundWith,
  type Party,
  pipelineOf,
  registerReviewer,
  reviewEach,
  submittedAlliance,
  tinyPdf,
  twoEnterprisesTwoSocieties,
  uploadWithTicket,
  waitForPipeline,
} from './fixtures.ts';

/**
 * The callers the matrix tells apart: anonymous, one per role, and for the roles whose access
 * depends on a relationship, the related and the unrelated one — a member of the alliance (its lead
 * enterprise) and an outsider (an applicant of another alliance of the same round), the reviewer
 * assigned to it and one who is not, the inspector assigned to it and one who is not.
 */
export const principals = [
  'anonymous',
  'outsider',
  'reviewer',
  'assignedReviewer',
  'inspector',
  'assignedInspector',
  'office',
  'member',
  'admin',
] as const;
export type PrincipalName = (typeof principals)[number];

/** The role each named caller signs in with (anonymous has no token). */
export const roleOf = {
  outsider: 'applicant',
  member: 'applicant',
  reviewer: 'reviewer',
  assignedReviewer: 'reviewer',
  inspector: 'inspector',
  assignedInspector: 'inspector',
  office: 'inspection-office',
  admin: 'admin',
} as const satisfies Record<Exclude<PrincipalName, 'anonymous'>, string>;

export interface World {
  tokens: Record<Exclude<PrincipalName, 'anonymous'>, string>;
  /** The funded round and an open one (for new drafts). */
  roundId: string;
  openRoundId: string;
  /** The designated alliance every alliance route is called on; the outsider's (also designated). */
  allianceId: string;
  otherAllianceId: string;
  member: Party;
  outsider: Party;
  /** The member's partner society (a confirmed member too). */
  partner: Party;
  reviewerId: string;
  /** The inspector the world registered, and the one the draw assigned to the alliance (the same, unless another test file's inspector was less loaded). */
  registeredInspectorId: string;
  assignedInspectorId: string;
  drawId: string;
  inspectionId: string;
  objectionId: string;
  /** An expense already reversed, and a receipt backing a standing expense (so a second use is refused). */
  reversedEntryId: string;
  usedReceiptId: string;
  /** The standing expense (backed by usedReceiptId). */
  standingEntryId: string;
  /** A report deadline of the alliance: `<due>_<kind>`. */
  reportId: string;
  /** A notification to the member's organisation. */
  notificationId: string;
  /** The member's open need (free pairing); the partner society has a capability profile. */
  needId: string;
}

/** The calendar date in China `days` from today. */
export const chinaDate = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Uploads a receipt through a ticket and waits until it is verified; its document id. */
export async function verifiedReceipt(allianceId: string, token: string): Promise<string> {
  const ticket = await api('POST', `/v1/alliances/${allianceId}/documents`, {
    token,
    body: { kind: 'receipt', fileName: 'receipt.pdf' },
  });
  expect(ticket.status, ticket.text).toBe(201);
  // Distinct bytes per receipt (the title), so no two uploads share a SHA-256.
  expect((await uploadWithTicket(ticket.body, tinyPdf(uid('receipt')))).status).toBeLessThan(300);
  const id = ticket.body.document.id as string;
  await eventually(
    async () => {
      const docs = await api('GET', `/v1/alliances/${allianceId}/documents`, { token });
      const doc = docs.body.items.find((d: { id: string }) => d.id === id);
      if (doc?.status === 'rejected') throw new Error(`receipt rejected: ${JSON.stringify(doc)}`);
      return doc?.status === 'verified' ? true : undefined;
    },
    `receipt ${id} verified`,
    30_000,
  );
  return id;
}

/** Builds the world (about 15 s on the local stack: most of it the pipeline). */
export async function buildWorld(): Promise<World> {
  const admin = await tokenFor(['admin'], uid('admin'));
  const roundId = await openRoundWith(admin, {
    budget: 1_000_000,
    perAllianceCap: 300_000,
    reviewersPerAlliance: 1,
    noticePeriodDays: 3,
  });
  const [member, outsider, partner, otherPartner] = await twoEnterprisesTwoSocieties();
  // A cooperation period that has begun, so the ledger takes expenses dated today.
  const period = { start: chinaDate(-30), end: chinaDate(700) };
  // Two budget lines, so a reallocation between them is a valid request.
  const budgetLines = [
    {
      id: 'equipment',
      category: '设备费',
      amount: 300_000,
      enterpriseFunds: 150_000,
      programmeFunds: 150_000,
    },
    {
      id: 'experts',
      category: '专家咨询费',
      amount: 100_000,
      enterpriseFunds: 50_000,
      programmeFunds: 50_000,
    },
  ];
  const allianceId = await submittedAlliance(roundId, member, partner, '授权矩阵联盟甲', 200_000, {
    period,
    budgetLines,
  });
  const otherAllianceId = await submittedAlliance(
    roundId,
    outsider,
    otherPartner,
    '授权矩阵联盟乙',
    150_000,
    {
      period,
    },
  );
  const reviewerId = uid('rev');
  await registerReviewer(admin, roundId, reviewerId);
  const openRoundId = await openRound(admin);
  await closeAndScreen(admin, roundId, [allianceId, otherAllianceId]);
  const assignedReviewer = await tokenFor(['reviewer'], reviewerId);
  await reviewEach(assignedReviewer, roundId, [
    [allianceId, 9],
    [otherAllianceId, 7],
  ]);
  await waitForPipeline(admin, roundId, 'the selection gate', atGate('selection'));
  const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
  expect(approved.status, approved.text).toBe(200);
  await waitForPipeline(admin, roundId, 'the notice', (s) => s.stage === 'public-notice');
  const objection = await api('POST', `/v1/public/rounds/${roundId}/objections`, {
    body: { allianceId, name: '王某', contact: 'wang@example.cn', text: '请核实该联盟的服务内容。' },
  });
  expect(objection.status, objection.text).toBe(201);
  await eventually(async () => ((await skipWaits(roundId)) > 0 ? true : undefined), 'the notice period');
  await waitForPipeline(admin, roundId, 'the objections gate', (s) =>
    Boolean(s.waitingOn?.includes('objection')),
  );
  const dismissed = await api('POST', `/v1/rounds/${roundId}/objections/${objection.body.id}/resolve`, {
    token: admin,
    body: { outcome: 'dismissed', reason: '经核查，服务内容属实' },
  });
  expect(dismissed.status, dismissed.text).toBe(200);
  await eventually(
    async () => ((await pipelineOf(admin, roundId)).status === 'SUCCEEDED' ? true : undefined),
    'the round funded',
    30_000,
  );
  const alliance = await api('GET', `/v1/alliances/${allianceId}`, { token: member.token });
  expect(alliance.body.status).toBe('designated');

  // The ledger: an expense reversed (its receipt released), and a standing one.
  const [first, second] = [
    await verifiedReceipt(allianceId, member.token),
    await verifiedReceipt(allianceId, member.token),
  ];
  const today = chinaDate(0);
  const expense = (receiptDocumentId: string, amount: number) =>
    api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: member.token,
      body: { lineId: 'equipment', amount, date: today, description: '采购测试设备', receiptDocumentId },
    });
  const reversed = await expense(first, 1_000);
  expect(reversed.status, reversed.text).toBe(201);
  const reversal = await api(
    'POST',
    `/v1/alliances/${allianceId}/ledger/entries/${reversed.body.id}/reverse`,
    {
      token: member.token,
      body: { reason: '录入错误' },
    },
  );
  expect(reversal.status, reversal.text).toBe(201);
  const standing = await expense(second, 2_000);
  expect(standing.status, standing.text).toBe(201);

  // An inspector registered and assigned to the alliance by a draw among it alone. The registry is
  // shared by every test file, so the least-loaded conflict-free inspector may be another file's:
  // whoever is assigned is the matrix's assigned inspector (a token can be minted for any sub).
  const registeredInspectorId = uid('insp');
  const registered = await api('PUT', `/v1/inspectors/${registeredInspectorId}`, {
    token: admin,
    body: { name: '矩阵检查员', affiliations: [], conflicts: [] },
  });
  expect(registered.status, registered.text).toBe(200);
  const draw = await api('POST', '/v1/inspections/draws', {
    token: admin,
    body: { share: 1, seed: uid('seed'), allianceIds: [allianceId] },
  });
  expect(draw.status, draw.text).toBe(201);
  const assignment = draw.body.assignments[0] as { inspectorId: string | null; inspectionId: string };
  expect(assignment.inspectorId, JSON.stringify(draw.body.assignments)).toEqual(expect.any(String));

  // The plan starts at its first read (shared/usecases/implementation.ts getPlan writes version 1
  // from the application); read once here, so no later request, refused or not, is its first.
  const plan = await api('GET', `/v1/alliances/${allianceId}/plan`, { token: member.token });
  expect(plan.status, plan.text).toBe(200);
  const award = await api('GET', `/v1/alliances/${allianceId}/award`, { token: member.token });
  expect(award.status, award.text).toBe(200);
  const deadline = award.body.deadlines[0] as { due: string; kind: string };

  // Notifications come from the daily deadline sweep, which walks every alliance of the shared
  // stack; one is seeded here as the sweep writes it (shared/db/notifications.ts).
  const notificationId = `n-${createHash('sha256').update(uid('note')).digest('hex').slice(0, 32)}`;
  const recipient = `ORG#${member.org.id}`;
  const createdAt = new Date().toISOString();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `NOTIFY#${recipient}`,
        sk: `NOTIFICATION#${notificationId}`,
        type: 'notification',
        gsi1pk: `NOTIFY#${recipient}`,
        gsi1sk: `${createdAt}#${notificationId}`,
        id: notificationId,
        occasion: `remind#${allianceId}#${deadline.due}#${deadline.kind}#30`,
        recipient: { organisationId: member.org.id },
        topic: 'report-reminder',
        subject: {
          allianceId,
          reportId: `${deadline.due}_${deadline.kind}`,
          kind: deadline.kind,
          due: deadline.due,
        },
        data: { reminderDay: 30, daysLeft: 30 },
        message: { en: 'a report is due', zh: '报告即将到期' },
        createdAt,
      },
    }),
  );

  // Free pairing: the partner society's capability profile and an open need of the member.
  const capability = await api('PUT', '/v1/capabilities', {
    token: partner.token,
    body: {
      summary: '光电子学会',
      fields: ['optoelectronics'],
      serviceTypes: [4],
      experts: [],
      pastServices: [],
    },
  });
  expect(capability.status, capability.text).toBe(200);
  const need = await api('POST', '/v1/needs', {
    token: member.token,
    body: {
      title: '光纤激光器散热',
      description: '联合攻关光纤激光器散热',
      sector: 'optoelectronics',
      serviceTypes: [4],
      budget: { min: 100_000, max: 300_000 },
      period: { start: chinaDate(30), end: chinaDate(400) },
      contactPreference: { channel: 'email', name: '王工', email: 'need@example.cn' },
    },
  });
  expect(need.status, need.text).toBe(201);

  const fresh = (role: 'reviewer' | 'inspector' | 'inspection-office') => tokenFor([role]);
  return {
    tokens: {
      outsider: outsider.token,
      member: member.token,
      reviewer: await fresh('reviewer'),
      assignedReviewer,
      inspector: await fresh('inspector'),
      assignedInspector: await tokenFor(['inspector'], assignment.inspectorId!),
      office: await fresh('inspection-office'),
      admin,
    },
    roundId,
    openRoundId,
    allianceId,
    otherAllianceId,
    member,
    outsider,
    partner,
    reviewerId,
    registeredInspectorId,
    assignedInspectorId: assignment.inspectorId!,
    drawId: draw.body.drawId,
    inspectionId: assignment.inspectionId,
    objectionId: objection.body.id,
    reversedEntryId: reversed.body.id,
    usedReceiptId: second,
    standingEntryId: standing.body.id,
    reportId: `${deadline.due}_${deadline.kind}`,
    notificationId,
    needId: need.body.id,
  };
}

/** Every item of one partition, read consistently. */
async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The partitions of the world's records: what any route called on the world's ids could change. */
export function worldPartitions(w: World): string[] {
  const orgs = [w.member, w.outsider, w.partner].map((p) => p.org.id);
  return [
    `ALLIANCE#${w.allianceId}`,
    `ALLIANCE#${w.otherAllianceId}`,
    `ROUND#${w.roundId}`,
    `ROUND#${w.openRoundId}`,
    ...orgs.map((o) => `ORG#${o}`),
    ...orgs.map((o) => `NOTIFY#ORG#${o}`),
    `INSPECTION#${w.inspectionId}`,
    `INSPECTOR#${w.registeredInspectorId}`,
    `INSPECTOR#${w.assignedInspectorId}`,
    `DRAW#${w.drawId}`,
    `NEED#${w.needId}`,
  ];
}

/** JSON with object keys sorted, so equal records always give equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * A digest of the world's records, per partition (so a difference names the partition). Leaves out
 * the inspector-assignment items in the alliances' partitions (sk INSPECTOR#…): other test files'
 * draws on the shared stack (the monthly draw of inspections.test.ts picks among every designated
 * alliance) may assign the world's alliances at any time, and only a draw writes them.
 */
export async function worldDigest(w: World, extra: string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(
    [...worldPartitions(w), ...extra].map(async (pk) => {
      const items = (await partition(pk))
        .filter((i) => !(pk.startsWith('ALLIANCE#') && String(i.sk).startsWith('INSPECTOR#')))
        // The notifier's delivery records arrive on their own time (the table's stream), not by the request.
        .filter((i) => !(pk.startsWith('NOTIFY#') && String(i.sk).startsWith('DELIVERY#')))
        .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
      out[pk] =
        `${items.length} items ${createHash('sha256').update(stable(items)).digest('hex').slice(0, 16)}`;
    }),
  );
  return out;
}

/** Whether an item exists (e.g. the USCC claim a refused createOrganisation must not have made). */
export async function exists(pk: string, sk: string): Promise<boolean> {
  const { Item } = await ddb.send(
    new GetCommand({ TableName: tableName, Key: { pk, sk }, ConsistentRead: true }),
  );
  return Item !== undefined;
}
