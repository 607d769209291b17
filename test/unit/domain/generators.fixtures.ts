/**
 * Shared random-instance generators and checks for the property and scale tests of reviewer
 * assignment and selection (assignment.property, assignment.sparse, selection.property,
 * selection.scale). Each test file keeps its own shapes by its options: the arbitraries built here
 * are the ones those files built themselves, so a seed still draws the same instances.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type AllianceInput,
  type AssignmentResult,
  conflicted,
  expertiseMatch,
  type Pair,
  type ReviewerInput,
} from '../../../shared/domain/assignment.ts';
import {
  type Candidate,
  type SelectionParams,
  type SelectionResult,
  selectWithinBudget,
} from '../../../shared/domain/selection.ts';

// --- reviewer assignment -------------------------------------------------------------------------

export const SECTORS = ['optics', 'biomed', 'materials', 'energy', 'services'];

export interface AssignmentInstance {
  reviewers: ReviewerInput[];
  alliances: AllianceInput[];
  k: number;
  exclude: Pair[];
}

/**
 * Random reviewers (r0…), alliances (a0…) over a shared pool of organisations, declared conflicts
 * and, with `exclude`, up to 6 excluded pairs. `maxLoad`: reviewers get an optional maxLoad from 0
 * to `max` (fast-check's option frequency `freq`, its default when not given); without it, none.
 */
export const assignmentInstances = (o: {
  maxR: number;
  maxA: number;
  maxK: number;
  orgs: number;
  maxLoad?: { max: number; freq?: number };
  exclude: boolean;
}): fc.Arbitrary<AssignmentInstance> =>
  fc
    .record({
      R: fc.integer({ min: 1, max: o.maxR }),
      A: fc.integer({ min: 1, max: o.maxA }),
      k: fc.integer({ min: 1, max: o.maxK }),
    })
    .chain(({ R, A, k }) => {
      const org = fc.integer({ min: 0, max: o.orgs - 1 }).map((i) => `org-${i}`);
      const sectors = fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 });
      const maxLoad = o.maxLoad;
      return fc.record({
        reviewers: fc.tuple(
          ...Array.from({ length: R }, (_, i) =>
            fc.record({
              id: fc.constant(`r${i}`),
              expertise: sectors,
              conflicts: fc.uniqueArray(org, { maxLength: 3 }),
              ...(maxLoad
                ? {
                    maxLoad: fc.option(fc.integer({ min: 0, max: maxLoad.max }), {
                      nil: undefined,
                      ...(maxLoad.freq === undefined ? {} : { freq: maxLoad.freq }),
                    }),
                  }
                : {}),
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
        exclude: o.exclude
          ? fc.uniqueArray(
              fc.record({
                allianceId: fc.integer({ min: 0, max: A - 1 }).map((i) => `a${i}`),
                reviewerId: fc.integer({ min: 0, max: R - 1 }).map((i) => `r${i}`),
              }),
              { maxLength: 6, selector: (p) => `${p.allianceId}:${p.reviewerId}` },
            )
          : fc.constant([]),
      });
    })
    .map((x) => x as unknown as AssignmentInstance);

export const pairKey = (p: Pair) => `${p.allianceId}:${p.reviewerId}`;

/** Reviewers allowed on an alliance: no conflict, pair not excluded. */
export function allowedReviewers(inst: AssignmentInstance, a: AllianceInput): ReviewerInput[] {
  const ex = new Set(inst.exclude.map(pairKey));
  return inst.reviewers.filter(
    (r) => !conflicted(r, a) && !ex.has(pairKey({ allianceId: a.id, reviewerId: r.id })),
  );
}

/**
 * The rules every assignment keeps: no conflicted or excluded pair, none twice, each pair's
 * expertise match as computed, loads as counted and within maxLoad.
 */
export function checkPairsAndLoads(inst: AssignmentInstance, result: AssignmentResult) {
  const ex = new Set(inst.exclude.map(pairKey));
  const aById = new Map(inst.alliances.map((a) => [a.id, a]));
  const rById = new Map(inst.reviewers.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const p of result.assignments) {
    expect(conflicted(rById.get(p.reviewerId)!, aById.get(p.allianceId)!)).toBe(false);
    expect(ex.has(pairKey(p))).toBe(false);
    expect(seen.has(pairKey(p))).toBe(false);
    seen.add(pairKey(p));
    expect(p.expertiseMatch).toBe(expertiseMatch(rById.get(p.reviewerId)!, aById.get(p.allianceId)!));
  }
  for (const r of inst.reviewers) {
    const load = result.assignments.filter((p) => p.reviewerId === r.id).length;
    expect(result.loads[r.id]).toBe(load);
    if (r.maxLoad !== undefined) expect(load).toBeLessThanOrEqual(r.maxLoad);
  }
}

// --- selection -----------------------------------------------------------------------------------

/**
 * Candidates with ranks 1…n in order (ids `a` + i zero-padded to `idDigits`). A score is, by
 * `weights`: `scored`, any hundredth from 0 to `maxHundredths` / 100; `tied`, one of a few shared
 * values; `unreviewed`, null. A request is `anyRequest`-weighted any amount up to `maxRequest`,
 * else (weight 1) a quarter step of it.
 */
export const candidateLists = (o: {
  minN?: number;
  maxN: number;
  maxRequest: number;
  idDigits: number;
  maxHundredths: number;
  weights: { scored: number; tied: number; unreviewed: number; anyRequest: number };
}) =>
  fc.integer({ min: o.minN ?? 0, max: o.maxN }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record({
          allianceId: fc.constant(`a${String(i).padStart(o.idDigits, '0')}`),
          rank: fc.constant(i + 1),
          finalScore: fc.oneof(
            {
              weight: o.weights.scored,
              arbitrary: fc.integer({ min: 0, max: o.maxHundredths }).map((h) => h / 100),
            },
            { weight: o.weights.tied, arbitrary: fc.constantFrom(50, 60, 75.5) },
            { weight: o.weights.unreviewed, arbitrary: fc.constant(null) },
          ),
          requested: fc.oneof(
            { weight: o.weights.anyRequest, arbitrary: fc.integer({ min: 0, max: o.maxRequest }) },
            {
              weight: 1,
              arbitrary: fc.integer({ min: 0, max: 4 }).map((k) => Math.round((k * o.maxRequest) / 4)),
            },
          ),
        }),
      ),
    ),
  ) as fc.Arbitrary<Candidate[]>;

export const fundedIds = (r: SelectionResult) =>
  r.rows.filter((row) => row.funded).map((row) => row.allianceId);

/**
 * The least budget increase that funds each alliance of `r` (the selection at `params`), by brute
 * force: who is funded at every budget from budget + 1 to budget + Σ awards (after which nothing
 * changes); -1 where no increase does.
 */
export function bruteIncreases(
  list: Candidate[],
  params: SelectionParams,
  r: SelectionResult,
): Map<string, number> {
  const total = r.rows.reduce((s, row) => s + row.award, 0);
  const at = Array.from({ length: total + 1 }, (_, d) =>
    d === 0
      ? new Set<string>()
      : new Set(fundedIds(selectWithinBudget(list, { ...params, budget: params.budget + d }))),
  );
  return new Map(
    r.rows.map((row) => [row.allianceId, at.findIndex((s, d) => d > 0 && s.has(row.allianceId))]),
  );
}

/** A score in whole hundredths (unreviewed: 0), the unit max-merit sums. */
export const merit = (score: number | null) => Math.round((score ?? 0) * 100);

/** The max-merit optimum by enumeration: most merit (hundredths), then least cost, then highest-ranked set. */
export function bruteMaxMerit(list: Candidate[], budget: number, cap: number) {
  const sorted = [...list].sort((a, b) => a.rank - b.rank);
  const n = sorted.length;
  let best: { merit: number; cost: number; key: string; ids: string[] } | undefined;
  for (let mask = 0; mask < 1 << n; mask++) {
    let m = 0;
    let cost = 0;
    let ok = true;
    let key = '';
    for (let i = 0; i < n; i++) {
      const inSet = (mask >> i) & 1;
      key += inSet ? '1' : '0';
      if (!inSet) continue;
      const c = sorted[i]!;
      if (c.finalScore === null) ok = false;
      m += merit(c.finalScore);
      cost += Math.min(c.requested, cap);
    }
    if (!ok || cost > budget) continue;
    if (
      !best ||
      m > best.merit ||
      (m === best.merit && (cost < best.cost || (cost === best.cost && key > best.key)))
    )
      best = { merit: m, cost, key, ids: sorted.filter((_, i) => (mask >> i) & 1).map((c) => c.allianceId) };
  }
  return best!;
}
