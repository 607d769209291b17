/**
 * The audit trail: every decision records who, when and why, written in the same transaction
 * as the change it describes (see auditPut), so there is never a change without its record.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import type { Principal } from '../http/auth.ts';
import { keys } from './keys.ts';
import { decodeCursor, encodeCursor, stripKeys, table } from './table.ts';

export type Actor =
  | { kind: 'user'; sub: string; username: string; roles: string[] }
  | { kind: 'system'; component: string; executionId?: string };

export interface AuditEntry {
  action: string;
  actor: Actor;
  reason?: string;
  data?: Record<string, unknown>;
}

export const userActor = (p: Principal): Actor => ({
  kind: 'user',
  sub: p.sub,
  username: p.username,
  roles: p.roles,
});
export const systemActor = (component: string, executionId?: string): Actor => ({
  kind: 'system',
  component,
  ...(executionId ? { executionId } : {}),
});

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A Put of one audit record, to go in a TransactWrite with the change it records. */
export function auditPut(
  tableName: string,
  entityPk: string,
  entry: AuditEntry,
  now = new Date(),
): TransactItem {
  const at = now.toISOString();
  const id = randomUUID();
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.audit(entityPk, at, id), type: 'audit', id, at, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** One page of an entity's audit trail (oldest first), with an opaque cursor for the next. */
export async function auditTrail(entityPk: string, cursor: string | undefined, limit: number) {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': entityPk, ':audit': 'AUDIT#' },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, entityPk),
    }),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map((item) => stripKeys(item)), ...(nextCursor ? { nextCursor } : {}) };
}
