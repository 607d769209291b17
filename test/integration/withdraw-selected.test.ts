/**
 * Issue #9: a selected alliance withdrawing before designation frees its award like an upheld
 * objection: the notice shows it withdrawn with the reason, the office is asked about 递补 and may
 * decline (the money stays unspent, recorded with why).
 */
import { describe, expect, it } from 'vitest';
import { api, apiUrl, eventually, skipWaits, tokenFor, uid } from './client.ts';
import {
  atGate,
  closeAndScreen,
  pipelineOf,
  reviewEach,
  twoAllianceRound,
  waitForPipeline,
} from './fixtures.ts';

describe('a selected alliance withdraws before designation', () => {
  it('is withdrawn from the selection and the notice; 递补 declined with a reason; nothing designated', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const {
      roundId,
      a: first,
      b: second,
      parties: { e1, e2 },
      reviewer,
    } = await twoAllianceRound(
      admin,
      { budget: 250_000, perAllianceCap: 250_000, reviewersPerAlliance: 1, noticePeriodDays: 3 },
      [
        ['撤回联盟甲', 200_000],
        ['撤回联盟乙', 150_000],
      ],
    );
    const status = () => pipelineOf(admin, roundId);
    const stage = (name: string) => waitForPipeline(admin, roundId, name, atGate(name));
    await closeAndScreen(admin, roundId, [first, second]);
    await reviewEach(await tokenFor(['reviewer'], reviewer), roundId, [
      [first, 9],
      [second, 7],
    ]);
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
