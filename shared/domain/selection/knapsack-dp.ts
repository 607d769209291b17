/**
 * max-merit by dynamic programming (the exact programmes of ../selection.ts, module comment): used
 * where the table is small, and the source of the exact budgetIncreaseToFund answers.
 */
import type { Item } from './items.ts';

export type DpKind = 'dp-over-merit' | 'dp-over-budget';

class Bits {
  private readonly words: Uint32Array;
  constructor(
    rows: number,
    private readonly width: number,
  ) {
    this.words = new Uint32Array(Math.ceil((rows * width) / 32));
  }
  set(r: number, c: number) {
    const k = r * this.width + c;
    this.words[k >>> 5] = this.words[k >>> 5]! | (1 << (k & 31));
  }
  get(r: number, c: number): boolean {
    const k = r * this.width + c;
    return (this.words[k >>> 5]! & (1 << (k & 31))) !== 0;
  }
}

/** An exact solver: the Pareto points (least cost of each better merit) and the preferred set at each. */
export interface Knapsack {
  kind: DpKind;
  cells: number;
  /** Pareto points by increasing cost (and merit): each point's cost in yuan and a handle to select it. */
  points: { cost: number; at: number }[];
  /** The preferred set (indices into the DP's items) for a point's handle. */
  select(at: number): number[];
}

/** Most table cells (one bit each) either programme may use: 2^31 bits = 256 MiB. */
export const MAX_CELLS = 2 ** 31;

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** DP over merit, items in rank order, computed from the last one up. */
function meritDp(dp: Item[]): Knapsack {
  const n = dp.length;
  const M = dp.reduce((s, c) => s + c.merit, 0);
  const W = M + 1;
  const take = new Bits(n, W);
  const G = new Float64Array(W).fill(Number.POSITIVE_INFINITY);
  G[0] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const { merit: m, award: a } = dp[i]!;
    for (let t = M; t >= m; t--) {
      const via = G[t - m]! + a;
      if (via <= G[t]! && via < Number.POSITIVE_INFINITY) {
        G[t] = via;
        take.set(i, t);
      }
    }
  }
  const points: { cost: number; at: number }[] = [];
  let cheapestAbove = Number.POSITIVE_INFINITY;
  for (let t = M; t >= 0; t--) {
    if (G[t]! < cheapestAbove) {
      points.push({ cost: G[t]!, at: t });
      cheapestAbove = G[t]!;
    }
  }
  points.reverse();
  return {
    kind: 'dp-over-merit',
    cells: n * W,
    points,
    select: (target) => backtrack(take, n, target, (i) => dp[i]!.merit),
  };
}

/** The items a DP's take-table chose, walked from item 0 with `remaining` of the table's dimension. */
function backtrack(take: Bits, n: number, remaining: number, weight: (i: number) => number): number[] {
  const chosen: number[] = [];
  let r = remaining;
  for (let i = 0; i < n; i++)
    if (take.get(i, r)) {
      chosen.push(i);
      r -= weight(i);
    }
  return chosen;
}

/** DP over the budget in units of g (the gcd of the awards), capacity up to Σ awards. */
function budgetDp(dp: Item[], g: number): Knapsack {
  const n = dp.length;
  const units = dp.map((c) => c.award / g);
  const C = units.reduce((s, u) => s + u, 0);
  const W = C + 1;
  const take = new Bits(n, W);
  const merit = new Float64Array(W); // best merit with cost ≤ c (units); ties → least cost
  const cost = new Float64Array(W);
  for (let i = n - 1; i >= 0; i--) {
    const m = dp[i]!.merit;
    const u = units[i]!;
    for (let c = C; c >= u; c--) {
      const vm = merit[c - u]! + m;
      const vc = cost[c - u]! + u;
      if (vm > merit[c]! || (vm === merit[c]! && vc <= cost[c]!)) {
        merit[c] = vm;
        cost[c] = vc;
        take.set(i, c);
      }
    }
  }
  const points: { cost: number; at: number }[] = [];
  for (let c = 0; c <= C; c++)
    if (c === 0 || merit[c]! > merit[c - 1]!) points.push({ cost: cost[c]! * g, at: c });
  return {
    kind: 'dp-over-budget',
    cells: n * W,
    points,
    select: (capacity) => backtrack(take, n, capacity, (i) => units[i]!),
  };
}

/** The smaller exact programme and its table size, unless `solver` forces one (tests compare them). */
export function dpSize(dp: readonly Item[], solver?: DpKind): { kind: DpKind; cells: number; g: number } {
  const g = dp.reduce((acc, c) => gcd(acc, c.award), 0) || 1;
  const meritCells = dp.length * (dp.reduce((s, c) => s + c.merit, 0) + 1);
  const budgetCells = dp.length * (dp.reduce((s, c) => s + c.award / g, 0) + 1);
  const kind = solver ?? (budgetCells < meritCells ? 'dp-over-budget' : 'dp-over-merit');
  return { kind, cells: kind === 'dp-over-budget' ? budgetCells : meritCells, g };
}

/** The smaller exact programme, unless `solver` forces one; refuses past MAX_CELLS. */
export function solveKnapsack(dp: Item[], solver?: DpKind): Knapsack {
  const { kind, cells, g } = dpSize(dp, solver);
  if (cells > MAX_CELLS)
    throw new RangeError(`max-merit selection too large for the exact programme (${cells} cells)`);
  return kind === 'dp-over-budget' ? budgetDp(dp, g) : meritDp(dp);
}
