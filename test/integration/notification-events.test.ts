/**
 * Notifications produced by the programme's events (issue #13), over HTTP on the local stack: a
 * round driven from invitation to designation, an objection and an inspection. For each event the
 * right recipient finds exactly one notification in GET /v1/notifications, those who must not get
 * one find none (the objector's details appear nowhere; an inspection is never announced to the
 * alliance), and replaying a decision or a pipeline step writes no second one.
 */
import { describe, expect, it } from 'vitest';
import { api, apiUrl, eventually, handlerEnv, skipWaits, tokenFor, uid } from './client.ts';
import {
  allianceContent,
  applicantWithOrg,
  closeAndScreen,
  openRoundWith,
  reviewEach,
  societyBody,
  submittedAlliance,
  twoEnterprisesTwoSocieties,
  waitForPipeline,
} from './fixtures.ts';

interface Note {
  id: string;
  topic: string;
  subject: Record<string, string>;
  data: Record<string, unknown>;
  message: { zh: string; en: string };
}

/** Every notification in a caller's outbox (all pages). */
async function outbox(token: string): Promise<Note[]> {
  const all: Note[] = [];
  let cursor: string | undefined;
  do {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api('GET', `/v1/notifications?${query}`, { token });
    expect(res.status, res.text).toBe(200);
    all.push(...res.body.items);
    cursor = res.body.nextCursor ?? res.body.cursor ?? undefined;
  } while (cursor);
  return all;
}

/** A caller's notifications of `topic` whose subject has every field of `about`. */
async function of(token: string, topic: string, about: Record<string, string>) {
  return (await outbox(token)).filter(
    (n) => n.topic === topic && Object.entries(about).every(([k, v]) => n.subject[k] === v),
  );
}

async function exactlyOne(token: string, topic: string, about: Record<string, string>) {
  const found = await of(token, topic, about);
  expect(found, `${topic} ${JSON.stringify(about)}`).toHaveLength(1);
  return found[0]!;
}

describe('every event notifies its recipients once', () => {
  it('from invitation to inspection follow-up', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const office = await tokenFor(['inspection-office'], uid('office'));
    const roundId = await openRoundWith(admin, {
      budget: 650_000,
      perAllianceCap: 300_000,
      reviewersPerAlliance: 1,
      noticePeriodDays: 3,
    });
    const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
    const a = await submittedAlliance(roundId, e1, s1, '通知联盟甲', 300_000);
    const b = await submittedAlliance(roundId, e2, s2, '通知联盟乙', 200_000);

    // --- invitation, confirmation, decline ---------------------------------------------------------
    const invitation = await exactlyOne(s1.token, 'alliance-invitation', { allianceId: a });
    expect(invitation.data).toMatchObject({ allianceName: '通知联盟甲' });
    const confirmed = await exactlyOne(e1.token, 'alliance-member-confirmed', { allianceId: a });
    expect(confirmed.data.member).toBeTruthy();
    expect(await of(e1.token, 'alliance-invitation', { allianceId: a })).toHaveLength(0);
    // Confirming again is refused and tells nobody anything new.
    const again = await api('POST', `/v1/alliances/${a}/members/${s1.org.id}/confirm`, { token: s1.token });
    expect(again.status).toBe(409);
    await exactlyOne(e1.token, 'alliance-member-confirmed', { allianceId: a });

    const s3 = await applicantWithOrg(societyBody());
    const draft = await api('POST', '/v1/alliances', {
      token: e1.token,
      body: { roundId, name: '通知草稿', ...allianceContent([s3.org.id]) },
    });
    expect(draft.status, draft.text).toBe(201);
    const d = draft.body.id as string;
    const invited = await api('POST', `/v1/alliances/${d}/members`, {
      token: e1.token,
      body: { organisationId: s3.org.id },
    });
    expect(invited.status, invited.text).toBe(201);
    await exactlyOne(s3.token, 'alliance-invitation', { allianceId: d });
    const declined = await api('POST', `/v1/alliances/${d}/members/${s3.org.id}/decline`, {
      token: s3.token,
    });
    expect(declined.status, declined.text).toBe(200);
    await exactlyOne(e1.token, 'alliance-member-declined', { allianceId: d });
    expect(await of(e1.token, 'alliance-member-confirmed', { allianceId: d })).toHaveLength(0);

    // --- screening ---------------------------------------------------------------------------------
    const reviewer = uid('rev');
    const put = await api('PUT', `/v1/rounds/${roundId}/reviewers/${reviewer}`, {
      token: admin,
      body: {
        reviewerId: reviewer,
        name: '专家',
        expertise: ['optoelectronics'],
        affiliations: [],
        conflicts: [],
      },
    });
    expect(put.status, put.text).toBe(200);
    await closeAndScreen(admin, roundId, [a, b]);
    for (const token of [e1.token, s1.token]) {
      const n = await exactlyOne(token, 'screening-result', { roundId, allianceId: a });
      expect(n.data).toMatchObject({ passed: true, allianceName: '通知联盟甲' });
      expect(n.data.reasons).toContain('符合申报条件');
    }
    expect(await of(e2.token, 'screening-result', { allianceId: a })).toHaveLength(0);

    // --- reviewer assignment -------------------------------------------------------------------------
    const reviewerToken = await tokenFor(['reviewer'], reviewer);
    for (const id of [a, b])
      await exactlyOne(reviewerToken, 'reviewer-assigned', { roundId, allianceId: id });
    await reviewEach(reviewerToken, roundId, [
      [a, 9],
      [b, 7],
    ]);

    // --- selection ---------------------------------------------------------------------------------
    await waitForPipeline(
      admin,
      roundId,
      'the selection gate',
      (s) => s.stage === 'selection' && s.waitingOn,
    );
    const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, {
      token: admin,
      body: { note: '按排名择优支持' },
    });
    expect(approved.status, approved.text).toBe(200);
    await waitForPipeline(admin, roundId, 'the notice', (s) => s.stage === 'public-notice' && s.waitingOn);
    for (const [token, id] of [
      [e1.token, a],
      [s2.token, b],
    ] as const) {
      const n = await exactlyOne(token, 'selection-result', { roundId, allianceId: id });
      expect(n.data).toMatchObject({
        selected: true,
        reason: { zh: expect.any(String), en: expect.any(String) },
      });
    }

    // --- public notice ---------------------------------------------------------------------------------
    const ofOffice = await exactlyOne(admin, 'notice-published', { roundId });
    expect(ofOffice.subject.allianceId).toBeUndefined();
    expect(ofOffice.data.closesAt).toEqual(expect.any(String));
    await exactlyOne(e1.token, 'notice-published', { roundId, allianceId: a });
    await exactlyOne(s2.token, 'notice-published', { roundId, allianceId: b });

    // --- an objection, received and dismissed ----------------------------------------------------------
    const objection = await api('POST', `/v1/public/rounds/${roundId}/objections`, {
      body: {
        allianceId: b,
        name: '通知王某',
        contact: 'notify-wang@example.cn',
        text: '请核实该联盟的研发人员数据。',
      },
    });
    expect(objection.status, objection.text).toBe(201);
    const objectionId = objection.body.id as string;
    const received = await exactlyOne(admin, 'objection-received', { roundId, objectionId });
    expect(JSON.stringify(received)).not.toMatch(/通知王某|notify-wang/);
    for (const token of [e2.token, s2.token])
      expect(await of(token, 'objection-received', { objectionId })).toHaveLength(0);
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    await waitForPipeline(
      admin,
      roundId,
      'the objections gate',
      (s) => s.stage === 'objections' && s.waitingOn,
    );
    const resolved = await api('POST', `/v1/rounds/${roundId}/objections/${objectionId}/resolve`, {
      token: admin,
      body: { outcome: 'dismissed', reason: '经核查，数据属实' },
    });
    expect(resolved.status, resolved.text).toBe(200);
    for (const token of [admin, e2.token, s2.token]) {
      const n = await exactlyOne(token, 'objection-resolved', { roundId, objectionId });
      expect(n.data).toMatchObject({ outcome: { en: 'dismissed' }, reason: '经核查，数据属实' });
      expect(JSON.stringify(n)).not.toMatch(/通知王某|notify-wang/);
    }
    expect(await of(e1.token, 'objection-resolved', { objectionId })).toHaveLength(0);
    const twice = await api('POST', `/v1/rounds/${roundId}/objections/${objectionId}/resolve`, {
      token: admin,
      body: { outcome: 'upheld', reason: '再次' },
    });
    expect(twice.status).toBe(409);

    // --- designation -------------------------------------------------------------------------------------
    await waitForPipeline(admin, roundId, 'the pipeline to finish', (s) => s.status === 'SUCCEEDED');
    for (const token of [e1.token, s1.token]) {
      const n = await exactlyOne(token, 'designation', { roundId, allianceId: a });
      expect(n.data).toMatchObject({ amount: '¥300,000', amountYuan: 300_000 });
    }
    await exactlyOne(e2.token, 'designation', { roundId, allianceId: b });

    // --- replayed steps write nothing new -------------------------------------------------------------
    Object.assign(process.env, handlerEnv, { POWERTOOLS_LOG_LEVEL: 'SILENT' });
    const stages = await import('../../shared/usecases/pipeline/stages/index.ts');
    const { designate } = await import('../../shared/usecases/pipeline/stages/designation.ts');
    await stages.assignRoundReviewers(roundId, 'replay');
    let cursor: string | undefined;
    do cursor = (await stages.applySelection(roundId, 'replay', cursor)).cursor;
    while (cursor);
    await stages.publishNotice(roundId, 'replay');
    await designate(roundId, a, 'replay');
    for (const id of [a, b])
      await exactlyOne(reviewerToken, 'reviewer-assigned', { roundId, allianceId: id });
    await exactlyOne(e1.token, 'selection-result', { roundId, allianceId: a });
    await exactlyOne(admin, 'notice-published', { roundId });
    await exactlyOne(e1.token, 'notice-published', { roundId, allianceId: a });
    await exactlyOne(e1.token, 'designation', { roundId, allianceId: a });
    // Recording the same screening decision again is no new decision (the gate is closed now: 409).
    await exactlyOne(s1.token, 'screening-result', { roundId, allianceId: a });

    // --- inspection: planned (offices only), completed with follow-up (the members) -------------------
    const inspectorId = uid('notify-ins');
    const registered = await api('PUT', `/v1/inspectors/${inspectorId}`, {
      token: admin,
      body: { name: '通知检查员', affiliations: [], conflicts: [] },
    });
    expect(registered.status, registered.text).toBe(200);
    const drawn = await api('POST', '/v1/inspections/draws', {
      token: admin,
      body: { share: 1, seed: uid('seed'), asOf: new Date().toISOString(), allianceIds: [a] },
    });
    expect(drawn.status, drawn.text).toBe(201);
    const list = await api('GET', `/v1/alliances/${a}/inspections`, { token: admin });
    expect(list.status, list.text).toBe(200);
    const inspection = list.body.items[0] as { inspectionId: string; inspectorId: string };
    expect(inspection.inspectorId).toEqual(expect.any(String));
    const inspectionId = inspection.inspectionId;
    for (const token of [admin, office]) await exactlyOne(token, 'inspection-planned', { inspectionId });
    for (const token of [e1.token, s1.token])
      expect((await outbox(token)).filter((n) => n.topic === 'inspection-planned')).toHaveLength(0);
    const inspector = await tokenFor(['inspector'], inspection.inspectorId);
    const findings = {
      findings: '专账支出与进度不符。',
      rating: 'poor',
      followUpActions: [{ action: '说明超前支出', due: '2027-08-01' }],
    };
    const done = await api('POST', `/v1/inspections/${inspectionId}/findings`, {
      token: inspector,
      body: findings,
    });
    expect(done.status, done.text).toBe(200);
    for (const token of [e1.token, s1.token]) {
      const n = await exactlyOne(token, 'inspection-follow-up', { inspectionId, allianceId: a });
      expect(n.data.outcome).toMatchObject({ en: expect.stringContaining('poor') });
    }
    const repeated = await api('POST', `/v1/inspections/${inspectionId}/findings`, {
      token: inspector,
      body: findings,
    });
    expect(repeated.status).toBe(409);
    await exactlyOne(e1.token, 'inspection-follow-up', { inspectionId });
    expect(apiUrl).toBeTruthy();
  }, 180_000);
});
