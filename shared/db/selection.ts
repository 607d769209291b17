/**
 * A round's ranking and selection (issue #10: no item grows with the round). In the round's
 * partition:
 *  - `SELECTION`: the header — status (computing → proposed → approved), policy, budget, the
 *    proposed result's totals and certificate, the approval (who, when, note, the totals, how many
 *    adjustments), when the pipeline applied it, and counters (drops, drops a 递补 decision covered,
 *    decisions). A few hundred bytes whatever the number of alliances.
 *  - `SELROW#<allianceId>`: one item per ranked alliance — its ranking entry (raw and calibrated
 *    scores, bonuses, reviews, tie breaks), its proposed row, its approved row once the pipeline's
 *    ApplySelection reached it, why it was dropped, and its 递补 addition. ~1.1 KB each. Also on gsi1
 *    (`ROUND#<id>#RANKING`, sk the zero-padded rank) for the ranking in rank order, page by page.
 *  - `SELADJ#<chunk>`: the approval's adjustments (bounded by the API: at most 200), ten per item.
 *  - `SUPPLEMENT#<n>`: one item per 递补 decision (./supplements.ts).
 * "Is this alliance funded" is one GetItem of its row; listings are paged Queries.
 */

import type { Actor } from '../domain/actors.ts';
import type { Round } from '../domain/model/round.ts';
import { PIPELINE_COMPONENT } from '../domain/pipeline.ts';
import type { RankedAlliance } from '../domain/scoring.ts';
import type { Adjustment, SelectionResult, SelectionRow } from '../domain/selection.ts';
import { allianceStatusUpdate } from './alliance-status.ts';
import { allianceAudit } from './audit.ts';
import { commit, commitFirstTime, type TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItems, getRecord, type Page, queryPage, queryPrefix, queryPrefixPage } from './query.ts';
import { inRequest } from './request-scope.ts';
import { conditionFailed, stripKeys, table } from './table.ts';

/** A selection result without its rows: what the header keeps. */
export type SelectionSummary = Omit<SelectionResult, 'rows'> & { rows: number; funded: number };

export const summarise = (result: SelectionResult): SelectionSummary => {
  const { rows, ...rest } = result;
  return { ...rest, rows: rows.length, funded: rows.filter((r) => r.funded).length };
};

export interface SelectionHeader {
  roundId: string;
  /** computing: the ranking stage is still writing the rows (nobody reads them yet). */
  status: 'computing' | 'proposed' | 'approved';
  /** The ranking run that writes (wrote) the rows. */
  proposalId: string;
  computedAt: string;
  policy: Round['selectionPolicy'];
  budget: number;
  result: SelectionSummary;
  approved?: {
    by: string;
    at: string;
    note?: string;
    /** How many adjustments (the adjustments themselves: SELADJ# items and the rows). */
    adjustments: number;
    result: SelectionSummary;
  };
  /** When ApplySelection had given every row its approved outcome and every alliance its status. */
  appliedAt?: string;
  /** Alliances dropped since approval (upheld objection, withdrawal). */
  dropCount?: number;
  /** Of those, how many a 递补 decision covered (dropCount − coveredDrops await one). */
  coveredDrops?: number;
  /** 递补 decisions recorded (SUPPLEMENT#1…n). */
  supplementCount?: number;
}

export interface Drop {
  objectionId?: string;
  withdrawnBy?: string;
  at: string;
  reason: string;
}

export interface SelectionRowItem {
  roundId: string;
  allianceId: string;
  rank: number;
  ranking: RankedAlliance;
  proposed: SelectionRow;
  /** Written by ApplySelection after approval (with the adjustment, if any). */
  approved?: SelectionRow;
  /** Out of the selection since approval; `coveredBy` the 递补 decision about its freed money. */
  dropped?: Drop & { coveredBy?: number };
  /** Added by 递补 decision `n`, with the period of its supplementary notice. */
  supplement?: { n: number; rank: number; award: number; requested: number; at: string; endsAt?: string };
}

const PK = (roundId: string) => keys.round(roundId).pk;
const padRank = (rank: number) => String(rank).padStart(6, '0');
/** Rows per transaction when the ranking stage writes them (the last slot checks the header). */
export const ROWS_PER_TRANSACTION = 99;
export const ADJUSTMENTS_PER_ITEM = 10;

export const loadSelection = (roundId: string) => getRecord<SelectionHeader>(keys.selection(roundId));

/**
 * Within an HTTP request: the selection header, the round and the 递补 gate in one consistent
 * BatchGet, so the 递补 preview's reads of each by key are answered from it (request-scope.ts).
 */
export async function prefetchSupplementItems(roundId: string): Promise<void> {
  if (inRequest())
    await getItems([keys.selection(roundId), keys.round(roundId), keys.gate(roundId, 'supplement')]);
}

/** The header once the rows are complete (proposed or approved), else undefined. */
export async function loadReadySelection(roundId: string): Promise<SelectionHeader | undefined> {
  const header = await loadSelection(roundId);
  return header && header.status !== 'computing' ? header : undefined;
}

export const loadSelectionRow = (roundId: string, allianceId: string) =>
  getRecord<SelectionRowItem>(keys.selectionRow(roundId, allianceId));

/** Every row of the round, in rank order (a full read: for pipeline steps and round-level decisions). */
export async function loadSelectionRows(roundId: string): Promise<SelectionRowItem[]> {
  const { pk, skPrefix } = keys.selectionRows(roundId);
  const items = await queryPrefix(pk, skPrefix);
  return items.map((i) => stripKeys<SelectionRowItem>(i)).sort((x, y) => x.rank - y.rank);
}

/** One page of rows in the table's order (consistent read), with an opaque cursor for the next. */
export function pageSelectionRows(
  roundId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<SelectionRowItem>> {
  const { pk, skPrefix } = keys.selectionRows(roundId);
  return queryPrefixPage<SelectionRowItem>(pk, skPrefix, cursor, limit);
}

/** One page of the ranking in rank order (gsi1), with an opaque cursor for the next. */
export function pageRanking(
  roundId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<SelectionRowItem>> {
  const partition = indexKeys.roundRanking(roundId);
  return queryPage<SelectionRowItem>(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
    },
    { cursor, limit, partition, partitionAttribute: 'gsi1pk' },
  );
}

/** The funded row of an alliance (approved, or added by 递补), ignoring drops. */
export function fundedRowOf(row: SelectionRowItem | undefined) {
  if (!row) return undefined;
  if (row.approved?.funded)
    return { rank: row.approved.rank, award: row.approved.award, requested: row.approved.requested };
  if (row.supplement)
    return { rank: row.supplement.rank, award: row.supplement.award, requested: row.supplement.requested };
  return undefined;
}

/** In the selection now: funded by the approval or a 递补, and not dropped since. */
export const isSelected = (row: SelectionRowItem | undefined): boolean =>
  Boolean(row && !row.dropped && fundedRowOf(row));

/** The drops no 递补 decision has covered yet, per the header's counters. */
export const uncoveredDropCount = (header: SelectionHeader) =>
  (header.dropCount ?? 0) - (header.coveredDrops ?? 0);

// ---------------------------------------------------------------------------------------------
// The ranking stage: claim the header, write the rows, then make it a proposal.

/** Claims the header for a ranking run (status computing); fails when there is one already. */
export function selectionClaimPut(header: SelectionHeader): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.selection(header.roundId), type: 'selection', ...header },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Takes over the header from a ranking run that did not finish (still computing). */
export function selectionTakeoverPut(header: SelectionHeader, previousProposalId: string): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.selection(header.roundId), type: 'selection', ...header },
      ConditionExpression: '#status = :computing AND proposalId = :previous',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':computing': 'computing', ':previous': previousProposalId },
    },
  };
}

/** The header is still this run's, and still computing: the guard of every row transaction. */
function stillComputing(roundId: string, proposalId: string): TxItem {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.selection(roundId),
      ConditionExpression: '#status = :computing AND proposalId = :mine',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':computing': 'computing', ':mine': proposalId },
    },
  };
}

/**
 * One row per ranked alliance (its ranking entry and proposed outcome), as Puts in transactions of
 * at most 100 items, each guarded by the header check.
 */
export function selectionRowTransactions(
  roundId: string,
  proposalId: string,
  ranking: readonly RankedAlliance[],
  result: SelectionResult,
): TxItem[][] {
  const proposed = new Map(result.rows.map((r) => [r.allianceId, r]));
  const rows: Omit<SelectionRowItem, 'roundId'>[] = ranking.map((entry) => ({
    allianceId: entry.allianceId,
    rank: entry.rank,
    ranking: entry,
    proposed: proposed.get(entry.allianceId)!,
  }));
  const chunks: TxItem[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
    chunks.push([
      ...rows.slice(i, i + ROWS_PER_TRANSACTION).map(
        (row): TxItem => ({
          Put: {
            TableName: table(),
            Item: {
              ...keys.selectionRow(roundId, row.allianceId),
              type: 'selection-row',
              gsi1pk: indexKeys.roundRanking(roundId),
              gsi1sk: padRank(row.rank),
              roundId,
              ...row,
            },
          },
        }),
      ),
      stillComputing(roundId, proposalId),
    ]);
  }
  return chunks;
}

/** The rows are all written: the header becomes the proposal an admin approves. */
export function selectionProposedUpdate(roundId: string, proposalId: string): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: 'SET #status = :proposed',
      ConditionExpression: '#status = :computing AND proposalId = :mine',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':proposed': 'proposed', ':computing': 'computing', ':mine': proposalId },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Approval, then ApplySelection row by row

/** Approves a proposed selection (index 0 fails when it was approved meanwhile) with its adjustments. */
export function selectionApprovalItems(
  roundId: string,
  approved: NonNullable<SelectionHeader['approved']>,
  adjustments: readonly Adjustment[],
): TxItem[] {
  const chunks: TxItem[] = [];
  for (let i = 0; i < adjustments.length; i += ADJUSTMENTS_PER_ITEM) {
    chunks.push({
      Put: {
        TableName: table(),
        Item: {
          ...keys.selectionAdjustments(roundId, i / ADJUSTMENTS_PER_ITEM + 1),
          type: 'selection-adjustments',
          adjustments: adjustments.slice(i, i + ADJUSTMENTS_PER_ITEM),
        },
      },
    });
  }
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.selection(roundId),
        UpdateExpression: 'SET #status = :approved, approved = :record',
        ConditionExpression: '#status = :proposed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved', ':proposed': 'proposed', ':record': approved },
      },
    },
    ...chunks,
  ];
}

/** The approval's adjustments (at most 200: a Query of at most 20 small items). */
export async function loadAdjustments(roundId: string): Promise<Adjustment[]> {
  const items = await queryPrefix(PK(roundId), 'SELADJ#');
  return items.flatMap((i) => (i.adjustments as Adjustment[] | undefined) ?? []);
}

/** An alliance's approved row, written once (a re-run of ApplySelection finds it and skips). */
export function rowApprovedUpdate(roundId: string, allianceId: string, row: SelectionRow): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selectionRow(roundId, allianceId),
      UpdateExpression: 'SET approved = :row',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(approved)',
      ExpressionAttributeValues: { ':row': row },
    },
  };
}

/**
 * One alliance's approved outcome, at once: its row, its status (selected / not-selected, from
 * in-review) with the selection's reason, and the audit record. Returns 'before' when the row had
 * its outcome already (a re-run: nothing is written). An alliance no longer in review (moved on by
 * hand) still gets its row; its status is left as it is ('row-only', for the caller to report).
 */
export async function applySelectionRow(
  roundId: string,
  allianceId: string,
  approved: SelectionRow,
  actor: Actor,
  now: Date,
): Promise<'applied' | 'before' | 'row-only'> {
  const status = approved.funded ? 'selected' : 'not-selected';
  const at = now.toISOString();
  const rowItem = rowApprovedUpdate(roundId, allianceId, approved);
  try {
    await commit([
      rowItem,
      allianceStatusUpdate({
        allianceId,
        to: status,
        from: ['in-review'],
        at,
        by: PIPELINE_COMPONENT,
        reason: approved.reason.en,
      }),
      allianceAudit(allianceId, { action: `alliance.${status}`, actor, reason: approved.reason.en }, now),
    ]);
    return 'applied';
  } catch (error) {
    if (conditionFailed(error, 0)) return 'before';
    if (!conditionFailed(error, 1)) throw error;
  }
  return (await commitFirstTime([rowItem])) ? 'row-only' : 'before';
}

/** Every row has its approved outcome (written once). */
export function selectionAppliedUpdate(roundId: string, at: string): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.selection(roundId),
      UpdateExpression: 'SET appliedAt = :at',
      ConditionExpression: '#status = :approved AND attribute_not_exists(appliedAt)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':at': at, ':approved': 'approved' },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Drops (upheld objection, withdrawal): the alliance's row and the header's counter

/** Drops an alliance from the selection: its row says why (once), the header counts it. */
export function selectionDropItems(roundId: string, allianceId: string, drop: Drop): TxItem[] {
  return [
    {
      Update: {
        TableName: table(),
        Key: keys.selectionRow(roundId, allianceId),
        UpdateExpression: 'SET dropped = :drop',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(dropped)',
        ExpressionAttributeValues: { ':drop': drop },
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.selection(roundId),
        UpdateExpression: 'ADD dropCount :one',
        ConditionExpression: '#status = :approved',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':approved': 'approved' },
      },
    },
  ];
}
