/**
 * Irregular inspections (§4.4) over HTTP: inspectors' registry, the monthly draw fired through
 * the local scheduler, an admin draw and its dry-run re-run, conflict-free assignment, findings
 * with a 'poor' rating → a follow-up deadline, and who may see what.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawInspections } from '../../shared/domain/inspection-draw.ts';
import { api, apiUrl, ddb, tableName, tokenFor, uid } from './client.ts';
import { applicantWithOrg, enterpriseBody } from './fixtures.ts';

interface Seeded {
  id: string;
  orgs: string[];
}

async function seedDesignated(
  orgs: string[],
  o: { spent: number; deadlines: { due: string; kind: string; status: string }[] },
): Promise<Seeded> {
  const id = uid('insp-al');
  const at = '2027-01-01T00:00:00.000Z';
  const put = (Item: Record<string, unknown>) => ddb.send(new PutCommand({ TableName: tableName, Item }));
  await put({
    pk: `ALLIANCE#${id}`,
    sk: 'ALLIANCE',
    type: 'alliance',
    id,
    roundId: 'insp-round',
    name: `联盟 ${id}`,
    status: 'designated',
    version: 5,
    createdBy: orgs[0],
    period: { start: '2027-01-01', end: '2028-12-31' },
    createdAt: at,
    updatedAt: at,
  });
  for (const [i, orgId] of orgs.entries()) {
    await put({
      pk: `ALLIANCE#${id}`,
      sk: `MEMBER#${orgId}`,
      type: 'member',
      organisationId: orgId,
      kind: i === 0 ? 'enterprise' : 'society',
      name: `org ${orgId}`,
      state: 'confirmed',
      invitedAt: at,
    });
  }
  await put({
    pk: `ALLIANCE#${id}`,
    sk: 'AWARD',
    type: 'award',
    roundId: 'insp-round',
    allianceId: id,
    amount: 200_000,
    lines: [],
    balances: {},
    balance: 200_000 - o.spent,
    designatedAt: at,
    ledger: { status: 'open', spent: o.spent },
  });
  for (const d of o.deadlines) {
    await put({
      pk: `ALLIANCE#${id}`,
      sk: `DEADLINE#${d.due}#${d.kind}`,
      type: 'deadline',
      gsi1pk: 'DEADLINES',
      gsi1sk: `${d.due}#${id}#${d.kind}`,
      roundId: 'insp-round',
      allianceId: id,
      ...d,
      createdAt: at,
    });
  }
  return { id, orgs };
}

async function members(allianceId: string): Promise<string[]> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':pk': `ALLIANCE#${allianceId}`, ':m': 'MEMBER#' },
    }),
  );
  return (out.Items ?? []).map((m) => m.organisationId as string);
}

async function fire(at: string) {
  const res = await fetch(`${apiUrl}/local/schedules/inspection-draw/fire?at=${encodeURIComponent(at)}`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { ran: boolean; drawId: string; seed: string; picks: string[] } })
    .result;
}

let admin: string;
let applicant: string;
const ins = { a: uid('insA'), b: uid('insB') };
const tok: Record<'a' | 'b', string> = { a: '', b: '' };
let x: Seeded;
let y: Seeded;
let z: Seeded;
let inspectors: { inspectorId: string; affiliations: string[]; conflicts: string[] }[];
/** The inspector the admin draw assigned to x (conflict-free, so never b). */
let assigneeOfX: string;

beforeAll(async () => {
  admin = await tokenFor(['admin']);
  tok.a = await tokenFor(['inspector'], ins.a);
  tok.b = await tokenFor(['inspector'], ins.b);
  const applicantOrg = await applicantWithOrg(enterpriseBody());
  applicant = applicantOrg.token;
  // x: two overdue reports (one swept, one still 'due' past its date) and one returned, spending far ahead
  x = await seedDesignated([applicantOrg.org.id, uid('soc')], {
    spent: 190_000,
    deadlines: [
      { due: '2027-03-01', kind: 'annual-report', status: 'overdue' },
      { due: '2027-04-01', kind: 'interim-report', status: 'due' },
      { due: '2027-05-01', kind: 'quarterly-report', status: 'returned' },
      { due: '2029-01-31', kind: 'completion-report', status: 'due' },
    ],
  });
  // y: clean, on pace
  y = await seedDesignated([uid('ent'), uid('soc')], {
    spent: 50_000,
    deadlines: [
      { due: '2028-01-01', kind: 'annual-report', status: 'due' },
      { due: '2029-01-31', kind: 'completion-report', status: 'due' },
    ],
  });
  z = await seedDesignated([uid('ent'), uid('soc')], {
    spent: 60_000,
    deadlines: [{ due: '2029-01-31', kind: 'completion-report', status: 'due' }],
  });
  // Inspector b belongs to x's enterprise and declared a conflict with y's society.
  for (const [id, body] of [
    [ins.a, { name: '王检查', affiliations: [uid('uni')], conflicts: [] }],
    [ins.b, { name: '赵检查', affiliations: [x.orgs[0]], conflicts: [y.orgs[1]] }],
  ] as const) {
    const res = await api('PUT', `/v1/inspectors/${id}`, { token: admin, body });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ inspectorId: id, name: body.name });
  }
  const list = await api('GET', '/v1/inspectors', { token: admin });
  expect(list.status).toBe(200);
  inspectors = list.body.items;
  expect(inspectors.map((i) => i.inspectorId)).toEqual(expect.arrayContaining([ins.a, ins.b]));
});

async function assertConflictFree(assignments: { allianceId: string; inspectorId: string | null }[]) {
  for (const a of assignments) {
    if (!a.inspectorId) continue;
    const inspector = inspectors.find((i) => i.inspectorId === a.inspectorId)!;
    const orgs = new Set([...inspector.affiliations, ...inspector.conflicts]);
    for (const org of await members(a.allianceId)) expect(orgs.has(org)).toBe(false);
  }
}

describe('inspectors registry', () => {
  it('is admin-only', async () => {
    expect((await api('GET', '/v1/inspectors', { token: tok.a })).status).toBe(403);
    const put = await api('PUT', `/v1/inspectors/${ins.a}`, {
      token: tok.a,
      body: { name: 'me', affiliations: [] },
    });
    expect(put.status).toBe(403);
  });
});

describe('admin draw and its re-run', () => {
  const asOf = '2027-07-01T00:00:00.000Z';
  let drawId: string;

  it('draws risk-weighted among the given alliances, records the seed and assigns conflict-free inspectors', async () => {
    const body = { share: 1, seed: 'seed-admin-1', asOf, allianceIds: [x.id, y.id, z.id] };
    const res = await api('POST', '/v1/inspections/draws', { token: admin, body });
    expect(res.status, res.text).toBe(201);
    const draw = res.body;
    drawId = draw.drawId;
    expect(draw).toMatchObject({ seed: 'seed-admin-1', share: 1, n: 3, asOf, dryRun: false, kind: 'ad-hoc' });
    expect([...draw.picks].sort()).toEqual([x.id, y.id, z.id].sort());
    const weight = (id: string) => draw.candidates.find((c: { allianceId: string }) => c.allianceId === id);
    // x: overdue 2 + returned 0.5 + pace 2 (95% spent at 25% elapsed) + never inspected 2
    expect(weight(x.id).features).toMatchObject({
      overdueReports: 2,
      returnedReports: 1,
      daysSinceLastInspection: null,
    });
    expect(weight(x.id).weight).toBeCloseTo(1 + 2 + 0.5 + 2 + 0 + 2, 6);
    expect(weight(y.id).weight).toBeLessThan(weight(x.id).weight);
    expect(draw.assignments).toHaveLength(3);
    const byAlliance = new Map<string, { inspectorId: string | null }>(
      draw.assignments.map((a: { allianceId: string; inspectorId: string | null }) => [a.allianceId, a]),
    );
    // b is conflicted with x and y: someone else inspects them (ins.a, or an inspector another test
    // file registered on the shared stack: the registry is global, so the test does not name who).
    for (const id of [x.id, y.id]) {
      expect(byAlliance.get(id)?.inspectorId).toEqual(expect.any(String));
      expect(byAlliance.get(id)?.inspectorId).not.toBe(ins.b);
    }
    assigneeOfX = byAlliance.get(x.id)!.inspectorId!;
    await assertConflictFree(draw.assignments);

    const got = await api('GET', `/v1/inspections/draws/${drawId}`, { token: admin });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(draw);
    // The audit record of the draw
    const audit = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `DRAW#${drawId}`, ':a': 'AUDIT#' },
      }),
    );
    expect(audit.Items?.[0]).toMatchObject({ action: 'inspection.drawn', actor: { kind: 'user' } });
  });

  it('the same seed, share and asOf as a dry run reproduce the picks (n = 1 and n = 3)', async () => {
    const recorded = (await api('GET', `/v1/inspections/draws/${drawId}`, { token: admin })).body;
    const again = await api('POST', '/v1/inspections/draws', {
      token: admin,
      body: { share: 1, seed: recorded.seed, asOf, allianceIds: recorded.restrictedTo, dryRun: true },
    });
    expect(again.status).toBe(200);
    expect(again.body.dryRun).toBe(true);
    expect(again.body.picks).toEqual(recorded.picks);
    expect(again.body.candidates).toEqual(recorded.candidates);
    // Not recorded
    expect((await api('GET', `/v1/inspections/draws/${again.body.drawId}`, { token: admin })).status).toBe(
      404,
    );

    const one = { share: 0.34, seed: 'seed-one', asOf, allianceIds: [x.id, y.id, z.id], dryRun: true };
    const first = await api('POST', '/v1/inspections/draws', { token: admin, body: one });
    const second = await api('POST', '/v1/inspections/draws', { token: admin, body: one });
    expect(first.body.n).toBe(2);
    expect(second.body.picks).toEqual(first.body.picks);
  });

  it('is admin-only', async () => {
    const res = await api('POST', '/v1/inspections/draws', { token: tok.a, body: { dryRun: true } });
    expect(res.status).toBe(403);
    expect((await api('GET', `/v1/inspections/draws/${drawId}`, { token: applicant })).status).toBe(403);
  });
});

describe('monthly draw through the schedule', () => {
  it('records picks with the scheduled time as seed; re-firing the same month changes nothing', async () => {
    const at = '2091-03-01T02:00:00.000Z';
    const result = await fire(at);
    expect(result).toMatchObject({ ran: true, drawId: 'monthly-2091-03', seed: at });
    const draw = (await api('GET', '/v1/inspections/draws/monthly-2091-03', { token: admin })).body;
    expect(draw).toMatchObject({
      seed: at,
      share: 0.1,
      asOf: at,
      kind: 'monthly',
      by: 'schedule:inspection-draw',
    });
    const ids = draw.candidates.map((c: { allianceId: string }) => c.allianceId);
    expect(ids).toEqual(expect.arrayContaining([x.id, y.id, z.id]));
    expect(draw.n).toBe(Math.ceil(0.1 * ids.length - 1e-9));
    expect(draw.picks).toHaveLength(draw.n);
    expect(new Set(draw.picks).size).toBe(draw.n);
    expect(result.picks).toEqual(draw.picks);
    await assertConflictFree(draw.assignments);
    // Everything needed to re-run it is in the record: the pure draw gives the same picks.
    expect(drawInspections(draw.candidates, { share: draw.share, seed: draw.seed }).picks).toEqual(
      draw.picks,
    );

    const inspectionsOf = async () =>
      (await api('GET', '/v1/inspections', { token: admin })).body.items.filter(
        (i: { drawId: string }) => i.drawId === 'monthly-2091-03',
      );
    const before = await inspectionsOf();
    expect(before).toHaveLength(draw.n);

    const again = await fire('2091-03-17T02:00:00.000Z');
    expect(again).toMatchObject({ ran: false, drawId: 'monthly-2091-03', seed: at, picks: draw.picks });
    expect(await inspectionsOf()).toEqual(before);
    expect((await api('GET', '/v1/inspections/draws/monthly-2091-03', { token: admin })).body).toEqual(draw);

    // Over HTTP: a dry run with the recorded seed/share/asOf over the recorded candidates. Other test
    // files may change their own alliances meanwhile; when the candidates are unchanged, so are the picks.
    const dry = await api('POST', '/v1/inspections/draws', {
      token: admin,
      body: { share: draw.share, seed: draw.seed, asOf: draw.asOf, allianceIds: ids, dryRun: true },
    });
    expect(dry.status).toBe(200);
    if (JSON.stringify(dry.body.candidates) === JSON.stringify(draw.candidates)) {
      expect(dry.body.picks).toEqual(draw.picks);
    }
  });
});

describe('need to know: the records of a designated alliance', () => {
  const reads = (id: string) => [
    `/v1/alliances/${id}/ledger`,
    `/v1/alliances/${id}/ledger.csv`,
    `/v1/alliances/${id}/award`,
    `/v1/alliances/${id}/plan`,
  ];

  it('the inspector assigned to x reads its ledger, award and plan; the draw recorded the right with the inspection', async () => {
    const assigned = await tokenFor(['inspector'], assigneeOfX);
    for (const path of reads(x.id)) {
      const res = await api('GET', path, { token: assigned });
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
    }
    const { Items } = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': `ALLIANCE#${x.id}`, ':sk': `INSPECTOR#${assigneeOfX}` },
      }),
    );
    expect(Items?.[0]).toMatchObject({
      type: 'inspector-assignment',
      inspectorId: assigneeOfX,
      allianceId: x.id,
    });
  });

  it('inspectors not assigned get 404 (the alliance does not exist for them); the inspection office reads every one', async () => {
    const stranger = await tokenFor(['inspector']);
    for (const path of reads(x.id)) {
      for (const token of [tok.b, stranger]) {
        const res = await api('GET', path, { token });
        expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    }
    const office = await tokenFor(['inspection-office']);
    for (const id of [x.id, y.id, z.id]) {
      for (const path of reads(id)) {
        const res = await api('GET', path, { token: office });
        expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
      }
    }
    // The office oversees every inspection, but the findings stay the assigned inspector's.
    const all = await api('GET', '/v1/inspections', { token: office });
    expect(all.status).toBe(200);
    expect(all.body.items.some((i: { allianceId: string }) => i.allianceId === x.id)).toBe(true);
    const ofX = await api('GET', `/v1/alliances/${x.id}/inspections`, { token: office });
    expect(ofX.status, ofX.text).toBe(200);
    expect(ofX.body.items[0]).toMatchObject({ allianceId: x.id, inspectorId: expect.any(String) });
    const findings = await api('POST', `/v1/inspections/${ofX.body.items[0].inspectionId}/findings`, {
      token: office,
      body: { findings: '代为填写', rating: 'good' },
    });
    expect(findings.status).toBe(403);
  });
});

describe('inspection workflow', () => {
  let inspectionId: string;
  /** The token of the inspector assigned to x. */
  let assigned: string;

  beforeAll(async () => {
    assigned = await tokenFor(['inspector'], assigneeOfX);
    const mine = await api('GET', '/v1/inspections?status=planned', { token: assigned });
    expect(mine.status).toBe(200);
    const forX = mine.body.items.find(
      (i: { allianceId: string; drawnAt: string }) =>
        i.allianceId === x.id && i.drawnAt.startsWith('2027-07-01'),
    );
    expect(forX).toBeDefined();
    inspectionId = forX.inspectionId;
  });

  it('shows an inspection to its inspector and admins only; applicants never see a planned one', async () => {
    expect((await api('GET', `/v1/inspections/${inspectionId}`, { token: assigned })).status).toBe(200);
    expect((await api('GET', `/v1/inspections/${inspectionId}`, { token: admin })).status).toBe(200);
    expect((await api('GET', `/v1/inspections/${inspectionId}`, { token: tok.b })).status).toBe(404);
    expect((await api('GET', `/v1/inspections/${inspectionId}`, { token: applicant })).status).toBe(403);
    const bList = await api('GET', '/v1/inspections', { token: tok.b });
    expect(bList.body.items.some((i: { allianceId: string }) => i.allianceId === x.id)).toBe(false);
    const seen = await api('GET', `/v1/alliances/${x.id}/inspections`, { token: applicant });
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([]);
    const other = await api('GET', `/v1/alliances/${y.id}/inspections`, { token: applicant });
    expect(other.status).toBe(404);
  });

  it('only the assigned inspector records findings; a poor rating sets a follow-up deadline in 60 days', async () => {
    const body = {
      findings: '专账支出明显超前于进度，年度报告逾期未交。',
      rating: 'poor',
      followUpActions: [{ action: '补交年度报告', due: '2027-08-01' }, { action: '说明超前支出' }],
    };
    expect(
      (await api('POST', `/v1/inspections/${inspectionId}/findings`, { token: tok.b, body })).status,
    ).toBe(404);
    expect(
      (await api('POST', `/v1/inspections/${inspectionId}/findings`, { token: admin, body })).status,
    ).toBe(403);
    const bad = await api('POST', `/v1/inspections/${inspectionId}/findings`, {
      token: assigned,
      body: { ...body, rating: 'terrible' },
    });
    expect(bad.status).toBe(400);

    const res = await api('POST', `/v1/inspections/${inspectionId}/findings`, { token: assigned, body });
    expect(res.status, res.text).toBe(200);
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    expect(res.body).toMatchObject({
      status: 'completed',
      rating: 'poor',
      followUpDeadline: { kind: 'follow-up', due },
      version: 2,
    });

    const deadline = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :sk',
        ExpressionAttributeValues: { ':pk': `ALLIANCE#${x.id}`, ':sk': `DEADLINE#${due}#follow-up` },
      }),
    );
    expect(deadline.Items?.[0]).toMatchObject({
      gsi1pk: 'DEADLINES',
      kind: 'follow-up',
      status: 'due',
      allianceId: x.id,
      inspectionId,
    });

    const twice = await api('POST', `/v1/inspections/${inspectionId}/findings`, { token: assigned, body });
    expect(twice.status).toBe(409);

    // Audited: who, when, why — in the inspection's trail and (now that it is completed) the alliance's.
    for (const pk of [`INSPECTION#${inspectionId}`, `ALLIANCE#${x.id}`]) {
      const audit = await ddb.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':pk': pk, ':a': 'AUDIT#' },
        }),
      );
      const completed = audit.Items?.find((i) => i.action === 'inspection.completed');
      expect(completed).toMatchObject({ actor: { kind: 'user', sub: assigneeOfX } });
      expect(completed?.reason).toContain('poor');
    }

    // The members now see the completed inspection, without the inspector's identity.
    const seen = await api('GET', `/v1/alliances/${x.id}/inspections`, { token: applicant });
    expect(seen.body.items).toEqual([
      expect.objectContaining({ inspectionId, status: 'completed', inspectorId: null }),
    ]);
    const completed = await api('GET', '/v1/inspections?status=completed', { token: admin });
    expect(completed.body.items.map((i: { inspectionId: string }) => i.inspectionId)).toContain(inspectionId);
  });
});
