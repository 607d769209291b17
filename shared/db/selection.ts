/** A round's ranking and selection (proposed, then approved; objections may drop alliances from it). */
import type { Round } from '../domain/model/round.ts';
import type { rankAlliances } from '../domain/scoring.ts';
import type { selectWithinBudget } from '../domain/selection.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getRecord } from './query.ts';
import { table } from './table.ts';

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

/** The proposed selection, (re)written by the ranking stage; its condition fails once it is approved. */
export function selectionProposalPut(record: SelectionRecord): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.selection(record.roundId), type: 'selection', ...record },
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :proposed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':proposed': 'proposed' },
    },
  };
}

/** Approves a proposed selection (its condition fails when it was approved meanwhile). */
export function selectionApprovalUpdate(
  roundId: string,
  approved: NonNullable<SelectionRecord['approved']>,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: 'SET #status = :approved, approved = :record',
      ConditionExpression: '#status = :proposed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':approved': 'approved',
        ':proposed': 'proposed',
        ':record': approved,
      },
    },
  };
}

/** Drops an alliance from the selection after an upheld objection. */
export function selectionDropUpdate(
  roundId: string,
  drop: NonNullable<SelectionRecord['dropped']>[number],
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: 'SET dropped = list_append(if_not_exists(dropped, :empty), :drop)',
      ExpressionAttributeValues: { ':empty': [], ':drop': [drop] },
    },
  };
}
