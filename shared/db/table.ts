/** Small helpers every repository uses: table name, key stripping, cursors, condition failures. */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { env } from '../config.ts';
import { invalid } from '../domain/errors.ts';

export const table = () => env('tableName');

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);

/** An item as the API shows it: without table keys and bookkeeping attributes. */
export function stripKeys<T = Record<string, unknown>>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

/** A condition in a Put/Update/TransactWrite did not hold. `index` narrows to one transaction item. */
export function conditionFailed(error: unknown, index?: number): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    const reasons = error.CancellationReasons ?? [];
    if (index === undefined) return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
    return reasons[index]?.Code === 'ConditionalCheckFailed';
  }
  return false;
}

/** Opaque pagination cursor: the LastEvaluatedKey, base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expectedPk: string,
  pkAttribute = 'pk',
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  // A cursor from another listing (or made up) must not move a query into another partition.
  if (!key || typeof key !== 'object' || (key as Record<string, unknown>)[pkAttribute] !== expectedPk) {
    throw invalid(
      'query.cursor',
      { en: 'not a cursor of this listing', zh: '不是此列表的游标' },
      'invalid_cursor',
    );
  }
  return key as Record<string, unknown>;
}
