/** commit(): a one-write "transaction" is sent as that conditional write, and fails like the transaction would. */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { commit, commitFirstTime } from '../../../shared/db/commit.ts';
import { conditionFailed } from '../../../shared/db/table.ts';
import { httpStatusOf } from '../../../shared/http/errors.ts';

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());

const key = { pk: 'A', sk: 'B' };
const update = {
  Update: {
    TableName: 't',
    Key: key,
    UpdateExpression: 'SET x = :x',
    ExpressionAttributeValues: { ':x': 1 },
  },
};
const put = {
  Put: { TableName: 't', Item: { ...key, x: 1 }, ConditionExpression: 'attribute_not_exists(pk)' },
};
const failed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('commit of one write', () => {
  it('sends a lone Put, Update or Delete as that write, and two items as a transaction', async () => {
    await commit([put, undefined, false]);
    await commit([update]);
    await commit([{ Delete: { TableName: 't', Key: key } }]);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual(put.Put);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual(update.Update);
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    await commit([put, update]);
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems).toHaveLength(2);
  });

  it('keeps a lone ConditionCheck a transaction', async () => {
    await commit([
      { ConditionCheck: { TableName: 't', Key: key, ConditionExpression: 'attribute_exists(pk)' } },
    ]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('throws a failed condition as the cancelled transaction (item 0), mapped like one', async () => {
    ddb.on(UpdateCommand).rejects(failed());
    const error = await commit([update]).catch((e) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect(error.CancellationReasons).toEqual([expect.objectContaining({ Code: 'ConditionalCheckFailed' })]);
    expect(conditionFailed(error, 0)).toBe(true);
    expect(conditionFailed(error, 1)).toBe(false);
    const seen: (number | undefined)[] = [];
    const mine = new Error('mine');
    await expect(
      commit([update], (i) => {
        seen.push(i);
        return mine;
      }),
    ).rejects.toBe(mine);
    expect(seen).toEqual([0]);
    await expect(commitFirstTime([update])).resolves.toBe(false);
  });

  it('retries a write that met a transaction on its item', async () => {
    const { TransactionConflictException } = await import('@aws-sdk/client-dynamodb');
    ddb
      .on(PutCommand)
      .rejectsOnce(new TransactionConflictException({ message: 'conflict', $metadata: {} }))
      .resolves({});
    await commit([put]);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(2);
  });

  it('answers a write still contended after every attempt with a retryable 503, not a 500', async () => {
    const { TransactionConflictException } = await import('@aws-sdk/client-dynamodb');
    ddb.on(PutCommand).rejects(new TransactionConflictException({ message: 'conflict', $metadata: {} }));
    const error = await commit([put], { attempts: 3 }).catch((e: unknown) => e);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(3);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(httpStatusOf(error)).toBe(503);
  });

  it('lets any other error through', async () => {
    ddb.on(PutCommand).rejects(new Error('throttled'));
    await expect(commit([put], new Error('not this'))).rejects.toThrow('throttled');
  });
});
