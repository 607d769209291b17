/** Reading: one Get, every page of a Query, or one page with an opaque cursor. The only query loop. */
import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { decodeCursor, encodeCursor, stripKeys, table } from './table.ts';

export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** One item by key (consistent read), as stored (keys included), or undefined. */
export async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }),
  );
  return Item;
}

type Key = { pk: string; sk: string };
const keyOf = (k: Key) => `${k.pk}\u0000${k.sk}`;

/**
 * Items by key in one consistent BatchGet (at most 100 keys; unprocessed keys retried), in the
 * order of `keys`, undefined where there is none. For reads of several exactly-known items that
 * would otherwise be one GetItem each (one round trip instead of several).
 */
export async function getItems(keys: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  if (keys.length > 100) throw new Error(`getItems: ${keys.length} keys (at most 100 in one BatchGet)`);
  const found = new Map<string, Record<string, unknown>>();
  const unique = [...new Map(keys.map((k) => [keyOf(k), { pk: k.pk, sk: k.sk }])).values()];
  let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined =
    unique.length ? { [table()]: { Keys: unique, ConsistentRead: true } } : undefined;
  while (request && Object.keys(request).length) {
    const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
    for (const item of out.Responses?.[table()] ?? []) found.set(keyOf(item as Key), item);
    request = out.UnprocessedKeys as typeof request;
  }
  return keys.map((k) => found.get(keyOf(k)));
}

/** One item by key without its table keys (the API's shape), or undefined. */
export async function getRecord<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await getItem(key);
  return item ? stripKeys<T>(item) : undefined;
}

/** Every page of a Query. */
export async function queryAll(input: QueryInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every item of a partition whose sort key begins with `prefix` (consistent read). */
export const queryPrefix = (pk: string, prefix: string) =>
  queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: true,
  });

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One page of a Query with an opaque cursor for the next. The cursor must belong to this listing:
 * `partition` is the value of `partitionAttribute` (pk, gsi1pk, …) every key of it carries.
 */
export async function queryPage<T = Record<string, unknown>>(
  input: QueryInput,
  page: { cursor: string | undefined; limit: number; partition: string; partitionAttribute?: string },
  map: (item: Record<string, unknown>) => T = (item) => stripKeys<T>(item),
): Promise<Page<T>> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      ...input,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, page.partition, page.partitionAttribute),
    }),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(map), ...(nextCursor ? { nextCursor } : {}) };
}

/** One page of the items of a partition whose sort key begins with `prefix` (consistent read), keys stripped unless `map` says otherwise. */
export function queryPrefixPage<T>(
  pk: string,
  prefix: string,
  cursor: string | undefined,
  limit: number,
  map?: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  return queryPage<T>(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    },
    { cursor, limit, partition: pk },
    map,
  );
}

/** Every item of a GSI partition (`index` gsi1/gsi2, its pk attribute `<index>pk`), keys stripped. */
export async function queryIndex<T>(index: 'gsi1' | 'gsi2', partition: string): Promise<T[]> {
  const items = await queryAll({
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': partition },
  });
  return items.map((i) => stripKeys<T>(i));
}

/** One page of a GSI partition, newest first (sort key descending), with a cursor bound to that partition. */
export function queryIndexPage<T>(
  index: 'gsi1' | 'gsi2',
  partition: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  return queryPage<T>(
    {
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
    },
    { cursor, limit, partition, partitionAttribute: `${index}pk` },
  );
}
