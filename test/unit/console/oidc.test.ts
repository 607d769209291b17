/** The console's PKCE (web/src/auth/pkce.ts) and the local authorization server (local/oidc.ts). */
import { describe, expect, it } from 'vitest';
import { createLocalOidc, LOCAL_CONSOLE_CLIENT_ID, s256 } from '../../../local/oidc.ts';
import { challengeS256, randomVerifier } from '../../../web/src/auth/pkce.ts';

const BASE = 'http://127.0.0.1:3999';
const users = [{ sub: 'u-1', username: 'dev-applicant', roles: ['applicant' as const], label: 'Applicant' }];

function server(now = () => Date.now()) {
  return createLocalOidc({
    baseUrl: BASE,
    users,
    sign: async (u) => `token-for-${u.sub}`,
    now,
  });
}

async function codeFor(
  oidc: ReturnType<typeof server>,
  verifier: string,
  extra: Record<string, string> = {},
) {
  const result = oidc.authorize({
    response_type: 'code',
    client_id: LOCAL_CONSOLE_CLIENT_ID,
    redirect_uri: `${BASE}/callback`,
    state: 'st',
    code_challenge: await challengeS256(verifier),
    code_challenge_method: 'S256',
    username: 'dev-applicant',
    ...extra,
  });
  if (!('location' in result)) throw new Error(result.error);
  const location = new URL(result.location);
  expect(location.searchParams.get('state')).toBe('st');
  return location.searchParams.get('code')!;
}

const exchange = (oidc: ReturnType<typeof server>, code: string, verifier: string, extra = {}) =>
  oidc.exchange({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: `${BASE}/callback`,
    client_id: LOCAL_CONSOLE_CLIENT_ID,
    ...extra,
  });

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(await challengeS256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(s256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character unreserved verifiers, different each time, that the server checks alike', async () => {
    const a = randomVerifier();
    const b = randomVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await challengeS256(a)).toBe(s256(a));
  });
});

describe('local OIDC code exchange', () => {
  it('exchanges a code and its verifier for the ID token, once', async () => {
    const oidc = server();
    const verifier = randomVerifier();
    const code = await codeFor(oidc, verifier);
    const ok = await exchange(oidc, code, verifier);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id_token: 'token-for-u-1', token_type: 'Bearer' });
    const again = await exchange(oidc, code, verifier);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong verifier, and the code is spent after it', async () => {
    const oidc = server();
    const verifier = randomVerifier();
    const code = await codeFor(oidc, verifier);
    const wrong = await exchange(oidc, code, randomVerifier());
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await exchange(oidc, code, verifier)).status).toBe(400);
  });

  it('refuses another redirect_uri, an expired code and a missing verifier', async () => {
    let now = 1_000_000;
    const oidc = server(() => now);
    const verifier = randomVerifier();
    const other = await exchange(oidc, await codeFor(oidc, verifier), verifier, {
      redirect_uri: `${BASE}/elsewhere`,
    });
    expect(other.status).toBe(400);
    const code = await codeFor(oidc, verifier);
    now += 61_000;
    expect((await exchange(oidc, code, verifier)).body.error).toBe('invalid_grant');
    expect((await exchange(oidc, await codeFor(oidc, verifier), '')).status).toBe(400);
  });

  it('issues no code for a redirect_uri off its origin, a plain challenge or an unknown user', async () => {
    const oidc = server();
    const verifier = randomVerifier();
    await expect(codeFor(oidc, verifier, { redirect_uri: 'https://evil.example/cb' })).rejects.toThrow(
      /redirect_uri must be on/,
    );
    await expect(codeFor(oidc, verifier, { code_challenge_method: 'plain' })).rejects.toThrow(/S256/);
    await expect(codeFor(oidc, verifier, { username: 'nobody' })).rejects.toThrow(/unknown user/);
    await expect(codeFor(oidc, verifier, { client_id: 'other' })).rejects.toThrow(/client_id/);
  });
});
