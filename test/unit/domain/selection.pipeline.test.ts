/**
 * The round pipeline's pure steps end to end: assign reviewers → score → calibrate and rank →
 * select within the budget → adjust. Each step's output is the next one's input, as in
 * shared/usecases/pipeline/stages/selection.ts, without any I/O.
 */
import { describe, expect, it } from 'vitest';
import { assignReviewers, conflicted } from '../../../shared/domain/assignment.ts';
import { type Review, rankAlliances } from '../../../shared/domain/scoring.ts';
import { applyAdjustments, selectWithinBudget } from '../../../shared/domain/selection.ts';
import { scoringRound, uniformReview } from './pipeline.fixtures.ts';

const alliances = Array.from({ length: 8 }, (_, i) => ({
  id: `al-${i}`,
  memberOrganisationIds: [
    `ent-${i}`,
    `soc-${i % 3}`,
    ...(i % 2 ? [`ent-${i + 10}`, `soc-${(i % 3) + 1}`] : []),
  ],
  sectors: [['optoelectronics'], ['biomedicine', 'new-materials'], ['agriculture']][i % 3]!,
  // a quality the (simulated) reviewers perceive, 3…9
  quality: 3 + ((i * 5) % 7),
  requested: 150_000 + 50_000 * (i % 4),
}));
const reviewers = Array.from({ length: 5 }, (_, i) => ({
  id: `rev-${i}`,
  expertise: [
    ['optoelectronics'],
    ['biomedicine'],
    ['new-materials', 'agriculture'],
    [],
    ['optoelectronics'],
  ][i]!,
  conflicts: [`soc-${i}`], // each reviewer belongs to one society
  leniency: i - 2, // rev-0 is 2 points harsher than average, rev-4 2 points more lenient
}));

describe('round pipeline (pure steps)', () => {
  it('assigns, ranks and selects consistently, with a reason for every alliance', () => {
    const assignment = assignReviewers(reviewers, alliances, { perAlliance: 3, seed: 'round-2025' });
    const rById = new Map(reviewers.map((r) => [r.id, r]));
    const aById = new Map(alliances.map((a) => [a.id, a]));
    for (const p of assignment.assignments)
      expect(conflicted(rById.get(p.reviewerId)!, aById.get(p.allianceId)!)).toBe(false);

    const reviews: Review[] = assignment.assignments.map((p) => {
      const s = aById.get(p.allianceId)!.quality + rById.get(p.reviewerId)!.leniency;
      return uniformReview(p.reviewerId, p.allianceId, Math.max(0, Math.min(10, s)));
    });
    const ranking = rankAlliances({
      alliances: alliances.map((a) => ({
        id: a.id,
        sectors: a.sectors,
        enterpriseCount: a.memberOrganisationIds.filter((o) => o.startsWith('ent')).length,
        societyCount: a.memberOrganisationIds.filter((o) => o.startsWith('soc')).length,
        requested: a.requested,
      })),
      reviews,
      round: scoringRound,
    });
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const r of ranking)
      expect(r.reviewCount).toBe(assignment.assignments.filter((p) => p.allianceId === r.allianceId).length);

    for (const policy of ['rank-order', 'max-merit'] as const) {
      const result = selectWithinBudget(
        ranking.map((r) => ({
          allianceId: r.allianceId,
          rank: r.rank,
          finalScore: r.finalScore,
          requested: r.requested,
        })),
        { budget: 800_000, perAllianceCap: 250_000, policy },
      );
      expect(result.totalAwarded).toBeLessThanOrEqual(800_000);
      expect(result.rows).toHaveLength(8);
      for (const row of result.rows) {
        expect(row.reason.en).toMatch(row.funded ? /^funded/ : /^not funded/);
        expect(row.reason.zh).toMatch(row.funded ? /^获资助/ : /^未获资助/);
        if (!row.funded) expect(row.budgetIncreaseToFund).toBeGreaterThan(0);
      }
      const firstOut = result.rows.find((r) => !r.funded)!;
      const swapped = applyAdjustments(
        result,
        [
          { allianceId: firstOut.allianceId, action: 'include', reason: '专家委员会复议' },
          ...result.rows
            .filter((r) => r.funded)
            .map((r) => ({ allianceId: r.allianceId, action: 'exclude' as const, reason: '测试' })),
        ],
        800_000,
      );
      expect(
        'error' in swapped ? swapped : swapped.rows.filter((r) => r.funded).map((r) => r.allianceId),
      ).toEqual([firstOut.allianceId]);
    }
  });
});
