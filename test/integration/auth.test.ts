/**
 * Issue #11, over HTTP on the local stack: staff and applicants sign in through two user pools and
 * the API's Lambda authorizer (run from the synthesized template, as API Gateway would) accepts
 * both, honouring staff roles only from the staff pool and refusing tokens Cognito would never
 * issue, such as one without `exp`.
 */
import { describe, expect, it } from 'vitest';
import { api, apiUrl, tokenFor } from './client.ts';

/** An admin-only route that answers 200 (shared/api/routes/inspections.ts). */
const ADMIN_ROUTE = '/v1/inspectors';

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the two local user pools', () => {
  it('mint staff roles from the staff pool and applicants from the applicant pool', async () => {
    for (const role of ['admin', 'reviewer', 'inspector'] as const) {
      expect(claims(await tokenFor([role])).iss, role).toMatch(/\/local\/cognito\/staff$/);
    }
    expect(claims(await tokenFor(['applicant'])).iss).toMatch(/\/local\/cognito\/applicant$/);
    const staff = claims(await tokenFor(['admin']));
    const applicant = claims(await tokenFor(['applicant']));
    expect(staff.aud).not.toBe(applicant.aud);
  });

  it('serve their discovery document and keys', async () => {
    for (const pool of ['staff', 'applicant']) {
      const discovery = await api('GET', `/local/cognito/${pool}/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect(discovery.body.issuer).toBe(
        claims(await tokenFor([pool === 'staff' ? 'admin' : 'applicant'])).iss,
      );
      const jwks = await api('GET', new URL(discovery.body.jwks_uri).pathname);
      expect(jwks.status).toBe(200);
      expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
      expect(jwks.body.keys[0]).not.toHaveProperty('d'); // public keys only
    }
  });

  it('refuse to guess a pool for roles of both', async () => {
    const res = await fetch(`${apiUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'mixed', roles: ['admin', 'applicant'] }),
    });
    expect(res.status).toBe(400);
  });
});

describe('the Lambda authorizer over HTTP', () => {
  it('lets a staff-pool admin through to an admin route', async () => {
    const res = await api('GET', ADMIN_ROUTE, { token: await tokenFor(['admin']) });
    expect(res.status).toBe(200);
  });

  it('treats an applicant-pool token carrying the admin group as an applicant: 403 on the admin route', async () => {
    const token = await tokenFor(['admin'], undefined, { pool: 'applicant' });
    expect(claims(token)).toMatchObject({ 'cognito:groups': ['admin'] });
    const res = await api('GET', ADMIN_ROUTE, { token });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: [] });
    // …it is an applicant, whoever put it in the admin group of the applicant pool
    const me = await api('GET', '/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ roles: ['applicant'] });
  });

  it('hands the handlers the principal it verified (sub, username, roles)', async () => {
    const me = await api('GET', '/v1/me', { token: await tokenFor(['admin', 'reviewer'], 'staff-me') });
    expect(me.body).toMatchObject({ sub: 'staff-me', username: 'staff-me', roles: ['admin', 'reviewer'] });
  });

  it('answers 401 {"message":"Unauthorized"} to a token without exp, as API Gateway would', async () => {
    const token = await tokenFor(['admin'], undefined, { expiresIn: null });
    expect(claims(token)).not.toHaveProperty('exp');
    const res = await api('GET', ADMIN_ROUTE, { token });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
  });

  it('answers 401 to an expired token, a missing header and another scheme', async () => {
    const expired = await api('GET', ADMIN_ROUTE, {
      token: await tokenFor(['admin'], undefined, { expiresIn: '-1m' }),
    });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ message: 'Unauthorized' });
    expect((await api('GET', ADMIN_ROUTE)).body).toEqual({ message: 'Unauthorized' });
    const basic = await api('GET', ADMIN_ROUTE, {
      headers: { authorization: `Basic ${await tokenFor(['admin'])}` },
    });
    expect(basic.status).toBe(401);
  });

  it('leaves public routes alone (no token needed, a bad one ignored)', async () => {
    expect((await api('GET', '/v1/health')).status).toBe(200);
    expect((await api('GET', '/v1/health', { token: 'not-a-jwt' })).status).toBe(200);
  });
});
