/**
 * Issue #9, over HTTP: two alliances tied on the final score — the ranking and the selection say
 * which rule decided the tie (here, equal raw means: the smaller request goes first), in both
 * languages, and the one left out reads the budget increase that would fund it.
 */
import { describe, expect, it } from 'vitest';
import { api, eventually, tokenFor, uid } from './client.ts';
import {
  passScreening,
  registerReviewer,
  roundBody,
  submittedAlliance,
  twoEnterprisesTwoSocieties,
} from './fixtures.ts';

describe('a tie on the final score, as the programme office reads it', () => {
  it('names the rule that decided it in the ranking and in both selection reasons', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const created = await api('POST', '/v1/rounds', {
      token: admin,
      body: roundBody({ budget: 250_000, perAllianceCap: 250_000, reviewersPerAlliance: 1 }),
    });
    expect(created.status, created.text).toBe(201);
    const roundId = created.body.id as string;
    const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
    const big = await submittedAlliance(roundId, e1, s1, '并列联盟甲', 200_000);
    const small = await submittedAlliance(roundId, e2, s2, '并列联盟乙', 150_000);
    const reviewer = uid('rev');
    await registerReviewer(admin, roundId, reviewer);
    expect(
      (await api('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '截止' } })).status,
    ).toBe(202);
    const stage = (name: string) =>
      eventually(async () => {
        const s = (await api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin })).body;
        return s.stage === name && s.waitingOn ? s : undefined;
      }, name);
    await stage('screening');
    await passScreening(admin, roundId, [big, small]);
    await stage('review');
    const token = await tokenFor(['reviewer'], reviewer);
    for (const id of [big, small]) {
      const res = await api('PUT', `/v1/reviews/assignments/${roundId}/${id}`, {
        token,
        body: {
          scores: { innovation: 8, feasibility: 8, impact: 8 },
          comment: '相同',
          recommendation: 'fund',
        },
      });
      expect(res.status, res.text).toBe(200);
    }
    await stage('selection');
    const ranking = (await api('GET', `/v1/rounds/${roundId}/ranking`, { token: admin })).body;
    expect(ranking.ranking.map((r: { allianceId: string }) => r.allianceId)).toEqual([small, big]);
    const [first, second] = ranking.ranking;
    expect(first.finalScore).toBe(second.finalScore);
    expect(first.tieBreaks).toEqual([expect.objectContaining({ with: big, rule: 'requested', above: true })]);
    const [won, lost] = ranking.result.rows;
    expect(won.funded).toBe(true);
    expect(won.reason.zh).toContain('申请金额较少（¥150,000 对 ¥200,000），排名在前');
    expect(lost.funded).toBe(false);
    expect(lost.reason.en).toContain(`tied with ${small}`);
    expect(lost.reason.en).toContain('by the larger request (¥200,000 vs ¥150,000)');
    expect(lost.reason.zh).toContain('预算增加 ¥100,000 即可获资助');
  });
});
