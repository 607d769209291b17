/** A round's ranking and selection (proposed, then approved; objections may drop alliances from it). */
import type { Round } from '../api/rounds.ts';
import type { rankAlliances } from '../domain/scoring.ts';
import type { selectWithinBudget } from '../domain/selection.ts';
import { keys } from './keys.ts';
import { getRecord } from './query.ts';

export interface SelectionRecord {
  roundId: string;
  status: 'proposed' | 'approved';
  computedAt: string;
  policy: Round['selectionPolicy'];
  budget: number;
  ranking: ReturnType<typeof rankAlliances>;
  result: ReturnType<typeof selectWithinBudget>;
  approved?: {
    by: string;
    at: string;
    note?: string;
    adjustments: unknown[];
    result: ReturnType<typeof selectWithinBudget>;
  };
  dropped?: { allianceId: string; objectionId: string; at: string; reason: string }[];
}

export const loadSelection = (roundId: string) => getRecord<SelectionRecord>(keys.selection(roundId));

/** The alliances the approved selection funds, minus those dropped after an upheld objection. */
export function fundedIds(selection: SelectionRecord): string[] {
  const dropped = new Set((selection.dropped ?? []).map((d) => d.allianceId));
  return (selection.approved?.result ?? selection.result).rows
    .filter((r) => r.funded && !dropped.has(r.allianceId))
    .map((r) => r.allianceId);
}
