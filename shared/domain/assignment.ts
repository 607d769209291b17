/**
 * Reviewer assignment (专家评审, domain.md Lifecycle 3): which committee members score which
 * alliance. Pure: plain data in, plain data out; the seed makes every tie-break reproducible.
 *
 * Hard rules
 *  - a reviewer never reviews an alliance any of whose member organisations is in the reviewer's
 *    `conflicts` (the organisation they belong to and those they declared), nor an `exclude`d pair;
 *  - no reviewer twice on one alliance; no reviewer above `maxLoad`;
 *  - as many alliances as possible get `perAlliance` reviewers (a maximum flow).
 *
 * Soft goals, strictly in this order (a later one never spoils an earlier one)
 *  1. reviewer loads as even as possible: the load vector is decreasingly minimal (lexicographically
 *     smallest when sorted from the largest load down), which also minimises max − min — so the
 *     spread is ≤ 1 whenever any assignment achieving the maximum flow has spread ≤ 1;
 *  2. when reviewers are short, the shortfall is spread over alliances (2+2+2 before 3+3+0);
 *  3. total sector-expertise match (|reviewer.expertise ∩ alliance.sectors|) maximal;
 *  4. remaining ties broken by a seeded pseudo-random order (mulberry32 seeded with a hash of the
 *     seed): the same input and seed give the same result on every run and platform.
 *
 * Method (as HotCRP's autoassigner): min-cost maximum flow, source → alliance → reviewer → sink.
 * Goals 1 and 2 are separable convex costs: the j-th reviewer of an alliance costs j, the reviewer's
 * L-th review costs L (so the total is Σ L(L+1)/2, minimal exactly for the decreasingly-minimal load
 * vector, because the load vectors of maximum flows form an M-convex set). Costs are vectors
 * [load, shortfall spread, mismatch] compared lexicographically, so no "large constant" weighting
 * can overflow or leak from one goal into another. Two solvers, both exact for goals 1–3:
 *
 *  - dense (at most 5,000 alliance × reviewer pairs): every allowed pair is an arc, the cost has a
 *    4th component, a seeded noise per pair (goal 4: the total noise is minimal too); successive
 *    shortest paths, one Dijkstra per review: O(F · A·R log V) for F reviews — 0.6 s at
 *    200 alliances, 82 s and 324 MB at 1,000, hence
 *  - sparse (above): each alliance starts with a shortlist of its best-matching allowed reviewers
 *    (max(3k, k + 6), ties in a seeded scan order); min-cost max-flow on it by primal–dual phases —
 *    one Dijkstra on reduced costs (Johnson potentials, stopped at the sink), then a maximum flow
 *    (Dinic) over the arcs of zero reduced cost — so the number of Dijkstras is the number of
 *    distinct shortest-path costs (tens), not the number of reviews; source and sink arcs are
 *    single convex arcs, never A·R or Σ capacity parallel arcs. Then pricing over ALL A·R pairs:
 *    a pair left out of the shortlist is added when its reduced cost is negative (it could lie on
 *    a negative cycle: a better loads/spread/expertise) or when it leads from a node reachable
 *    from the source to an unreachable one (it could lie on an augmenting path: more reviews);
 *    the flow is solved again until no pair qualifies (each round adds at most 4^round × the
 *    shortlist per alliance, from the 4th round every qualifying pair). When none qualifies, the
 *    potentials prove the flow optimal on the complete graph (LP duality: no residual arc of
 *    negative reduced cost, and the source-reachable set closed), so the result has the same
 *    number of reviews, the same decreasingly-minimal loads, the same shortfall spread and the
 *    same — maximal — expertise total as the dense solver; only equal-cost ties differ: instead
 *    of least total noise they follow the seeded alliance order and the seeded reviewer scan
 *    order (goal 4: same input and seed, same result). 10,000 alliances × 3,000 reviewers, k = 3:
 *    two rounds, ~46 phases, ~2 s and ~135 MB (`bench/assignment.ts`). Time per round is
 *    O(phases · E log V) for E shortlisted arcs plus O(A·R) for pricing; memory O(A + R + E).
 */
import {
  conflictLists,
  type SolverInput,
  type SparseStats,
  solveSparse,
  sortedHas,
} from './assignment-sparse.ts';
import { seededRandom } from './seeded-random.ts';

export type { SparseStats } from './assignment-sparse.ts';

export interface ReviewerInput {
  id: string;
  /** Sector ids the reviewer is expert in. */
  expertise: string[];
  /** Organisation ids the reviewer belongs to or declared a conflict with. */
  conflicts: string[];
  /** Most reviews the reviewer takes in this round, existing ones included; unlimited when absent. */
  maxLoad?: number;
}

export interface AllianceInput {
  id: string;
  memberOrganisationIds: string[];
  sectors: string[];
}

export interface Pair {
  allianceId: string;
  reviewerId: string;
}

export interface AssignmentOptions {
  /** Reviewers wanted per alliance (the round's reviewersPerAlliance). */
  perAlliance: number;
  seed: string | number;
  /** Assignments to keep (e.g. when replacing one reviewer). They count towards perAlliance and loads;
   * pairs on alliances not passed in `alliances` count towards the reviewer's load only. */
  existing?: Pair[];
  /** Pairs never to assign (e.g. a conflict declared after assignment). */
  exclude?: Pair[];
  /** Internal, for tests and benchmarks: force a solver, size the sparse solver's first shortlist,
   * read its counters. Results are optimal either way; only equal-cost ties may differ. */
  internal?: {
    solver?: 'auto' | 'dense' | 'sparse';
    shortlist?: number;
    stats?: SparseStats;
  };
}

export interface Assignment extends Pair {
  /** How many of the alliance's sectors are in the reviewer's expertise. */
  expertiseMatch: number;
}

export type ShortfallCode = 'too-few-conflict-free' | 'reviewers-at-max-load';

export interface Shortfall {
  allianceId: string;
  assigned: number;
  wanted: number;
  code: ShortfallCode;
  /** Why, in English, e.g. "only 2 reviewers without conflicts". */
  reason: string;
  reasonZh: string;
}

export interface DroppedPair extends Pair {
  reason: string;
}

export interface AssignmentResult {
  /** Kept existing pairs and new ones, ordered by alliance id then reviewer id. */
  assignments: Assignment[];
  /** Reviews per reviewer (existing included), for every reviewer passed in. */
  loads: Record<string, number>;
  /** Alliances that got fewer than perAlliance reviewers, and why. */
  shortfalls: Shortfall[];
  /** max − min load ≤ 1 among all reviewers passed in. */
  balanced: boolean;
  /** `existing` pairs that were not kept: conflicted, excluded, duplicated or naming an unknown reviewer. */
  dropped: DroppedPair[];
}

export { seededRandom } from './seeded-random.ts';

// ---------------------------------------------------------------------------------------------
// Conflicts and match

/** Organisation-level conflict: some member organisation of the alliance is in the reviewer's conflicts. */
export function conflicted(
  reviewer: Pick<ReviewerInput, 'conflicts'>,
  alliance: Pick<AllianceInput, 'memberOrganisationIds'>,
): boolean {
  if (reviewer.conflicts.length === 0) return false;
  const conflicts = new Set(reviewer.conflicts);
  return alliance.memberOrganisationIds.some((id) => conflicts.has(id));
}

/** |reviewer.expertise ∩ alliance.sectors| (each sector counted once). */
export function expertiseMatch(
  reviewer: Pick<ReviewerInput, 'expertise'>,
  alliance: Pick<AllianceInput, 'sectors'>,
): number {
  const expertise = new Set(reviewer.expertise);
  return new Set(alliance.sectors.filter((s) => expertise.has(s))).size;
}

// ---------------------------------------------------------------------------------------------
// Min-cost flow with lexicographic vector costs

const D = 4; // cost components: [load, shortfall spread, mismatch, noise]
type Cost = readonly [number, number, number, number];

class FlowGraph {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly cost: number[] = []; // D per arc
  readonly adj: number[][];

  constructor(readonly n: number) {
    this.adj = Array.from({ length: n }, () => []);
  }

  /** Adds u → v and its residual twin; returns the forward arc's index (the twin is index ^ 1). */
  addArc(u: number, v: number, cap: number, cost: Cost): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(cap, 0);
    this.cost.push(...cost, ...cost.map((c) => -c));
    this.adj[u]!.push(e);
    this.adj[v]!.push(e + 1);
    return e;
  }

  /** Successive shortest paths from s to t; returns the flow sent. */
  minCostMaxFlow(s: number, t: number): number {
    const { n, to, cap, cost, adj } = this;
    const pot = new Float64Array(n * D);
    const dist = new Float64Array(n * D);
    const done = new Uint8Array(n);
    const reached = new Uint8Array(n);
    const via = new Int32Array(n);
    const cand = new Float64Array(D);
    let flow = 0;
    for (;;) {
      done.fill(0);
      reached.fill(0);
      reached[s] = 1;
      dist.fill(0, s * D, s * D + D);
      const heap = new VecHeap();
      heap.push(s, dist, s * D);
      while (heap.size > 0) {
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        for (const e of adj[u]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          if (done[v]) continue;
          for (let d = 0; d < D; d++)
            cand[d] = dist[u * D + d]! + cost[e * D + d]! + pot[u * D + d]! - pot[v * D + d]!;
          if (!reached[v] || lexLess(cand, 0, dist, v * D)) {
            reached[v] = 1;
            dist.set(cand, v * D);
            via[v] = e;
            heap.push(v, dist, v * D);
          }
        }
      }
      if (!done[t]) return flow;
      for (let v = 0; v < n; v++)
        if (done[v]) for (let d = 0; d < D; d++) pot[v * D + d] = pot[v * D + d]! + dist[v * D + d]!;
      let push = Number.POSITIVE_INFINITY;
      for (let v = t; v !== s; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
      for (let v = t; v !== s; v = to[via[v]! ^ 1]!) {
        cap[via[v]!] = cap[via[v]!]! - push;
        cap[via[v]! ^ 1] = cap[via[v]! ^ 1]! + push;
      }
      flow += push;
    }
  }
}

function lexLess(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): boolean {
  for (let d = 0; d < D; d++) {
    const x = a[ai + d]!;
    const y = b[bi + d]!;
    if (x !== y) return x < y;
  }
  return false;
}

/** Binary min-heap of (node, cost vector snapshot) with lazy deletion. */
class VecHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size() {
    return this.nodes.length;
  }
  push(node: number, src: ArrayLike<number>, at: number) {
    let i = this.nodes.length;
    this.nodes.push(node);
    for (let d = 0; d < D; d++) this.keys.push(src[at + d]!);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!lexLess(this.keys, i * D, this.keys, p * D)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.nodes[0]!;
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.keys.length = last * D;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && lexLess(this.keys, l * D, this.keys, m * D)) m = l;
      if (r < last && lexLess(this.keys, r * D, this.keys, m * D)) m = r;
      if (m === i) return top;
      this.swap(i, m);
      i = m;
    }
  }
  private swap(i: number, j: number) {
    const n = this.nodes[i]!;
    this.nodes[i] = this.nodes[j]!;
    this.nodes[j] = n;
    for (let d = 0; d < D; d++) {
      const k = this.keys[i * D + d]!;
      this.keys[i * D + d] = this.keys[j * D + d]!;
      this.keys[j * D + d] = k;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Assignment

const pairKey = (allianceId: string, reviewerId: string) => `${allianceId}\u0000${reviewerId}`;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPair = (a: Pair, b: Pair) =>
  a.allianceId < b.allianceId
    ? -1
    : a.allianceId > b.allianceId
      ? 1
      : a.reviewerId < b.reviewerId
        ? -1
        : a.reviewerId > b.reviewerId
          ? 1
          : 0;

function uniqueIds(list: { id: string }[], what: string) {
  const seen = new Set<string>();
  for (const { id } of list) {
    if (seen.has(id)) throw new RangeError(`duplicate ${what} id ${id}`);
    seen.add(id);
  }
}

export function assignReviewers(
  reviewers: ReviewerInput[],
  alliances: AllianceInput[],
  options: AssignmentOptions,
): AssignmentResult {
  const k = options.perAlliance;
  if (!Number.isInteger(k) || k < 0) throw new RangeError('perAlliance must be a non-negative integer');
  uniqueIds(reviewers, 'reviewer');
  uniqueIds(alliances, 'alliance');
  const rs = [...reviewers].sort(byId);
  const as = [...alliances].sort(byId);
  const R = rs.length;
  const A = as.length;
  const rIndex = new Map(rs.map((r, i) => [r.id, i]));
  const aIndex = new Map(as.map((a, i) => [a.id, i]));
  const excluded = new Set((options.exclude ?? []).map((p) => pairKey(p.allianceId, p.reviewerId)));
  const conflictsOf = conflictLists(rs, as);
  const isConflicted = (ai: number, ri: number) => sortedHas(conflictsOf[ai]!, ri);
  const maxLoad = rs.map((r) =>
    r.maxLoad === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(r.maxLoad)),
  );

  // Existing pairs: keep the valid ones.
  const load = new Array<number>(R).fill(0);
  const have = as.map(() => new Set<number>());
  const kept: Assignment[] = [];
  const dropped: DroppedPair[] = [];
  const seenExisting = new Set<string>();
  for (const p of options.existing ?? []) {
    const key = pairKey(p.allianceId, p.reviewerId);
    const ri = rIndex.get(p.reviewerId);
    const ai = aIndex.get(p.allianceId);
    const drop = (reason: string) => dropped.push({ ...p, reason });
    if (seenExisting.has(key)) drop('duplicate pair');
    else if (ri === undefined) drop('unknown reviewer');
    else if (excluded.has(key)) drop('excluded pair');
    else if (ai !== undefined && isConflicted(ai, ri))
      drop('reviewer has a conflict with a member organisation');
    else {
      seenExisting.add(key);
      load[ri] = load[ri]! + 1;
      if (ai !== undefined) {
        have[ai]!.add(ri);
        kept.push({ ...p, expertiseMatch: expertiseMatch(rs[ri]!, as[ai]!) });
      }
    }
  }

  // Excluded pairs that matter: known alliance and reviewer, not conflicted, not kept.
  const excludedOf = as.map(() => [] as number[]);
  const seenExcluded = new Set<string>();
  for (const p of options.exclude ?? []) {
    const ri = rIndex.get(p.reviewerId);
    const ai = aIndex.get(p.allianceId);
    const key = pairKey(p.allianceId, p.reviewerId);
    if (ri === undefined || ai === undefined || seenExcluded.has(key)) continue;
    seenExcluded.add(key);
    if (!isConflicted(ai, ri) && !have[ai]!.has(ri)) excludedOf[ai]!.push(ri);
  }

  const input: SolverInput = { rs, as, k, load, maxLoad, have, conflictsOf, excludedOf, seed: options.seed };
  const solver = options.internal?.solver ?? 'auto';
  const dense = solver === 'dense' || (solver === 'auto' && A * R <= DENSE_MAX_PAIRS);
  const added = dense
    ? solveDense(input)
    : solveSparse(input, options.internal?.shortlist, options.internal?.stats);

  const assignments = [...kept];
  const got = have.map((s) => s.size);
  for (const [ai, ri] of added) {
    assignments.push({
      allianceId: as[ai]!.id,
      reviewerId: rs[ri]!.id,
      expertiseMatch: expertiseMatch(rs[ri]!, as[ai]!),
    });
    load[ri] = load[ri]! + 1;
    got[ai] = got[ai]! + 1;
  }
  assignments.sort(byPair);

  const shortfalls: Shortfall[] = [];
  for (let ai = 0; ai < A; ai++) {
    if (got[ai]! >= k) continue;
    const excludedCount = excludedOf[ai]!.length;
    const free = R - conflictsOf[ai]!.length - excludedCount;
    const alliance = as[ai]!.id;
    if (free < k) {
      const full = free - got[ai]!;
      const also = [
        excludedCount > 0 ? `${excludedCount} more excluded` : '',
        full > 0 ? `${full} of them at the maximum load` : '',
      ].filter(Boolean);
      const alsoZh = [
        excludedCount > 0 ? `另有 ${excludedCount} 位被排除` : '',
        full > 0 ? `其中 ${full} 位已达评审数量上限` : '',
      ].filter(Boolean);
      shortfalls.push({
        allianceId: alliance,
        assigned: got[ai]!,
        wanted: k,
        code: 'too-few-conflict-free',
        reason: `only ${free} reviewer${free === 1 ? '' : 's'} without conflicts${also.length ? ` (${also.join('; ')})` : ''}`,
        reasonZh: `仅有 ${free} 位无利益冲突的评审专家${alsoZh.length ? `（${alsoZh.join('；')}）` : ''}`,
      });
    } else {
      // Maximum flow: every conflict-free reviewer not on this alliance is at its maximum load.
      const full = free - got[ai]!;
      shortfalls.push({
        allianceId: alliance,
        assigned: got[ai]!,
        wanted: k,
        code: 'reviewers-at-max-load',
        reason: `${free} reviewers without conflicts, but the other ${full} are at their maximum load`,
        reasonZh: `共有 ${free} 位无利益冲突的评审专家，但其余 ${full} 位已达评审数量上限`,
      });
    }
  }

  const loads: Record<string, number> = {};
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  rs.forEach((r, ri) => {
    loads[r.id] = load[ri]!;
    lo = Math.min(lo, load[ri]!);
    hi = Math.max(hi, load[ri]!);
  });
  const balanced = R === 0 || hi - lo <= 1;
  return { assignments, loads, shortfalls, balanced, dropped };
}

/** Inputs common to both solvers, reviewers and alliances sorted by id and referred to by index. */
const DENSE_MAX_PAIRS = 5_000;

// ---------------------------------------------------------------------------------------------
// Dense solver: every allowed pair an arc, one Dijkstra per review, seeded noise in the cost

/** New pairs [alliance index, reviewer index]. */
function solveDense(input: SolverInput): [number, number][] {
  const { rs, as, k, load, maxLoad, have, conflictsOf, excludedOf } = input;
  const R = rs.length;
  const A = as.length;
  const match = as.map((a) => rs.map((r) => expertiseMatch(r, a)));
  const blocked = as.map((_, ai) => {
    const row = new Uint8Array(R);
    for (const ri of conflictsOf[ai]!) row[ri] = 1;
    for (const ri of excludedOf[ai]!) row[ri] = 1;
    for (const ri of have[ai]!) row[ri] = 1;
    return row;
  });

  // Graph: source 0, alliances 1..A, reviewers A+1..A+R, sink A+R+1.
  const S = 0;
  const T = A + R + 1;
  const g = new FlowGraph(A + R + 2);
  let maxMatch = 0;
  for (const row of match) for (const m of row) maxMatch = Math.max(maxMatch, m);
  const random = seededRandom(input.seed);
  const pairArc: { ai: number; ri: number; arc: number }[] = [];
  const newOptions = new Array<number>(R).fill(0); // alliances each reviewer could newly take
  for (let ai = 0; ai < A; ai++) {
    const need = Math.max(0, k - have[ai]!.size);
    for (let j = 1; j <= need; j++) g.addArc(S, 1 + ai, 1, [0, have[ai]!.size + j, 0, 0]);
    for (let ri = 0; ri < R; ri++) {
      const noise = random(); // drawn for every pair, so a pair's noise does not depend on conflicts
      if (need === 0 || blocked[ai]![ri]) continue;
      newOptions[ri] = newOptions[ri]! + 1;
      pairArc.push({
        ai,
        ri,
        arc: g.addArc(1 + ai, 1 + A + ri, 1, [0, 0, maxMatch - match[ai]![ri]!, noise]),
      });
    }
  }
  for (let ri = 0; ri < R; ri++) {
    const room = Math.min(newOptions[ri]!, Math.max(0, maxLoad[ri]! - load[ri]!));
    for (let j = 1; j <= room; j++) g.addArc(1 + A + ri, T, 1, [load[ri]! + j, 0, 0, 0]);
  }
  g.minCostMaxFlow(S, T);
  return pairArc.filter(({ arc }) => g.cap[arc] === 0).map(({ ai, ri }) => [ai, ri]);
}

export interface ReplacementResult {
  /** The new pairs only. */
  added: Assignment[];
  /** Alliances that could not get a replacement, and why. */
  shortfalls: Shortfall[];
  /** Loads after the replacement. */
  loads: Record<string, number>;
}

/**
 * A reviewer leaves some alliances (declared a conflict after assignment, or withdrew): find
 * replacements for exactly those alliances, keeping every other assignment. The removed pairs
 * are excluded for good, together with `options.exclude`. Loads of reviewers count all their
 * current assignments, so replacements go to the least-loaded suitable reviewers.
 */
export function replaceReviewer(
  reviewers: ReviewerInput[],
  alliances: AllianceInput[],
  current: Pair[],
  removed: Pair[],
  options: { perAlliance: number; seed: string | number; exclude?: Pair[] },
): ReplacementResult {
  const removedKeys = new Set(removed.map((p) => pairKey(p.allianceId, p.reviewerId)));
  const existing = current.filter((p) => !removedKeys.has(pairKey(p.allianceId, p.reviewerId)));
  const affected = new Set(removed.map((p) => p.allianceId));
  const result = assignReviewers(
    reviewers,
    alliances.filter((a) => affected.has(a.id)),
    {
      perAlliance: options.perAlliance,
      seed: options.seed,
      existing,
      exclude: [...removed, ...(options.exclude ?? [])],
    },
  );
  const before = new Set(existing.map((p) => pairKey(p.allianceId, p.reviewerId)));
  return {
    added: result.assignments.filter((p) => !before.has(pairKey(p.allianceId, p.reviewerId))),
    shortfalls: result.shortfalls,
    loads: result.loads,
  };
}
