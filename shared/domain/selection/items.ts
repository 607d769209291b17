/** The selection's input, validated and in rank order (shared by the policies in ../selection.ts). */
import { isWholeYuan } from '../money.ts';
import type { Text } from '../text.ts';

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

export interface Item {
  allianceId: string;
  rank: number;
  finalScore: number | null;
  requested: number;
  award: number;
  /** finalScore in whole hundredths (−∞ when not reviewed). */
  merit: number;
}

/** Validated items with award = min(requested, cap), sorted by rank then alliance id. */
export function items(
  candidates: readonly Candidate[],
  params: { budget: number; perAllianceCap: number },
): Item[] {
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
