/** Reading: one Get, every page of a Query, or one page with an opaque cursor. The only query loop. */
import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { loadedPartition, memoItem, memoItems, memoPartition } from './request-scope.ts';
import { decodeCursor, encodeCursor, stripKeys, table } from './table.ts';

export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** One item by key (consistent read), as stored (keys included), or undefined. */
export async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  return memoItem(key, async () => {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true }),
    );
    return Item;
  });
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
  const memo = await memoItems(keys);
  const found = new Map<string, Record<string, unknown>>();
  const wanted = memo.missing.map((i) => keys[i]!);
  const unique = [...new Map(wanted.map((k) => [keyOf(k), { pk: k.pk, sk: k.sk }])).values()];
  let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined =
    unique.length ? { [table()]: { Keys: unique, ConsistentRead: true } } : undefined;
  try {
    while (request && Object.keys(request).length) {
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? []) found.set(keyOf(item as Key), item);
      request = out.UnprocessedKeys as typeof request;
    }
  } catch (error) {
    memo.fail(error);
    throw error;
  }
  memo.settle(wanted.map((k) => found.get(keyOf(k))));
  return keys.map((k, i) => (memo.found.has(i) ? memo.found.get(i) : found.get(keyOf(k))));
}

/** One item by key without its table keys (the API's shape), or undefined. */
export async function getRecord<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
  const item = await getItem(key);
  return item ? stripKeys<T>(item) : undefined;
}

/**
 * A Query this request can answer from a partition it loaded whole (request-scope.ts): a base-table
 * Query of `pk = :x`, optionally `AND begins_with(sk, :y)`, with no filter, projection or limit of
 * its own. Its items in the Query's order, or undefined (then DynamoDB answers).
 */
async function fromLoadedPartition(input: QueryInput): Promise<Record<string, unknown>[] | undefined> {
  if (input.IndexName || input.FilterExpression || input.ProjectionExpression || input.Select)
    return undefined;
  if (input.Limit !== undefined) return undefined;
  const match = /^pk = (:\w+)(?: AND begins_with\(sk, (:\w+)\))?$/.exec(input.KeyConditionExpression ?? '');
  const values = input.ExpressionAttributeValues ?? {};
  const pk = match && values[match[1]!];
  const prefix = match?.[2] === undefined ? '' : values[match[2]];
  if (typeof pk !== 'string' || typeof prefix !== 'string') return undefined;
  const partition = loadedPartition(pk);
  if (!partition) return undefined;
  const items = (await partition).filter((i) => (i.sk as string).startsWith(prefix));
  return input.ScanIndexForward === false ? items.reverse() : items;
}

/**
 * Every item of partition `pk` (a consistent Query, every page), once per request: the item
 * collection of an alliance, whose later key reads and prefix Queries in the same request are
 * answered from it (request-scope.ts). In sort-key order, keys included.
 */
export const queryPartition = (pk: string): Promise<Record<string, unknown>[]> =>
  memoPartition(pk, () =>
    queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );

/** Every page of a Query. */
export async function queryAll(input: QueryInput): Promise<Record<string, unknown>[]> {
  const loaded = await fromLoadedPartition(input);
  if (loaded) return loaded;
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
  const start = decodeCursor(page.cursor, page.partition, page.partitionAttribute);
  const loaded = await fromLoadedPartition(input);
  if (loaded) {
    // The same page DynamoDB would give: after the cursor's key, `limit` items, a cursor when more follow.
    const after = start
      ? loaded.filter((i) =>
          input.ScanIndexForward === false
            ? (i.sk as string) < (start.sk as string)
            : (i.sk as string) > (start.sk as string),
        )
      : loaded;
    const items = after.slice(0, page.limit);
    const last = after.length > page.limit ? items.at(-1) : undefined;
    const nextCursor = encodeCursor(last && { pk: last.pk, sk: last.sk });
    return { items: items.map(map), ...(nextCursor ? { nextCursor } : {}) };
  }
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      ...input,
      Limit: page.limit,
      ExclusiveStartKey: start,
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
