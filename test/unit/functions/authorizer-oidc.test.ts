/**
 * The API's Lambda authorizer (functions/authorizer/handler.ts) with one external OpenID Connect
 * provider (`-c identity=oidc`): a Keycloak-like issuer on this machine, its keys only reachable
 * through its discovery document (JWKS at <issuer>/protocol/openid-connect/certs, not at
 * aws-jwt-verify's default <issuer>/.well-known/jwks.json). Roles come from the configured groups
 * claim, in each shape providers write it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler, oidcFromEnv } from '../../../functions/authorizer/handler.ts';
import { oidcEnvNames, userPoolEnvNames } from '../../../shared/contract.ts';
import { logger } from '../../../shared/logger.ts';
import { lambdaContext } from './helpers.ts';

/** A private key as jose generates it. */
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

let server: Server;
let issuer: string;
let signingKey: SigningKey;
let otherKey: SigningKey;
const KID = 'kc-1';
/** Requests the provider received, by path (the discovery document is fetched once). */
const hits = new Map<string, number>();

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/realms/esip/.well-known/openid-configuration') {
      json({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` });
    } else if (path === '/realms/esip/protocol/openid-connect/certs') json({ keys: [jwk] });
    else if (path === '/realms/other/.well-known/openid-configuration') {
      json({ issuer: 'https://someone-else.example', jwks_uri: `${issuer}/protocol/openid-connect/certs` });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/esip`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** The environment infra/stacks/app-stack.ts gives the authorizer for identity=oidc. */
function configure(extra: Partial<Record<keyof typeof oidcEnvNames, string>> = {}) {
  for (const name of [
    ...Object.values(oidcEnvNames),
    ...Object.values(userPoolEnvNames).flatMap((names) => Object.values(names)),
  ])
    delete process.env[name];
  const values = { issuer, audience: 'esip-web,esip-cli', groupsClaim: 'groups', ...extra };
  for (const [key, value] of Object.entries(values))
    process.env[oidcEnvNames[key as keyof typeof oidcEnvNames]] = value;
}
beforeEach(() => configure());

const now = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, key: SigningKey = signingKey) {
  return new SignJWT({
    sub: 'kc-user-1',
    iss: issuer,
    aud: 'esip-web',
    iat: now(),
    exp: now() + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .sign(key);
}

function event(token: string): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws-cn:execute-api:cn-northwest-1:000000000000:api/$default/GET/v1/rounds',
    identitySource: [`Bearer ${token}`],
    routeKey: 'GET /v1/rounds',
    rawPath: '/v1/rounds',
    rawQueryString: '',
    cookies: [],
    headers: { authorization: `Bearer ${token}` },
    requestContext: {} as APIGatewayRequestAuthorizerEventV2['requestContext'],
  };
}

const authorize = async (claims: Record<string, unknown>, key?: SigningKey) =>
  handler(event(await sign(claims, key)), lambdaContext);
const contextOf = async (claims: Record<string, unknown>) => (await authorize(claims)).context;

describe('identity=oidc: the groups claim, in every shape', () => {
  it('an array of groups: the staff roles, pool staff; keys found through discovery, fetched once', async () => {
    expect(
      await contextOf({ groups: ['reviewer', 'admin', 'esip-users'], preferred_username: 'li.wei' }),
    ).toEqual({
      sub: 'kc-user-1',
      username: 'li.wei',
      roles: 'admin reviewer',
      pool: 'staff',
    });
    await contextOf({ groups: ['inspector'] });
    expect(hits.get('/realms/esip/.well-known/openid-configuration')).toBe(1);
    expect(hits.get('/realms/esip/protocol/openid-connect/certs')).toBe(1);
    expect(hits.get('/realms/esip/.well-known/jwks.json')).toBeUndefined();
  });

  it('a space- or comma-separated string', async () => {
    expect((await contextOf({ groups: 'inspector reviewer' })).roles).toBe('reviewer inspector');
    expect((await contextOf({ groups: 'inspection-office,admin' })).roles).toBe('admin inspection-office');
  });

  it('a configured claim name, and a dotted path into a nested claim (Keycloak realm roles)', async () => {
    configure({ groupsClaim: 'esip_roles' });
    expect((await contextOf({ esip_roles: ['admin'], groups: ['reviewer'] })).roles).toBe('admin');
    configure({ groupsClaim: 'realm_access.roles' });
    expect((await contextOf({ realm_access: { roles: ['offline_access', 'reviewer'] } })).roles).toBe(
      'reviewer',
    );
    configure({ groupsClaim: 'https://esip.example.cn/groups' });
    expect((await contextOf({ 'https://esip.example.cn/groups': ['inspector'] })).roles).toBe('inspector');
  });

  it('no staff group (or none at all): an applicant', async () => {
    for (const groups of [undefined, [], ['applicant'], 'esip-users', 42]) {
      expect(await contextOf({ groups }), JSON.stringify(groups)).toMatchObject({
        roles: 'applicant',
        pool: 'applicant',
      });
    }
  });

  it('only the configured staff groups are honoured', async () => {
    configure({ staffGroups: 'reviewer,inspector' });
    expect(await contextOf({ groups: ['admin', 'reviewer'] })).toMatchObject({
      roles: 'reviewer',
      pool: 'staff',
    });
    // An admin group that is not honoured does not make the user an admin, nor a staff principal.
    expect(await contextOf({ groups: ['admin'] })).toMatchObject({ roles: 'applicant', pool: 'applicant' });
  });

  it('with an MFA claim configured, staff roles only when it says mfa or otp', async () => {
    configure({ mfaClaim: 'amr' });
    expect((await contextOf({ groups: ['admin'], amr: ['pwd', 'otp'] })).roles).toBe('admin');
    expect((await contextOf({ groups: ['admin'], amr: 'mfa' })).roles).toBe('admin');
    for (const amr of [undefined, ['pwd'], 'pwd']) {
      expect(await contextOf({ groups: ['admin'], amr }), JSON.stringify(amr)).toMatchObject({
        roles: '',
        pool: 'staff',
      });
    }
    // Applicants need no second factor.
    expect(await contextOf({ groups: [], amr: ['pwd'] })).toMatchObject({ roles: 'applicant' });
  });
});

describe('identity=oidc: tokens refused (401)', () => {
  const UNAUTHORIZED = /^Unauthorized$/;

  it('another audience, another issuer, another key, no exp, expired, no sub', async () => {
    await expect(authorize({ aud: 'someone-else' })).rejects.toThrow(UNAUTHORIZED);
    await expect(authorize({ iss: 'https://sso.example.cn/realms/other' })).rejects.toThrow(UNAUTHORIZED);
    await expect(authorize({}, otherKey)).rejects.toThrow(UNAUTHORIZED);
    await expect(authorize({ exp: undefined })).rejects.toThrow(UNAUTHORIZED);
    await expect(authorize({ exp: now() - 60 })).rejects.toThrow(UNAUTHORIZED);
    await expect(authorize({ sub: undefined })).rejects.toThrow(UNAUTHORIZED);
  });

  it('accepts every configured audience', async () => {
    expect((await contextOf({ aud: 'esip-cli' })).pool).toBe('applicant');
    expect((await contextOf({ aud: ['account', 'esip-web'] })).pool).toBe('applicant');
  });
});

describe('identity=oidc: configuration', () => {
  it('an explicit JWKS URL is used as given', async () => {
    configure({ jwksUri: `${issuer}/protocol/openid-connect/certs`, groupsClaim: 'roles' });
    expect((await contextOf({ roles: ['admin'] })).roles).toBe('admin');
    configure({ jwksUri: `${issuer}/nowhere` });
    // Keys that cannot be fetched are the API's fault, not the caller's: an error other than 401.
    await expect(authorize({})).rejects.toThrow(/nowhere/);
  });

  it('a discovery document of another issuer is refused (not a 401: a misconfiguration)', async () => {
    const base = issuer.replace(/\/realms\/esip$/, '/realms/other');
    configure({ issuer: base });
    await expect(handler(event(await sign({ iss: base })), lambdaContext)).rejects.toThrow(
      /discovery document is of issuer/,
    );
  });

  it('a half or contradictory configuration is an error', () => {
    const env = (extra: Record<string, string>) => ({ [oidcEnvNames.issuer]: issuer, ...extra });
    expect(() => oidcFromEnv(env({}))).toThrow(/OIDC_AUDIENCE is not set/);
    expect(() =>
      oidcFromEnv(env({ [oidcEnvNames.audience]: 'w', [userPoolEnvNames.staff.clientId]: 'c' })),
    ).toThrow(/both set/);
    expect(() =>
      oidcFromEnv(env({ [oidcEnvNames.audience]: 'w', [oidcEnvNames.staffGroups]: 'applicant' })),
    ).toThrow(/not staff roles/);
    expect(() =>
      oidcFromEnv({ [oidcEnvNames.issuer]: 'http://sso.example.cn', [oidcEnvNames.audience]: 'w' }),
    ).toThrow(/must be https/);
    expect(oidcFromEnv({})).toBeUndefined();
  });
});
