/**
 * Issue #10, over HTTP: a decision reads the gate's tally, not the round — and the tally stays
 * exact when a decision is changed, repeated or made at the same instant as another. The gate
 * completes once, on the decision that makes the count whole.
 */
import { describe, expect, it } from 'vitest';
import { api, tokenFor, uid } from './client.ts';
import { atGate, twoAllianceRound, waitForPipeline } from './fixtures.ts';

const screen = (admin: string, roundId: string, allianceId: string, outcome: 'pass' | 'reject') =>
  api('POST', `/v1/rounds/${roundId}/screening/${allianceId}`, {
    token: admin,
    body: { outcome, reason: outcome === 'pass' ? '符合申报条件' : '材料不全' },
  });

const review = (token: string, roundId: string, allianceId: string, score: number) =>
  api('PUT', `/v1/reviews/assignments/${roundId}/${allianceId}`, {
    token,
    body: {
      scores: { innovation: score, feasibility: score, impact: score },
      comment: '意见',
      recommendation: 'fund',
    },
  });

describe('gate tallies', () => {
  it('count a changed decision once, and complete the gate once when the last two land together', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const { roundId, a, b, reviewer } = await twoAllianceRound(admin, { reviewersPerAlliance: 1 }, [
      ['计数联盟甲', 200_000],
      ['计数联盟乙', 150_000],
    ]);
    const closed = await api('POST', `/v1/rounds/${roundId}/close`, {
      token: admin,
      body: { reason: '截止' },
    });
    expect(closed.status, closed.text).toBe(202);
    await waitForPipeline(admin, roundId, 'the screening gate', atGate('screening'));

    const first = await screen(admin, roundId, a, 'pass');
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ pending: 1, screeningComplete: false });
    const changed = await screen(admin, roundId, a, 'reject');
    expect(changed.body).toMatchObject({ pending: 1, screeningComplete: false });
    const again = await screen(admin, roundId, a, 'reject');
    expect(again.body).toMatchObject({ pending: 1, screeningComplete: false });

    // The last decision and a change of an earlier one at the same instant.
    const both = await Promise.all([screen(admin, roundId, a, 'pass'), screen(admin, roundId, b, 'pass')]);
    for (const res of both) expect(res.status, res.text).toBe(200);
    expect(both.filter((res) => res.body.screeningComplete)).toHaveLength(1);
    expect(both.find((res) => res.body.allianceId === b)!.body.pending).toBe(0);
    await waitForPipeline(admin, roundId, 'the review gate', atGate('review'));
    const assignments = (await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })).body;
    expect(assignments.items.map((i: { allianceId: string }) => i.allianceId).sort()).toEqual([a, b].sort());

    const token = await tokenFor(['reviewer'], reviewer);
    expect((await review(token, roundId, a, 7)).body.allReviewsIn).toBe(false);
    expect((await review(token, roundId, a, 8)).body.allReviewsIn).toBe(false); // an update is not a second review
    expect((await review(token, roundId, b, 9)).body.allReviewsIn).toBe(true);
    await waitForPipeline(admin, roundId, 'the selection gate', atGate('selection'));
  });
});
