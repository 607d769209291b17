import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentInstance, checkAssignment } from '../../../bench/assignment.ts';
import {
  type AssignmentOptions,
  type AssignmentResult,
  assignReviewers,
  replaceReviewer,
  type SparseStats,
} from '../../../shared/domain/assignment.ts';
import {
  type AssignmentInstance,
  allowedReviewers,
  assignmentInstances,
  checkPairsAndLoads,
  pairKey,
} from './generators.fixtures.ts';

// The sparse solver (used above 5,000 alliance × reviewer pairs) against the dense one (below),
// both forced through the internal option on the same instances.

/** Random instances with conflicts, excluded pairs and, mostly, a maxLoad of 0…8 per reviewer. */
const sparseInstance = (o: { maxR: number; maxA: number; maxK: number; orgs: number }) =>
  assignmentInstances({ ...o, maxLoad: { max: 8, freq: 3 }, exclude: true });

const run = (
  inst: AssignmentInstance,
  solver: 'dense' | 'sparse',
  extra: Partial<AssignmentOptions> & { shortlist?: number; stats?: SparseStats } = {},
): AssignmentResult =>
  assignReviewers(inst.reviewers, inst.alliances, {
    perAlliance: inst.k,
    seed: 'seed',
    exclude: inst.exclude,
    ...extra,
    internal: {
      solver,
      ...(extra.shortlist ? { shortlist: extra.shortlist } : {}),
      ...(extra.stats ? { stats: extra.stats } : {}),
    },
  });

/** What both solvers optimise, tie-break aside. */
function summary(inst: AssignmentInstance, result: AssignmentResult) {
  const per = inst.alliances.map((a) => result.assignments.filter((p) => p.allianceId === a.id).length);
  return {
    reviews: result.assignments.length,
    loads: Object.values(result.loads).sort((a, b) => a - b),
    perAlliance: [...per].sort((a, b) => a - b),
    expertise: result.assignments.reduce((s, p) => s + p.expertiseMatch, 0),
    balanced: result.balanced,
    shortfalls: result.shortfalls.length,
  };
}

function checkHardRules(inst: AssignmentInstance, result: AssignmentResult) {
  checkPairsAndLoads(inst, result);
  for (const a of inst.alliances) {
    const got = result.assignments.filter((p) => p.allianceId === a.id).length;
    const short = result.shortfalls.find((s) => s.allianceId === a.id);
    if (got < inst.k) {
      expect(short).toMatchObject({ assigned: got, wanted: inst.k });
      // Explained: too few conflict-free reviewers, or every other allowed one is full.
      const allowed = allowedReviewers(inst, a);
      expect(short!.code).toBe(allowed.length < inst.k ? 'too-few-conflict-free' : 'reviewers-at-max-load');
    } else expect(short).toBeUndefined();
  }
}

describe('sparse solver against the dense one', () => {
  it('same reviews, same sorted loads, same shortfall spread, same expertise total (any first shortlist)', () => {
    fc.assert(
      fc.property(
        sparseInstance({ maxR: 12, maxA: 30, maxK: 4, orgs: 25 }),
        fc.integer({ min: 1, max: 6 }),
        (inst, shortlist) => {
          const dense = run(inst, 'dense');
          const stats: SparseStats = { rounds: 0, phases: 0, arcs: 0 };
          const sparse = run(inst, 'sparse', { shortlist, stats });
          checkHardRules(inst, sparse);
          expect(summary(inst, sparse)).toEqual(summary(inst, dense));
          expect(stats.rounds).toBeGreaterThanOrEqual(1);
          // Deterministic for a seed.
          expect(run(structuredClone(inst), 'sparse', { shortlist })).toEqual(sparse);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps existing pairs and drops invalid ones like the dense solver', () => {
    fc.assert(
      fc.property(
        sparseInstance({ maxR: 8, maxA: 15, maxK: 3, orgs: 20 }),
        fc.infiniteStream(fc.boolean()),
        (inst, keep) => {
          const first = run(inst, 'sparse');
          const existing = [
            ...first.assignments
              .filter(() => keep.next().value)
              .map(({ allianceId, reviewerId }) => ({ allianceId, reviewerId })),
            { allianceId: 'elsewhere', reviewerId: 'r0' },
            { allianceId: 'a0', reviewerId: 'ghost' },
          ];
          const dense = run(inst, 'dense', { existing });
          const sparse = run(inst, 'sparse', { existing, shortlist: 2 });
          const pairs = new Set(sparse.assignments.map(pairKey));
          for (const p of existing)
            if (p.allianceId !== 'elsewhere' && p.reviewerId !== 'ghost')
              expect(pairs.has(pairKey(p))).toBe(true);
          expect(sparse.dropped).toEqual(dense.dropped);
          expect(summary(inst, sparse)).toEqual(summary(inst, dense));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the seed changes the ties', () => {
    const inst = assignmentInstance(120);
    const a = (seed: string) =>
      assignReviewers(inst.reviewers, inst.alliances, {
        perAlliance: 3,
        seed,
        internal: { solver: 'sparse' },
      });
    const x = a('x');
    const y = a('y');
    expect(JSON.stringify(x.assignments)).not.toBe(JSON.stringify(y.assignments));
    expect(x.assignments.reduce((s, p) => s + p.expertiseMatch, 0)).toBe(
      y.assignments.reduce((s, p) => s + p.expertiseMatch, 0),
    );
  });

  it('replaceReviewer works on a large round (sparse initial assignment)', () => {
    const inst = assignmentInstance(600);
    const first = assignReviewers(inst.reviewers, inst.alliances, { perAlliance: 3, seed: 'round' });
    const current = first.assignments.map(({ allianceId, reviewerId }) => ({ allianceId, reviewerId }));
    const removed = current[7]!;
    const { added, shortfalls } = replaceReviewer(inst.reviewers, inst.alliances, current, [removed], {
      perAlliance: 3,
      seed: 'replace',
    });
    expect(shortfalls).toEqual([]);
    expect(added).toHaveLength(1);
    expect(added[0]!.allianceId).toBe(removed.allianceId);
    expect(current.map(pairKey)).not.toContain(pairKey(added[0]!));
  });
});

describe('sparse solver at moderate size (600 alliances × 200 reviewers, the default path)', () => {
  it('is conflict-free, balanced and a maximum flow, and equals the dense optimum', () => {
    const inst = assignmentInstance(600);
    expect(inst.reviewers).toHaveLength(200);
    const stats: SparseStats = { rounds: 0, phases: 0, arcs: 0 };
    const result = assignReviewers(inst.reviewers, inst.alliances, {
      perAlliance: 3,
      seed: 'round',
      internal: { stats },
    });
    expect(stats.rounds).toBeGreaterThanOrEqual(1); // the auto path was the sparse one
    const check = checkAssignment(inst, result);
    expect(check).toMatchObject({ conflictFree: true, noDuplicates: true, maxLoadRespected: true });
    expect(check.reviews).toBe(1800);
    expect(check.loadMax - check.loadMin).toBeLessThanOrEqual(1);
    expect(result.balanced).toBe(true);
    expect(result.shortfalls).toEqual([]);
    // The same expertise total as the exact dense solver.
    const dense = assignReviewers(inst.reviewers, inst.alliances.slice(0, 150), {
      perAlliance: 3,
      seed: 'round',
      internal: { solver: 'dense' },
    });
    const sparse = assignReviewers(inst.reviewers, inst.alliances.slice(0, 150), {
      perAlliance: 3,
      seed: 'round',
      internal: { solver: 'sparse' },
    });
    const total = (r: AssignmentResult) => r.assignments.reduce((s, p) => s + p.expertiseMatch, 0);
    expect(total(sparse)).toBe(total(dense));
    expect(Object.values(sparse.loads).sort()).toEqual(Object.values(dense.loads).sort());
  });
});
