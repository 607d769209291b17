/**
 * Reads memoised for one request (shared/db/request-scope.ts): a key read once, a partition loaded
 * whole answering later key reads, prefix Queries and pages, everything forgotten at a write, and
 * nothing memoised outside a request.
 */
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../functions/helpers.ts';

setEnv();
const { commit } = await import('../../../shared/db/commit.ts');
const { getItem, getItems, queryPartition, queryPrefix, queryPrefixPage } = await import(
  '../../../shared/db/query.ts'
);
const { inRequestScope } = await import('../../../shared/db/request-scope.ts');

const ddb = mockClient(DynamoDBDocumentClient);
const partition = [
  { pk: 'P', sk: 'A', n: 1 },
  { pk: 'P', sk: 'DOC#1', n: 2 },
  { pk: 'P', sk: 'DOC#2', n: 3 },
  { pk: 'P', sk: 'DOC#3', n: 4 },
  { pk: 'P', sk: 'Z', n: 5 },
];
beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).callsFake((input) => ({ Item: { ...input.Key, read: true } }));
  ddb.on(QueryCommand, { KeyConditionExpression: 'pk = :pk' }).resolves({ Items: partition });
  ddb.on(BatchGetCommand).callsFake((input) => ({
    Responses: Object.fromEntries(
      Object.entries(input.RequestItems as Record<string, { Keys: object[] }>).map(([t, { Keys }]) => [
        t,
        Keys.map((k) => ({ ...k, batch: true })),
      ]),
    ),
  }));
  ddb.on(PutCommand).resolves({});
});

const calls = () => ddb.calls().length;

describe('reads within a request', () => {
  it('reads an item once however often it is asked for, and gives each caller its own copy', async () => {
    await inRequestScope(async () => {
      const [a, b] = await Promise.all([
        getItem({ pk: 'R', sk: 'ROUND' }),
        getItem({ pk: 'R', sk: 'ROUND' }),
      ]);
      a!.changed = true;
      expect(await getItem({ pk: 'R', sk: 'ROUND' })).toEqual({ pk: 'R', sk: 'ROUND', read: true });
      expect(b).not.toHaveProperty('changed');
    });
    expect(calls()).toBe(1);
  });

  it('answers key reads started meanwhile from one BatchGet', async () => {
    await inRequestScope(async () => {
      const batch = getItems([
        { pk: 'R', sk: 'GATE' },
        { pk: 'R', sk: 'TALLY' },
      ]);
      const [gate] = await Promise.all([getItem({ pk: 'R', sk: 'GATE' }), batch]);
      expect(gate).toMatchObject({ batch: true });
    });
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(1);
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('answers key reads, prefix Queries and pages from a partition loaded whole', async () => {
    await inRequestScope(async () => {
      await queryPartition('P');
      expect(await getItem({ pk: 'P', sk: 'DOC#2' })).toMatchObject({ n: 3 });
      expect(await getItem({ pk: 'P', sk: 'NONE' })).toBeUndefined();
      expect((await queryPrefix('P', 'DOC#')).map((i) => i.n)).toEqual([2, 3, 4]);
      const first = await queryPrefixPage('P', 'DOC#', undefined, 2);
      expect(first.items.map((i) => (i as { n: number }).n)).toEqual([2, 3]);
      const second = await queryPrefixPage('P', 'DOC#', first.nextCursor, 2);
      expect(second.items.map((i) => (i as { n: number }).n)).toEqual([4]);
      expect(second.nextCursor).toBeUndefined();
    });
    expect(calls()).toBe(1);
  });

  it('forgets what it read at a write: a read after it goes to the table again', async () => {
    await inRequestScope(async () => {
      await queryPartition('P');
      await getItem({ pk: 'R', sk: 'ROUND' });
      await commit([{ Put: { TableName: 't', Item: { pk: 'P', sk: 'DOC#4' } } }]);
      await getItem({ pk: 'P', sk: 'DOC#2' });
      await getItem({ pk: 'R', sk: 'ROUND' });
    });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(3);
  });

  it('memoises nothing outside a request', async () => {
    await getItem({ pk: 'R', sk: 'ROUND' });
    await getItem({ pk: 'R', sk: 'ROUND' });
    expect(calls()).toBe(2);
  });
});
