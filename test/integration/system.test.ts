import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, tokenFor } from './client.ts';

describe('GET /v1/health over HTTP on the local stack', () => {
  it('liveness: 200 ok with time and version, and no dependency breakdown', async () => {
    const res = await api('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', time: expect.any(String), version: expect.any(String) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('readiness (/v1/health/ready): DynamoDB, S3 and the workflow runner reachable', async () => {
    const res = await api('GET', '/v1/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Date.parse(res.body.checkedAt)).toBeLessThanOrEqual(Date.parse(res.body.time));
    for (const component of ['dynamodb', 's3', 'workflow']) {
      expect(res.body.components[component]).toMatchObject({ status: 'ok', latencyMs: expect.any(Number) });
    }
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('GET /v1/openapi.json', () => {
  it('serves the committed document', async () => {
    const res = await api('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')),
    );
  });
});

describe('the Lambda authorizer and roles', () => {
  const path = '/v1/rounds/no-such-round/pipeline';

  it('answers 401 like API Gateway without a token, with a malformed one, or one signed by someone else', async () => {
    expect((await api('GET', path)).status).toBe(401);
    expect((await api('GET', path, { token: 'not-a-jwt' })).status).toBe(401);
    const token = await tokenFor(['admin']);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
    const res = await api('GET', path, { token: forged });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
  });

  it('answers 403 in the documented shape for a role that may not, and lets the right role through', async () => {
    const applicant = await api('GET', path, { token: await tokenFor(['applicant']) });
    expect(applicant.status).toBe(403);
    expect(applicant.body.error).toMatchObject({ code: 'forbidden', details: [] });
    const admin = await api('GET', path, {
      token: await tokenFor(['admin']),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(admin.status).toBe(404);
    expect(admin.body.error.message).toContain('未找到');
  });
});

describe('unknown routes', () => {
  it('404 for an unknown path and 405 for a known path with another method, in the error shape', async () => {
    const missing = await api('GET', '/v1/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('route_not_found');
    const wrongMethod = await api('PUT', '/v1/health', { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('method_not_allowed');
  });

  it('refuses bodies over API Gateway’s 10 MB limit with 413 before any handler runs', async () => {
    const res = await api('PUT', '/v1/health', {
      rawBody: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });
});
