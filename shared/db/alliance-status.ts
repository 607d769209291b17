/**
 * The one way an alliance's status changes: a TransactWrite Update that moves it from one of the
 * allowed statuses to the next, bumps its version, stamps updatedAt and appends to statusHistory
 * (who, when, why). Callers add their audit record and other items to the same transaction.
 */

import { systemActor } from '../domain/actors.ts';
import { PIPELINE_COMPONENT } from '../domain/pipeline.ts';
import { allianceAudit } from './audit.ts';
import { commit, type TxItem } from './commit.ts';
import { inList, setExtra } from './expressions.ts';
import { keys } from './keys.ts';
import { conditionFailed, table } from './table.ts';

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
  const sets = [
    '#status = :to',
    'updatedAt = :at',
    'version = version + :one',
    'statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
  ];
  setExtra(change.set, sets, names, values);
  const conditions = [`#status IN ${inList(change.from, 'from', values)}`];
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

/**
 * Moves an alliance to `status` on the pipeline's behalf (from one of `from`), with its audit record.
 * Returns false when the alliance is not in one of `from` (it already moved on, e.g. a retried step).
 */
export async function setAllianceStatus(
  allianceId: string,
  status: string,
  from: string[],
  reason: string,
  executionId: string,
): Promise<boolean> {
  const at = new Date().toISOString();
  try {
    await commit([
      allianceStatusUpdate({ allianceId, to: status, from, at, by: PIPELINE_COMPONENT, reason }),
      allianceAudit(allianceId, {
        action: `alliance.${status}`,
        actor: systemActor(PIPELINE_COMPONENT, executionId),
        reason,
      }),
    ]);
    return true;
  } catch (error) {
    if (conditionFailed(error, 0)) return false; // already moved on (a retry): nothing to do
    throw error;
  }
}
