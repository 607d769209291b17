/**
 * 递补 decisions (issue #9), one item per decision (`ROUND#<id>` / `SUPPLEMENT#<n>`): who, when,
 * why, fill or decline, which drops it covers, how many alliances it added and for how much, and
 * its supplementary notice period. The additions themselves are on the alliances' selection rows
 * (`supplement`), the covered drops are marked on theirs (`dropped.coveredBy`), and the header
 * counts both — so no item grows with the round.
 */
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query.ts';
import type { SelectionRowItem } from './selection.ts';
import { stripKeys, table } from './table.ts';

export interface SupplementRecord {
  n: number;
  decision: 'fill' | 'decline';
  by: string;
  at: string;
  reason: string;
  /** The dropped alliances whose freed money this decision is about. */
  covers: string[];
  /** How many alliances it added, and their awards in all. */
  additions: number;
  awarded: number;
  /** The supplementary notice (补充公示) of the additions: when published, when its period ends. */
  publishedAt?: string;
  endsAt?: string;
  /** Set when the pipeline has waited out that period (its Wait ended). */
  noticeEnded?: boolean;
}

export type Addition = NonNullable<SelectionRowItem['supplement']> & { allianceId: string };

/** Every 递补 decision of a round, oldest first (one per decision: a handful). */
export async function loadSupplements(roundId: string): Promise<SupplementRecord[]> {
  const items = await queryPrefix(keys.round(roundId).pk, 'SUPPLEMENT#');
  return items.map((i) => stripKeys<SupplementRecord>(i));
}

/**
 * Records decision `record.n`: its item (index 0, once), the header's counters (conditional on no
 * other decision and no further drop meanwhile: `seenDrops`), the covered drops and the additions
 * on their rows.
 */
export function supplementDecisionItems(
  roundId: string,
  record: SupplementRecord,
  seenDrops: number,
  additions: readonly Addition[],
): TxItem[] {
  const earlier = record.n - 1;
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...keys.supplement(roundId, record.n), type: 'supplement', roundId, ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.selection(roundId),
        UpdateExpression: 'SET supplementCount = :n, coveredDrops = :drops',
        ConditionExpression: `#status = :approved AND dropCount = :drops AND ${
          earlier === 0 ? 'attribute_not_exists(supplementCount)' : 'supplementCount = :earlier'
        }`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':n': record.n,
          ':drops': seenDrops,
          ':approved': 'approved',
          ...(earlier === 0 ? {} : { ':earlier': earlier }),
        },
      },
    },
    ...record.covers.map(
      (allianceId): TxItem => ({
        Update: {
          TableName: table(),
          Key: keys.selectionRow(roundId, allianceId),
          UpdateExpression: 'SET dropped.coveredBy = :n',
          ConditionExpression: 'attribute_exists(dropped) AND attribute_not_exists(dropped.coveredBy)',
          ExpressionAttributeValues: { ':n': record.n },
        },
      }),
    ),
    ...additions.map(
      ({ allianceId, ...supplement }): TxItem => ({
        Update: {
          TableName: table(),
          Key: keys.selectionRow(roundId, allianceId),
          UpdateExpression: 'SET supplement = :s',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(supplement) AND attribute_not_exists(dropped)',
          ExpressionAttributeValues: { ':s': supplement },
        },
      }),
    ),
  ];
}

/** Marks the supplementary notice of 递补 decision `n` as waited out. */
export function supplementNoticeEndedUpdate(roundId: string, n: number): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.supplement(roundId, n),
      UpdateExpression: 'SET noticeEnded = :ended',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':ended': true },
    },
  };
}
