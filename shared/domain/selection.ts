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
 * max-merit, solved exactly for that order (./selection/):
 *  - small tables: two dynamic programmes over the same order of preference; the smaller wins
 *    (./selection/knapsack-dp.ts):
 *    - over merit: G_i[t] = least cost of a subset of alliances i…n (rank order) with merit
 *      exactly t, for t ≤ Σ merit. Time and table bits O(n · Σ merit), independent of the money;
 *    - over the budget, in units of g = gcd of the awards: V_i[c] = best (merit, −cost) with cost
 *      ≤ c·g, for c ≤ Σ awards / g. O(n · Σ awards / g) — small when awards are round sums.
 *    Both keep one "take alliance i" bit per cell and one row of values, and rebuild the selection
 *    in rank order, taking an alliance whenever a best completion with it exists, which yields the
 *    preferred set among ties. They run when the smaller table has at most DP_CELLS (2^25) cells:
 *    40 candidates scoring ~60–100 need ~12 million cells (~1.5 MB), ~35 ms.
 *  - larger instances (hundreds to tens of thousands of candidates, yuan-exact requests): branch
 *    and bound from the break item outward with exact integer bounds, which compares every
 *    selection it meets in the same order (./selection/branch-and-bound.ts). If it cannot finish
 *    within the time limit (10 s; `timeLimitMs`, or a deterministic `nodeLimit`, options of
 *    selectWithinBudget) it returns the best selection found with a certified upper bound on the
 *    best total merit possible.
 *  Either way the result carries a `certificate` (optimal, totalMerit, upperBound, gap, method,
 *  nodes, increases; ms and stoppedBy for branch and bound), and under branch and bound every
 *  scored row's reason says whether the selection is proven optimal, or within how many points of
 *  the best possible total it is (and the bound).
 *
 * budgetIncreaseToFund (unfunded rows): the least Δ ≥ 1 (whole yuan) such that the same policy
 * with budget + Δ funds the alliance.
 *  - max-merit, dynamic programme: the selection changes only at the budgets where a larger total
 *    merit first becomes affordable — the table's Pareto points (least cost of each merit level);
 *    between two of them it is the same set. The answer is the first such budget above the
 *    current one whose selection contains the alliance: O(n) per Pareto point visited.
 *  - max-merit, branch and bound: omitted (certificate.increases = 'omitted'), and the reason says
 *    so. The selection is not monotone in the budget, so the least Δ needs a proven optimum at
 *    every budget where the optimum may change — as many exact knapsacks as there are such
 *    budgets — and no cheaper bound on Δ is both proven and useful (funding at budget + Σ awards
 *    is certain but says nothing). An unproven figure would be worse than none.
 *  - rank-order: not monotone in the budget (funding one more alliance can crowd out a lower one),
 *    so no bisection. Let slack(b) be what the alliances ranked above leave at its turn with
 *    budget b; it is funded iff slack(b) ≥ its award. Between budgets where the funded set above
 *    changes, slack grows one yuan per yuan; where it changes, a higher alliance has just started
 *    to fit exactly, so slack drops to 0. Hence from b no budget below b + (award − slack(b)) can
 *    fund it, and iterating b ← b + award − slack(b) from the current budget reaches the least
 *    one. All rows are answered in one pass over those runs of budgets (rankOrderIncreases in
 *    ./selection/rank-order.ts), with the same answers as that iteration: 10,000 candidates in
 *    well under a second, where re-running the greedy per row and step was quadratic and worse.
 */
import type { SelectionPolicy } from './model/round.ts';
import { isWholeYuan, yuan } from './money.ts';
import { branchAndBound } from './selection/branch-and-bound.ts';
import { type Candidate, type Item, items } from './selection/items.ts';
import { type DpKind, dpSize, solveKnapsack } from './selection/knapsack-dp.ts';
import { greedy, rankOrderIncreases } from './selection/rank-order.ts';
import type { Text } from './text.ts';

export type { Candidate, Text };
export type Policy = SelectionPolicy;

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
   * (absent when no budget would: no review, or no positive score; and under max-merit when the
   * branch-and-bound search ran, see certificate.increases). */
  budgetIncreaseToFund?: number;
  /** Set by applyAdjustments: what the admin did, why, and what the policy had decided. */
  adjustment?: { action: 'include' | 'exclude'; reason: string; previous: { funded: boolean; reason: Text } };
}
/** A funded row always has a score: alliances without reviews are never funded, not even by adjustment. */
export type FundedRow = RowBase & { funded: true; finalScore: number };
export type UnfundedRow = RowBase & { funded: false; finalScore: number | null };
export type SelectionRow = FundedRow | UnfundedRow;
export const isFunded = (row: SelectionRow): row is FundedRow => row.funded;

export type SolverKind = DpKind | 'branch-and-bound';

/** max-merit: what the solver proved about the policy's selection (before any adjustment). */
export interface SelectionCertificate {
  /** Proven the policy's optimum: most merit, then least cost, then higher in the ranking. */
  optimal: boolean;
  method: SolverKind;
  /** Σ finalScore of the selection (points). */
  totalMerit: number;
  /** A proven upper bound on the largest total score any selection within the budget has (points). */
  upperBound: number;
  /** upperBound − totalMerit (points): 0 when optimal. */
  gap: number;
  /** Search nodes (branch and bound) or table cells (dynamic programme). */
  nodes: number;
  /** budgetIncreaseToFund on the unfunded rows: exact, or omitted (branch and bound). */
  increases: 'exact' | 'omitted';
  /** Branch and bound: wall-clock milliseconds (the one field that is not deterministic). */
  ms?: number;
  /** Branch and bound stopped before proving optimality. */
  stoppedBy?: 'node-limit' | 'time-limit';
}

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
  /** max-merit: which exact method ran and its table size (cells; 0 for branch and bound). */
  solver?: { kind: SolverKind; cells: number };
  /** max-merit: optimality or the certified gap (see the module comment). */
  certificate?: SelectionCertificate;
  /** True once applyAdjustments changed the policy's outcome. */
  adjusted?: boolean;
}

export interface SelectOptions {
  /** @internal tests force one exact method */
  solver?: SolverKind;
  /** max-merit branch and bound: stop after this long, returning the best found with its bound (default 10 s). */
  timeLimitMs?: number;
  /** max-merit branch and bound: stop after this many nodes (deterministic, for tests). */
  nodeLimit?: number;
}

/** The dynamic programmes run (when not forced) up to this many cells; branch and bound above. */
export const DP_CELLS = 2 ** 25;

// ---------------------------------------------------------------------------------------------
// Formatting

/** ¥1,234,567: the programme's one money formatter (./money.ts). */
export { yuan };

const score2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const points = (hundredths: number) => (hundredths / 100).toFixed(2);

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

/** What every row of a selection says about its alliance, funded or not. */
const rowBase = (c: Item) => ({
  allianceId: c.allianceId,
  rank: c.rank,
  finalScore: c.finalScore,
  requested: c.requested,
  award: c.award,
});

/** A policy's rows, with notes to append after the tie notes (by row index). */
interface Outcome {
  result: SelectionResult;
  notes: Map<number, Text[]>;
}

// ---------------------------------------------------------------------------------------------
// rank-order

function rankOrder(list: Item[], params: SelectionParams): Outcome {
  const { funded, leftAtTurn, left } = greedy(list, params.budget);
  const increases = rankOrderIncreases(list, params.budget, funded);
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
      budgetIncreaseToFund: increases[i]!,
    };
  });
  return { result: summarise('rank-order', params, rows, params.budget - left), notes: new Map() };
}

// ---------------------------------------------------------------------------------------------
// max-merit

/** The exact selection by dynamic programme, with every increase (see the module comment). */
function byDp(inDp: { c: Item; i: number }[], budget: number, kind?: DpKind) {
  const knapsack = solveKnapsack(
    inDp.map(({ c }) => c),
    kind,
  );
  const toList = (chosen: number[]) => new Set(chosen.map((k) => inDp[k]!.i));
  const { points } = knapsack;
  let current = 0;
  while (current + 1 < points.length && points[current + 1]!.cost <= budget) current++;
  const funded = toList(knapsack.select(points[current]!.at));
  // budgetIncreaseToFund: first Pareto point above the budget whose selection includes the alliance.
  const increase = new Map<number, number>();
  const waiting = new Set(inDp.filter(({ i }) => !funded.has(i)).map(({ i }) => i));
  for (let p = current + 1; p < points.length && waiting.size > 0; p++) {
    for (const i of toList(knapsack.select(points[p]!.at)))
      if (waiting.delete(i)) increase.set(i, points[p]!.cost - budget);
  }
  return { funded, increase, kind: knapsack.kind, cells: knapsack.cells };
}

function maxMerit(list: Item[], params: SelectionParams, options: SelectOptions): Outcome {
  // Alliances with no positive merit never improve the total; only a free one could join a tie.
  const inDp = list
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.merit > 0 || (c.merit === 0 && c.award === 0));
  const forced = options.solver;
  const useDp =
    forced === 'dp-over-merit' ||
    forced === 'dp-over-budget' ||
    (forced === undefined && dpSize(inDp.map(({ c }) => c)).cells <= DP_CELLS);
  let funded: Set<number>;
  let increase = new Map<number, number>();
  let solver: { kind: SolverKind; cells: number };
  let cert: Omit<SelectionCertificate, 'totalMerit' | 'upperBound' | 'gap'> & { bound?: number };
  if (useDp) {
    const dp = byDp(inDp, params.budget, forced as DpKind | undefined);
    ({ funded, increase } = dp);
    solver = { kind: dp.kind, cells: dp.cells };
    cert = { optimal: true, method: dp.kind, nodes: dp.cells, increases: 'exact' };
  } else {
    // Free alliances (award 0, merit ≥ 0) are in every preferred set; the search takes the rest.
    const free = inDp.filter(({ c }) => c.award === 0).map(({ i }) => i);
    const rest = inDp.filter(({ c }) => c.award > 0);
    const bnb = branchAndBound(
      rest.map(({ c, i }) => ({ merit: c.merit, award: c.award, pos: i })),
      params.budget,
      {
        ...(options.nodeLimit !== undefined ? { nodeLimit: options.nodeLimit } : {}),
        ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
      },
    );
    funded = new Set([...free, ...bnb.chosen.map((k) => rest[k]!.i)]);
    solver = { kind: 'branch-and-bound', cells: 0 };
    const freeMerit = free.reduce((s, i) => s + list[i]!.merit, 0);
    cert = {
      optimal: bnb.optimal,
      method: 'branch-and-bound',
      nodes: bnb.nodes,
      increases: 'omitted',
      ms: Math.round(bnb.ms * 10) / 10,
      ...(bnb.stoppedBy ? { stoppedBy: bnb.stoppedBy } : {}),
      bound: bnb.upperBound + freeMerit,
    };
  }
  const spent = [...funded].reduce((s, i) => s + list[i]!.award, 0);
  const left = params.budget - spent;
  const merit = [...funded].reduce((s, i) => s + list[i]!.merit, 0);
  const { bound = merit, ...rest } = cert;
  const certificate: SelectionCertificate = {
    ...rest,
    totalMerit: merit / 100,
    upperBound: bound / 100,
    gap: (bound - merit) / 100,
  };
  const proven = certificate.optimal;
  const byBnb = certificate.method === 'branch-and-bound';
  // Under branch and bound every scored row says what was proven, and why no increase is given.
  const certNote: Text = proven
    ? {
        en: `the selection is proven optimal (branch and bound, ${certificate.nodes} nodes)`,
        zh: `该选择已证明为最优（分支定界，${certificate.nodes} 个节点）`,
      }
    : {
        en: `the selection is within ${points(bound - merit)} points of the best possible total (bound ${points(bound)}; the search stopped at ${certificate.nodes} nodes before proving optimality)`,
        zh: `该选择与可能的最高总分相差不超过 ${points(bound - merit)} 分（上界 ${points(bound)}；搜索在 ${certificate.nodes} 个节点处停止，未能证明最优）`,
      };
  const omitted: Text = {
    en: `the budget increase that would fund it is not computed for ${inDp.length} candidates (it needs a proven optimum at every larger budget where the selection may change)`,
    zh: `候选联盟 ${inDp.length} 个，未计算使其获资助所需的预算增加额（需在选择可能变化的每个更大预算下求得经证明的最优解）`,
  };
  const notes = new Map<number, Text[]>();

  const rows = list.map((c, i): SelectionRow => {
    const base = rowBase(c);
    if (funded.has(i)) {
      const a = awardText(c, params.perAllianceCap);
      if (byBnb) notes.set(i, [certNote]);
      return {
        ...base,
        finalScore: c.finalScore!,
        funded: true,
        reason: proven
          ? {
              en: `funded (rank ${c.rank}, ${a.en}; in the set of alliances with the highest total score within the budget)`,
              zh: `获资助（排名第${c.rank}，${a.zh}；属于预算内总分最高的联盟组合）`,
            }
          : {
              en: `funded (rank ${c.rank}, ${a.en}; in the set of alliances with the highest total score found within the budget)`,
              zh: `获资助（排名第${c.rank}，${a.zh}；属于已找到的预算内总分最高的联盟组合）`,
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
    if (byBnb) notes.set(i, [certNote, omitted]);
    const figures = {
      en: `rank ${c.rank}, score ${score2(c.finalScore)}, needs ${yuan(c.award)}, ${yuan(left)} left`,
      zh: `排名第${c.rank}，得分 ${score2(c.finalScore)}，需 ${yuan(c.award)}，剩余 ${yuan(left)}`,
    };
    const row: SelectionRow = {
      ...base,
      funded: false,
      reason: proven
        ? {
            en: `not funded: the budget buys more merit without it, or as much at lower cost or with higher-ranked alliances (${figures.en})`,
            zh: `未获资助：不含该联盟的组合在预算内总分更高（或总分相同而花费更少、排名更前）（${figures.zh}）`,
          }
        : {
            en: `not funded: not in the set of alliances with the highest total score found within the budget (${figures.en})`,
            zh: `未获资助：不在已找到的预算内总分最高的联盟组合中（${figures.zh}）`,
          },
    };
    const delta = increase.get(i);
    if (delta !== undefined) row.budgetIncreaseToFund = delta;
    return row;
  });
  return { result: { ...summarise('max-merit', params, rows, spent), solver, certificate }, notes };
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
  options: SelectOptions = {},
): SelectionResult {
  const list = items(candidates, params);
  const { result, notes } =
    params.policy === 'rank-order' ? rankOrder(list, params) : maxMerit(list, params, options);
  const ties = new Map(candidates.map((c) => [c.allianceId, c.tieBreaks ?? []]));
  return {
    ...result,
    rows: result.rows.map((row, i) => withNotes(row, ties.get(row.allianceId) ?? [], notes.get(i) ?? [])),
  };
}

/**
 * A reason a person can check: the policy's decision, then how a tie was decided when one mattered,
 * then what the solver proved (max-merit by branch and bound), then (unfunded) the budget increase
 * that would fund the alliance, or why it is not given.
 */
function withNotes(row: SelectionRow, ties: readonly { text: Text }[], more: readonly Text[]): SelectionRow {
  const notes: Text[] = [...ties.map((t) => t.text), ...more];
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
 * One row as an adjustment leaves it (unchanged without one): the admin's decision with its reason,
 * the policy's kept in `adjustment.previous`. applyAdjustments applies it to every row (after
 * checking them); the pipeline applies it row by row once the selection is approved.
 */
export function adjustRow(row: SelectionRow, a: Adjustment | undefined): SelectionRow {
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
  if (rest.finalScore === null) return row; // never funded without a review (applyAdjustments refuses it)
  return {
    ...rest,
    finalScore: rest.finalScore,
    funded: true,
    reason: {
      en: `funded by adjustment (${yuan(row.award)}): ${a.reason}`,
      zh: `经调整获资助（${yuan(row.award)}）：${a.reason}`,
    },
    adjustment,
  };
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
  const rows = result.rows.map((row) => adjustRow(row, byId.get(row.allianceId)));
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
    ...(result.certificate ? { certificate: result.certificate } : {}),
    adjusted: true,
  };
}
