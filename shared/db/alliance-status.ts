/**
 * The one way an alliance's status changes: a TransactWrite Update that moves it from one of the
 * allowed statuses to the next, bumps its version, stamps updatedAt and appends to statusHistory
 * (who, when, why). Callers add their audit record and other items to the same transaction.
 */
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { table } from './table.ts';

export interface AllianceStatusChange {
  allianceId: string;
  to: string;
  /** Statuses the alliance may be in for the change to apply. */
  from: readonly string[];
  at: string;
  by: string;
  reason?: string;
  /** Optimistic concurrency: the version the caller's decision is based on. */
  expectedVersion?: number;
  /** Further attributes to set (names are attribute names; values are written as given). */
  set?: Record<string, unknown>;
}

export function allianceStatusUpdate(change: AllianceStatusChange): TxItem {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {
    ':to': change.to,
    ':at': change.at,
    ':one': 1,
    ':change': [
      {
        status: change.to,
        at: change.at,
        by: change.by,
        ...(change.reason ? { reason: change.reason } : {}),
      },
    ],
    ':empty': [],
  };
  change.from.forEach((status, i) => {
    values[`:from${i}`] = status;
  });
  const sets = [
    '#status = :to',
    'updatedAt = :at',
    'version = version + :one',
    'statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
  ];
  Object.entries(change.set ?? {}).forEach(([name, value], i) => {
    names[`#x${i}`] = name;
    values[`:x${i}`] = value;
    sets.push(`#x${i} = :x${i}`);
  });
  const conditions = [`#status IN (${change.from.map((_, i) => `:from${i}`).join(', ')})`];
  if (change.expectedVersion !== undefined) {
    values[':expected'] = change.expectedVersion;
    conditions.push('version = :expected');
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.alliance(change.allianceId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
