/**
 * Funding rounds in the table: the ROUND item (the API's Round plus the bookkeeping of its close
 * schedule), the listing of every round (gsi1, newest year first), and the round's audit records.
 */
import type { Round } from '../domain/model/round.ts';
import { type AuditEntry, roundAudit } from './audit.ts';
import { putItem, type TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, type Page, queryPage } from './query.ts';
import { stripKeys, table } from './table.ts';

/** What the round item records about its close schedule (`closeSchedule`; see shared/usecases/schedules/round-close.ts). */
export interface RoundCloseSchedule {
  name: string;
  group: string;
  /** `at(yyyy-mm-ddThh:mm:ss)`, UTC. */
  expression: string;
  /** The same instant as an ISO timestamp (UTC, whole seconds). */
  at: string;
}

/** A round as stored: the API's Round plus its close schedule. */
export type RoundItem = Round & { closeSchedule?: RoundCloseSchedule };

const indexFields = (round: Pick<Round, 'year' | 'createdAt' | 'id'>) => ({
  gsi1pk: indexKeys.rounds(),
  gsi1sk: `${round.year}#${round.createdAt}#${round.id}`,
});

/** The API's view of a stored round (without its schedule bookkeeping). */
export function toRound(item: Record<string, unknown>): Round {
  const { closeSchedule: _schedule, ...round } = stripKeys<RoundItem>(item);
  return round;
}

/** The round as stored (with its close schedule), or undefined. */
export async function loadRoundItem(roundId: string): Promise<RoundItem | undefined> {
  const item = await getItem(keys.round(roundId));
  return item && item.type === 'round' ? stripKeys<RoundItem>(item) : undefined;
}

/** The round as the API shows it, or undefined. */
export async function loadRound(roundId: string): Promise<Round | undefined> {
  const item = await loadRoundItem(roundId);
  return item ? toRound(item) : undefined;
}

/** The status of whatever is stored under the round's key, or undefined when nothing is. */
export async function loadRoundStatus(roundId: string): Promise<{ status: unknown } | undefined> {
  const item = await getItem(keys.round(roundId));
  return item ? { status: item.status } : undefined;
}

/** One page of every round, newest year first. */
export function listRounds(cursor: string | undefined, limit: number): Promise<Page<Round>> {
  return queryPage(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.rounds() },
      ScanIndexForward: false,
    },
    { cursor, limit, partition: indexKeys.rounds(), partitionAttribute: 'gsi1pk' },
    toRound,
  );
}

/**
 * The Put of a round item: a new one (`expectedVersion` undefined: the id must be unused), or a
 * change of an open round still at `expectedVersion`.
 */
export function roundPut(
  round: Round,
  closeSchedule: RoundCloseSchedule | undefined,
  expectedVersion?: number,
): TxItem {
  const Item = {
    ...keys.round(round.id),
    type: 'round',
    ...indexFields(round),
    ...round,
    ...(closeSchedule ? { closeSchedule } : {}),
  };
  if (expectedVersion === undefined) {
    return { Put: { TableName: table(), Item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }
  return {
    Put: {
      TableName: table(),
      Item,
      ConditionExpression: 'version = :v AND #status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':v': expectedVersion, ':open': 'open' },
    },
  };
}

/** The Update that closes an open round's application window (the pipeline's first step). */
export function roundClosedUpdate(roundId: string, now: Date): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.round(roundId),
      UpdateExpression: 'SET #status = :closed, closedAt = :now, version = version + :one',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':closed': 'closed',
        ':open': 'open',
        ':now': now.toISOString(),
        ':one': 1,
      },
    },
  };
}

/** An audit record of the round, to go in the transaction of the change it records. */

/** An audit record of the round written on its own (a decision that changes no round item). */
export async function putRoundAudit(roundId: string, entry: AuditEntry, now = new Date()): Promise<void> {
  const { Put } = roundAudit(roundId, entry, now);
  await putItem({ ...Put!, TableName: table() });
}

export { roundAudit, roundAuditTrail } from './audit.ts';
