import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from './helpers.ts';

setEnv();
const { runTask } = await import('../../../functions/pipeline/handler.ts');
const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddb.reset();
  ddb.on(UpdateCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
});

const base = { roundId: 'r1', executionId: 'arn:aws:states:us-east-1:0:execution:P:round-r1' };

describe('pipeline task closeApplications', () => {
  it('closes an open round and writes its audit record in the same transaction', async () => {
    ddb.on(GetCommand).resolves({ Item: { status: 'open', version: 3 } });
    await expect(runTask({ action: 'closeApplications', ...base })).resolves.toEqual({
      roundId: 'r1',
      closed: true,
    });
    const transact = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(transact).toHaveLength(2);
    expect(transact[0]!.Update).toMatchObject({
      Key: { pk: 'ROUND#r1', sk: 'ROUND' },
      ConditionExpression: '#status = :open',
    });
    expect(transact[1]!.Put!.Item).toMatchObject({
      pk: 'ROUND#r1',
      action: 'round.applications-closed',
      actor: { kind: 'system', component: 'round-pipeline', executionId: base.executionId },
      reason: expect.any(String),
    });
    const stage = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(stage.Key).toEqual({ pk: 'ROUND#r1', sk: 'PIPELINE' });
    expect(stage.ExpressionAttributeValues).toMatchObject({ ':stage': 'closing-applications' });
  });

  it('is idempotent: a round already closed is not written again', async () => {
    ddb.on(GetCommand).resolves({ Item: { status: 'closed' } });
    await runTask({ action: 'closeApplications', ...base });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('treats losing the race to a concurrent close as success', async () => {
    ddb.on(GetCommand).resolves({ Item: { status: 'open' } });
    ddb
      .on(TransactWriteCommand)
      .rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {} }));
    await expect(runTask({ action: 'closeApplications', ...base })).resolves.toMatchObject({ closed: true });
  });

  it('fails with RoundNotFound / RoundNotOpen, names Step Functions can Catch', async () => {
    ddb.on(GetCommand).resolves({});
    await expect(runTask({ action: 'closeApplications', ...base })).rejects.toMatchObject({
      name: 'RoundNotFound',
    });
    ddb.on(GetCommand).resolves({ Item: { status: 'draft' } });
    await expect(runTask({ action: 'closeApplications', ...base })).rejects.toMatchObject({
      name: 'RoundNotOpen',
    });
  });
});

describe('pipeline task input validation', () => {
  it.each([
    [{}],
    [{ action: 'closeApplications', roundId: 'r1' }],
    [{ action: 'openGate', ...base, gate: 'screening' }],
    [{ action: 'openGate', ...base, gate: 'lunch', taskToken: 't' }],
    [{ action: 'explode', ...base }],
    [{ action: 'closeApplications', ...base, roundId: '../etc' }],
  ])('rejects %j with InvalidTaskInput before touching the table', async (input) => {
    await expect(runTask(input)).rejects.toMatchObject({ name: 'InvalidTaskInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('pipeline task openGate', () => {
  it('stores the task token in the gate item and says what the stage waits on', async () => {
    await runTask({ action: 'openGate', ...base, gate: 'screening', taskToken: 'token-123' });
    const put = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(put.Item).toMatchObject({
      pk: 'ROUND#r1',
      sk: 'GATE#screening',
      status: 'open',
      taskToken: 'token-123',
    });
    const stage = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(stage.ExpressionAttributeValues).toMatchObject({
      ':stage': 'screening',
      ':waitingOn': expect.stringContaining('admin'),
    });
  });
});

describe('pipeline task recordFailure', () => {
  it('marks the pipeline failed with the error and audits it', async () => {
    await runTask({
      action: 'recordFailure',
      ...base,
      error: 'RoundNotFound',
      cause: 'round r1 does not exist',
    });
    const stage = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(stage.ExpressionAttributeValues).toMatchObject({ ':stage': 'failed', ':status': 'FAILED' });
    const audit = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!.Item;
    expect(audit).toMatchObject({
      action: 'pipeline.failed',
      reason: expect.stringContaining('RoundNotFound'),
    });
  });
});
