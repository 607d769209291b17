import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentInstance, checkAssignment } from '../../../bench/assignment.ts';
import {
  type AllianceInput,
  type AssignmentOptions,
  type AssignmentResult,
  assignReviewers,
  conflicted,
  expertiseMatch,
  type Pair,
  type ReviewerInput,
  replaceReviewer,
  type SparseStats,
} from '../../../shared/domain/assignment.ts';

// The sparse solver (used above 5,000 alliance × reviewer pairs) against the dense one (below),
// both forced through the internal option on the same instances.

const SECTORS = ['optics', 'biomed', 'materials', 'energy', 'services'];

interface Instance {
  reviewers: ReviewerInput[];
  alliances: AllianceInput[];
  k: number;
  exclude: Pair[];
}

const instance = (o: { maxR: number; maxA: number; maxK: number; orgs: number }) =>
  fc
    .record({
      R: fc.integer({ min: 1, max: o.maxR }),
      A: fc.integer({ min: 1, max: o.maxA }),
      k: fc.integer({ min: 1, max: o.maxK }),
    })
    .chain(({ R, A, k }) => {
      const org = fc.integer({ min: 0, max: o.orgs - 1 }).map((i) => `org-${i}`);
      const sectors = fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 });
      return fc.record({
        reviewers: fc.tuple(
          ...Array.from({ length: R }, (_, i) =>
            fc.record({
              id: fc.constant(`r${i}`),
              expertise: sectors,
              conflicts: fc.uniqueArray(org, { maxLength: 3 }),
              maxLoad: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined, freq: 3 }),
            }),
          ),
        ),
        alliances: fc.tuple(
          ...Array.from({ length: A }, (_, i) =>
            fc.record({
              id: fc.constant(`a${i}`),
              memberOrganisationIds: fc.uniqueArray(org, { minLength: 2, maxLength: 4 }),
              sectors,
            }),
          ),
        ),
        k: fc.constant(k),
        exclude: fc.uniqueArray(
          fc.record({
            allianceId: fc.integer({ min: 0, max: A - 1 }).map((i) => `a${i}`),
            reviewerId: fc.integer({ min: 0, max: R - 1 }).map((i) => `r${i}`),
          }),
          { maxLength: 6, selector: (p) => `${p.allianceId}:${p.reviewerId}` },
        ),
      });
    })
    .map((x) => x as unknown as Instance);

const run = (
  inst: Instance,
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

const key = (p: Pair) => `${p.allianceId}:${p.reviewerId}`;

/** What both solvers optimise, tie-break aside. */
function summary(inst: Instance, result: AssignmentResult) {
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

function checkHardRules(inst: Instance, result: AssignmentResult) {
  const ex = new Set(inst.exclude.map(key));
  const aById = new Map(inst.alliances.map((a) => [a.id, a]));
  const rById = new Map(inst.reviewers.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const p of result.assignments) {
    expect(conflicted(rById.get(p.reviewerId)!, aById.get(p.allianceId)!)).toBe(false);
    expect(ex.has(key(p))).toBe(false);
    expect(seen.has(key(p))).toBe(false);
    seen.add(key(p));
    expect(p.expertiseMatch).toBe(expertiseMatch(rById.get(p.reviewerId)!, aById.get(p.allianceId)!));
  }
  for (const r of inst.reviewers) {
    const load = result.assignments.filter((p) => p.reviewerId === r.id).length;
    expect(result.loads[r.id]).toBe(load);
    if (r.maxLoad !== undefined) expect(load).toBeLessThanOrEqual(r.maxLoad);
  }
  for (const a of inst.alliances) {
    const got = result.assignments.filter((p) => p.allianceId === a.id).length;
    const short = result.shortfalls.find((s) => s.allianceId === a.id);
    if (got < inst.k) {
      expect(short).toMatchObject({ assigned: got, wanted: inst.k });
      // Explained: too few conflict-free reviewers, or every other allowed one is full.
      const allowed = inst.reviewers.filter(
        (r) => !conflicted(r, a) && !ex.has(key({ allianceId: a.id, reviewerId: r.id })),
      );
      expect(short!.code).toBe(allowed.length < inst.k ? 'too-few-conflict-free' : 'reviewers-at-max-load');
    } else expect(short).toBeUndefined();
  }
}

describe('sparse solver against the dense one', () => {
  it('same reviews, same sorted loads, same shortfall spread, same expertise total (any first shortlist)', () => {
    fc.assert(
      fc.property(
        instance({ maxR: 12, maxA: 30, maxK: 4, orgs: 25 }),
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
        instance({ maxR: 8, maxA: 15, maxK: 3, orgs: 20 }),
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
          const pairs = new Set(sparse.assignments.map(key));
          for (const p of existing)
            if (p.allianceId !== 'elsewhere' && p.reviewerId !== 'ghost')
              expect(pairs.has(key(p))).toBe(true);
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
    expect(current.map(key)).not.toContain(key(added[0]!));
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
