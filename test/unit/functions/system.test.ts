import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, setEnv } from './helpers.ts';

setEnv();
const { handler } = await import('../../../functions/system/handler.ts');

const ddb = mockClient(DynamoDBDocumentClient);
const rawDdb = mockClient(DynamoDBClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);

beforeEach(() => {
  for (const m of [ddb, rawDdb, s3, sfn]) m.reset();
  ddb.on(GetCommand).resolves({});
  rawDdb.on(GetItemCommand).resolves({});
  s3.on(HeadBucketCommand).resolves({});
  sfn.on(DescribeStateMachineCommand).resolves({});
});

async function health(headers: Record<string, string> = {}) {
  const result = (await handler(apiEvent('GET /v1/health', { headers }), lambdaContext)) as {
    statusCode: number;
    body: string;
  };
  return { status: result.statusCode, body: JSON.parse(result.body) };
}

describe('GET /v1/health', () => {
  it('is 200 ok when DynamoDB, S3 and the workflow runner answer', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.components.dynamodb.status).toBe('ok');
    expect(body.components.s3.status).toBe('ok');
    expect(body.components.workflow.status).toBe('ok');
    expect(s3.commandCalls(HeadBucketCommand)[0]?.args[0].input).toEqual({ Bucket: 'docs-test' });
    expect(sfn.commandCalls(DescribeStateMachineCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: process.env.ROUND_PIPELINE_ARN,
    });
  });

  it('is 503 degraded naming the component that is down', async () => {
    s3.on(HeadBucketCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkError' }),
    );
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.components.s3).toMatchObject({
      status: 'down',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
    expect(body.components.dynamodb.status).toBe('ok');
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
