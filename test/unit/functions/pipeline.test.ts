import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from './helpers.ts';

setEnv();
const { runTask } = await import('../../../functions/pipeline/handler.ts');
const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(UpdateCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
  sfn.reset();
  sfn.on(SendTaskSuccessCommand).resolves({});
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
    // The audit record alone: one conditional Put, not a one-item transaction (commit.ts).
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    const audit = ddb.commandCalls(PutCommand).find((c) => c.args[0].input.Item?.type === 'audit')!.args[0]
      .input.Item;
    expect(audit).toMatchObject({
      action: 'pipeline.failed',
      reason: expect.stringContaining('RoundNotFound'),
    });
  });
});

describe('a gate that opens when what it waits for already holds (a retried or restarted run)', () => {
  const screened = (decisions: ('pass' | 'reject' | undefined)[]) =>
    decisions.map((outcome, i) => ({
      allianceId: `a${i}`,
      roundId: 'r1',
      name: `a${i}`,
      findings: { eligible: true, checkedAt: '', failing: [], results: [] },
      ...(outcome ? { decision: { outcome, reason: 'r', by: 'admin', at: '' } } : {}),
    }));

  it('completes itself with the decisions when every screened alliance is decided', async () => {
    ddb.on(QueryCommand).resolves({ Items: screened(['pass', 'reject', 'pass']) });
    ddb
      .on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'GATE#screening' } })
      .resolvesOnce({})
      .resolves({
        Item: { roundId: 'r1', gate: 'screening', status: 'open', taskToken: 'token-9' },
      });
    const out = await runTask({ action: 'openGate', ...base, gate: 'screening', taskToken: 'token-9' });
    expect(out).toMatchObject({ gate: 'screening', selfCompleted: true });
    const sent = sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input;
    expect(sent.taskToken).toBe('token-9');
    expect(JSON.parse(sent.output!)).toEqual({ passed: 2, rejected: 1, resumed: true });
  });

  it('waits while one alliance is undecided, and for an empty round (an admin completes that)', async () => {
    ddb.on(QueryCommand).resolves({ Items: screened(['pass', undefined]) });
    await expect(
      runTask({ action: 'openGate', ...base, gate: 'screening', taskToken: 'token-1' }),
    ).resolves.toMatchObject({ selfCompleted: false });
    ddb.on(QueryCommand).resolves({ Items: [] });
    await expect(
      runTask({ action: 'openGate', ...base, gate: 'screening', taskToken: 'token-2' }),
    ).resolves.toMatchObject({ selfCompleted: false });
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
  });

  it('completes the selection gate when the selection is already approved', async () => {
    ddb
      .on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'SELECTION' } })
      .resolves({ Item: { status: 'approved' } });
    ddb
      .on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'GATE#selection-approval' } })
      .resolvesOnce({})
      .resolves({
        Item: { status: 'open', taskToken: 'token-s' },
      });
    await expect(
      runTask({ action: 'openGate', ...base, gate: 'selection-approval', taskToken: 'token-s' }),
    ).resolves.toMatchObject({ selfCompleted: true });
  });
});

describe('recordFailure keeps the stage a retry resumes at, and no trace', () => {
  it('records the stage the run was in and a one-line message', async () => {
    ddb.on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'PIPELINE' } }).resolves({
      Item: { roundId: 'r1', stage: 'public-notice', status: 'RUNNING' },
    });
    const cause = JSON.stringify({
      errorType: 'NoSuchBucket',
      errorMessage: 'The specified bucket does not exist',
      trace: ['NoSuchBucket: The specified bucket does not exist', '    at handler (index.mjs:1:1)'],
    });
    await runTask({ action: 'recordFailure', ...base, error: 'NoSuchBucket', cause });
    const stage = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(stage.ExpressionAttributeValues).toMatchObject({
      ':stage': 'failed',
      ':x0': { error: 'NoSuchBucket', stage: 'public-notice' },
    });
    const entry = (stage.ExpressionAttributeValues![':entry'] as { note: string }[])[0]!;
    expect(entry.note).toBe('NoSuchBucket: The specified bucket does not exist');
    expect(entry.note).not.toContain('index.mjs');
  });
});
