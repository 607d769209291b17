import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
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
});
