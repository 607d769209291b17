/**
 * Issue #9: a selected alliance withdrawing before designation frees its award like an upheld
 * objection: the notice shows it withdrawn with the reason, the office is asked about 递补 and may
 * decline (the money stays unspent, recorded with why).
 */
import { describe, expect, it } from 'vitest';
import { api, apiUrl, eventually, skipWaits, tokenFor, uid } from './client.ts';
import {
  passScreening,
  registerReviewer,
  roundBody,
  submittedAlliance,
  twoEnterprisesTwoSocieties,
} from './fixtures.ts';

describe('a selected alliance withdraws before designation', () => {
  it('is withdrawn from the selection and the notice; 递补 declined with a reason; nothing designated', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const created = await api('POST', '/v1/rounds', {
      token: admin,
      body: roundBody({
        budget: 250_000,
        perAllianceCap: 250_000,
        reviewersPerAlliance: 1,
        noticePeriodDays: 3,
      }),
    });
    expect(created.status, created.text).toBe(201);
    const roundId = created.body.id as string;
    const status = () => api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin }).then((r) => r.body);
    const stage = (name: string) =>
      eventually(
        async () => {
          const s = await status();
          return s.stage === name && s.waitingOn ? s : undefined;
        },
        name,
        30_000,
      );
    const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
    const first = await submittedAlliance(roundId, e1, s1, '撤回联盟甲', 200_000);
    const second = await submittedAlliance(roundId, e2, s2, '撤回联盟乙', 150_000);
    const reviewer = uid('rev');
    await registerReviewer(admin, roundId, reviewer);
    expect(
      (await api('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '截止' } })).status,
    ).toBe(202);
    await stage('screening');
    await passScreening(admin, roundId, [first, second]);
    await stage('review');
    const token = await tokenFor(['reviewer'], reviewer);
    for (const [id, score] of [
      [first, 9],
      [second, 7],
    ] as const)
      await api('PUT', `/v1/reviews/assignments/${roundId}/${id}`, {
        token,
        body: {
          scores: { innovation: score, feasibility: score, impact: score },
          comment: '意见',
          recommendation: 'fund',
        },
      });
    await stage('selection');
    expect(
      (await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} })).status,
    ).toBe(200);
    await eventually(
      async () => ((await status()).stage === 'public-notice' ? true : undefined),
      'the notice',
    );

    // The lead enterprise withdraws the selected alliance (with its current version and a reason).
    const current = (await api('GET', `/v1/alliances/${first}`, { token: e1.token })).body;
    expect(current.status).toBe('selected');
    const withdrawn = await api('POST', `/v1/alliances/${first}/withdraw`, {
      token: e1.token,
      body: { version: current.version, reason: '牵头企业经营调整，无法履约' },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const notice = (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice`).then((r) => r.json())) as any;
    expect(notice.entries[0]).toMatchObject({
      allianceId: first,
      withdrawn: { ground: '联盟申请撤回：牵头企业经营调整，无法履约' },
    });
    expect(notice.totalAward).toBe(0);

    // After the notice period the office is asked about 递补: the second alliance would fit; it declines.
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    await stage('supplement');
    const preview = (await api('GET', `/v1/rounds/${roundId}/supplement`, { token: admin })).body;
    expect(preview).toMatchObject({ covers: [first], freed: 200_000, available: 250_000 });
    expect(preview.additions.map((a: { allianceId: string }) => a.allianceId)).toEqual([second]);
    const declined = await api('POST', `/v1/rounds/${roundId}/supplement`, {
      token: admin,
      body: { decision: 'decline', reason: '剩余经费留作下一批次' },
    });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toEqual({ roundId, decision: 'decline', additions: [] });

    const done = await eventually(
      async () => {
        const s = await status();
        return s.status === 'SUCCEEDED' ? s : undefined;
      },
      'funded',
      30_000,
    );
    expect(done.stage).toBe('implementation');
    expect((await api('GET', `/v1/alliances/${second}`, { token: e2.token })).body.status).toBe(
      'not-selected',
    );
    expect((await api('GET', `/v1/alliances/${first}/award`, { token: e1.token })).status).toBe(404);
    const history = (await api('GET', `/v1/rounds/${roundId}/history?limit=100`, { token: admin })).body
      .items as {
      action: string;
      reason?: string;
    }[];
    expect(history.find((h) => h.action === 'selection.withdrawn')?.reason).toBe(
      '牵头企业经营调整，无法履约',
    );
    expect(history.find((h) => h.action === 'selection.supplement-declined')?.reason).toBe(
      '剩余经费留作下一批次',
    );

    // An alliance that was not selected has nothing to withdraw from: refused, saying its status.
    const late = await api('POST', `/v1/alliances/${second}/withdraw`, {
      token: e2.token,
      body: {
        version: (await api('GET', `/v1/alliances/${second}`, { token: e2.token })).body.version,
        reason: '晚了',
      },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('not-selected');
  });
});
