import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Adjustment,
  applyAdjustments,
  type Candidate,
  type Policy,
  type SelectionResult,
  selectWithinBudget,
} from '../../../shared/domain/selection.ts';

/** Candidates with distinct ranks 1…n; scores in hundredths, sometimes tied; sometimes unreviewed. */
const candidates = (o: {
  maxN: number;
  maxRequest: number;
  ties?: boolean;
  nulls?: boolean;
  coarse?: boolean;
}) =>
  fc.integer({ min: 0, max: o.maxN }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          allianceId: fc.constant(`a${String(i).padStart(2, '0')}`),
          rank: fc.constant(i + 1),
          finalScore: fc.oneof(
            { weight: o.coarse ? 0 : 6, arbitrary: fc.integer({ min: 0, max: 12_000 }).map((h) => h / 100) },
            { weight: o.ties ? 3 : 0, arbitrary: fc.constantFrom(50, 60, 75.5) },
            { weight: o.nulls ? 1 : 0, arbitrary: fc.constant(null) },
          ),
          requested: fc.oneof(
            { weight: o.coarse ? 0 : 1, arbitrary: fc.integer({ min: 0, max: o.maxRequest }) },
            {
              weight: 1,
              arbitrary: fc.integer({ min: 0, max: 4 }).map((k) => Math.round((k * o.maxRequest) / 4)),
            },
          ),
        }),
      ),
    ),
  ) as fc.Arbitrary<Candidate[]>;

const policy = fc.constantFrom<Policy>('rank-order', 'max-merit');
const spent = (r: SelectionResult) => r.rows.reduce((s, row) => (row.funded ? s + row.award : s), 0);
const fundedIds = (r: SelectionResult) => r.rows.filter((row) => row.funded).map((row) => row.allianceId);

/** The max-merit optimum by enumeration: most merit (hundredths), then least cost, then highest-ranked set. */
function bruteMaxMerit(list: Candidate[], budget: number, cap: number): string[] {
  const sorted = [...list].sort((a, b) => a.rank - b.rank);
  const n = sorted.length;
  let best: { merit: number; cost: number; key: string; ids: string[] } | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    let merit = 0;
    let cost = 0;
    let ok = true;
    let key = '';
    for (let i = 0; i < n; i++) {
      const inSet = (mask >> i) & 1;
      key += inSet ? '1' : '0';
      if (!inSet) continue;
      const c = sorted[i]!;
      if (c.finalScore === null) ok = false;
      merit += Math.round((c.finalScore ?? 0) * 100);
      cost += Math.min(c.requested, cap);
    }
    if (!ok || cost > budget) continue;
    if (
      !best ||
      merit > best.merit ||
      (merit === best.merit && (cost < best.cost || (cost === best.cost && key > best.key)))
    )
      best = { merit, cost, key, ids: sorted.filter((_, i) => (mask >> i) & 1).map((c) => c.allianceId) };
  }
  return best!.ids;
}

describe('selectWithinBudget: properties', () => {
  it('never spends more than the budget, and totals add up', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 25, maxRequest: 500_000, ties: true, nulls: true }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        policy,
        (list, budget, cap, p) => {
          const r = selectWithinBudget(list, { budget, perAllianceCap: cap, policy: p });
          expect(spent(r)).toBeLessThanOrEqual(budget);
          expect(r.totalAwarded).toBe(spent(r));
          expect(r.remaining).toBe(budget - spent(r));
          for (const row of r.rows) {
            expect(row.award).toBe(Math.min(row.requested, cap));
            if (row.finalScore === null) expect(row.funded).toBe(false);
            expect(row.reason.en.length).toBeGreaterThan(0);
            expect(row.reason.zh.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('rank-order: an alliance is left out only when its award exceeds what the higher-ranked funded ones left', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 25, maxRequest: 500_000, nulls: true }),
        fc.integer({ min: 0, max: 3_000_000 }),
        (list, budget) => {
          const r = selectWithinBudget(list, { budget, perAllianceCap: 300_000, policy: 'rank-order' });
          let above = 0;
          for (const row of r.rows) {
            if (row.finalScore !== null) expect(row.funded).toBe(row.award <= budget - above);
            if (row.funded) above += row.award;
          }
        },
      ),
    );
  });

  it('max-merit: the selection equals the exhaustive optimum (n ≤ 12), with both exact programmes', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 12, maxRequest: 300_000, ties: true, nulls: true }),
        fc.integer({ min: 0, max: 1_500_000 }),
        (list, budget) => {
          const expected = bruteMaxMerit(list, budget, 200_000);
          for (const solver of ['dp-over-merit', 'dp-over-budget'] as const) {
            const r = selectWithinBudget(
              list,
              { budget, perAllianceCap: 200_000, policy: 'max-merit' },
              { solver },
            );
            expect(fundedIds(r)).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('max-merit: ties (equal scores, equal awards) go to the cheaper, then the higher-ranked set, as exhaustive search says', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 9, maxRequest: 40, ties: true, coarse: true }),
        fc.integer({ min: 0, max: 150 }),
        (list, budget) => {
          const expected = bruteMaxMerit(list, budget, 1000);
          for (const solver of ['dp-over-merit', 'dp-over-budget'] as const) {
            const r = selectWithinBudget(
              list,
              { budget, perAllianceCap: 1000, policy: 'max-merit' },
              { solver },
            );
            expect(fundedIds(r)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('budgetIncreaseToFund is minimal: funded with budget + Δ, not with any smaller increase (brute force)', () => {
    fc.assert(
      fc.property(
        fc
          .boolean()
          .chain((coarse) => candidates({ maxN: 7, maxRequest: 40, ties: true, nulls: true, coarse })),
        fc.integer({ min: 0, max: 80 }),
        policy,
        (list, budget, p) => {
          const params = { budget, perAllianceCap: 30, policy: p };
          const r = selectWithinBudget(list, params);
          const total = r.rows.reduce((s, row) => s + row.award, 0);
          // Who is funded at each budget from budget + 1 to budget + Σ awards (after which nothing changes).
          const at = Array.from({ length: total + 1 }, (_, d) =>
            d === 0
              ? new Set<string>()
              : new Set(fundedIds(selectWithinBudget(list, { ...params, budget: budget + d }))),
          );
          for (const row of r.rows) {
            if (row.funded) {
              expect(row.budgetIncreaseToFund).toBeUndefined();
              continue;
            }
            const first = at.findIndex((s, d) => d > 0 && s.has(row.allianceId));
            expect(row.budgetIncreaseToFund).toBe(first === -1 ? undefined : first);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(
        candidates({ maxN: 15, maxRequest: 300_000, ties: true, nulls: true }),
        fc.integer({ min: 0, max: 2_000_000 }),
        policy,
        (list, budget, p) => {
          const params = { budget, perAllianceCap: 250_000, policy: p };
          const a = selectWithinBudget(list, params);
          expect(selectWithinBudget(structuredClone(list).reverse(), params)).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('applyAdjustments: the budget still holds — a valid result within it, or an error saying by how much', () => {
    const adjustments = (ids: string[]) =>
      fc.uniqueArray(
        fc.record({
          allianceId: fc.constantFrom(...ids),
          action: fc.constantFrom<'include' | 'exclude'>('include', 'exclude'),
          reason: fc.constantFrom('专家复议', 'duplicate application'),
        }),
        { selector: (a) => a.allianceId, maxLength: ids.length },
      );
    fc.assert(
      fc.property(
        candidates({ maxN: 12, maxRequest: 300_000, nulls: false }).filter((l) => l.length > 0),
        fc.integer({ min: 0, max: 1_500_000 }),
        policy,
        (list, budget, p) => {
          const r = selectWithinBudget(list, { budget, perAllianceCap: 250_000, policy: p });
          fc.assert(
            fc.property(adjustments(list.map((c) => c.allianceId)), (adj: Adjustment[]) => {
              const out = applyAdjustments(r, adj, budget);
              const byId = new Map(adj.map((a) => [a.allianceId, a]));
              const wanted = r.rows.reduce(
                (s, row) =>
                  s +
                  ((byId.get(row.allianceId)?.action ?? (row.funded ? 'include' : 'exclude')) === 'include'
                    ? row.award
                    : 0),
                0,
              );
              if ('error' in out) {
                expect(out.code).toBe('over-budget');
                expect(out.over).toBe(wanted - budget);
                expect(out.over).toBeGreaterThan(0);
                return;
              }
              expect(spent(out)).toBe(wanted);
              expect(spent(out)).toBeLessThanOrEqual(budget);
              expect(out.remaining).toBe(budget - wanted);
              for (const row of out.rows) {
                const a = byId.get(row.allianceId);
                if (!a) continue;
                expect(row.funded).toBe(a.action === 'include');
                expect(row.adjustment?.reason).toBe(a.reason);
                expect(row.reason.en).toContain(a.reason);
              }
            }),
            { numRuns: 10 },
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
