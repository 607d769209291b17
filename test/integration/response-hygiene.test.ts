/**
 * Every response carries the security headers (JSON, HTML, errors), and text holding a Unicode
 * bidi control character (which can make a name read backwards on the public notice) is refused
 * with a 400 naming the field and the character, in the caller's language, storing nothing.
 */
import { describe, expect, it } from 'vitest';
import { api, tokenFor } from './client.ts';
import { enterpriseBody } from './fixtures.ts';

function expectSecurityHeaders(res: { status: number; headers: Headers; text: string }) {
  expect(res.headers.get('x-content-type-options'), res.text).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('security headers', () => {
  it('are on a JSON success, a route error, an unknown route, the HTML notice and a 401', async () => {
    const admin = await tokenFor(['admin']);
    const responses = [
      await api('GET', '/v1/health'),
      await api('GET', '/v1/rounds/no-such-round', { token: admin }),
      await api('GET', '/v1/no-such-route'),
      await api('GET', '/v1/public/rounds/no-such-round/notice.html'),
      await api('POST', '/v1/organisations', { token: await tokenFor(['applicant']), body: {} }),
      await api('GET', '/v1/me'), // refused before any handler runs (no token)
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 404, 404, 400, 401]);
    for (const res of responses) expectSecurityHeaders(res);
  });
});

describe('bidi control characters', () => {
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+200F RIGHT-TO-LEFT MARK
  for (const [name, ch] of [
    ['U+202E', '\u202E'],
    ['U+2066', '\u2066'],
    ['U+200F', '\u200F'],
  ] as const) {
    it(`a name holding ${name} is refused, nothing stored`, async () => {
      const token = await tokenFor(['applicant']);
      const body = enterpriseBody({ name: `武汉${ch}司公限有技科` });
      const res = await api('POST', '/v1/organisations', { token, body });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ path: 'body.name', code: 'bidi_control' }),
      ]);
      expect(res.body.error.details[0].message).toContain(name);
      // Nothing was registered under that USCC: the same body without the character is accepted.
      const clean = await api('POST', '/v1/organisations', {
        token,
        body: { ...body, name: body.name.replace(ch, '') },
      });
      expect(clean.status, clean.text).toBe(201);
    });
  }

  it('names a nested field and speaks Chinese when asked', async () => {
    const token = await tokenFor(['applicant']);
    const body = enterpriseBody({ contact: { name: '张\u202E伟', phone: '027-87654321' } });
    const res = await api('POST', '/v1/organisations', {
      token,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.contact.name', code: 'bidi_control' });
    expect(res.body.error.details[0].message).toContain('文字方向控制字符 U+202E');
  });

  it('ordinary Chinese, English and emoji text passes', async () => {
    const token = await tokenFor(['applicant']);
    const res = await api('POST', '/v1/organisations', {
      token,
      body: enterpriseBody({ name: `武汉 Optics 光电 🔬 ${Date.now()}` }),
    });
    expect(res.status, res.text).toBe(201);
  });
});
