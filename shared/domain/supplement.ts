/**
 * 递补 (filling freed budget): after the selection was approved, an upheld objection (or a
 * withdrawal before designation) frees its award. The freed money is offered to the alliances the
 * approved selection left out, in rank order, under the round's own policy — the same rules, the
 * same reasons and the same "a budget ¥Δ larger would fund it" as the selection itself, with the
 * money still unspent as the budget. Pure; the proposal is shown to the programme office first.
 */
import { yuan } from './money.ts';
import {
  type Candidate,
  type SelectionParams,
  type SelectionResult,
  selectWithinBudget,
} from './selection.ts';
import type { Text } from './text.ts';

export interface SupplementProposal {
  /** Awards of the alliances withdrawn since approval, whole yuan. */
  freed: number;
  /** The budget not committed to alliances still selected: what the supplement may spend. */
  available: number;
  /** The left-out alliances under the policy, with `available` as their budget (rank order). */
  result: SelectionResult;
  /** The alliances the supplement would add, with their awards. */
  additions: { allianceId: string; rank: number; award: number; requested: number }[];
  summary: Text;
}

/**
 * The 递补 proposal: `candidates` are the round's ranked alliances (as given to the selection),
 * `approved` the approved selection, `withdrawn` the alliances dropped since (their awards are freed).
 */
export function proposeSupplement(
  candidates: readonly Candidate[],
  approved: SelectionResult,
  withdrawn: readonly string[],
  params: SelectionParams,
  /** Alliances added by earlier supplements (they count as selected, and are freed when withdrawn). */
  earlier: readonly { allianceId: string; award: number }[] = [],
): SupplementProposal {
  const gone = new Set(withdrawn);
  const funded = [...approved.rows.filter((r) => r.funded), ...earlier];
  const freed = funded.filter((r) => gone.has(r.allianceId)).reduce((sum, r) => sum + r.award, 0);
  const committed = funded.filter((r) => !gone.has(r.allianceId)).reduce((sum, r) => sum + r.award, 0);
  const available = Math.max(0, params.budget - committed);
  const inSelection = new Set(funded.map((r) => r.allianceId));
  const leftOut = candidates.filter((c) => !inSelection.has(c.allianceId) && !gone.has(c.allianceId));
  const result = selectWithinBudget([...leftOut], { ...params, budget: available });
  const additions = result.rows
    .filter((r) => r.funded)
    .map((r) => ({ allianceId: r.allianceId, rank: r.rank, award: r.award, requested: r.requested }));
  const added = additions.reduce((sum, a) => sum + a.award, 0);
  return {
    freed,
    available,
    result,
    additions,
    summary: {
      en: `${yuan(freed)} freed, ${yuan(available)} unspent: ${additions.length} alliance(s) added for ${yuan(added)}, ${yuan(available - added)} left`,
      zh: `释放 ${yuan(freed)}，可用 ${yuan(available)}：递补 ${additions.length} 个联盟，共 ${yuan(added)}，余 ${yuan(available - added)}`,
    },
  };
}
