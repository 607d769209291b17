/**
 * Issue #9, over HTTP: two alliances tied on the final score — the ranking and the selection say
 * which rule decided the tie (here, equal raw means: the smaller request goes first), in both
 * languages, and the one left out reads the budget increase that would fund it.
 */
import { describe, expect, it } from 'vitest';
import { api, tokenFor, uid } from './client.ts';
import { atGate, closeAndScreen, reviewEach, twoAllianceRound, waitForPipeline } from './fixtures.ts';

describe('a tie on the final score, as the programme office reads it', () => {
  it('names the rule that decided it in the ranking and in both selection reasons', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const {
      roundId,
      a: big,
      b: small,
      reviewer,
    } = await twoAllianceRound(admin, { budget: 250_000, perAllianceCap: 250_000, reviewersPerAlliance: 1 }, [
      ['并列联盟甲', 200_000],
      ['并列联盟乙', 150_000],
    ]);
    await closeAndScreen(admin, roundId, [big, small]);
    await reviewEach(await tokenFor(['reviewer'], reviewer), roundId, [
      [big, 8],
      [small, 8],
    ]);
    await waitForPipeline(admin, roundId, 'the selection gate', atGate('selection'));
    const ranking = (await api('GET', `/v1/rounds/${roundId}/ranking`, { token: admin })).body;
    expect(ranking.items.map((r: { allianceId: string }) => r.allianceId)).toEqual([small, big]);
    const [first, second] = ranking.items.map((i: { ranking: unknown }) => i.ranking);
    expect(first.finalScore).toBe(second.finalScore);
    expect(first.tieBreaks).toEqual([expect.objectContaining({ with: big, rule: 'requested', above: true })]);
    const [won, lost] = ranking.items.map((i: { proposed: unknown }) => i.proposed);
    expect(won.funded).toBe(true);
    expect(won.reason.zh).toContain('申请金额较少（¥150,000 对 ¥200,000），排名在前');
    expect(lost.funded).toBe(false);
    expect(lost.reason.en).toContain(`tied with ${small}`);
    expect(lost.reason.en).toContain('by the larger request (¥200,000 vs ¥150,000)');
    expect(lost.reason.zh).toContain('预算增加 ¥100,000 即可获资助');
  });
});
