/**
 * Selection within the annual budget (择优支持, domain.md Lifecycle 4), with a reason for every
 * alliance. Pure. All money is whole yuan; every alliance's award is min(requested, perAllianceCap).
 *
 * Policies
 *  - 'rank-order': go down the ranking and fund each alliance whose award still fits in what is
 *    left; one that does not fit is skipped and the next ones are still considered (CONSUL's
 *    budget results, without the "incompatible" manual flag).
 *  - 'max-merit': the set of alliances with the largest total finalScore whose awards fit in the
 *    budget (0/1 knapsack). Merit is counted in hundredths of a point — the precision finalScore
 *    is reported and ranked in — and the optimum is exact for that integer merit. Ties (equal
 *    total merit) go to the cheaper set — the same merit for less money; it also means the
 *    selection changes only where more merit becomes affordable, see budgetIncreaseToFund —
 *    then to the set that is lexicographically higher in the ranking (the one containing the
 *    best-ranked alliance where they differ). A score ≤ 0 adds no merit and is not funded.
 *
 * Exact knapsack, two dynamic programmes over the same order of preference; the smaller table wins:
 *  - over merit: G_i[t] = least cost of a subset of alliances i…n (rank order) with merit exactly
 *    t, for t ≤ Σ merit. Time and table bits O(n · Σ merit), independent of the money amounts;
 *  - over the budget, in units of g = gcd of the awards: V_i[c] = best (merit, −cost) with cost
 *    ≤ c·g, for c ≤ Σ awards / g. O(n · Σ awards / g) — small when awards are round sums.
 * Both keep one "take alliance i" bit per cell and one row of values, and rebuild the selection
 * in rank order, taking an alliance whenever a best completion with it exists, which yields the
 * preferred set among ties. Past 2^31 cells (256 MiB of bits) it refuses rather than approximate;
 * 40 candidates scoring ~60–100 need ~12 million cells (~1.5 MB), ~35 ms.
 *
 * budgetIncreaseToFund (unfunded rows): the least Δ ≥ 1 (whole yuan) such that the same policy
 * with budget + Δ funds the alliance.
 *  - max-merit: the selection changes only at the budgets where a larger total merit first
 *    becomes affordable — the table's Pareto points (least cost of each merit level); between two
 *    of them it is the same set. The answer is the first such budget above the current one whose
 *    selection contains the alliance: O(n) per Pareto point visited, at most Σ merit of them.
 *  - rank-order: not monotone in the budget (funding one more alliance can crowd out a lower one),
 *    so no bisection. Let slack(b) be what the alliances ranked above leave at its turn with
 *    budget b; it is funded iff slack(b) ≥ its award. Between budgets where the funded set above
 *    changes, slack grows one yuan per yuan; where it changes, a higher alliance has just started
 *    to fit exactly, so slack drops to 0. Hence from b no budget below b + (award − slack(b)) can
 *    fund it, and iterating b ← b + award − slack(b) from the current budget reaches the least
 *    one; each step past the first crosses a change above it, and it ends by Σ awards up to it.
 */
import type { SelectionPolicy } from './model/round.ts';
import { isWholeYuan, yuan } from './money.ts';
import type { Text } from './text.ts';

export type { Text };
export type Policy = SelectionPolicy;

export interface Candidate {
  allianceId: string;
  rank: number;
  /** null when the alliance received no review: it is never funded. */
  finalScore: number | null;
  /** Programme funds requested, whole yuan. */
  requested: number;
  /** How ties with neighbours on the final score were decided (from the ranking), for the reason. */
  tieBreaks?: readonly { text: Text }[];
}

export interface SelectionParams {
  budget: number;
  perAllianceCap: number;
  policy: Policy;
}

interface RowBase {
  allianceId: string;
  rank: number;
  requested: number;
  /** min(requested, perAllianceCap). */
  award: number;
  reason: Text;
  /** Unfunded rows: the smallest budget increase with which the same policy funds this alliance
   * (absent when no budget would: no review, or no positive score). */
  budgetIncreaseToFund?: number;
  /** Set by applyAdjustments: what the admin did, why, and what the policy had decided. */
  adjustment?: { action: 'include' | 'exclude'; reason: string; previous: { funded: boolean; reason: Text } };
}
/** A funded row always has a score: alliances without reviews are never funded, not even by adjustment. */
export type FundedRow = RowBase & { funded: true; finalScore: number };
export type UnfundedRow = RowBase & { funded: false; finalScore: number | null };
export type SelectionRow = FundedRow | UnfundedRow;
export const isFunded = (row: SelectionRow): row is FundedRow => row.funded;

export interface SelectionResult {
  policy: Policy;
  budget: number;
  perAllianceCap: number;
  totalAwarded: number;
  remaining: number;
  /** Σ finalScore of the funded alliances. */
  totalMerit: number;
  /** Rows in rank order. */
  rows: SelectionRow[];
  /** max-merit: which exact programme ran and its table size (cells). */
  solver?: { kind: 'dp-over-merit' | 'dp-over-budget'; cells: number };
  /** True once applyAdjustments changed the policy's outcome. */
  adjusted?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** ¥1,234,567: the programme's one money formatter (./money.ts). */
export { yuan };

const score2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));

const notReviewed = (c: { rank: number }): Text => ({
  en: `not funded: no review was received (rank ${c.rank})`,
  zh: `未获资助：未收到评审意见（排名第${c.rank}）`,
});

function awardText(c: Item, cap: number): Text {
  if (c.award === c.requested) return { en: yuan(c.award), zh: yuan(c.award) };
  return {
    en: `${yuan(c.award)}, the per-alliance cap ${yuan(cap)}, of ${yuan(c.requested)} requested`,
    zh: `${yuan(c.award)}，按单个联盟上限 ${yuan(cap)} 核定，申请 ${yuan(c.requested)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Input

interface Item {
  allianceId: string;
  rank: number;
  finalScore: number | null;
  requested: number;
  award: number;
  /** finalScore in whole hundredths. */
  merit: number;
}

function items(candidates: Candidate[], params: SelectionParams): Item[] {
  if (!isWholeYuan(params.budget)) throw new RangeError('budget must be whole yuan ≥ 0');
  if (!isWholeYuan(params.perAllianceCap)) throw new RangeError('perAllianceCap must be whole yuan ≥ 0');
  const seen = new Set<string>();
  const list = candidates.map((c) => {
    if (seen.has(c.allianceId)) throw new RangeError(`duplicate alliance ${c.allianceId}`);
    seen.add(c.allianceId);
    if (!isWholeYuan(c.requested)) throw new RangeError(`${c.allianceId}: requested must be whole yuan ≥ 0`);
    if (c.finalScore !== null && !Number.isFinite(c.finalScore))
      throw new RangeError(`${c.allianceId}: finalScore must be finite or null`);
    return {
      allianceId: c.allianceId,
      rank: c.rank,
      finalScore: c.finalScore,
      requested: c.requested,
      award: Math.min(c.requested, params.perAllianceCap),
      merit: c.finalScore === null ? Number.NEGATIVE_INFINITY : Math.round(c.finalScore * 100),
    };
  });
  return list.sort(
    (a, b) => a.rank - b.rank || (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// rank-order

/** Greedy down the ranking: which of `list` are funded with `budget`, and what was left at each turn. */
function greedy(list: Item[], budget: number, upTo = list.length) {
  const funded: boolean[] = [];
  const leftAtTurn: number[] = [];
  let left = budget;
  for (let i = 0; i < upTo; i++) {
    const { award, finalScore } = list[i]!;
    const fits = finalScore !== null && award <= left;
    leftAtTurn.push(left);
    funded.push(fits);
    if (fits) left -= award;
  }
  return { funded, leftAtTurn, left };
}

/** Least Δ ≥ 1 such that rank-order with budget + Δ funds list[j] (see the module comment). */
function rankOrderIncrease(list: Item[], j: number, budget: number): number {
  const need = list[j]!.award;
  let b = budget;
  for (;;) {
    const { left } = greedy(list, b, j);
    if (left >= need) return b - budget;
    b += need - left; // the first budget at which j could fit; see the module comment for why exact
  }
}

/** What every row of a selection says about its alliance, funded or not. */
const rowBase = (c: Item) => ({
  allianceId: c.allianceId,
  rank: c.rank,
  finalScore: c.finalScore,
  requested: c.requested,
  award: c.award,
});

function rankOrder(list: Item[], params: SelectionParams): SelectionResult {
  const { funded, leftAtTurn, left } = greedy(list, params.budget);
  const rows = list.map((c, i): SelectionRow => {
    const base = rowBase(c);
    if (funded[i]) {
      const a = awardText(c, params.perAllianceCap);
      return {
        ...base,
        finalScore: c.finalScore!,
        funded: true,
        reason: { en: `funded (rank ${c.rank}, ${a.en})`, zh: `获资助（排名第${c.rank}，${a.zh}）` },
      };
    }
    if (c.finalScore === null) return { ...base, funded: false, reason: notReviewed(c) };
    return {
      ...base,
      funded: false,
      reason: {
        en: `not funded: rank ${c.rank}, needs ${yuan(c.award)}, ${yuan(leftAtTurn[i]!)} left`,
        zh: `未获资助：排名第${c.rank}，需 ${yuan(c.award)}，剩余 ${yuan(leftAtTurn[i]!)}`,
      },
      budgetIncreaseToFund: rankOrderIncrease(list, i, params.budget),
    };
  });
  return summarise('rank-order', params, rows, params.budget - left);
}

// ---------------------------------------------------------------------------------------------
// max-merit: exact 0/1 knapsack

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
interface Knapsack {
  kind: 'dp-over-merit' | 'dp-over-budget';
  cells: number;
  /** Pareto points by increasing cost (and merit): each point's cost in yuan and a handle to select it. */
  points: { cost: number; at: number }[];
  /** The preferred set (indices into the DP's items) for a point's handle. */
  select(at: number): number[];
}

/** Most table cells (one bit each) either programme may use: 2^31 bits = 256 MiB. */
const MAX_CELLS = 2 ** 31;

function gcd(a: number, b: number): number {
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

/** The smaller exact programme, unless `solver` forces one (tests compare them). */
function solveKnapsack(dp: Item[], solver?: 'dp-over-merit' | 'dp-over-budget'): Knapsack {
  const g = dp.reduce((acc, c) => gcd(acc, c.award), 0) || 1;
  const meritCells = dp.length * (dp.reduce((s, c) => s + c.merit, 0) + 1);
  const budgetCells = dp.length * (dp.reduce((s, c) => s + c.award / g, 0) + 1);
  const kind = solver ?? (budgetCells < meritCells ? 'dp-over-budget' : 'dp-over-merit');
  const cells = kind === 'dp-over-budget' ? budgetCells : meritCells;
  if (cells > MAX_CELLS)
    throw new RangeError(`max-merit selection too large for the exact programme (${cells} cells)`);
  return kind === 'dp-over-budget' ? budgetDp(dp, g) : meritDp(dp);
}

function maxMerit(
  list: Item[],
  params: SelectionParams,
  solver?: 'dp-over-merit' | 'dp-over-budget',
): SelectionResult {
  // Alliances with no positive merit never improve the total; only a free one could join a tie.
  const inDp = list
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.merit > 0 || (c.merit === 0 && c.award === 0));
  const knapsack = solveKnapsack(
    inDp.map(({ c }) => c),
    solver,
  );
  const toList = (chosen: number[]) => new Set(chosen.map((k) => inDp[k]!.i));
  const { points } = knapsack;
  let current = 0;
  while (current + 1 < points.length && points[current + 1]!.cost <= params.budget) current++;
  const funded = toList(knapsack.select(points[current]!.at));
  const spent = [...funded].reduce((s, i) => s + list[i]!.award, 0);
  const left = params.budget - spent;

  // budgetIncreaseToFund: first Pareto point above the budget whose selection includes the alliance.
  const increase = new Map<number, number>();
  const waiting = new Set(inDp.filter(({ i }) => !funded.has(i)).map(({ i }) => i));
  for (let p = current + 1; p < points.length && waiting.size > 0; p++) {
    for (const i of toList(knapsack.select(points[p]!.at)))
      if (waiting.delete(i)) increase.set(i, points[p]!.cost - params.budget);
  }

  const rows = list.map((c, i): SelectionRow => {
    const base = rowBase(c);
    if (funded.has(i)) {
      const a = awardText(c, params.perAllianceCap);
      return {
        ...base,
        finalScore: c.finalScore!,
        funded: true,
        reason: {
          en: `funded (rank ${c.rank}, ${a.en}; in the set of alliances with the highest total score within the budget)`,
          zh: `获资助（排名第${c.rank}，${a.zh}；属于预算内总分最高的联盟组合）`,
        },
      };
    }
    if (c.finalScore === null) return { ...base, funded: false, reason: notReviewed(c) };
    if (c.merit <= 0)
      return {
        ...base,
        funded: false,
        reason: {
          en: `not funded: a score of ${score2(c.finalScore)} adds no merit (rank ${c.rank})`,
          zh: `未获资助：得分 ${score2(c.finalScore)}，不增加总分（排名第${c.rank}）`,
        },
      };
    const row: SelectionRow = {
      ...base,
      funded: false,
      reason: {
        en: `not funded: the budget buys more merit without it, or as much at lower cost or with higher-ranked alliances (rank ${c.rank}, score ${score2(c.finalScore)}, needs ${yuan(c.award)}, ${yuan(left)} left)`,
        zh: `未获资助：不含该联盟的组合在预算内总分更高（或总分相同而花费更少、排名更前）（排名第${c.rank}，得分 ${score2(c.finalScore)}，需 ${yuan(c.award)}，剩余 ${yuan(left)}）`,
      },
    };
    const delta = increase.get(i);
    if (delta !== undefined) row.budgetIncreaseToFund = delta;
    return row;
  });
  return {
    ...summarise('max-merit', params, rows, spent),
    solver: { kind: knapsack.kind, cells: knapsack.cells },
  };
}

// ---------------------------------------------------------------------------------------------
// Entry points

function summarise(
  policy: Policy,
  params: SelectionParams,
  rows: SelectionRow[],
  spent: number,
): SelectionResult {
  const merit = rows.reduce(
    (s, r) => (r.funded && r.finalScore !== null ? s + Math.round(r.finalScore * 100) : s),
    0,
  );
  return {
    policy,
    budget: params.budget,
    perAllianceCap: params.perAllianceCap,
    totalAwarded: spent,
    remaining: params.budget - spent,
    totalMerit: merit / 100,
    rows,
  };
}

export function selectWithinBudget(
  candidates: Candidate[],
  params: SelectionParams,
  /** @internal tests force one exact programme */
  options: { solver?: 'dp-over-merit' | 'dp-over-budget' } = {},
): SelectionResult {
  const list = items(candidates, params);
  const result =
    params.policy === 'rank-order' ? rankOrder(list, params) : maxMerit(list, params, options.solver);
  const ties = new Map(candidates.map((c) => [c.allianceId, c.tieBreaks ?? []]));
  return { ...result, rows: result.rows.map((row) => withNotes(row, ties.get(row.allianceId) ?? [])) };
}

/**
 * A reason a person can check: the policy's decision, then how a tie was decided when one mattered,
 * then (unfunded) the budget increase that would fund the alliance.
 */
function withNotes(row: SelectionRow, ties: readonly { text: Text }[]): SelectionRow {
  const notes: Text[] = ties.map((t) => t.text);
  if (row.budgetIncreaseToFund !== undefined) {
    notes.push({
      en: `a budget ${yuan(row.budgetIncreaseToFund)} larger would fund it`,
      zh: `预算增加 ${yuan(row.budgetIncreaseToFund)} 即可获资助`,
    });
  }
  if (notes.length === 0) return row;
  return {
    ...row,
    reason: {
      en: [row.reason.en, ...notes.map((n) => n.en)].join('; '),
      zh: [row.reason.zh, ...notes.map((n) => n.zh)].join('；'),
    },
  };
}

export interface Adjustment {
  allianceId: string;
  action: 'include' | 'exclude';
  /** The admin's reason, recorded on the row. */
  reason: string;
}

export interface AdjustmentError {
  code: 'over-budget' | 'unknown-alliance' | 'duplicate-adjustment' | 'reason-required' | 'not-reviewed';
  error: Text;
  /** Yuan by which the adjusted selection exceeds the budget (0 for the other errors). */
  over: number;
}

/**
 * An admin's changes to the policy's selection (domain.md Lifecycle 4: "may adjust, with a
 * recorded reason"). The budget still holds: if the adjusted selection costs more, nothing is
 * changed and the error says by how much. Each adjusted row keeps the policy's decision in
 * `adjustment.previous`; budgetIncreaseToFund is dropped from adjusted rows.
 */
export function applyAdjustments(
  result: SelectionResult,
  adjustments: Adjustment[],
  budget: number,
): SelectionResult | AdjustmentError {
  if (!isWholeYuan(budget)) throw new RangeError('budget must be whole yuan ≥ 0');
  const byId = new Map<string, Adjustment>();
  for (const a of adjustments) {
    if (!result.rows.some((r) => r.allianceId === a.allianceId))
      return {
        code: 'unknown-alliance',
        over: 0,
        error: {
          en: `${a.allianceId} is not among the ranked alliances`,
          zh: `${a.allianceId} 不在排名名单中`,
        },
      };
    if (byId.has(a.allianceId))
      return {
        code: 'duplicate-adjustment',
        over: 0,
        error: { en: `${a.allianceId} is adjusted twice`, zh: `${a.allianceId} 被重复调整` },
      };
    if (a.reason.trim() === '')
      return {
        code: 'reason-required',
        over: 0,
        error: {
          en: `a reason is required to adjust ${a.allianceId}`,
          zh: `调整 ${a.allianceId} 须说明理由`,
        },
      };
    if (a.action === 'include' && result.rows.find((r) => r.allianceId === a.allianceId)!.finalScore === null)
      return {
        code: 'not-reviewed',
        over: 0,
        error: {
          en: `${a.allianceId} received no review and cannot be funded`,
          zh: `${a.allianceId} 未收到评审意见，不能获资助`,
        },
      };
    byId.set(a.allianceId, a);
  }
  const rows = result.rows.map((row): SelectionRow => {
    const a = byId.get(row.allianceId);
    if (!a) return row;
    const { budgetIncreaseToFund: _dropped, adjustment: earlier, ...rest } = row;
    const adjustment = {
      action: a.action,
      reason: a.reason,
      previous: earlier?.previous ?? { funded: row.funded, reason: row.reason },
    };
    if (a.action === 'exclude')
      return {
        ...rest,
        funded: false,
        reason: { en: `not funded by adjustment: ${a.reason}`, zh: `经调整不予资助：${a.reason}` },
        adjustment,
      };
    return {
      ...rest,
      finalScore: rest.finalScore!, // checked above: included rows were reviewed
      funded: true,
      reason: {
        en: `funded by adjustment (${yuan(row.award)}): ${a.reason}`,
        zh: `经调整获资助（${yuan(row.award)}）：${a.reason}`,
      },
      adjustment,
    };
  });
  const spent = rows.reduce((s, r) => (r.funded ? s + r.award : s), 0);
  if (spent > budget) {
    const over = spent - budget;
    return {
      code: 'over-budget',
      over,
      error: {
        en: `the adjusted selection needs ${yuan(spent)}, ${yuan(over)} more than the budget of ${yuan(budget)}`,
        zh: `调整后的资助总额 ${yuan(spent)} 超出预算 ${yuan(budget)}，超出 ${yuan(over)}`,
      },
    };
  }
  return {
    ...summarise(result.policy, { ...result, budget }, rows, spent),
    ...(result.solver ? { solver: result.solver } : {}),
    adjusted: true,
  };
}
