import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssignmentResult,
  assignReviewers,
  expertiseMatch,
  type Pair,
  replaceReviewer,
} from '../../../shared/domain/assignment.ts';
import {
  type AssignmentInstance,
  allowedReviewers,
  assignmentInstances,
  checkPairsAndLoads,
  pairKey,
} from './generators.fixtures.ts';

/** Random reviewers, alliances over a shared pool of organisations, conflicts and excluded pairs. */
const instance = (o: {
  maxR: number;
  maxA: number;
  maxK: number;
  orgs: number;
  maxLoad: boolean;
  exclude: boolean;
}) => assignmentInstances({ ...o, maxLoad: o.maxLoad ? { max: 6 } : undefined });

function checkHardRules(inst: AssignmentInstance, result: AssignmentResult) {
  checkPairsAndLoads(inst, result);
  const loads = Object.values(result.loads);
  expect(result.balanced).toBe(loads.length === 0 || Math.max(...loads) - Math.min(...loads) <= 1);
  for (const a of inst.alliances) {
    const got = result.assignments.filter((p) => p.allianceId === a.id).length;
    expect(got).toBeLessThanOrEqual(inst.k);
    const short = result.shortfalls.find((s) => s.allianceId === a.id);
    if (got < inst.k) expect(short).toMatchObject({ assigned: got, wanted: inst.k });
    else expect(short).toBeUndefined();
  }
}

describe('assignReviewers: properties', () => {
  it('never assigns a conflicted or excluded pair, never twice, and fills every alliance it can (≤12 × 40)', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 12, maxA: 40, maxK: 4, orgs: 30, maxLoad: false, exclude: true }),
        fc.string(),
        (inst, seed) => {
          const result = assignReviewers(inst.reviewers, inst.alliances, {
            perAlliance: inst.k,
            seed,
            exclude: inst.exclude,
          });
          checkHardRules(inst, result);
          // Without maxLoad capacity is unlimited: each alliance gets min(k, #allowed reviewers).
          for (const a of inst.alliances) {
            const got = result.assignments.filter((p) => p.allianceId === a.id).length;
            expect(got).toBe(Math.min(inst.k, allowedReviewers(inst, a).length));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('respects maxLoad and still reaches a maximum flow', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 8, maxA: 20, maxK: 3, orgs: 20, maxLoad: true, exclude: true }),
        (inst) => {
          const result = assignReviewers(inst.reviewers, inst.alliances, {
            perAlliance: inst.k,
            seed: 1,
            exclude: inst.exclude,
          });
          checkHardRules(inst, result);
          // Maximality: for a short alliance, every allowed reviewer not on it is full.
          for (const s of result.shortfalls) {
            const a = inst.alliances.find((x) => x.id === s.allianceId)!;
            const on = new Set(
              result.assignments.filter((p) => p.allianceId === a.id).map((p) => p.reviewerId),
            );
            for (const r of allowedReviewers(inst, a))
              if (!on.has(r.id)) expect(result.loads[r.id]).toBe(r.maxLoad ?? Number.POSITIVE_INFINITY);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('balances loads to within one when there are no conflicts (k ≤ reviewers)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (R, A, kWanted, seed) => {
          const k = Math.min(kWanted, R);
          const reviewers = Array.from({ length: R }, (_, i) => ({
            id: `r${i}`,
            expertise: [],
            conflicts: [],
          }));
          const alliances = Array.from({ length: A }, (_, i) => ({
            id: `a${i}`,
            memberOrganisationIds: [`o${i}`],
            sectors: [],
          }));
          const result = assignReviewers(reviewers, alliances, { perAlliance: k, seed });
          expect(result.assignments).toHaveLength(A * k);
          expect(result.balanced).toBe(true);
        },
      ),
    );
  });

  it('is deterministic for a seed, and the seed changes the ties', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 10, maxA: 30, maxK: 3, orgs: 40, maxLoad: false, exclude: false }),
        fc.string(),
        (inst, seed) => {
          const a = assignReviewers(inst.reviewers, inst.alliances, { perAlliance: inst.k, seed });
          const b = assignReviewers(structuredClone(inst.reviewers), structuredClone(inst.alliances), {
            perAlliance: inst.k,
            seed,
          });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 50 },
    );
    // "Usually different": over many instances with room for choice, different seeds differ.
    let differs = 0;
    const runs = 30;
    for (let n = 0; n < runs; n++) {
      const reviewers = Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, expertise: [], conflicts: [] }));
      const alliances = Array.from({ length: 10 + n }, (_, i) => ({
        id: `a${i}`,
        memberOrganisationIds: [],
        sectors: [],
      }));
      const x = assignReviewers(reviewers, alliances, { perAlliance: 3, seed: `x${n}` });
      const y = assignReviewers(reviewers, alliances, { perAlliance: 3, seed: `y${n}` });
      if (JSON.stringify(x.assignments) !== JSON.stringify(y.assignments)) differs++;
    }
    expect(differs).toBeGreaterThanOrEqual(runs - 1);
  });

  it('keeps existing pairs and only adds to them', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 8, maxA: 15, maxK: 3, orgs: 20, maxLoad: false, exclude: true }),
        fc.infiniteStream(fc.boolean()),
        (inst, keep) => {
          const first = assignReviewers(inst.reviewers, inst.alliances, {
            perAlliance: inst.k,
            seed: 'a',
            exclude: inst.exclude,
          });
          const existing = first.assignments
            .filter(() => keep.next().value)
            .map(({ allianceId, reviewerId }) => ({ allianceId, reviewerId }));
          const second = assignReviewers(inst.reviewers, inst.alliances, {
            perAlliance: inst.k,
            seed: 'b',
            existing,
            exclude: inst.exclude,
          });
          const pairs = new Set(second.assignments.map(pairKey));
          for (const p of existing) expect(pairs.has(pairKey(p))).toBe(true);
          expect(second.dropped).toEqual([]);
          checkHardRules(inst, second);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('replaceReviewer adds only replacements for the removed pairs, never the removed reviewer', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 8, maxA: 12, maxK: 3, orgs: 20, maxLoad: false, exclude: false }),
        fc.nat(),
        (inst, pick) => {
          const first = assignReviewers(inst.reviewers, inst.alliances, { perAlliance: inst.k, seed: 's' });
          if (first.assignments.length === 0) return;
          const removed = first.assignments[pick % first.assignments.length]!;
          const current = first.assignments.map(({ allianceId, reviewerId }) => ({ allianceId, reviewerId }));
          const { added } = replaceReviewer(inst.reviewers, inst.alliances, current, [removed], {
            perAlliance: inst.k,
            seed: 't',
          });
          expect(added.length).toBeLessThanOrEqual(1);
          for (const p of added) {
            expect(p.allianceId).toBe(removed.allianceId);
            expect(p.reviewerId).not.toBe(removed.reviewerId);
            expect(current.map(pairKey)).not.toContain(pairKey(p));
          }
          const a = inst.alliances.find((x) => x.id === removed.allianceId)!;
          const others = current.filter(
            (p) => p.allianceId === a.id && p.reviewerId !== removed.reviewerId,
          ).length;
          // A replacement is found exactly when an allowed reviewer is not on the alliance yet.
          expect(added.length).toBe(allowedReviewers(inst, a).length > others + 1 ? 1 : 0);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Exhaustive optimality on tiny instances

/** All assignments (each alliance: any subset of its allowed reviewers of size ≤ k). */
function* allAssignments(inst: AssignmentInstance): Generator<Pair[]> {
  const options = inst.alliances.map((a) => {
    const rs = allowedReviewers(inst, a);
    const subsets: string[][] = [];
    for (let mask = 0; mask < 1 << rs.length; mask++) {
      const s = rs.filter((_, i) => mask & (1 << i)).map((r) => r.id);
      if (s.length <= inst.k) subsets.push(s);
    }
    return subsets;
  });
  const pick = (i: number, acc: Pair[]): Generator<Pair[]> =>
    (function* () {
      if (i === options.length) {
        yield acc;
        return;
      }
      for (const s of options[i]!)
        yield* pick(i + 1, [...acc, ...s.map((r) => ({ allianceId: inst.alliances[i]!.id, reviewerId: r }))]);
    })();
  yield* pick(0, []);
}

/** The objective the assignment optimises, lexicographically (noise excluded). */
function objective(inst: AssignmentInstance, pairs: Pair[]) {
  const load = new Map(inst.reviewers.map((r) => [r.id, 0]));
  for (const p of pairs) load.set(p.reviewerId, load.get(p.reviewerId)! + 1);
  const loads = [...load.values()];
  const per = inst.alliances.map((a) => pairs.filter((p) => p.allianceId === a.id).length);
  const rById = new Map(inst.reviewers.map((r) => [r.id, r]));
  const aById = new Map(inst.alliances.map((a) => [a.id, a]));
  return {
    feasible: inst.reviewers.every((r) => r.maxLoad === undefined || load.get(r.id)! <= r.maxLoad),
    flow: pairs.length,
    spreadOfLoads: loads.length ? Math.max(...loads) - Math.min(...loads) : 0,
    squares: loads.reduce((s, l) => s + l * l, 0),
    shortfallSquares: per.reduce((s, n) => s + n * n, 0),
    match: pairs.reduce((s, p) => s + expertiseMatch(rById.get(p.reviewerId)!, aById.get(p.allianceId)!), 0),
  };
}

describe('assignReviewers: optimal on tiny instances (exhaustive)', () => {
  it('reaches the maximum flow, the least load spread, and then the most expertise', () => {
    fc.assert(
      fc.property(instance({ maxR: 4, maxA: 3, maxK: 2, orgs: 6, maxLoad: true, exclude: true }), (inst) => {
        let best: ReturnType<typeof objective> | undefined;
        let leastSpread = Number.POSITIVE_INFINITY;
        const all = [...allAssignments(inst)].map((p) => objective(inst, p)).filter((o) => o.feasible);
        const maxFlow = Math.max(...all.map((o) => o.flow));
        for (const o of all) {
          if (o.flow !== maxFlow) continue;
          leastSpread = Math.min(leastSpread, o.spreadOfLoads);
          if (
            !best ||
            o.squares < best.squares ||
            (o.squares === best.squares &&
              (o.shortfallSquares < best.shortfallSquares ||
                (o.shortfallSquares === best.shortfallSquares && o.match > best.match)))
          )
            best = o;
        }
        const result = assignReviewers(inst.reviewers, inst.alliances, {
          perAlliance: inst.k,
          seed: 0,
          exclude: inst.exclude,
        });
        const ours = objective(inst, result.assignments);
        expect(ours.flow).toBe(maxFlow);
        expect(ours.spreadOfLoads).toBe(leastSpread);
        // Σ load² least (decreasingly-minimal loads), then the shortfall spread evenly over
        // alliances (Σ per-alliance² least, the flow being fixed), then the most expertise.
        expect(ours.squares).toBe(best!.squares);
        expect(ours.shortfallSquares).toBe(best!.shortfallSquares);
        expect(ours.match).toBe(best!.match);
      }),
      { numRuns: 300 },
    );
  });
});
