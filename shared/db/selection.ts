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
  /** Alliances out of the selection since approval: an upheld objection, or a withdrawal before designation. */
  dropped?: { allianceId: string; objectionId?: string; withdrawnBy?: string; at: string; reason: string }[];
  /** 递补 decisions after alliances were dropped, oldest first. */
  supplements?: SupplementRecord[];
}

/** An admin's 递补 decision: fill the freed budget from the ranked list, or decline to. */
export interface SupplementRecord {
  n: number;
  decision: 'fill' | 'decline';
  by: string;
  at: string;
  reason: string;
  /** The dropped alliances whose freed money this decision is about. */
  covers: string[];
  additions: { allianceId: string; rank: number; award: number; requested: number }[];
  /** The supplementary notice (补充公示) of the additions: when published, when its period ends. */
  publishedAt?: string;
  endsAt?: string;
  /** Set when the pipeline has waited out that period (its Wait ended). */
  noticeEnded?: boolean;
}

/** The alliances added by 递补, across every supplement. */
export const supplementAdditions = (selection: SelectionRecord) =>
  (selection.supplements ?? []).flatMap((s) => s.additions);

/** The funded row of an alliance: from the approved selection, or added by 递补. */
export function fundedRowOf(selection: SelectionRecord, allianceId: string) {
  const approved = selection.approved?.result.rows.find((r) => r.allianceId === allianceId && r.funded);
  if (approved) return { rank: approved.rank, award: approved.award, requested: approved.requested };
  return supplementAdditions(selection).find((a) => a.allianceId === allianceId);
}

/** The dropped alliances no 递补 decision has covered yet (their freed money still awaits one). */
export function uncoveredDrops(selection: SelectionRecord): string[] {
  const covered = new Set((selection.supplements ?? []).flatMap((s) => s.covers));
  return (selection.dropped ?? []).map((d) => d.allianceId).filter((id) => !covered.has(id));
}

/** Records a 递补 decision, conditional on no other decision having been recorded meanwhile. */
export function supplementAppend(roundId: string, record: SupplementRecord): TxItem {
  const earlier = record.n - 1;
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: 'SET supplements = list_append(if_not_exists(supplements, :empty), :record)',
      ConditionExpression:
        earlier === 0 ? 'attribute_not_exists(supplements)' : 'size(supplements) = :earlier',
      ExpressionAttributeValues: {
        ':empty': [],
        ':record': [record],
        ...(earlier === 0 ? {} : { ':earlier': earlier }),
      },
    },
  };
}

export const loadSelection = (roundId: string) => getRecord<SelectionRecord>(keys.selection(roundId));

/** The alliances the approved selection funds, minus those dropped after an upheld objection. */
export function fundedIds(selection: SelectionRecord): string[] {
  const dropped = new Set((selection.dropped ?? []).map((d) => d.allianceId));
  return [
    ...(selection.approved?.result ?? selection.result).rows.filter((r) => r.funded).map((r) => r.allianceId),
    ...supplementAdditions(selection).map((a) => a.allianceId),
  ].filter((id) => !dropped.has(id));
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

/** Marks the supplementary notice of 递补 decision `n` as waited out. */
export function supplementNoticeEndedUpdate(roundId: string, n: number): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: `SET supplements[${n - 1}].noticeEnded = :ended`,
      ConditionExpression: 'attribute_exists(supplements)',
      ExpressionAttributeValues: { ':ended': true },
    },
  };
}
