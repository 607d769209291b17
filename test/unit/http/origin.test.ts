/**
 * Behind CloudFront (ORIGIN_VERIFY_SECRET set), the handler stack refuses a request that does not
 * carry the deployment's secret in x-origin-verify: it reached API Gateway's own URL and skipped
 * the WAF. Without the variable (the local stack) nothing is checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apiEvent, lambdaContext, setEnv } from '../functions/helpers.ts';

setEnv();
const { handler } = await import('../../../functions/system/handler.ts');

const SECRET = 'k9Y2-secret-from-secrets-manager-7Qx';

async function openapi(headers: Record<string, string> = {}) {
  const result = (await handler(apiEvent('GET /v1/openapi.json', { headers }), lambdaContext)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  return { status: result.statusCode, headers: result.headers, body: JSON.parse(result.body) };
}

afterEach(() => {
  delete process.env.ORIGIN_VERIFY_SECRET;
});

describe('the origin-verify check', () => {
  it('is off when no secret is configured', async () => {
    expect((await openapi()).status).toBe(200);
  });

  it('lets through a request carrying the secret', async () => {
    process.env.ORIGIN_VERIFY_SECRET = SECRET;
    expect((await openapi({ 'x-origin-verify': SECRET })).status).toBe(200);
  });

  it('refuses a request without it, or with another value of any length, in the caller language', async () => {
    process.env.ORIGIN_VERIFY_SECRET = SECRET;
    for (const headers of <Record<string, string>[]>[
      {},
      { 'x-origin-verify': '' },
      { 'x-origin-verify': `${SECRET.slice(0, -1)}X` },
      { 'x-origin-verify': `${SECRET}X` },
    ]) {
      const res = await openapi(headers);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_not_allowed');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const zh = await openapi({ 'accept-language': 'zh-CN' });
    expect(zh.body.error.message).toContain('CloudFront');
    expect(zh.body.error.message).toMatch(/请通过本计划的网址/);
  });
});
