/**
 * Annual and completion reports over HTTP (§4.4): a designated alliance's report deadlines, a
 * report submitted with a verified report PDF and the actual value of every indicator, returned by
 * the programme office with comments, resubmitted and accepted — every step audited and notified.
 * Then rule R1: an organisation with an overdue report cannot submit a new alliance (422 R1).
 *
 * Designation itself is covered by round-pipeline-e2e; here the alliance is built over the API and
 * its deadlines are seeded as designation writes them (due dates in 2035, outside other tests'
 * sweep windows).
 */
import { createHash } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, ddb, eventually, tableName, tokenFor } from './client.ts';
import {
  allianceContent,
  allianceOfTwo,
  applicantWithOrg,
  enterpriseBody,
  markDesignated,
  openRound,
  type Party,
  societyBody,
  tinyPdf,
  uploadWithTicket,
} from './fixtures.ts';

const buildAlliance = (roundId: string, lead: Party, partner: Party, name: string) =>
  allianceOfTwo(lead, partner, { roundId, name, ...allianceContent([partner.org.id]) });

async function verifiedDocument(allianceId: string, token: string, kind: 'agreement' | 'report') {
  const ticket = await api('POST', `/v1/alliances/${allianceId}/documents`, {
    token,
    body: { kind, fileName: kind === 'report' ? '年度报告.pdf' : '任务协议书.pdf' },
  });
  expect(ticket.status, ticket.text).toBe(201);
  const upload = await uploadWithTicket(ticket.body, tinyPdf());
  expect(upload.status).toBeLessThan(300);
  const id = ticket.body.document.id as string;
  await eventually(async () => {
    const docs = await api('GET', `/v1/alliances/${allianceId}/documents`, { token });
    const doc = docs.body.items.find((d: { id: string }) => d.id === id);
    return doc?.status === 'verified' ? doc : undefined;
  }, `${kind} ${id} to be verified`);
  return id;
}

/** Marks the alliance designated and writes its report deadlines as designation does. */
async function designate(allianceId: string, deadlines: { due: string; kind: string; status?: string }[]) {
  await markDesignated(allianceId);
  for (const d of deadlines) {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `ALLIANCE#${allianceId}`,
          sk: `DEADLINE#${d.due}#${d.kind}`,
          type: 'deadline',
          gsi1pk: 'DEADLINES',
          gsi1sk: `${d.due}#${allianceId}#${d.kind}`,
          roundId: 'r-seeded',
          allianceId,
          kind: d.kind,
          due: d.due,
          ...(d.kind === 'annual-report' ? { year: 1 } : {}),
          status: d.status ?? 'due',
          createdAt: new Date().toISOString(),
        },
      }),
    );
  }
}

describe('reports', () => {
  let admin: string;
  let roundId: string;
  let e: Party;
  let s: Party;
  let outsider: Party;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    roundId = await openRound(admin);
    [e, s, outsider] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
      applicantWithOrg(enterpriseBody()),
    ]);
  });

  it('submit → returned with comments → resubmit → accepted, audited and notified', async () => {
    const allianceId = await buildAlliance(roundId, e, s, '激光器件协作创新联盟（报告）');
    // Its agreement (uploaded while a draft): not a report, so not accepted as one below.
    const agreementId = await verifiedDocument(allianceId, e.token, 'agreement');
    await designate(allianceId, [
      { due: '2035-01-01', kind: 'annual-report' },
      { due: '2035-07-31', kind: 'completion-report' },
    ]);
    const base = `/v1/alliances/${allianceId}/reports`;
    const reportId = '2035-01-01_annual-report';

    const list = await api('GET', base, { token: s.token });
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [reportId, 'due'],
      ['2035-07-31_completion-report', 'due'],
    ]);
    expect(list.body.items[0]).toMatchObject({
      kind: 'annual-report',
      year: 1,
      due: '2035-01-01',
      version: 1,
    });

    const documentId = await verifiedDocument(allianceId, e.token, 'report');
    const progress = [{ indicatorId: 'patents', actual: 2, note: '两件已受理' }];
    const body = { documentId, progress, summary: '第一年完成关键器件方案设计与两件发明专利申请' };

    // Every indicator must be reported, and only the alliance's.
    const missing = await api('PUT', `${base}/${reportId}`, {
      token: e.token,
      body: { ...body, progress: [{ indicatorId: 'papers', actual: 1 }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.map((d: { code: string }) => d.code).sort()).toEqual([
      'indicator_missing',
      'unknown_indicator',
    ]);
    // The document must be a verified report of this alliance.
    const wrongDoc = await api('PUT', `${base}/${reportId}`, {
      token: e.token,
      body: { ...body, documentId: agreementId },
    });
    expect(wrongDoc.status).toBe(422);
    expect(wrongDoc.body.error.details[0]).toMatchObject({ path: 'body.documentId' });
    const pending = await api('POST', `/v1/alliances/${allianceId}/documents`, {
      token: e.token,
      body: { kind: 'report' },
    });
    const unverified = await api('PUT', `${base}/${reportId}`, {
      token: e.token,
      body: { ...body, documentId: pending.body.document.id },
    });
    expect(unverified.status).toBe(422);
    expect(unverified.body.error.details[0].code).toBe('report_document_not_verified');
    // Malformed progress is a 400.
    const dup = await api('PUT', `${base}/${reportId}`, {
      token: e.token,
      body: { ...body, progress: [...progress, ...progress] },
    });
    expect(dup.status).toBe(400);

    // Wrong roles and outsiders.
    const reviewer = await tokenFor(['reviewer']);
    expect((await api('GET', base, { token: reviewer })).status).toBe(403);
    expect((await api('GET', base, { token: outsider.token })).status).toBe(404);
    expect((await api('PUT', `${base}/${reportId}`, { token: outsider.token, body })).status).toBe(404);
    expect((await api('PUT', `${base}/${reportId}`, { token: admin, body })).status).toBe(403);
    expect((await api('GET', `${base.replace(allianceId, 'a-nope')}`, { token: admin })).status).toBe(404);
    expect((await api('PUT', `${base}/2035-01-02_annual-report`, { token: e.token, body })).status).toBe(404);
    expect((await api('PUT', `${base}/not-a-report`, { token: e.token, body })).status).toBe(400);

    // Nothing to accept or return before a submission.
    expect((await api('POST', `${base}/${reportId}/accept`, { token: admin, body: {} })).status).toBe(409);

    const submitted = await api('PUT', `${base}/${reportId}`, { token: e.token, body });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({
      id: reportId,
      status: 'submitted',
      version: 2,
      report: {
        documentId,
        // The report document as verified is pinned (verifiedDocument uploads tinyPdf()).
        documentSha256: createHash('sha256').update(tinyPdf()).digest('hex'),
        summary: body.summary,
        late: false,
        organisationId: e.org.id,
        progress: [
          { indicatorId: 'patents', actual: 2, note: '两件已受理', name: '发明专利申请', target: 3 },
        ],
      },
    });
    // A second submission while it is under review is a conflict; a stale version too.
    expect((await api('PUT', `${base}/${reportId}`, { token: s.token, body })).status).toBe(409);

    // Members cannot decide; admins return with comments (required).
    expect(
      (await api('POST', `${base}/${reportId}/return`, { token: e.token, body: { comments: 'x' } })).status,
    ).toBe(403);
    expect((await api('POST', `${base}/${reportId}/return`, { token: admin, body: {} })).status).toBe(400);
    expect(
      (await api('POST', `${base}/${reportId}/return`, { token: admin, body: { comments: 'x', version: 1 } }))
        .status,
    ).toBe(409);
    const returned = await api('POST', `${base}/${reportId}/return`, {
      token: admin,
      body: { comments: '请补充专利申请号及受理通知书', version: 2 },
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      version: 3,
      review: { decision: 'returned', comments: '请补充专利申请号及受理通知书' },
    });

    const resubmitted = await api('PUT', `${base}/${reportId}`, {
      token: s.token,
      body: { ...body, summary: `${body.summary}；已补充申请号`, version: 3 },
    });
    expect(resubmitted.status, resubmitted.text).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', version: 4 });
    expect(resubmitted.body.report.organisationId).toBe(s.org.id);

    const accepted = await api('POST', `${base}/${reportId}/accept`, {
      token: admin,
      body: { comments: '同意' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 5, review: { decision: 'accepted' } });
    expect(accepted.body.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
    expect(accepted.body.statusHistory[1]).toMatchObject({ reason: '请补充专利申请号及受理通知书' });
    expect((await api('POST', `${base}/${reportId}/accept`, { token: admin, body: {} })).status).toBe(409);
    expect((await api('PUT', `${base}/${reportId}`, { token: e.token, body })).status).toBe(409);

    const after = await api('GET', base, { token: admin });
    expect(after.body.items.map((r: { status: string }) => r.status)).toEqual(['accepted', 'due']);

    // Audited in the alliance's trail.
    const history = await api('GET', `/v1/alliances/${allianceId}/history?limit=100`, { token: e.token });
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(actions.filter((a: string) => a.startsWith('report.'))).toEqual([
      'report.submitted',
      'report.returned',
      'report.submitted',
      'report.accepted',
    ]);

    // Notified: the members of the decisions, the programme office of the submissions (of the
    // alliance's other events, e.g. its membership, only the report topics are looked at here).
    const notes = async (token: string) =>
      (await api('GET', '/v1/notifications?limit=100', { token })).body.items
        .filter(
          (n: { topic: string; subject: { allianceId: string } }) =>
            n.subject.allianceId === allianceId && n.topic.startsWith('report-'),
        )
        .map((n: { topic: string }) => n.topic)
        .sort();
    expect(await notes(e.token)).toEqual(['report-accepted', 'report-returned']);
    expect(await notes(s.token)).toEqual(['report-accepted', 'report-returned']);
    expect(await notes(admin)).toEqual(['report-submitted', 'report-submitted']);
    expect(await notes(outsider.token)).toEqual([]);
  });

  it('R1: an organisation with an overdue report cannot submit a new alliance (422 naming R1)', async () => {
    const [late, partner] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
    ]);
    const old = await buildAlliance(roundId, late, partner, '往期联盟（逾期未报）');
    await designate(old, [{ due: '2035-03-01', kind: 'annual-report', status: 'overdue' }]);
    // Both members of the overdue alliance start a new one: R1 fails for each of them.
    const fresh = await buildAlliance(roundId, late, partner, '新联盟');
    await verifiedDocument(fresh, late.token, 'agreement');

    const dryRun = await api('GET', `/v1/alliances/${fresh}/eligibility`, { token: late.token });
    expect(dryRun.body.failing).toEqual(['R1']);
    const r1 = dryRun.body.results.filter((r: { id: string }) => r.id === 'R1');
    expect(r1.map((r: { subject: { organisationId: string } }) => r.subject.organisationId).sort()).toEqual(
      [late.org.id, partner.org.id].sort(),
    );
    expect(r1[0]).toMatchObject({
      clause: '§4.4',
      passed: false,
      values: { overdueReports: [{ allianceId: old, kind: 'annual-report', due: '2035-03-01' }] },
    });

    const version = (await api('GET', `/v1/alliances/${fresh}`, { token: late.token })).body.version;
    const submit = await api('POST', `/v1/alliances/${fresh}/submit`, {
      token: late.token,
      body: { version },
    });
    expect(submit.status, submit.text).toBe(422);
    expect(submit.body.error.code).toBe('rule_violation');
    expect(submit.body.error.message).toContain('R1');
    expect(submit.body.error.details.map((d: { code: string }) => d.code)).toEqual(['R1', 'R1']);

    // Once the overdue report is submitted, the rule passes again.
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `ALLIANCE#${old}`, sk: 'DEADLINE#2035-03-01#annual-report' },
        UpdateExpression: 'SET #status = :submitted',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':submitted': 'submitted' },
      }),
    );
    const ok = await api('POST', `/v1/alliances/${fresh}/submit`, { token: late.token, body: { version } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('submitted');
  });
});
