/**
 * The API's Lambda authorizer (functions/authorizer/handler.ts) against two real issuers: the local
 * stand-ins for the staff and applicant user pools, their JWKS served over HTTP on this machine.
 * Tokens the issuers would not mint (wrong audience, no exp, access tokens) are signed with the
 * same stored keys.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler, poolsFromEnv } from '../../../functions/authorizer/handler.ts';
import { createLocalIssuers, type LocalIssuers } from '../../../local/jwt.ts';
import { userPoolEnvNames } from '../../../shared/contract.ts';
import type { UserPoolName } from '../../../shared/http/auth.ts';
import { logger } from '../../../shared/logger.ts';
import { lambdaContext } from './helpers.ts';

let server: Server;
let issuers: LocalIssuers;
let keyDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  logger.setLogLevel('SILENT');
  keyDir = mkdtempSync(join(tmpdir(), 'esip-authorizer-'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void issuers.handle(req, res, url, Buffer.alloc(0)).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  issuers = await createLocalIssuers({ baseUrl: `http://127.0.0.1:${port}`, keyDir });
  env = issuers.env;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(keyDir, { recursive: true, force: true });
});

beforeEach(() => {
  for (const names of Object.values(userPoolEnvNames))
    for (const name of Object.values(names)) delete process.env[name];
  Object.assign(process.env, env);
});

/** Signs any claims with a pool's stored key (what only that pool could do). */
async function signed(
  pool: UserPoolName,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
) {
  const stored = JSON.parse(readFileSync(join(keyDir, `jwt-keys-${pool}.json`), 'utf8')) as {
    kid: string;
    privateJwk: JWK;
  };
  const key = await importJWK(stored.privateJwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: stored.kid, ...header }).sign(key);
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims of a valid ID token of `pool` (for `sub` in `groups`). */
function idClaims(pool: UserPoolName, groups: string[], extra: Record<string, unknown> = {}) {
  return {
    sub: 'u-1',
    'cognito:username': 'alice',
    'cognito:groups': groups,
    token_use: 'id',
    iss: issuers[pool].issuer,
    aud: issuers[pool].clientId,
    iat: now(),
    exp: now() + 3600,
    ...extra,
  };
}

function event(authorization: string | undefined): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:us-east-1:000000000000:api/$default/GET/v1/rounds',
    identitySource: authorization === undefined ? [] : [authorization],
    routeKey: 'GET /v1/rounds',
    rawPath: '/v1/rounds',
    rawQueryString: '',
    cookies: [],
    headers: authorization === undefined ? {} : { authorization },
    requestContext: {} as APIGatewayRequestAuthorizerEventV2['requestContext'],
  };
}

const authorize = (token: string | undefined, scheme = 'Bearer') =>
  handler(event(token === undefined ? undefined : `${scheme} ${token}`), lambdaContext);

/** API Gateway answers 401 {"message":"Unauthorized"} for exactly this error message. */
const UNAUTHORIZED = /^Unauthorized$/;

describe('the Lambda authorizer accepts', () => {
  it('a staff-pool token, with its staff roles and the staff pool in the context', async () => {
    const token = await issuers.staff.sign({
      sub: 'staff-1',
      username: 'Wang',
      roles: ['admin', 'reviewer'],
    });
    expect(await authorize(token)).toEqual({
      isAuthorized: true,
      context: { sub: 'staff-1', username: 'Wang', roles: 'admin reviewer', pool: 'staff' },
    });
  });

  it('an applicant-pool token as an applicant', async () => {
    const token = await issuers.applicant.sign({ sub: 'app-1', roles: ['applicant'] });
    expect(await authorize(token)).toEqual({
      isAuthorized: true,
      context: { sub: 'app-1', username: 'app-1', roles: 'applicant', pool: 'applicant' },
    });
  });

  it('an applicant who signed up and is in no group yet as an applicant', async () => {
    const token = await issuers.applicant.sign({ sub: 'new-1', roles: [] });
    expect((await authorize(token)).context).toMatchObject({ roles: 'applicant', pool: 'applicant' });
  });

  it('a Cognito access token (client id in client_id, username in username)', async () => {
    const { aud: _aud, 'cognito:username': _name, ...claims } = idClaims('staff', ['inspector']);
    const token = await signed('staff', {
      ...claims,
      token_use: 'access',
      client_id: issuers.staff.clientId,
      username: 'insp',
    });
    expect((await authorize(token)).context).toEqual({
      sub: 'u-1',
      username: 'insp',
      roles: 'inspector',
      pool: 'staff',
    });
  });

  it('the scheme in any case ("bearer")', async () => {
    const token = await issuers.staff.sign({ sub: 's', roles: ['admin'] });
    expect((await authorize(token, 'bearer')).isAuthorized).toBe(true);
  });
});

describe('roles are honoured only from their own pool', () => {
  it('an applicant-pool token carrying the admin group is an applicant, not an admin', async () => {
    const token = await issuers.applicant.sign({ sub: 'app-2', roles: ['admin', 'inspector'] });
    expect((await authorize(token)).context).toEqual({
      sub: 'app-2',
      username: 'app-2',
      roles: 'applicant',
      pool: 'applicant',
    });
  });

  it('a staff-pool token carrying the applicant group keeps only its staff roles', async () => {
    const token = await issuers.staff.sign({ sub: 'staff-2', roles: ['applicant', 'reviewer'] });
    expect((await authorize(token)).context).toMatchObject({ roles: 'reviewer', pool: 'staff' });
  });

  it('unknown groups give nothing', async () => {
    const token = await signed('staff', idClaims('staff', ['superuser', 'Admin']));
    expect((await authorize(token)).context).toMatchObject({ roles: '', pool: 'staff' });
  });
});

describe('the Lambda authorizer refuses with Unauthorized (401)', () => {
  it('no Authorization header, another scheme, or an empty token', async () => {
    await expect(authorize(undefined)).rejects.toThrow(UNAUTHORIZED);
    const token = await issuers.staff.sign({ sub: 's', roles: ['admin'] });
    await expect(authorize(token, 'Basic')).rejects.toThrow(UNAUTHORIZED);
    await expect(handler(event('Bearer '), lambdaContext)).rejects.toThrow(UNAUTHORIZED);
  });

  it('garbage', async () => {
    for (const garbage of ['not-a-jwt', 'a.b.c', '', '....', 'eyJhbGciOiJub25lIn0.e30.']) {
      await expect(authorize(garbage), garbage).rejects.toThrow(UNAUTHORIZED);
    }
  });

  it('an expired token', async () => {
    const token = await issuers.staff.sign({ sub: 's', roles: ['admin'], expiresIn: '-1m' });
    await expect(authorize(token)).rejects.toThrow(UNAUTHORIZED);
  });

  it('a token without exp, which aws-jwt-verify alone would accept', async () => {
    const token = await issuers.staff.sign({ sub: 's', roles: ['admin'], expiresIn: null });
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('exp');
    await expect(authorize(token)).rejects.toThrow(UNAUTHORIZED);
    const { exp: _exp, ...claims } = idClaims('applicant', ['applicant']);
    await expect(authorize(await signed('applicant', claims))).rejects.toThrow(UNAUTHORIZED);
  });

  it('a token for another app client (audience), of either kind', async () => {
    await expect(
      authorize(await signed('staff', idClaims('staff', ['admin'], { aud: 'other-client' }))),
    ).rejects.toThrow(UNAUTHORIZED);
    const applicantAudience = idClaims('staff', ['admin'], { aud: issuers.applicant.clientId });
    await expect(authorize(await signed('staff', applicantAudience))).rejects.toThrow(UNAUTHORIZED);
    const { aud: _aud, ...access } = idClaims('staff', ['admin']);
    const accessToken = await signed('staff', { ...access, token_use: 'access', client_id: 'other-client' });
    await expect(authorize(accessToken)).rejects.toThrow(UNAUTHORIZED);
  });

  it('a token from an issuer that is not one of the pools', async () => {
    const claims = idClaims('staff', ['admin'], {
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other',
    });
    await expect(authorize(await signed('staff', claims))).rejects.toThrow(UNAUTHORIZED);
    await expect(
      authorize(await signed('staff', idClaims('staff', ['admin'], { iss: undefined }))),
    ).rejects.toThrow(UNAUTHORIZED);
  });

  it("a token naming the staff pool but signed with the applicant pool's key", async () => {
    const forged = await signed('applicant', idClaims('staff', ['admin']));
    await expect(authorize(forged)).rejects.toThrow(UNAUTHORIZED);
    // …or with its key id swapped for the staff key's
    const staffKid = JSON.parse(readFileSync(join(keyDir, 'jwt-keys-staff.json'), 'utf8')).kid;
    const swapped = await signed('applicant', idClaims('staff', ['admin']), { kid: staffKid });
    await expect(authorize(swapped)).rejects.toThrow(UNAUTHORIZED);
  });

  it('a token whose payload was changed after signing (admin group added)', async () => {
    const token = await issuers.applicant.sign({ sub: 'app-3', roles: ['applicant'] });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify(idClaims('staff', ['admin']))).toString('base64url');
    await expect(authorize(`${header}.${payload}.${signature}`)).rejects.toThrow(UNAUTHORIZED);
  });

  it('a token without sub, or not an ID or access token', async () => {
    await expect(
      authorize(await signed('staff', idClaims('staff', ['admin'], { sub: undefined }))),
    ).rejects.toThrow(UNAUTHORIZED);
    for (const tokenUse of ['refresh', undefined]) {
      const token = await signed('staff', idClaims('staff', ['admin'], { token_use: tokenUse }));
      await expect(authorize(token), String(tokenUse)).rejects.toThrow(UNAUTHORIZED);
    }
  });

  it('a token not valid yet (nbf in the future)', async () => {
    const token = await signed('staff', idClaims('staff', ['admin'], { nbf: now() + 600 }));
    await expect(authorize(token)).rejects.toThrow(UNAUTHORIZED);
  });
});

describe('failures that are not the caller’s are not a 401', () => {
  it('the pool’s keys unreachable: an error API Gateway answers with 500', async () => {
    // A port nothing listens on (the one of a server just closed).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const issuer = `http://127.0.0.1:${port}/local/cognito/staff`;
    process.env[userPoolEnvNames.staff.issuer] = issuer;
    const token = await signed('staff', idClaims('staff', ['admin'], { iss: issuer }));
    const error = await authorize(token).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toBe('Unauthorized');
    expect((error as Error).message).toContain('Failed to fetch');
  });

  it('a pool left unconfigured, or configured twice', () => {
    expect(poolsFromEnv(env).map((p) => p.pool)).toEqual(['staff', 'applicant']);
    const { [userPoolEnvNames.applicant.clientId]: _client, ...noClient } = env;
    expect(() => poolsFromEnv(noClient)).toThrow(/APPLICANT_USER_POOL_CLIENT_ID/);
    expect(() => poolsFromEnv({ ...env, [userPoolEnvNames.staff.userPoolId]: 'us-east-1_abc' })).toThrow(
      /one of/,
    );
    expect(() =>
      poolsFromEnv({ ...env, [userPoolEnvNames.staff.issuer]: 'http://example.com/pool' }),
    ).toThrow(/https/);
    expect(
      poolsFromEnv({
        ...env,
        [userPoolEnvNames.staff.issuer]: '',
        [userPoolEnvNames.staff.userPoolId]: 'us-east-1_abc',
      })[0],
    ).toEqual({ pool: 'staff', clientId: issuers.staff.clientId, userPoolId: 'us-east-1_abc' });
  });
});
