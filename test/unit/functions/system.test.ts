import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiEvent, lambdaContext, setEnv } from './helpers.ts';

setEnv();
const { handler } = await import('../../../functions/system/handler.ts');

const ddb = mockClient(DynamoDBDocumentClient);
const rawDdb = mockClient(DynamoDBClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);

// Readiness results are kept per instance (shared/usecases/health.ts); only Date is faked, so each
// test starts a minute after the last one, past any cached result, and moves time on as it needs.
vi.useFakeTimers({ toFake: ['Date'] });
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

beforeEach(() => {
  later(60_000);
  for (const m of [ddb, rawDdb, s3, sfn]) m.reset();
  ddb.on(GetCommand).resolves({});
  rawDdb.on(GetItemCommand).resolves({});
  s3.on(HeadBucketCommand).resolves({});
  sfn.on(DescribeStateMachineCommand).resolves({});
});

async function get(path: '/v1/health' | '/v1/health/ready') {
  const result = (await handler(apiEvent(`GET ${path}`), lambdaContext)) as {
    statusCode: number;
    body: string;
    headers: Record<string, string>;
  };
  return { status: result.statusCode, body: JSON.parse(result.body), headers: result.headers };
}
const readiness = () => get('/v1/health/ready');

/** Dependency calls made so far: table reads (either client), HeadBucket, DescribeStateMachine. */
const dependencyCalls = () => ({
  dynamodb: ddb.commandCalls(GetCommand).length + rawDdb.commandCalls(GetItemCommand).length,
  s3: s3.commandCalls(HeadBucketCommand).length,
  workflow: sfn.commandCalls(DescribeStateMachineCommand).length,
});
const all = (n: number) => ({ dynamodb: n, s3: n, workflow: n });

describe('GET /v1/health (liveness)', () => {
  it('is 200 ok with time and version, and asks no dependency anything', async () => {
    s3.on(HeadBucketCommand).rejects(new Error('S3 is down'));
    const { status, body, headers } = await get('/v1/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', time: new Date().toISOString(), version: expect.any(String) });
    expect(headers['cache-control']).toBe('no-store');
    expect(dependencyCalls()).toEqual(all(0));
    for (const m of [ddb, rawDdb, s3, sfn]) expect(m.calls()).toHaveLength(0);
  });
});

describe('GET /v1/health/ready (readiness)', () => {
  it('is 200 ok when DynamoDB, S3 and the workflow runner answer', async () => {
    const { status, body, headers } = await readiness();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.components.dynamodb.status).toBe('ok');
    expect(body.components.s3.status).toBe('ok');
    expect(body.components.workflow.status).toBe('ok');
    expect(body.checkedAt).toBe(new Date().toISOString());
    expect(headers['cache-control']).toBe('no-store');
    expect(s3.commandCalls(HeadBucketCommand)[0]?.args[0].input).toEqual({ Bucket: 'docs-test' });
    expect(sfn.commandCalls(DescribeStateMachineCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: process.env.ROUND_PIPELINE_ARN,
    });
  });

  it('is 503 degraded naming the component that is down', async () => {
    s3.on(HeadBucketCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkError' }),
    );
    const { status, body } = await readiness();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.components.s3).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
    expect(body.components.dynamodb.status).toBe('ok');
    expect(body.components.workflow.status).toBe('ok');
  });

  it('checks once per 5 s: a second call within the TTL asks nobody, one after it asks again', async () => {
    const first = await readiness();
    expect(dependencyCalls()).toEqual(all(1));

    later(4_999);
    const cached = await readiness();
    expect(dependencyCalls()).toEqual(all(1));
    expect(cached.status).toBe(200);
    expect(cached.body.checkedAt).toBe(first.body.checkedAt);
    expect(cached.body.time).not.toBe(first.body.time);

    later(1);
    const fresh = await readiness();
    expect(dependencyCalls()).toEqual(all(2));
    expect(fresh.body.checkedAt).toBe(new Date().toISOString());
  });

  it('keeps a failure for 1 s only, so a recovery shows within a second', async () => {
    s3.on(HeadBucketCommand).rejects(new Error('S3 is down'));
    expect((await readiness()).status).toBe(503);
    s3.on(HeadBucketCommand).resolves({});

    later(999);
    expect((await readiness()).status).toBe(503);
    expect(dependencyCalls()).toEqual(all(1));

    later(1);
    expect((await readiness()).status).toBe(200);
    expect(dependencyCalls()).toEqual(all(2));
  });

  it('concurrent calls share one check', async () => {
    const answers = await Promise.all([readiness(), readiness(), readiness()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(dependencyCalls()).toEqual(all(1));
  });

  it('liveness between readiness checks adds no dependency call', async () => {
    await readiness();
    later(10_000);
    await get('/v1/health');
    expect(dependencyCalls()).toEqual(all(1));
  });
});

describe('routing and errors through the shared HTTP adapter', () => {
  it('answers an unknown path on $default with 404 in the documented shape, in Chinese when asked', async () => {
    const result = (await handler(
      apiEvent('$default', { path: '/v1/nope', headers: { 'accept-language': 'zh-CN' } }),
      lambdaContext,
    )) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(result.statusCode).toBe(404);
    const body = JSON.parse(result.body);
    expect(body.error.code).toBe('route_not_found');
    expect(body.error.message).toContain('不存在的接口');
    expect(body.error.details).toEqual([]);
    expect(result.headers['content-language']).toBe('zh-CN');
  });

  it('answers a known path with the wrong method with 405 naming the allowed ones', async () => {
    const event = apiEvent('$default', { path: '/v1/health' });
    event.requestContext.http.method = 'DELETE';
    const result = (await handler(event, lambdaContext)) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(405);
    expect(JSON.parse(result.body).error.message).toContain('GET');
  });

  it('refuses a route of another group with 404 rather than running it', async () => {
    const result = (await handler(
      apiEvent('GET /v1/rounds/{roundId}/pipeline', { pathParameters: { roundId: 'r1' }, groups: '[admin]' }),
      lambdaContext,
    )) as { statusCode: number };
    expect(result.statusCode).toBe(404);
  });

  it('serves the OpenAPI document', async () => {
    const result = (await handler(apiEvent('GET /v1/openapi.json'), lambdaContext)) as {
      statusCode: number;
      body: string;
    };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).openapi).toBe('3.1.0');
  });
});
