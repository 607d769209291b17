/**
 * The audit trail: every decision records who, when and why, written in the same transaction
 * as the change it describes (see auditPut), so there is never a change without its record.
 */
import { randomUUID } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../http/auth.ts';
import { keys } from './keys.ts';

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
