/**
 * Idempotency-Key over HTTP against the local stack (DynamoDB Local holds the records): a retried
 * POST /v1/organisations creates one organisation and gets the first response back.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { api, ddb, tableName, tokenFor, uid } from './client.ts';
import { enterpriseBody, societyBody } from './fixtures.ts';

/** The idempotency records whose kept response names `id` (read straight from the table). */
async function recordsKeeping(id: string) {
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'contains(#response.body, :id)',
      ExpressionAttributeNames: { '#response': 'response' },
      ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY', ':id': id },
    }),
  );
  return Items;
}

describe('Idempotency-Key on POST /v1/organisations', () => {
  it('replays the first 201 to a retry with the same key and body; the operation ran once', async () => {
    const token = await tokenFor(['applicant']);
    const body = enterpriseBody();
    const key = uid('idem');

    const first = await api('POST', '/v1/organisations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const retry = await api('POST', '/v1/organisations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status, retry.text).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.text).toBe(first.text);

    const me = await api('GET', '/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.organisation).toMatchObject({ id: first.body.id, name: body.name });
    // Only one organisation was made: its audit trail has one creation.
    const { Items = [] } = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': `ORG#${first.body.id}`, ':audit': 'AUDIT#' },
      }),
    );
    expect(Items.filter((i) => i.action === 'organisation.created')).toHaveLength(1);

    // A new key is a new request: the operation runs, and a user acts for one organisation only.
    const another = await api('POST', '/v1/organisations', {
      token,
      body: enterpriseBody(),
      headers: { 'idempotency-key': uid('idem') },
    });
    expect(another.status, another.text).toBe(409);
    expect(another.body.error.code).toBe('conflict');
  });

  it('refuses the same key with a different body: 422 idempotency_key_reused, in Chinese when asked', async () => {
    const token = await tokenFor(['applicant']);
    const key = uid('idem');
    const first = await api('POST', '/v1/organisations', {
      token,
      body: societyBody(),
      headers: { 'idempotency-key': key },
    });
    expect(first.status, first.text).toBe(201);

    const reused = await api('POST', '/v1/organisations', {
      token,
      body: societyBody(),
      headers: { 'idempotency-key': key, 'accept-language': 'zh-CN' },
    });
    expect(reused.status, reused.text).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(reused.body.error.message).toContain('幂等键');
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps keys of different users apart: the same key creates one organisation each', async () => {
    const key = uid('idem');
    const [alice, bob] = await Promise.all([tokenFor(['applicant']), tokenFor(['applicant'])]);
    const a = await api('POST', '/v1/organisations', {
      token: alice,
      body: enterpriseBody(),
      headers: { 'idempotency-key': key },
    });
    const b = await api('POST', '/v1/organisations', {
      token: bob,
      body: enterpriseBody(),
      headers: { 'idempotency-key': key },
    });
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
    expect((await api('GET', '/v1/me', { token: bob })).body.organisation.id).toBe(b.body.id);
  });

  it('lets concurrent duplicates through at most once (the other is in progress or a replay)', async () => {
    const token = await tokenFor(['applicant']);
    const body = enterpriseBody();
    const key = uid('idem');
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        api('POST', '/v1/organisations', { token, body, headers: { 'idempotency-key': key } }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of responses.filter((r) => r.status !== 201)) {
      expect(r.status, r.text).toBe(409);
      expect(r.body.error.code).toBe('idempotency_in_progress');
      expect(r.headers.get('retry-after')).toBe('1');
    }
  });

  it('rejects a malformed key with 400 and records nothing', async () => {
    const token = await tokenFor(['applicant']);
    const bad = await api('POST', '/v1/organisations', {
      token,
      body: enterpriseBody(),
      headers: { 'idempotency-key': 'k'.repeat(129) },
    });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'header.Idempotency-Key' });
    expect((await api('GET', '/v1/me', { token })).body.organisation).toBeUndefined();
  });

  it('stores the record in the single table with the TTL attribute in epoch seconds', async () => {
    const token = await tokenFor(['applicant']);
    const key = uid('idem');
    const res = await api('POST', '/v1/organisations', {
      token,
      body: enterpriseBody(),
      headers: { 'idempotency-key': key },
    });
    expect(res.status, res.text).toBe(201);
    const Items = await recordsKeeping(res.body.id);
    expect(Items).toHaveLength(1);
    const item = Items[0]!;
    expect(item.status).toBe('COMPLETED');
    expect(item.response.statusCode).toBe(201);
    const now = Date.now() / 1000;
    expect(item.expiresAt).toBeGreaterThan(now + 24 * 3600 - 120);
    expect(item.expiresAt).toBeLessThan(now + 24 * 3600 + 120);
    const again = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
    expect(again.Item?.bodyHash).toBeTruthy();
  });

  it('lets a retry take over a record left in progress past its deadline, and refuses one still running', async () => {
    const token = await tokenFor(['applicant']);
    const key = uid('idem');
    const body = enterpriseBody();
    const first = await api('POST', '/v1/organisations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status, first.text).toBe(201);
    const Items = await recordsKeeping(first.body.id);
    const { pk, sk } = Items[0]!;
    // As a crashed attempt leaves it: in progress, no response. Still within its deadline → 409.
    const setInProgress = (deadline: number) =>
      ddb.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk, sk },
          UpdateExpression: 'SET #s = :p, inProgressExpiresAt = :d REMOVE #r',
          ExpressionAttributeNames: { '#s': 'status', '#r': 'response' },
          ExpressionAttributeValues: { ':p': 'INPROGRESS', ':d': deadline },
        }),
      );
    await setInProgress(Date.now() + 60_000);
    const busy = await api('POST', '/v1/organisations', { token, body, headers: { 'idempotency-key': key } });
    expect(busy.status, busy.text).toBe(409);
    expect(busy.body.error.code).toBe('idempotency_in_progress');
    expect(busy.headers.get('retry-after')).toBe('1');
    // Past the deadline: the retry runs the operation (here: the organisation exists → its 409).
    await setInProgress(Date.now() - 1);
    const retried = await api('POST', '/v1/organisations', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.error?.code, retried.text).not.toBe('idempotency_in_progress');
    const after = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk, sk } }));
    expect(after.Item?.status).toBe('COMPLETED');
    expect(after.Item?.response.statusCode).toBe(retried.status);
  });
});
