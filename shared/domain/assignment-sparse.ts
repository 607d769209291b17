/**
 * The sparse exact solver of reviewer assignment (./assignment.ts explains the guarantees and the
 * method): a shortlist per alliance, primal–dual phases with Dinic on zero-reduced-cost arcs, and
 * pricing over every pair until none could improve the result. Split from assignment.ts only for
 * size; nothing here is used elsewhere.
 */
import type { AllianceInput, ReviewerInput } from './assignment.ts';
import { seededRandom } from './seeded-random.ts';

/** First shortlist per alliance: its best-matching allowed reviewers. */
export const DEFAULT_SHORTLIST = (k: number) => Math.max(3 * k, k + 6);

export interface SolverInput {
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
export function conflictLists(rs: ReviewerInput[], as: AllianceInput[]): Int32Array[] {
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

export function sortedHas(list: Int32Array, x: number): boolean {
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
export function solveSparse(input: SolverInput, shortlist?: number, stats?: SparseStats): [number, number][] {
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
