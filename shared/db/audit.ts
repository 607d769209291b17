/**
 * The audit trail: every decision records who, when and why, written in the same transaction
 * as the change it describes (see auditPut), so there is never a change without its record.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain/actors.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';
import { table } from './table.ts';

export { type Actor, systemActor, userActor } from '../domain/actors.ts';

export interface AuditEntry {
  action: string;
  actor: Actor;
  reason?: string;
  data?: Record<string, unknown>;
}

/** A Put of one audit record, to go in a TransactWrite with the change it records. */
export function auditPut(entityPk: string, entry: AuditEntry, now = new Date()): TxItem {
  const at = now.toISOString();
  const id = randomUUID();
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.audit(entityPk, at, id), type: 'audit', id, at, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** One page of an entity's audit trail (oldest first), with an opaque cursor for the next. */
export function auditTrail(entityPk: string, cursor: string | undefined, limit: number) {
  return queryPage(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': entityPk, ':audit': 'AUDIT#' },
    },
    { cursor, limit, partition: entityPk },
  );
}

/** The audit record of a decision about an alliance (in its partition: one Query reads its trail). */
export const allianceAudit = (allianceId: string, entry: AuditEntry, now = new Date()): TxItem =>
  auditPut(keys.alliance(allianceId).pk, entry, now);
/** The audit record of a decision about a round. */
export const roundAudit = (roundId: string, entry: AuditEntry, now = new Date()): TxItem =>
  auditPut(keys.round(roundId).pk, entry, now);
/** The audit record of a change to an organisation's profile. */
export const organisationAudit = (orgId: string, entry: AuditEntry, now = new Date()): TxItem =>
  auditPut(keys.organisation(orgId).pk, entry, now);

/** One page of an alliance's audit trail. */
export const allianceAuditTrail = (allianceId: string, cursor: string | undefined, limit: number) =>
  auditTrail(keys.alliance(allianceId).pk, cursor, limit);
/** One page of a round's audit trail. */
export const roundAuditTrail = (roundId: string, cursor: string | undefined, limit: number) =>
  auditTrail(keys.round(roundId).pk, cursor, limit);
