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

// ---------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers

/** xmur3 string hash (bryc): a well-mixed 32-bit seed from any string. */
function hashSeed(seed: string | number): number {
  const s = typeof seed === 'number' ? `#${seed}` : seed;
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A deterministic generator of uint32 values (mulberry32) seeded with a hash of `seed`. Integer
 * arithmetic only (Math.imul, shifts), so the sequence is the same on every platform.
 */
export function seededRandom(seed: string | number): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

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
interface SolverInput {
  rs: ReviewerInput[];
  as: AllianceInput[];
  k: number;
  /** Current load of each reviewer (kept existing pairs). */
  load: number[];
  maxLoad: number[];
  /** Reviewers already on each alliance (kept existing pairs). */
  have: Set<number>[];
  /** Sorted reviewer indices in conflict with each alliance. */
  conflictsOf: Int32Array[];
  /** Reviewer indices excluded from each alliance (not conflicted, not kept). */
  excludedOf: number[][];
  seed: string | number;
}

/** Per alliance, the sorted indices of the reviewers in conflict with it (via an organisation index). */
function conflictLists(rs: ReviewerInput[], as: AllianceInput[]): Int32Array[] {
  const byOrg = new Map<string, number[]>();
  rs.forEach((r, ri) => {
    for (const org of new Set(r.conflicts)) {
      const list = byOrg.get(org);
      if (list) list.push(ri);
      else byOrg.set(org, [ri]);
    }
  });
  return as.map((a) => {
    const set = new Set<number>();
    for (const org of a.memberOrganisationIds) for (const ri of byOrg.get(org) ?? []) set.add(ri);
    return Int32Array.from(set).sort();
  });
}

function sortedHas(list: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

/** Above this many alliance × reviewer pairs the sparse solver is used (the dense one is O(F·A·R)). */
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

// ---------------------------------------------------------------------------------------------
// Sparse solver: shortlisted arcs, primal–dual phases, pricing over every pair

/** Counters of one sparse solve (for benchmarks and tests). */
export interface SparseStats {
  /** Solves on a growing shortlist (1 when the first shortlist was already optimal). */
  rounds: number;
  /** Primal–dual phases (one Dijkstra each), over all rounds. */
  phases: number;
  /** Alliance → reviewer arcs in the last round. */
  arcs: number;
}

const C = 3; // cost components: [load, shortfall spread, mismatch]

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Indexed binary min-heap of nodes keyed by their vector in `key` (lexicographic), with decrease-key. */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;
  constructor(
    n: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }
  private less(u: number, v: number): boolean {
    const { key } = this;
    for (let d = 0; d < C; d++) {
      const x = key[u * C + d]!;
      const y = key[v * C + d]!;
      if (x !== y) return x < y;
    }
    return u < v;
  }
  /** Inserts `v` or moves it up after its key decreased. */
  push(v: number) {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    const { heap, pos } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const w = heap[p]!;
      if (!this.less(v, w)) break;
      heap[i] = w;
      pos[w] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }
  pop(): number {
    const { heap, pos } = this;
    const top = heap[0]!;
    pos[top] = -1;
    const last = heap[--this.size]!;
    if (this.size === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.less(heap[r]!, heap[l]!) ? r : l;
      if (!this.less(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      pos[heap[i]!] = i;
      i = c;
    }
    heap[i] = last;
    pos[last] = i;
    return top;
  }
}

/**
 * Min-cost maximum flow on source → alliance → reviewer → sink with the alliance → reviewer arcs
 * given explicitly (the shortlist) and the source and sink arcs as convex arcs: the j-th review of an
 * alliance costs [0, j, 0], a reviewer's L-th review [L, 0, 0]. Primal–dual: a Dijkstra on reduced
 * costs (stopped at the sink; unsettled nodes take the sink's distance) updates the potentials, then
 * a maximum flow (Dinic) on the arcs of zero reduced cost sends every shortest path of that length at
 * once. All costs are small integers, so the number of phases is the number of distinct shortest
 * path costs, not the number of reviews.
 */
class SparseFlow {
  readonly V: number;
  readonly T: number;
  readonly slotFlow: Int32Array;
  readonly rFlow: Float64Array;
  readonly flow: Uint8Array;
  readonly pot: Float64Array;
  readonly dist: Float64Array;
  /** Node settled in the last Dijkstra (== its number). */
  readonly settled: Int32Array;
  stamp = 0;
  phases = 0;
  private readonly level: Int32Array;
  private readonly it: Int32Array;

  constructor(
    readonly A: number,
    readonly R: number,
    readonly aOrder: Int32Array,
    readonly need: Int32Array,
    readonly slotBase: Int32Array,
    readonly loadBase: Float64Array,
    readonly room: Float64Array,
    /** Arcs of alliance a: arcR[aStart[a] .. aStart[a + 1]), with mismatch cost mis[e]. */
    readonly aStart: Int32Array,
    readonly arcR: Int32Array,
    readonly arcA: Int32Array,
    readonly mis: Float64Array,
    /** Arcs of reviewer r: rArcs[rStart[r] .. rStart[r + 1]) (arc ids). */
    readonly rStart: Int32Array,
    readonly rArcs: Int32Array,
  ) {
    this.V = A + R + 2;
    this.T = A + R + 1;
    this.slotFlow = new Int32Array(A);
    this.rFlow = new Float64Array(R);
    this.flow = new Uint8Array(arcR.length);
    this.pot = new Float64Array(this.V * C);
    this.dist = new Float64Array(this.V * C);
    this.settled = new Int32Array(this.V);
    this.level = new Int32Array(this.V);
    this.it = new Int32Array(this.V);
  }

  run() {
    while (this.dijkstra()) {
      this.phases++;
      this.blockingFlows();
    }
  }

  /** Shortest reduced distances from the source; updates the potentials when the sink is reached. */
  private dijkstra(): boolean {
    const { A, T, V, pot, dist, settled, aOrder, need, slotFlow, slotBase, aStart, arcR, mis } = this;
    const { flow, rStart, rArcs, arcA, rFlow, room, loadBase } = this;
    const stamp = ++this.stamp;
    const reached = new Uint8Array(V);
    const heap = new NodeHeap(V, dist);
    const relax = (u: number, v: number, c0: number, c1: number, c2: number) => {
      if (settled[v] === stamp) return;
      const x0 = dist[u * C]! + c0 + pot[u * C]! - pot[v * C]!;
      const x1 = dist[u * C + 1]! + c1 + pot[u * C + 1]! - pot[v * C + 1]!;
      const x2 = dist[u * C + 2]! + c2 + pot[u * C + 2]! - pot[v * C + 2]!;
      if (reached[v]) {
        const y0 = dist[v * C]!;
        const y1 = dist[v * C + 1]!;
        if (x0 > y0 || (x0 === y0 && (x1 > y1 || (x1 === y1 && x2 >= dist[v * C + 2]!)))) return;
      }
      reached[v] = 1;
      dist[v * C] = x0;
      dist[v * C + 1] = x1;
      dist[v * C + 2] = x2;
      heap.push(v);
    };
    dist.fill(0, 0, C);
    reached[0] = 1;
    heap.push(0);
    let sinkReached = false;
    while (heap.size > 0) {
      const u = heap.pop();
      settled[u] = stamp;
      if (u === T) {
        sinkReached = true;
        break;
      }
      if (u === 0) {
        for (let i = 0; i < A; i++) {
          const a = aOrder[i]!;
          if (slotFlow[a]! < need[a]!) relax(0, 1 + a, 0, slotBase[a]! + slotFlow[a]! + 1, 0);
        }
      } else if (u <= A) {
        const a = u - 1;
        for (let e = aStart[a]!; e < aStart[a + 1]!; e++)
          if (!flow[e]) relax(u, 1 + A + arcR[e]!, 0, 0, mis[e]!);
      } else {
        const r = u - 1 - A;
        if (rFlow[r]! < room[r]!) relax(u, T, loadBase[r]! + rFlow[r]! + 1, 0, 0);
        for (let i = rStart[r]!; i < rStart[r + 1]!; i++) {
          const e = rArcs[i]!;
          if (flow[e]) relax(u, 1 + arcA[e]!, 0, 0, -mis[e]!);
        }
      }
    }
    if (!sinkReached) return false;
    for (let v = 0; v < V; v++) {
      const from = settled[v] === stamp ? v : T;
      for (let d = 0; d < C; d++) pot[v * C + d] = pot[v * C + d]! + dist[from * C + d]!;
    }
    return true;
  }

  /**
   * The target of node u's i-th residual arc if that arc has zero reduced cost, else −1. Arcs: the
   * source's slot arcs (in the seeded alliance order); an alliance's unused pair arcs; a reviewer's
   * sink arc (i = 0) then its used pair arcs backwards.
   */
  private admissible(u: number, i: number): number {
    const { A, T, pot } = this;
    let v: number;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    if (u === 0) {
      const a = this.aOrder[i]!;
      if (this.slotFlow[a]! >= this.need[a]!) return -1;
      v = 1 + a;
      c1 = this.slotBase[a]! + this.slotFlow[a]! + 1;
    } else if (u <= A) {
      const e = this.aStart[u - 1]! + i;
      if (this.flow[e]) return -1;
      v = 1 + A + this.arcR[e]!;
      c2 = this.mis[e]!;
    } else {
      const r = u - 1 - A;
      if (i === 0) {
        if (this.rFlow[r]! >= this.room[r]!) return -1;
        v = T;
        c0 = this.loadBase[r]! + this.rFlow[r]! + 1;
      } else {
        const e = this.rArcs[this.rStart[r]! + i - 1]!;
        if (!this.flow[e]) return -1;
        v = 1 + this.arcA[e]!;
        c2 = -this.mis[e]!;
      }
    }
    if (c0 + pot[u * C]! - pot[v * C]! !== 0) return -1;
    if (c1 + pot[u * C + 1]! - pot[v * C + 1]! !== 0) return -1;
    if (c2 + pot[u * C + 2]! - pot[v * C + 2]! !== 0) return -1;
    return v;
  }

  private degree(u: number): number {
    const { A } = this;
    if (u === 0) return A;
    if (u <= A) return this.aStart[u]! - this.aStart[u - 1]!;
    if (u === this.T) return 0;
    const r = u - 1 - A;
    return 1 + this.rStart[r + 1]! - this.rStart[r]!;
  }

  private push(u: number, i: number) {
    const { A } = this;
    if (u === 0) {
      const a = this.aOrder[i]!;
      this.slotFlow[a] = this.slotFlow[a]! + 1;
    } else if (u <= A) this.flow[this.aStart[u - 1]! + i] = 1;
    else {
      const r = u - 1 - A;
      if (i === 0) this.rFlow[r] = this.rFlow[r]! + 1;
      else this.flow[this.rArcs[this.rStart[r]! + i - 1]!] = 0;
    }
  }

  /** Dinic on the zero-reduced-cost residual arcs (all of unit capacity within a phase). */
  private blockingFlows() {
    const { V, T, level, it } = this;
    const queue = new Int32Array(V);
    const pathNode: number[] = [];
    const pathArc: number[] = [];
    for (;;) {
      level.fill(-1);
      level[0] = 0;
      let head = 0;
      let tail = 0;
      queue[tail++] = 0;
      while (head < tail) {
        const u = queue[head++]!;
        if (u === T) continue;
        const deg = this.degree(u);
        for (let i = 0; i < deg; i++) {
          const v = this.admissible(u, i);
          if (v >= 0 && level[v]! < 0) {
            level[v] = level[u]! + 1;
            queue[tail++] = v;
          }
        }
      }
      if (level[T]! < 0) return;
      it.fill(0);
      let u = 0;
      for (;;) {
        if (u === T) {
          for (let j = 0; j < pathNode.length; j++) this.push(pathNode[j]!, pathArc[j]!);
          pathNode.length = 0;
          pathArc.length = 0;
          u = 0;
          continue;
        }
        const deg = this.degree(u);
        let next = -1;
        while (it[u]! < deg) {
          const v = this.admissible(u, it[u]!);
          if (v >= 0 && level[v] === level[u]! + 1) {
            next = v;
            break;
          }
          it[u] = it[u]! + 1;
        }
        if (next >= 0) {
          pathNode.push(u);
          pathArc.push(it[u]!);
          u = next;
        } else {
          if (u === 0) break;
          level[u] = -2; // dead end for this level graph
          u = pathNode.pop()!;
          pathArc.pop();
          it[u] = it[u]! + 1;
        }
      }
    }
  }
}

/** New pairs [alliance index, reviewer index], optimal for [load, shortfall spread, mismatch]. */
function solveSparse(input: SolverInput, shortlist?: number, stats?: SparseStats): [number, number][] {
  const { rs, as, k, load, maxLoad, have, conflictsOf, excludedOf } = input;
  const R = rs.length;
  const A = as.length;
  if (A === 0 || R === 0 || k === 0) return [];

  // Sectors as bit masks over the alliances' sectors: a match is a popcount.
  const sectorIndex = new Map<string, number>();
  for (const a of as)
    for (const s of a.sectors) if (!sectorIndex.has(s)) sectorIndex.set(s, sectorIndex.size);
  const W = Math.max(1, Math.ceil(sectorIndex.size / 32));
  const aMask = new Uint32Array(A * W);
  const rMask = new Uint32Array(R * W);
  as.forEach((a, ai) => {
    for (const s of a.sectors) {
      const b = sectorIndex.get(s)!;
      aMask[ai * W + (b >>> 5)]! |= 1 << (b & 31);
    }
  });
  rs.forEach((r, ri) => {
    for (const s of r.expertise) {
      const b = sectorIndex.get(s);
      if (b !== undefined) rMask[ri * W + (b >>> 5)]! |= 1 << (b & 31);
    }
  });
  let M = 0;
  for (let ai = 0; ai < A; ai++) {
    let m = 0;
    for (let w = 0; w < W; w++) m += popcount(aMask[ai * W + w]!);
    M = Math.max(M, m);
  }
  const matchOf =
    W === 1
      ? (ai: number, ri: number) => popcount(aMask[ai]! & rMask[ri]!)
      : (ai: number, ri: number) => {
          let m = 0;
          for (let w = 0; w < W; w++) m += popcount(aMask[ai * W + w]! & rMask[ri * W + w]!);
          return m;
        };

  const need = Int32Array.from(have, (s) => Math.max(0, k - s.size));
  const slotBase = Int32Array.from(have, (s) => s.size);
  const loadBase = Float64Array.from(load);
  const room = Float64Array.from(maxLoad, (m, ri) => Math.max(0, m - load[ri]!));

  // Seeded orders: of the alliances (the source's arcs), and per alliance a scan of the reviewers
  // (a seeded permutation walked from a seeded offset with a seeded stride prime to R).
  const random = seededRandom(input.seed);
  const shuffled = (n: number) => {
    const p = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = random() % (i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  };
  const aOrder = shuffled(A);
  const perm = shuffled(R);
  const offset = new Int32Array(A);
  const stride = new Int32Array(A);
  for (let ai = 0; ai < A; ai++) {
    offset[ai] = random() % R;
    let s = 1 + (random() % R);
    while (gcd(s, R) !== 1) s = (s % R) + 1;
    stride[ai] = s;
  }

  // mark[ri] === ai: reviewer ri is not a new option for alliance ai (conflicted, excluded, on it,
  // or already shortlisted).
  const mark = new Int32Array(R).fill(-1);
  const list = as.map(() => [] as number[]); // shortlisted reviewers per alliance, in preference order
  const markFixed = (ai: number) => {
    for (const ri of conflictsOf[ai]!) mark[ri] = ai;
    for (const ri of excludedOf[ai]!) mark[ri] = ai;
    for (const ri of have[ai]!) mark[ri] = ai;
    for (const ri of list[ai]!) mark[ri] = ai;
  };
  /** Up to `cap` reviewers passing `want`, best match first, then in the alliance's seeded scan order. */
  const pick = (ai: number, cap: number, want: (ri: number, m: number) => boolean): number[] => {
    const buckets = Array.from({ length: M + 1 }, () => [] as number[]);
    let pos = offset[ai]!;
    const step = stride[ai]!;
    for (let i = 0; i < R; i++, pos = (pos + step) % R) {
      const ri = perm[pos]!;
      if (mark[ri] === ai) continue;
      const m = matchOf(ai, ri);
      const b = buckets[m]!;
      if (b.length < cap && want(ri, m)) {
        b.push(ri);
        if (m === M && b.length === cap) break;
      }
    }
    const out: number[] = [];
    for (let m = M; m >= 0 && out.length < cap; m--)
      for (const ri of buckets[m]!) if (out.length < cap) out.push(ri);
    return out;
  };

  const L = Math.max(1, shortlist ?? DEFAULT_SHORTLIST(k));
  for (let ai = 0; ai < A; ai++) {
    if (need[ai] === 0) continue;
    markFixed(ai);
    list[ai] = pick(ai, L, () => true);
  }

  let phases = 0;
  for (let round = 1; ; round++) {
    // Arcs in CSR form, alliance by alliance.
    const aStart = new Int32Array(A + 1);
    for (let ai = 0; ai < A; ai++) aStart[ai + 1] = aStart[ai]! + list[ai]!.length;
    const E = aStart[A]!;
    const arcR = new Int32Array(E);
    const arcA = new Int32Array(E);
    const mis = new Float64Array(E);
    const rStart = new Int32Array(R + 1);
    for (let ai = 0; ai < A; ai++)
      list[ai]!.forEach((ri, j) => {
        const e = aStart[ai]! + j;
        arcR[e] = ri;
        arcA[e] = ai;
        mis[e] = M - matchOf(ai, ri);
        rStart[ri + 1] = rStart[ri + 1]! + 1;
      });
    for (let ri = 0; ri < R; ri++) rStart[ri + 1] = rStart[ri + 1]! + rStart[ri]!;
    const rArcs = new Int32Array(E);
    const fill = rStart.slice(0, R);
    for (let e = 0; e < E; e++) {
      const ri = arcR[e]!;
      rArcs[fill[ri]!] = e;
      fill[ri] = fill[ri]! + 1;
    }
    const f = new SparseFlow(
      A,
      R,
      aOrder,
      need,
      slotBase,
      loadBase,
      room,
      aStart,
      arcR,
      arcA,
      mis,
      rStart,
      rArcs,
    );
    f.run();
    phases += f.phases;

    // Pricing: an unlisted pair (a, r) could improve the flow when a is reachable from the source
    // and r is not (an augmenting path may pass it), or when its reduced cost is negative (a negative
    // cycle may pass it). When no pair qualifies, the flow is optimal on the complete graph.
    const { pot, settled, stamp } = f;
    const cap = round >= 4 ? R : L * 4 ** (round - 1);
    let added = 0;
    for (let ai = 0; ai < A; ai++) {
      if (need[ai] === 0) continue;
      markFixed(ai);
      const u = (1 + ai) * C;
      const p0 = pot[u]!;
      const p1 = pot[u + 1]!;
      const p2 = pot[u + 2]!;
      const inX = settled[1 + ai] === stamp;
      const more = pick(ai, cap, (ri, m) => {
        const v = (1 + A + ri) * C;
        if (inX && settled[1 + A + ri] !== stamp) return true;
        const d0 = p0 - pot[v]!;
        if (d0 !== 0) return d0 < 0;
        const d1 = p1 - pot[v + 1]!;
        if (d1 !== 0) return d1 < 0;
        return M - m + p2 - pot[v + 2]! < 0;
      });
      for (const ri of more) list[ai]!.push(ri);
      added += more.length;
    }
    if (added === 0) {
      if (stats) Object.assign(stats, { rounds: round, phases, arcs: E });
      const out: [number, number][] = [];
      for (let e = 0; e < E; e++) if (f.flow[e]) out.push([arcA[e]!, arcR[e]!]);
      return out;
    }
  }
}

/** Initial shortlist per alliance: room for balancing loads and expertise beyond the k needed. */
const DEFAULT_SHORTLIST = (k: number) => Math.max(3 * k, k + 6);

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
