/**
 * Selection at size (issue #10): the one-pass rank-order increases against the per-row iteration
 * they replace, branch and bound against exhaustive search and the dynamic programmes, and the
 * certificate when the search is cut short. No wall-clock assertions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realisticInstance } from '../../../bench/selection.ts';
import { applyAdjustments, type Candidate, selectWithinBudget } from '../../../shared/domain/selection.ts';
import { bruteIncreases, bruteMaxMerit, candidateLists, fundedIds } from './generators.fixtures.ts';

/** Candidates with ranks 1…n (in order), hundredth scores, sometimes tied, unreviewed or zero. */
const candidates = (o: { minN?: number; maxN: number; maxRequest: number; coarse?: boolean }) =>
  candidateLists({
    ...(o.minN === undefined ? {} : { minN: o.minN }),
    maxN: o.maxN,
    maxRequest: o.maxRequest,
    idDigits: 3,
    maxHundredths: 10_000,
    weights: { scored: 6, tied: o.coarse ? 4 : 1, unreviewed: 1, anyRequest: o.coarse ? 0 : 3 },
  });

/** The per-row method rank-order used before #10: re-run the greedy, b ← b + award − slack(b). */
function oldRankOrderIncreases(list: Candidate[], budget: number, cap: number): (number | undefined)[] {
  const sorted = [...list].sort((a, b) => a.rank - b.rank);
  const award = (c: Candidate) => Math.min(c.requested, cap);
  const leftAt = (b: number, j: number) => {
    let left = b;
    for (let i = 0; i < j; i++) {
      const c = sorted[i]!;
      if (c.finalScore !== null && award(c) <= left) left -= award(c);
    }
    return left;
  };
  return sorted.map((c, j) => {
    if (c.finalScore === null || leftAt(budget, j) >= award(c)) return undefined;
    let b = budget;
    for (;;) {
      const left = leftAt(b, j);
      if (left >= award(c)) return b - budget;
      b += award(c) - left;
    }
  });
}

describe('rank-order increases in one pass', () => {
  it('equal the per-row iteration they replace (random instances up to 60 alliances)', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 60, maxRequest: 500_000 }),
        fc.integer({ min: 0, max: 6_000_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        (list, budget, cap) => {
          const r = selectWithinBudget(list, { budget, perAllianceCap: cap, policy: 'rank-order' });
          expect(r.rows.map((row) => row.budgetIncreaseToFund)).toEqual(
            oldRankOrderIncreases(list, budget, cap),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equal the per-row iteration on the realistic instance (300 alliances, odd requests)', () => {
    const { candidates: list, budget, perAllianceCap } = realisticInstance(300);
    const r = selectWithinBudget(list, { budget, perAllianceCap, policy: 'rank-order' });
    const expected = oldRankOrderIncreases(list, budget, perAllianceCap);
    expect(r.rows.map((row) => row.budgetIncreaseToFund)).toEqual(expected);
    expect(expected.filter((d) => d !== undefined).length).toBeGreaterThan(100);
  });

  it('are minimal: funded at budget + Δ and at no smaller increase (brute force over Δ)', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 8, maxRequest: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (list, budget) => {
          const params = { budget, perAllianceCap: 45, policy: 'rank-order' as const };
          const r = selectWithinBudget(list, params);
          const increases = bruteIncreases(list, params, r);
          for (const row of r.rows) {
            if (row.funded || row.finalScore === null) {
              expect(row.budgetIncreaseToFund).toBeUndefined();
              continue;
            }
            expect(row.budgetIncreaseToFund).toBe(increases.get(row.allianceId));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('funds an award exactly equal to what is left, and asks for exactly the missing yuan', () => {
    const list: Candidate[] = [
      { allianceId: 'a', rank: 1, finalScore: 90, requested: 100_001 },
      { allianceId: 'b', rank: 2, finalScore: 80, requested: 199_999 },
      { allianceId: 'c', rank: 3, finalScore: 70, requested: 50_000 },
    ];
    const exact = selectWithinBudget(list, {
      budget: 300_000,
      perAllianceCap: 400_000,
      policy: 'rank-order',
    });
    expect(fundedIds(exact)).toEqual(['a', 'b']); // b's award is exactly what a left
    expect(exact.remaining).toBe(0);
    expect(exact.rows[2]!.budgetIncreaseToFund).toBe(50_000);
    const short = selectWithinBudget(list, {
      budget: 299_999,
      perAllianceCap: 400_000,
      policy: 'rank-order',
    });
    expect(fundedIds(short)).toEqual(['a', 'c']);
    expect(short.rows[1]!.budgetIncreaseToFund).toBe(1);
  });
});

describe('max-merit by branch and bound', () => {
  const bnb = { solver: 'branch-and-bound' as const };

  it('equals exhaustive search (n ≤ 14): merit, cost and the tie rules', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((coarse) =>
          candidates({ maxN: 14, maxRequest: coarse ? 40 : 300_000, coarse }).map((list) => ({
            list,
            coarse,
          })),
        ),
        fc.integer({ min: 0, max: 1_500_000 }),
        ({ list, coarse }, b) => {
          const cap = coarse ? 1000 : 200_000;
          const budget = coarse ? b % 200 : b;
          const expected = bruteMaxMerit(list, budget, cap);
          const r = selectWithinBudget(list, { budget, perAllianceCap: cap, policy: 'max-merit' }, bnb);
          expect(fundedIds(r)).toEqual(expected.ids);
          expect(r.totalAwarded).toBe(expected.cost);
          expect(Math.round(r.totalMerit * 100)).toBe(expected.merit);
          expect(r.certificate).toMatchObject({ optimal: true, method: 'branch-and-bound', gap: 0 });
          expect(r.certificate!.upperBound).toBe(r.totalMerit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the dynamic programmes where both run (40–200 alliances)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 200 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        (n, seed, share) => {
          // Awards in thousands keep the budget table small for any n; scores are yuan-free.
          const { candidates: real, perAllianceCap } = realisticInstance(n, seed);
          const list = real.map((c) => ({ ...c, requested: Math.round(c.requested / 1000) * 1000 }));
          const budget = Math.round(list.reduce((s, c) => s + c.requested, 0) * share);
          const params = { budget, perAllianceCap, policy: 'max-merit' as const };
          const dp = selectWithinBudget(list, params, { solver: 'dp-over-budget' });
          const r = selectWithinBudget(list, params, bnb);
          expect(fundedIds(r)).toEqual(fundedIds(dp));
          expect(r.certificate?.optimal).toBe(true);
          expect(r.totalMerit).toBe(dp.totalMerit);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('equals the merit programme at 40 alliances with odd requests (the automatic choice there)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { candidates: list, budget, perAllianceCap } = realisticInstance(40, seed);
      const params = { budget, perAllianceCap, policy: 'max-merit' as const };
      const dp = selectWithinBudget(list, params);
      expect(dp.solver?.kind).toBe('dp-over-merit');
      expect(dp.certificate).toMatchObject({
        optimal: true,
        method: 'dp-over-merit',
        increases: 'exact',
        gap: 0,
      });
      expect(fundedIds(selectWithinBudget(list, params, bnb))).toEqual(fundedIds(dp));
    }
  });

  it('fills the budget exactly when a set costs exactly the budget', () => {
    const list: Candidate[] = [
      { allianceId: 'a', rank: 1, finalScore: 90, requested: 300_001 },
      { allianceId: 'b', rank: 2, finalScore: 60, requested: 150_001 },
      { allianceId: 'c', rank: 3, finalScore: 60, requested: 150_000 },
      { allianceId: 'd', rank: 4, finalScore: 59.99, requested: 149_999 },
    ];
    const params = { budget: 300_001, perAllianceCap: 400_000, policy: 'max-merit' as const };
    for (const options of [bnb, { solver: 'dp-over-merit' as const }]) {
      const r = selectWithinBudget(list, params, options);
      expect(fundedIds(r)).toEqual(['b', 'c']); // 120 points for exactly ¥300,001, over a's 90
      expect(r.remaining).toBe(0);
      const less = selectWithinBudget(list, { ...params, budget: 300_000 }, options);
      expect(fundedIds(less)).toEqual(['c', 'd']); // 119.99: one yuan short of b + c
    }
  });

  it('says in every scored row that the selection is proven optimal, and why no increase is given', () => {
    const { candidates: list, budget, perAllianceCap } = realisticInstance(60, 7);
    const r = selectWithinBudget(list, { budget, perAllianceCap, policy: 'max-merit' }, bnb);
    const nodes = r.certificate!.nodes;
    expect(r.certificate).toMatchObject({ optimal: true, increases: 'omitted', gap: 0 });
    const funded = r.rows.find((row) => row.funded)!;
    expect(funded.reason.en).toMatch(
      new RegExp(
        `highest total score within the budget\\); the selection is proven optimal \\(branch and bound, ${nodes} nodes\\)$`,
      ),
    );
    expect(funded.reason.zh).toContain(`；该选择已证明为最优（分支定界，${nodes} 个节点）`);
    const out = r.rows.find((row) => !row.funded && row.finalScore !== null)!;
    expect(out.budgetIncreaseToFund).toBeUndefined();
    expect(out.reason.en).toMatch(/^not funded: the budget buys more merit without it/);
    expect(out.reason.en).toContain('the budget increase that would fund it is not computed for');
    expect(out.reason.zh).toContain('未计算使其获资助所需的预算增加额');
    const unreviewed = r.rows.find((row) => row.finalScore === null);
    if (unreviewed) expect(unreviewed.reason.en).toMatch(/^not funded: no review was received \(rank \d+\)$/);
  });
});

describe('the selection certificate when the search is cut short', () => {
  it('bounds the true optimum from above (node limit, n ≤ 14), and the reasons show the bound', () => {
    fc.assert(
      fc.property(
        candidates({ minN: 1, maxN: 14, maxRequest: 300_000 }),
        fc.integer({ min: 0, max: 1_500_000 }),
        fc.integer({ min: 1, max: 20 }),
        (list, budget, nodeLimit) => {
          const truth = bruteMaxMerit(list, budget, 200_000);
          const r = selectWithinBudget(
            list,
            { budget, perAllianceCap: 200_000, policy: 'max-merit' },
            { solver: 'branch-and-bound', nodeLimit },
          );
          const cert = r.certificate!;
          expect(r.totalAwarded).toBeLessThanOrEqual(budget);
          expect(cert.totalMerit).toBe(r.totalMerit);
          expect(Math.round(cert.upperBound * 100)).toBeGreaterThanOrEqual(truth.merit);
          expect(Math.round(r.totalMerit * 100)).toBeLessThanOrEqual(truth.merit);
          expect(cert.gap).toBeCloseTo(cert.upperBound - cert.totalMerit, 6);
          if (cert.optimal) {
            expect(fundedIds(r)).toEqual(truth.ids);
            return;
          }
          expect(cert.stoppedBy).toBe('node-limit');
          expect(cert.nodes).toBe(nodeLimit);
          const scored = r.rows.filter((row) => row.finalScore !== null && row.finalScore >= 0.005);
          for (const row of scored) {
            expect(row.reason.en).toContain(
              `within ${cert.gap.toFixed(2)} points of the best possible total (bound ${cert.upperBound.toFixed(2)};`,
            );
            expect(row.reason.zh).toContain(
              `相差不超过 ${cert.gap.toFixed(2)} 分（上界 ${cert.upperBound.toFixed(2)}；`,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('at 10,000 alliances: a deterministic stop, the best found and a bound at least the proven optimum', () => {
    const { candidates: list, budget, perAllianceCap } = realisticInstance(10_000);
    const params = { budget, perAllianceCap, policy: 'max-merit' as const };
    const cut = selectWithinBudget(list, params, { nodeLimit: 1_000 });
    const full = selectWithinBudget(list, params);
    expect(full.certificate).toMatchObject({ optimal: true, method: 'branch-and-bound', gap: 0 });
    expect(cut.certificate).toMatchObject({ optimal: false, stoppedBy: 'node-limit', nodes: 1_000 });
    expect(cut.certificate!.upperBound).toBeGreaterThanOrEqual(full.totalMerit);
    expect(cut.totalMerit).toBeLessThanOrEqual(full.totalMerit);
    expect(cut.totalAwarded).toBeLessThanOrEqual(budget);
    // A time limit stops it too (how far it got is not deterministic; that it stopped, here, is).
    const timed = selectWithinBudget(list, params, { timeLimitMs: 0 });
    expect(timed.certificate).toMatchObject({ optimal: false, stoppedBy: 'time-limit' });
    expect(timed.certificate!.upperBound).toBeGreaterThanOrEqual(full.totalMerit);
    const funded = cut.rows.find((row) => row.funded)!;
    expect(funded.reason.en).toContain(
      'in the set of alliances with the highest total score found within the budget',
    );
    const out = cut.rows.find((row) => !row.funded && row.finalScore !== null)!;
    expect(out.reason.en).toMatch(
      /^not funded: not in the set of alliances with the highest total score found/,
    );
    expect(out.reason.zh).toMatch(/^未获资助：不在已找到的预算内总分最高的联盟组合中/);
    // Adjusting keeps the policy's certificate.
    const id = full.rows.find((row) => row.funded)!.allianceId;
    const adjusted = applyAdjustments(full, [{ allianceId: id, action: 'exclude', reason: '复议' }], budget);
    expect('certificate' in adjusted && adjusted.certificate).toEqual(full.certificate);
  });
});
