import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, setEnv } from './helpers.ts';

setEnv();
const { handler } = await import('../../../functions/rounds/handler.ts');
const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

beforeEach(() => {
  ddb.reset();
  sfn.reset();
});

const call = async (
  groups: string | undefined,
  roundId = 'round-1',
  headers: Record<string, string> = {},
) => {
  const result = (await handler(
    apiEvent('GET /v1/rounds/{roundId}/pipeline', {
      path: `/v1/rounds/${roundId}/pipeline`,
      pathParameters: { roundId },
      ...(groups !== undefined ? { groups } : {}),
      headers,
    }),
    lambdaContext,
  )) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) };
};

describe('GET /v1/rounds/{roundId}/pipeline', () => {
  it('is 401 without a principal and 403 for a role that is not admin', async () => {
    expect((await call(undefined)).status).toBe(401);
    const forbidden = await call('[applicant reviewer]');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('is 400 for a malformed round id, naming the field, in the language asked for', async () => {
    const en = await call('[admin]', 'bad id!');
    expect(en.status).toBe(400);
    expect(en.body.error.details[0]).toMatchObject({ path: 'path.roundId', code: 'invalid_format' });
    const zh = await call('[admin]', 'bad id!', { 'accept-language': 'zh' });
    expect(zh.body.error.message).toContain('请求无效');
  });

  it('is 404 when the round does not exist', async () => {
    ddb.on(GetCommand).resolves({});
    const { status, body } = await call('[admin]');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('reports NOT_STARTED for a round whose pipeline has not started', async () => {
    ddb.on(GetCommand, { Key: { pk: 'ROUND#round-1', sk: 'PIPELINE' } }).resolves({});
    ddb.on(GetCommand, { Key: { pk: 'ROUND#round-1', sk: 'ROUND' } }).resolves({ Item: { status: 'open' } });
    const { status, body } = await call('[admin]');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'NOT_STARTED', executionName: 'round-round-1', history: [] });
  });

  it('combines the stored stage with the live execution status', async () => {
    ddb.on(GetCommand).resolves({
      Item: {
        stage: 'screening',
        status: 'RUNNING',
        waitingOn: 'admin: decisions',
        executionArn: 'arn:aws:states:us-east-1:0:execution:RoundPipeline:round-round-1',
        history: [{ stage: 'starting', at: '2026-01-01T00:00:00.000Z', by: 'schedule' }],
      },
    });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'FAILED' });
    const { status, body } = await call('[admin]');
    expect(status).toBe(200);
    expect(body).toMatchObject({ stage: 'screening', status: 'FAILED', waitingOn: 'admin: decisions' });
  });

  it('a run that ended between its two reads is shown with the stage its last step wrote (read from the table again)', async () => {
    const arn = 'arn:aws:states:us-east-1:0:execution:RoundPipeline:round-round-1';
    ddb
      .on(GetCommand, { Key: { pk: 'ROUND#round-1', sk: 'PIPELINE' } })
      .resolvesOnce({ Item: { stage: 'designation', status: 'RUNNING', executionArn: arn } })
      .resolves({ Item: { stage: 'implementation', status: 'SUCCEEDED', executionArn: arn } });
    sfn.on(DescribeExecutionCommand).resolves({ status: 'SUCCEEDED' });
    const { status, body } = await call('[admin]');
    expect(status).toBe(200);
    expect(body).toMatchObject({ stage: 'implementation', status: 'SUCCEEDED' });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
  });
});

describe('POST /v1/rounds/{roundId}/pipeline/retry', () => {
  const retry = async (reason = '已修复') => {
    const result = (await handler(
      apiEvent('POST /v1/rounds/{roundId}/pipeline/retry', {
        path: '/v1/rounds/r1/pipeline/retry',
        pathParameters: { roundId: 'r1' },
        groups: '[admin]',
        body: JSON.stringify({ reason }),
        headers: { 'content-type': 'application/json' },
      }),
      lambdaContext,
    )) as { statusCode: number; body: string };
    return { status: result.statusCode, body: JSON.parse(result.body) };
  };
  const pipelineItem = (over: Record<string, unknown>) =>
    ddb.on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'PIPELINE' } }).resolves({
      Item: {
        roundId: 'r1',
        executionArn: 'arn:aws:states:us-east-1:000000000000:execution:RoundPipeline:round-r1',
        stage: 'review',
        status: 'RUNNING',
        history: [],
        ...over,
      },
    });

  it('retries a run Step Functions no longer knows (gone with its data), resuming at its stage', async () => {
    pipelineItem({});
    sfn.on(DescribeExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'gone', $metadata: {} }));
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:x' });
    ddb.on(TransactWriteCommand).resolves({});
    const res = await retry();
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ roundId: 'r1', attempt: 2, executionName: 'round-r1-2', resumesAt: 'review' });
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input).toMatchObject({
      name: 'round-r1-2',
      input: JSON.stringify({ roundId: 'r1' }),
    });
  });

  it('refuses while the run is alive, and when the round finished', async () => {
    pipelineItem({});
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    expect((await retry()).status).toBe(409);
    ddb.reset();
    pipelineItem({ status: 'SUCCEEDED', stage: 'implementation' });
    sfn.on(DescribeExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'gone', $metadata: {} }));
    const done = await retry();
    expect(done.status).toBe(409);
    expect(done.body.error.message).toContain('nothing failed');
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });
});
