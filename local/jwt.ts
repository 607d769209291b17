/**
 * Local stand-ins for the two Cognito user pools (staff, applicant): an RS256 key pair each (kept in
 * the data folder when there is one), their discovery and JWKS documents, and tokens shaped like
 * Cognito's ID tokens (sub, cognito:username, cognito:groups, token_use, iss, aud, exp). The API
 * server does not check them itself: it runs the API's Lambda authorizer from the synthesized
 * template (functions/authorizer/handler.ts), configured with these issuers through `env`.
 *
 * Endpoints (under the API server's /local/):
 *   GET  /local/cognito/<pool>/.well-known/openid-configuration, …/jwks.json
 *   POST /local/token {"sub", "username"?, "roles", "pool"?, "expiresIn"?} → {"token"}
 *        The pool defaults to the one the roles belong to (staff roles → staff, applicant →
 *        applicant); naming it mints e.g. an applicant-pool token carrying a staff group, which the
 *        authorizer must ignore. "expiresIn": null mints a token without `exp`, which it must refuse.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type Role, roles } from '../shared/api/routes.ts';
import { userPoolEnvNames } from '../shared/contract.ts';
import { poolOfRole, type UserPoolName, userPools } from '../shared/http/auth.ts';

/** The app client id (the tokens' audience) of each local pool. */
export const LOCAL_CLIENT_IDS: Record<UserPoolName, string> = {
  staff: 'esip-local-staff-client',
  applicant: 'esip-local-applicant-client',
};

export interface TokenRequest {
  sub: string;
  username?: string;
  /** The token's `cognito:groups`. */
  roles: Role[];
  /** Default '12h' (a jose time span); null: no `exp` claim at all. */
  expiresIn?: string | null;
}

export interface LocalIssuer {
  pool: UserPoolName;
  issuer: string;
  clientId: string;
  jwks: { keys: JWK[] };
  sign(user: TokenRequest): Promise<string>;
}

interface StoredKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKeys(file: string | undefined): Promise<StoredKeys> {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKeys;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = crypto.randomUUID();
  const stored: StoredKeys = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return stored;
}

export async function createLocalIssuer(options: {
  pool: UserPoolName;
  issuer: string;
  clientId?: string;
  keyFile?: string;
}): Promise<LocalIssuer> {
  const keys = await loadOrCreateKeys(options.keyFile);
  const privateKey = await importJWK(keys.privateJwk, 'RS256');
  const clientId = options.clientId ?? LOCAL_CLIENT_IDS[options.pool];
  return {
    pool: options.pool,
    issuer: options.issuer,
    clientId,
    jwks: { keys: [keys.publicJwk] },
    async sign(user) {
      const jwt = new SignJWT({
        'cognito:username': user.username ?? user.sub,
        'cognito:groups': user.roles,
        token_use: 'id',
        auth_time: Math.floor(Date.now() / 1000),
      })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject(user.sub)
        .setIssuer(options.issuer)
        .setAudience(clientId)
        .setIssuedAt();
      if (user.expiresIn !== null) jwt.setExpirationTime(user.expiresIn ?? '12h');
      return jwt.sign(privateKey);
    },
  };
}

/** The pool a set of roles belongs to, or undefined when they span both (or there are none). */
export function poolForRoles(asked: readonly Role[]): UserPoolName | undefined {
  const pools = new Set(asked.map(poolOfRole));
  return pools.size === 1 ? [...pools][0] : undefined;
}

export interface LocalIssuers {
  readonly staff: LocalIssuer;
  readonly applicant: LocalIssuer;
  /** What the authorizer reads to accept these issuers' tokens (shared/contract.ts userPoolEnvNames). */
  readonly env: Record<string, string>;
  /** Mints a token as the pool would after sign-in (the pool of the roles unless named). */
  sign(user: TokenRequest & { pool?: UserPoolName }): Promise<string>;
  /** Serves /local/cognito/… and POST /local/token; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean>;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body, null, 2));
}

const badRequest = (res: ServerResponse, message: string) =>
  json(res, 400, { error: { code: 'validation_failed', message, details: [] } });

/** Both local pools, issuers at <baseUrl>/local/cognito/<pool>; keys kept in `keyDir` if given. */
export async function createLocalIssuers(options: {
  baseUrl: string;
  keyDir?: string;
}): Promise<LocalIssuers> {
  const make = (pool: UserPoolName) =>
    createLocalIssuer({
      pool,
      issuer: `${options.baseUrl}/local/cognito/${pool}`,
      ...(options.keyDir ? { keyFile: join(options.keyDir, `jwt-keys-${pool}.json`) } : {}),
    });
  const [staff, applicant] = await Promise.all([make('staff'), make('applicant')]);
  const byPool: Record<UserPoolName, LocalIssuer> = { staff, applicant };

  const env: Record<string, string> = {};
  for (const issuer of [staff, applicant]) {
    env[userPoolEnvNames[issuer.pool].issuer] = issuer.issuer;
    env[userPoolEnvNames[issuer.pool].clientId] = issuer.clientId;
  }

  async function sign(user: TokenRequest & { pool?: UserPoolName }): Promise<string> {
    const pool = user.pool ?? poolForRoles(user.roles);
    if (!pool) throw new Error(`roles ${user.roles.join(', ') || '(none)'}: name the pool`);
    const { pool: _pool, ...request } = user;
    return byPool[pool].sign(request);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) {
    const wellKnown = /^\/local\/cognito\/([a-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(
      url.pathname,
    );
    if (req.method === 'GET' && wellKnown) {
      const name = wellKnown[1] as UserPoolName;
      if (!userPools.includes(name)) return false;
      const issuer = byPool[name];
      json(
        res,
        200,
        wellKnown[2] === 'jwks.json'
          ? issuer.jwks
          : {
              issuer: issuer.issuer,
              jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
              subject_types_supported: ['public'],
              id_token_signing_alg_values_supported: ['RS256'],
              response_types_supported: ['token'],
            },
      );
      return true;
    }
    if (req.method !== 'POST' || url.pathname !== '/local/token') return false;
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      badRequest(res, 'the body is not JSON');
      return true;
    }
    const asked = Array.isArray(request.roles) ? (request.roles as unknown[]) : [];
    const unknown = asked.filter((r) => !(roles as readonly unknown[]).includes(r));
    const pool = request.pool ?? poolForRoles(asked as Role[]);
    const expiresIn = request.expiresIn;
    if (typeof request.sub !== 'string' || !request.sub || unknown.length) {
      badRequest(res, `need "sub" and roles from ${roles.join(', ')}`);
    } else if (!userPools.includes(pool as UserPoolName)) {
      badRequest(res, `roles of both pools (or none): name the "pool" (${userPools.join(', ')})`);
    } else if (expiresIn !== undefined && expiresIn !== null && typeof expiresIn !== 'string') {
      badRequest(res, '"expiresIn": a time span such as "1h", or null for a token without exp');
    } else {
      const user: TokenRequest = {
        sub: request.sub,
        roles: asked as Role[],
        ...(typeof request.username === 'string' && request.username ? { username: request.username } : {}),
        ...(expiresIn !== undefined ? { expiresIn } : {}),
      };
      try {
        json(res, 200, { token: await byPool[pool as UserPoolName].sign(user) });
      } catch (error) {
        badRequest(res, (error as Error).message); // e.g. an expiresIn jose cannot read
      }
    }
    return true;
  }

  return { staff, applicant, env, sign, handle };
}
