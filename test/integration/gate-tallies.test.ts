/**
 * Issue #10, over HTTP: a decision reads the gate's tally, not the round — and the tally stays
 * exact when a decision is changed, repeated or made at the same instant as another. The gate
 * completes once, on the decision that makes the count whole.
 */
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys.ts';
import { api, ddb, tableName, tokenFor, uid } from './client.ts';
import { atGate, twoAllianceRound, waitForPipeline } from './fixtures.ts';

/** Deletes a gate's tally, as for a round that was waiting at the gate before tallies came in. */
const dropTally = (roundId: string, name: string) =>
  ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.tally(roundId, name) }));

/** The tally item as stored (consistent read), its counters only. */
async function storedTally(roundId: string, name: string) {
  const { Item } = await ddb.send(
    new GetCommand({ TableName: tableName, Key: keys.tally(roundId, name), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, tally: _tally, v: _v, ...counts } = Item;
  return counts;
}

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

/** A round of two alliances (one reviewer each), closed and waiting at the screening gate. */
async function atScreening(first: string, second: string) {
  const admin = await tokenFor(['admin'], uid('admin'));
  const round = await twoAllianceRound(admin, { reviewersPerAlliance: 1 }, [
    [first, 200_000],
    [second, 150_000],
  ]);
  const closed = await api('POST', `/v1/rounds/${round.roundId}/close`, {
    token: admin,
    body: { reason: '截止' },
  });
  expect(closed.status, closed.text).toBe(202);
  await waitForPipeline(admin, round.roundId, 'the screening gate', atGate('screening'));
  return { admin, ...round };
}

describe('gate tallies', () => {
  it('count a changed decision once, and complete the gate once when the last two land together', async () => {
    const { admin, roundId, a, b, reviewer } = await atScreening('计数联盟甲', '计数联盟乙');

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

  it('count a decision whose tally is missing from the records, then commit it (no read before)', async () => {
    const { admin, roundId, a, b, reviewer } = await atScreening('补计联盟甲', '补计联盟乙');
    expect(await storedTally(roundId, 'screening')).toEqual({ total: 2, decided: 0, passed: 0, rejected: 0 });

    // A first decision, a changed one and a repeated one (no delta), each with the tally gone.
    await dropTally(roundId, 'screening');
    const first = await screen(admin, roundId, a, 'pass');
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ pending: 1, screeningComplete: false });
    expect(await storedTally(roundId, 'screening')).toEqual({ total: 2, decided: 1, passed: 1, rejected: 0 });

    await dropTally(roundId, 'screening');
    const changed = await screen(admin, roundId, a, 'reject');
    expect(changed.body).toMatchObject({ pending: 1, screeningComplete: false });
    expect(await storedTally(roundId, 'screening')).toEqual({ total: 2, decided: 1, passed: 0, rejected: 1 });

    await dropTally(roundId, 'screening');
    const again = await screen(admin, roundId, a, 'reject');
    expect(again.body).toMatchObject({ pending: 1, screeningComplete: false });
    expect(await storedTally(roundId, 'screening')).toEqual({ total: 2, decided: 1, passed: 0, rejected: 1 });

    // The last two decisions at the same instant, with the tally gone: both land (neither's recount
    // keeps the other's from landing), each counted once, and the gate completes once.
    await dropTally(roundId, 'screening');
    const last = await Promise.all([screen(admin, roundId, a, 'pass'), screen(admin, roundId, b, 'pass')]);
    for (const res of last) expect(res.status, res.text).toBe(200);
    expect(last.filter((res) => res.body.screeningComplete)).toHaveLength(1);
    expect(await storedTally(roundId, 'screening')).toEqual({ total: 2, decided: 2, passed: 2, rejected: 0 });
    await waitForPipeline(admin, roundId, 'the review gate', atGate('review'));

    // Reviews: a first review with the tally gone counts it, then adds itself.
    const token = await tokenFor(['reviewer'], reviewer);
    await dropTally(roundId, 'review');
    expect((await review(token, roundId, a, 7)).body.allReviewsIn).toBe(false);
    expect(await storedTally(roundId, 'review')).toEqual({ assigned: 2, reviewed: 1, reviews: 1 });
    await dropTally(roundId, 'review');
    expect((await review(token, roundId, b, 9)).body.allReviewsIn).toBe(true);
    expect(await storedTally(roundId, 'review')).toEqual({ assigned: 2, reviewed: 2, reviews: 2 });
    await waitForPipeline(admin, roundId, 'the selection gate', atGate('selection'));
  });
});
