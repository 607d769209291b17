/**
 * Idempotency-Key through the shared HTTP adapter, with the store's DynamoDB calls
 * (shared/db/idempotency.ts) answered by aws-sdk-client-mock: a small conditional-write table of
 * marshalled items behind Put/Update/Delete (enough to exercise first run, replay, body mismatch,
 * in progress, take-over and 5xx removal). Against DynamoDB Local: test/integration/idempotency.test.ts.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpResult, Operations } from '../../../shared/http/handler.ts';
import { apiEvent, lambdaContext, setEnv, signedIn } from '../functions/helpers.ts';

setEnv(); // before the modules below build their logger (silent in tests)
const { ApiError } = await import('../../../shared/http/errors.ts');
const { httpHandler } = await import('../../../shared/http/handler.ts');
const { routes } = await import('../../../shared/api/routes.ts');
const { IDEMPOTENCY_TTL_SECONDS, idempotencyKeyOf, scopeOf } = await import(
  '../../../shared/http/idempotency.ts'
);

const rawDdb = mockClient(DynamoDBClient);
const ddb = mockClient(DynamoDBDocumentClient);

type Item = Record<string, AttributeValue>;
const table = new Map<string, Item>();
const keyOf = (key: Item) => `${key.pk?.S}|${key.sk?.S}`;

function fakeTable() {
  table.clear();
  ddb.on(PutCommand).callsFake((input: { Item: Record<string, unknown>; ConditionExpression?: string }) => {
    const item = marshall(input.Item);
    const existing = table.get(keyOf(item));
    const now = Date.now();
    const takeable =
      !existing ||
      Number(existing.expiresAt?.N) < now / 1000 ||
      (existing.status?.S === 'INPROGRESS' &&
        existing.inProgressExpiresAt !== undefined &&
        Number(existing.inProgressExpiresAt.N) < now);
    if (!takeable) {
      throw new ConditionalCheckFailedException({
        message: 'The conditional request failed',
        $metadata: {},
        Item: existing,
      });
    }
    table.set(keyOf(item), item);
    return {};
  });
  ddb.on(DeleteCommand).callsFake((input: { Key: Record<string, unknown> }) => {
    table.delete(keyOf(marshall(input.Key)));
    return {};
  });
  ddb
    .on(UpdateCommand)
    .callsFake(
      (input: {
        Key: Record<string, unknown>;
        UpdateExpression: string;
        ExpressionAttributeNames: Record<string, string>;
        ExpressionAttributeValues: Record<string, unknown>;
      }) => {
        const key = marshall(input.Key);
        const values = marshall(input.ExpressionAttributeValues);
        const item: Item = { ...(table.get(keyOf(key)) ?? key) };
        for (const assignment of input.UpdateExpression.replace(/^SET /, '').split(', ')) {
          const [name = '', value = ''] = assignment.split(' = ');
          const attribute = input.ExpressionAttributeNames[name];
          const attributeValue = values[value];
          if (attribute && attributeValue) item[attribute] = attributeValue;
        }
        table.set(keyOf(key), item);
        return {};
      },
    );
}

const closeRound = vi.fn<(req: { body: { reason: string } }) => Promise<HttpResult>>();
const getRound = vi.fn(async () => ({ body: { id: 'r1' } }));
const handler = httpHandler('rounds', { closeRound, getRound } as unknown as Operations<'rounds'>, {
  routes,
});

type Response = { statusCode: number; headers: Record<string, string>; body: string };

function closeEvent(
  options: {
    key?: string;
    body?: string;
    sub?: string;
    roundId?: string;
    headers?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 {
  const roundId = options.roundId ?? 'r1';
  const event = apiEvent('POST /v1/rounds/{roundId}/close', {
    path: `/v1/rounds/${roundId}/close`,
    pathParameters: { roundId },
    groups: '[admin]',
    body: options.body ?? JSON.stringify({ reason: 'budget exhausted' }),
    headers: { ...(options.key !== undefined ? { 'idempotency-key': options.key } : {}), ...options.headers },
  });
  if (options.sub) {
    (event.requestContext as unknown as { authorizer: { lambda: unknown } }).authorizer.lambda = signedIn(
      '[admin]',
      options.sub,
    );
  }
  return event;
}

async function call(event: APIGatewayProxyEventV2): Promise<Response> {
  return (await handler(event, lambdaContext)) as Response;
}

const idempotencyCalls = () => ddb.calls().length + rawDdb.calls().length;

let counter = 0;
beforeEach(() => {
  rawDdb.reset();
  ddb.reset();
  fakeTable();
  closeRound.mockReset();
  getRound.mockClear();
  closeRound.mockImplementation(async () => ({
    status: 202,
    body: { roundId: 'r1', alreadyStarted: false, run: ++counter },
  }));
});

describe('Idempotency-Key on mutations', () => {
  it('replays the stored response to a repeat with the same key and body, without running the operation again', async () => {
    const first = await call(closeEvent({ key: 'k-1' }));
    expect(first.statusCode).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const repeatEvent = closeEvent({ key: 'k-1' });
    repeatEvent.requestContext.requestId = 'r-2';
    const second = await call(repeatEvent);
    expect(closeRound).toHaveBeenCalledTimes(1);
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['x-request-id']).toBe('r-2');
  });

  it('stores one record in the single table: static partition, hashed sort key, 24 h TTL in epoch seconds', async () => {
    await call(closeEvent({ key: 'k-item' }));
    expect(table.size).toBe(1);
    const [item] = [...table.values()];
    expect(item?.pk).toEqual({ S: 'IDEMPOTENCY' });
    expect(item?.sk?.S).toMatch(/^http#[A-Za-z0-9+/]{43}=$/);
    expect(item?.sk?.S).not.toContain('k-item');
    expect(item?.status).toEqual({ S: 'COMPLETED' });
    const expiresAt = Number(item?.expiresAt?.N);
    expect(expiresAt).toBeGreaterThan(Date.now() / 1000 + IDEMPOTENCY_TTL_SECONDS - 60);
    expect(expiresAt).toBeLessThan(Date.now() / 1000 + IDEMPOTENCY_TTL_SECONDS + 60);
    expect(Number(item?.inProgressExpiresAt?.N)).toBeGreaterThan(Date.now());
    expect(item?.bodyHash?.S).toBeTruthy();
    const response = item?.response?.M;
    expect(response?.statusCode).toEqual({ N: '202' });
    expect(response?.body?.S).toContain('"alreadyStarted":false');
    expect(response?.headers?.M?.['x-request-id']).toBeUndefined();
  });

  it('answers the same key with a different body with 422 idempotency_key_reused, in Chinese when asked', async () => {
    await call(closeEvent({ key: 'k-2' }));
    const reused = await call(
      closeEvent({
        key: 'k-2',
        body: JSON.stringify({ reason: 'something else' }),
        headers: { 'accept-language': 'zh-CN' },
      }),
    );
    expect(closeRound).toHaveBeenCalledTimes(1);
    expect(reused.statusCode).toBe(422);
    const { error } = JSON.parse(reused.body);
    expect(error.code).toBe('idempotency_key_reused');
    expect(error.message).toContain('幂等键');
    expect(error.details).toEqual([]);
    expect(reused.headers['content-language']).toBe('zh-CN');

    const english = await call(closeEvent({ key: 'k-2', body: JSON.stringify({ reason: 'again other' }) }));
    expect(JSON.parse(english.body).error.message).toMatch(/Idempotency-Key k-2 was already used/);
  });

  it('compares the raw body: the same JSON with other whitespace is another request', async () => {
    await call(closeEvent({ key: 'k-raw', body: '{"reason":"x"}' }));
    const spaced = await call(closeEvent({ key: 'k-raw', body: '{ "reason": "x" }' }));
    expect(spaced.statusCode).toBe(422);
  });

  it('does no idempotency reads or writes when the header is absent', async () => {
    const a = await call(closeEvent());
    const b = await call(closeEvent());
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(closeRound).toHaveBeenCalledTimes(2);
    expect(idempotencyCalls()).toBe(0);
  });

  it('ignores the header on GET routes', async () => {
    const event = apiEvent('GET /v1/rounds/{roundId}', {
      path: '/v1/rounds/r1',
      pathParameters: { roundId: 'r1' },
      headers: { 'idempotency-key': 'not checked here' },
    });
    expect((await call(event)).statusCode).toBe(200);
    expect(idempotencyCalls()).toBe(0);
  });

  it('does not store a 5xx: the record is removed and a retry runs the operation again', async () => {
    closeRound.mockRejectedValueOnce(new Error('boom'));
    const failed = await call(closeEvent({ key: 'k-5xx' }));
    expect(failed.statusCode).toBe(500);
    expect(JSON.parse(failed.body).error.code).toBe('internal');
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(table.size).toBe(0);

    const retried = await call(closeEvent({ key: 'k-5xx' }));
    expect(retried.statusCode).toBe(202);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(closeRound).toHaveBeenCalledTimes(2);
  });

  it('does not store a 503 an operation returns either', async () => {
    closeRound.mockRejectedValueOnce(new ApiError(503, 'unavailable', { what: 'workflow' }));
    expect((await call(closeEvent({ key: 'k-503' }))).statusCode).toBe(503);
    expect(table.size).toBe(0);
  });

  it('stores a 4xx from the operation and replays it', async () => {
    closeRound.mockRejectedValueOnce(new ApiError(409, 'conflict', { reason: 'round already closed' }));
    const first = await call(closeEvent({ key: 'k-409' }));
    expect(first.statusCode).toBe(409);
    const second = await call(closeEvent({ key: 'k-409' }));
    expect(second.statusCode).toBe(409);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(closeRound).toHaveBeenCalledTimes(1);
  });

  it('answers a concurrent duplicate with 409 idempotency_in_progress and Retry-After', async () => {
    let release: () => void = () => undefined;
    closeRound.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 202, body: { roundId: 'r1', alreadyStarted: false } });
        }),
    );
    const first = call(closeEvent({ key: 'k-busy' }));
    await vi.waitFor(() => expect(closeRound).toHaveBeenCalledTimes(1));
    const duplicate = await call(closeEvent({ key: 'k-busy', headers: { 'accept-language': 'zh' } }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.headers['retry-after']).toBe('1');
    const { error } = JSON.parse(duplicate.body);
    expect(error.code).toBe('idempotency_in_progress');
    expect(error.message).toContain('仍在处理中');
    release();
    expect((await first).statusCode).toBe(202);
    expect((await call(closeEvent({ key: 'k-busy' }))).headers['idempotent-replayed']).toBe('true');
    expect(closeRound).toHaveBeenCalledTimes(1);
  });

  it('makes one conditional write to claim a key and one to keep the response; a replay is that one write', async () => {
    await call(closeEvent({ key: 'k-calls' }));
    expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(1);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.ReturnValuesOnConditionCheckFailure).toBe(
      'ALL_OLD',
    );
    ddb.resetHistory();
    const replay = await call(closeEvent({ key: 'k-calls' }));
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(ddb.calls()).toHaveLength(1);
  });

  it("lets a retry take over a record left in progress past its attempt's deadline (the attempt crashed)", async () => {
    closeRound.mockImplementationOnce(() => new Promise(() => undefined)); // never settles
    void call(closeEvent({ key: 'k-crash' }));
    await vi.waitFor(() => expect(closeRound).toHaveBeenCalledTimes(1));
    expect((await call(closeEvent({ key: 'k-crash' }))).statusCode).toBe(409);
    const [sk] = [...table.keys()];
    table.get(sk!)!.inProgressExpiresAt = { N: String(Date.now() - 1) };
    const retried = await call(closeEvent({ key: 'k-crash' }));
    expect(retried.statusCode).toBe(202);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(closeRound).toHaveBeenCalledTimes(2);
    expect(table.get(sk!)?.status).toEqual({ S: 'COMPLETED' });
  });

  it('scopes keys to the caller and the resource: another user or another path never collides', async () => {
    await call(closeEvent({ key: 'shared', sub: 'alice' }));
    const bob = await call(
      closeEvent({ key: 'shared', sub: 'bob', body: JSON.stringify({ reason: 'other' }) }),
    );
    expect(bob.statusCode).toBe(202);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    const otherRound = await call(closeEvent({ key: 'shared', sub: 'alice', roundId: 'r2' }));
    expect(otherRound.headers['idempotent-replayed']).toBeUndefined();
    expect(closeRound).toHaveBeenCalledTimes(3);
    expect(table.size).toBe(3);
  });

  it('uses "anonymous" as the caller on public routes', () => {
    const event = apiEvent('POST /v1/public/rounds/{roundId}/objections', {
      path: '/v1/public/rounds/r1/objections',
    });
    expect(scopeOf(null, event, 'k')).toEqual({
      caller: 'anonymous',
      route: 'POST /v1/public/rounds/{roundId}/objections',
      path: '/v1/public/rounds/r1/objections',
      key: 'k',
    });
  });

  it('records nothing for requests rejected before the operation (validation, auth)', async () => {
    const invalid = await call(closeEvent({ key: 'k-400', body: JSON.stringify({ reason: '' }) }));
    expect(invalid.statusCode).toBe(400);
    const noRole = closeEvent({ key: 'k-403' });
    (noRole.requestContext as unknown as { authorizer: { lambda: unknown } }).authorizer.lambda =
      signedIn('[applicant]');
    expect((await call(noRole)).statusCode).toBe(403);
    expect(idempotencyCalls()).toBe(0);
    expect(closeRound).not.toHaveBeenCalled();
  });

  it('answers 503 without running the operation when the store cannot be written', async () => {
    ddb.on(PutCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkError' }));
    const response = await call(closeEvent({ key: 'k-down' }));
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).error.code).toBe('unavailable');
    expect(closeRound).not.toHaveBeenCalled();
  });
});

describe('Idempotency-Key validation', () => {
  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(129)],
    ['a space', 'two words'],
    ['a control character', 'tab\there'],
    ['non-ASCII', '幂等键'],
  ])('rejects a key with %s: 400 in the documented shape, nothing recorded', async (_what, key) => {
    const response = await call(closeEvent({ key, headers: { 'accept-language': 'zh-CN' } }));
    expect(response.statusCode).toBe(400);
    const { error } = JSON.parse(response.body);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('header.Idempotency-Key');
    expect(error.details).toEqual([
      {
        path: 'header.Idempotency-Key',
        code: 'invalid_idempotency_key',
        message: expect.stringContaining('ASCII'),
      },
    ]);
    expect(error.details[0].message).toContain('可见');
    expect(idempotencyCalls()).toBe(0);
    expect(closeRound).not.toHaveBeenCalled();
  });

  it('accepts 1 to 128 visible ASCII characters', () => {
    for (const key of ['a', 'k'.repeat(128), '550e8400-e29b-41d4-a716-446655440000', '!~{}[]"\\:;,.<>?/']) {
      expect(idempotencyKeyOf('POST', { 'idempotency-key': key })).toBe(key);
    }
    expect(idempotencyKeyOf('POST', {})).toBeUndefined();
    expect(idempotencyKeyOf('GET', { 'idempotency-key': '' })).toBeUndefined();
  });
});
