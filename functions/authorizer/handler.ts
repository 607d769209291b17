/**
 * The HTTP API's Lambda authorizer: every route that is not public runs it first (REQUEST type,
 * simple responses, identity source the Authorization header; API Gateway caches each result per
 * header value for a few minutes, infra/constructs/http-api.ts).
 *
 * A bearer token is accepted when a configured user pool signed it (aws-jwt-verify, JWKS cached)
 * for that pool's app client (`aud` of an ID token, `client_id` of an access token), it carries an
 * `exp` in the future (aws-jwt-verify alone would accept a token without one; Cognito never issues
 * such a token) and a `sub`. Roles come from `cognito:groups`, honoured only from their own pool
 * (shared/http/auth.ts): staff roles from the staff pool, where MFA is required, `applicant` from
 * the applicant pool; a staff group in the applicant pool is ignored and logged.
 *
 * The answer is the principal in the context (`requestContext.authorizer.lambda` for the handlers,
 * which still check the route's roles), or the error `Unauthorized`, which API Gateway turns into
 * 401 {"message":"Unauthorized"}. Any other error (the pools' keys unreachable, a misconfiguration)
 * is a 500: not the caller's fault, and the API's 5xx alarm sees it.
 *
 * Configuration (shared/contract.ts `userPoolEnvNames`): per pool its client id, and its user pool
 * id on AWS or, on the local stack, the URL of the stand-in issuer (JWKS at
 * <issuer>/.well-known/jwks.json; plain http only to this machine).
 *
 * Or, with `-c identity=oidc` (infra/build.ts; shared/contract.ts `oidcEnvNames`), one external
 * OpenID Connect provider instead of the two pools: tokens of that issuer for one of the configured
 * audiences (`aud`), keys from its discovery document's `jwks_uri` unless a JWKS URL is configured.
 * Roles come from the configured groups claim; a token with an honoured staff role is a staff
 * principal (pool `staff`), any other an applicant (pool `applicant`), as a user of the applicant
 * pool is. One provider cannot be told "MFA for staff only" by pool: that is the provider's policy,
 * or, with a configured MFA claim (e.g. `amr`), staff roles are honoured only when it says `mfa`/`otp`.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import { type Fetcher, SimpleFetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { oidcEnvNames, userPoolEnvNames } from '../../shared/contract.ts';
import type { Role } from '../../shared/domain/actors.ts';
import {
  type AuthorizerContext,
  authorizerContext,
  rolesForPool,
  rolesOfPool,
  type UserPoolName,
  userPools,
} from '../../shared/http/auth.ts';
import { logger } from '../../shared/logger.ts';

export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

/** One user pool the authorizer accepts tokens from. */
/** `clientId`: one app client, or several (the SDK's and the web console's: comma-separated in the variable). */
export type PoolConfig = { pool: UserPoolName; clientId: string | string[] } & (
  | { userPoolId: string; issuer?: undefined }
  | { issuer: string; userPoolId?: undefined }
);

/** The pools, from the environment; throws (a 500, not a 401) when one is missing or ambiguous. */
export function poolsFromEnv(env: NodeJS.ProcessEnv = process.env): PoolConfig[] {
  return userPools.map((pool): PoolConfig => {
    const names = userPoolEnvNames[pool];
    const clientIds = (env[names.clientId] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const userPoolId = env[names.userPoolId] || undefined;
    const issuer = env[names.issuer] || undefined;
    if (!clientIds.length) throw new Error(`authorizer configuration: ${names.clientId} is not set`);
    const clientId = clientIds.length === 1 ? clientIds[0]! : clientIds;
    if (userPoolId && !issuer) return { pool, clientId, userPoolId };
    if (issuer && !userPoolId) {
      if (!/^https:\/\//.test(issuer) && !LOOPBACK_HTTP.test(issuer)) {
        throw new Error(`authorizer configuration: ${names.issuer} must be https (or http on this machine)`);
      }
      return { pool, clientId, issuer: issuer.replace(/\/+$/, '') };
    }
    throw new Error(`authorizer configuration: set one of ${names.userPoolId} and ${names.issuer}`);
  });
}

/** The only place plain http is fetched from: the local stack's issuers, on this machine. */
const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** aws-jwt-verify's fetcher speaks https only; this one also reaches a loopback http issuer. */
const loopbackFetcher = (fallback: Fetcher): Fetcher => ({
  async fetch(uri, requestOptions, data) {
    if (!LOOPBACK_HTTP.test(uri)) return fallback.fetch(uri, requestOptions, data);
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) }).catch((error: Error) => {
      throw new FetchError(uri, error.message);
    });
    if (response.status !== 200) {
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  },
});

/** A token whose claims are fine but for the missing `exp`: refused, as Cognito never issues one. */
class TokenWithoutExpiryError extends Error {
  override name = 'TokenWithoutExpiryError';
}

const requireExpiry = ({ payload }: { payload: JwtPayload }) => {
  if (typeof payload.exp !== 'number') throw new TokenWithoutExpiryError('the token has no exp claim');
};

type VerifyToken = (token: string) => Promise<JwtPayload>;

/** A verifier for one pool: Cognito's (issuer and JWKS from the pool id) or a named issuer's. */
function poolVerifier(config: PoolConfig): { accepts: (iss: string) => boolean; verify: VerifyToken } {
  if (config.userPoolId !== undefined) {
    const verifier = CognitoJwtVerifier.create({
      userPoolId: config.userPoolId,
      clientId: config.clientId,
      tokenUse: null, // ID and access tokens, as the JWT authorizer this replaces accepted
      customJwtCheck: requireExpiry,
    });
    // Cognito's issuer is https://cognito-idp.<region>.amazonaws.com/<pool id> (or the newer
    // issuer-cognito-idp host): the verifier checks it exactly.
    const suffix = `/${config.userPoolId}`;
    return { accepts: (iss) => iss.endsWith(suffix), verify: (token) => verifier.verify(token) };
  }
  const issuer = config.issuer;
  const verifier = JwtVerifier.create(
    {
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      audience: null, // the client id is checked below, where Cognito's tokens put it
      customJwtCheck: (props) => {
        validateCognitoJwtFields(props.payload, { clientId: config.clientId, tokenUse: null });
        requireExpiry(props);
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: loopbackFetcher(new SimpleFetcher()) }) },
  );
  return { accepts: (iss) => iss === issuer, verify: (token) => verifier.verify(token) };
}

/** The one OpenID Connect provider of an `identity=oidc` deployment (shared/contract.ts `oidcEnvNames`). */
export interface OidcConfig {
  /** Exactly as the tokens' `iss` says (a trailing slash included, when the provider writes one). */
  issuer: string;
  audience: string[];
  /** Undefined: `jwks_uri` of the issuer's discovery document. */
  jwksUri?: string;
  groupsClaim: string;
  /** The staff roles honoured from the groups claim. */
  staffRoles: Role[];
  /** A claim that must contain `mfa` or `otp` for staff roles to be honoured (e.g. `amr`). */
  mfaClaim?: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function requireHttps(name: string, url: string): void {
  if (!/^https:\/\/[^/\s]/.test(url) && !LOOPBACK_HTTP.test(url)) {
    throw new Error(`authorizer configuration: ${name} must be https (or http on this machine)`);
  }
}

/**
 * The OpenID Connect provider, from the environment, or undefined when none is configured (the
 * user pools are then). Throws (a 500, not a 401) on a half or contradictory configuration.
 */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuer = env[oidcEnvNames.issuer]?.trim() || undefined;
  if (!issuer) return undefined;
  const poolSettings = Object.values(userPoolEnvNames)
    .flatMap((names) => Object.values(names))
    .filter((name) => env[name]);
  if (poolSettings.length) {
    throw new Error(
      `authorizer configuration: ${oidcEnvNames.issuer} and ${poolSettings.join(', ')} are both set (one identity provider or the user pools)`,
    );
  }
  requireHttps(oidcEnvNames.issuer, issuer);
  const audience = list(env[oidcEnvNames.audience]);
  if (!audience.length) throw new Error(`authorizer configuration: ${oidcEnvNames.audience} is not set`);
  const jwksUri = env[oidcEnvNames.jwksUri]?.trim() || undefined;
  if (jwksUri) requireHttps(oidcEnvNames.jwksUri, jwksUri);
  const staff = rolesOfPool('staff');
  const configured = list(env[oidcEnvNames.staffGroups]);
  const unknown = configured.filter((name) => !(staff as string[]).includes(name));
  if (unknown.length) {
    throw new Error(
      `authorizer configuration: ${oidcEnvNames.staffGroups}: ${unknown.join(', ')} not staff roles (${staff.join(', ')})`,
    );
  }
  const mfaClaim = env[oidcEnvNames.mfaClaim]?.trim() || undefined;
  return {
    issuer,
    audience,
    ...(jwksUri ? { jwksUri } : {}),
    groupsClaim: env[oidcEnvNames.groupsClaim]?.trim() || 'groups',
    staffRoles: configured.length ? staff.filter((role) => configured.includes(role)) : staff,
    ...(mfaClaim ? { mfaClaim } : {}),
  };
}

/**
 * `jwks_uri` of the issuer's OpenID Provider Configuration (OpenID Connect Discovery 1.0): the
 * document at <issuer>/.well-known/openid-configuration, whose `issuer` must be the configured one.
 * aws-jwt-verify alone would look for <issuer>/.well-known/jwks.json, which is Cognito's layout,
 * not e.g. Keycloak's (<issuer>/protocol/openid-connect/certs). Any failure is a FetchError: a 500.
 */
async function discoverJwksUri(issuer: string, fetcher: Fetcher): Promise<string> {
  const uri = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const body = await fetcher.fetch(uri);
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
  } catch {
    throw new FetchError(uri, 'the discovery document is not JSON');
  }
  if (document['issuer'] !== issuer) {
    throw new FetchError(uri, `the discovery document is of issuer ${JSON.stringify(document['issuer'])}`);
  }
  const jwks = document['jwks_uri'];
  if (typeof jwks !== 'string' || (!jwks.startsWith('https://') && !LOOPBACK_HTTP.test(jwks))) {
    throw new FetchError(uri, 'the discovery document has no https jwks_uri');
  }
  return jwks;
}

/** The provider's verifier: `aud` one of the audiences, an `exp`; keys discovered on first use. */
function oidcVerifier(config: OidcConfig): VerifyToken {
  const fetcher = loopbackFetcher(new SimpleFetcher());
  const jwksCache = new SimpleJwksCache({ fetcher });
  const build = async (): Promise<{ verify: VerifyToken }> => {
    const verifier = JwtVerifier.create(
      {
        issuer: config.issuer,
        audience: config.audience,
        jwksUri: config.jwksUri ?? (await discoverJwksUri(config.issuer, fetcher)),
        customJwtCheck: requireExpiry,
      },
      { jwksCache },
    );
    return { verify: (token) => verifier.verify(token) };
  };
  let ready: Promise<{ verify: VerifyToken }> | undefined;
  return async (token) => {
    // A failed discovery is tried again by the next request, not remembered.
    ready ??= build().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready).verify(token);
  };
}

/**
 * The groups a token lists in `claim`: an array of names, or one string of names separated by
 * spaces or commas. A dotted claim (Keycloak's `realm_access.roles`) is a path into nested objects
 * when no claim has that exact name (namespaced claims such as https://example.org/groups do).
 */
export function groupsOf(payload: JwtPayload, claim: string): string[] {
  let value: unknown = payload[claim];
  if (value === undefined && claim.includes('.')) {
    value = claim
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
        payload,
      );
  }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** Authentication methods (RFC 8176 `amr` values) that count as a second factor. */
const MFA_METHODS = ['mfa', 'otp'];

/**
 * Pool and roles of a verified token of the OpenID Connect provider. An honoured staff role makes
 * a staff principal (only its staff roles; with an MFA claim configured, none unless the token says
 * `mfa`/`otp`); any other signed-in user is an applicant, as every user of the applicant pool is.
 * `ignored`: role names in the groups claim not honoured (logged), other groups are the IdP's own.
 */
export function oidcRoles(
  payload: JwtPayload,
  config: OidcConfig,
): { pool: UserPoolName; roles: Role[]; ignored: string[]; mfaMissing?: true } {
  const groups = groupsOf(payload, config.groupsClaim);
  const staff = config.staffRoles.filter((role) => groups.includes(role));
  // A staff role the deployment does not honour from this provider (an `applicant` group is fine).
  const ignored = groups.filter(
    (g) => (rolesOfPool('staff') as string[]).includes(g) && !staff.includes(g as Role),
  );
  if (!staff.length) return { pool: 'applicant', roles: rolesForPool('applicant', []).roles, ignored };
  if (config.mfaClaim && !groupsOf(payload, config.mfaClaim).some((m) => MFA_METHODS.includes(m))) {
    return { pool: 'staff', roles: [], ignored: [...staff, ...ignored], mfaMissing: true };
  }
  return { pool: 'staff', roles: staff, ignored };
}

/** Who signed a token: a user pool, or the one OpenID Connect provider. */
type TokenSource = UserPoolName | 'oidc';

interface Verifiers {
  key: string;
  sources: { source: TokenSource; accepts: (iss: string) => boolean; verify: VerifyToken }[];
  oidc?: OidcConfig;
}
let verifiers: Verifiers | undefined;

/** The verifiers of the configured pools or provider, built once (their JWKS caches live as long). */
function currentVerifiers(): Verifiers {
  const oidc = oidcFromEnv();
  const configs = oidc ? [] : poolsFromEnv();
  // Rebuilt when the configuration changes: a process that runs a second local stack (the
  // benchmarks) has other issuer URLs.
  const key = JSON.stringify({ configs, oidc });
  if (verifiers?.key !== key) {
    verifiers = oidc
      ? {
          key,
          oidc,
          sources: [{ source: 'oidc', accepts: (iss) => iss === oidc.issuer, verify: oidcVerifier(oidc) }],
        }
      : {
          key,
          sources: configs.map((config) => ({ source: config.pool, ...poolVerifier(config) })),
        };
  }
  return verifiers;
}

const unauthorized = () => new Error('Unauthorized');

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** Which pool or provider signed the token, and its verified claims; throws `Unauthorized` when none did. */
async function verifyToken(
  token: string,
): Promise<{ source: TokenSource; payload: JwtPayload; oidc: OidcConfig | undefined }> {
  const { sources, oidc } = currentVerifiers();
  let reason: string;
  try {
    const { iss } = decomposeUnverifiedJwt(token).payload;
    const candidate = typeof iss === 'string' ? sources.find((p) => p.accepts(iss)) : undefined;
    if (candidate) return { source: candidate.source, payload: await candidate.verify(token), oidc };
    reason = `issuer ${JSON.stringify(iss)?.slice(0, 200)} is not ${oidc ? 'the identity provider' : 'one of the user pools'}`;
  } catch (error) {
    // The pool's keys could not be fetched: the caller may be fine, the API is not.
    if (error instanceof FetchError) {
      logger.error(oidc ? 'identity provider keys unreachable' : 'user pool keys unreachable', {
        error: error.message,
      });
      throw error;
    }
    reason = `${(error as Error).name}: ${(error as Error).message}`;
  }
  logger.info('token refused', { reason });
  throw unauthorized();
}

export async function authorize(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> {
  const token = bearerToken(event.identitySource?.[0] ?? event.headers?.authorization);
  if (!token) {
    logger.info('token refused', { reason: 'no bearer token' });
    throw unauthorized();
  }
  const { source, payload, oidc } = await verifyToken(token);
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '') {
    logger.info('token refused', { reason: 'no sub', source });
    throw unauthorized();
  }
  if (oidc) {
    const { pool, roles, ignored, mfaMissing } = oidcRoles(payload, oidc);
    if (mfaMissing) logger.warn('staff roles not honoured: the token shows no MFA', { sub, ignored });
    else if (ignored.length) logger.warn('groups not honoured from the identity provider', { sub, ignored });
    const name = payload['preferred_username'] ?? payload['username'];
    const username = typeof name === 'string' && name !== '' ? name : sub;
    return { isAuthorized: true, context: authorizerContext({ sub, username, roles }, pool) };
  }
  const pool = source as UserPoolName;
  const claimed = payload['cognito:groups'];
  const groups = Array.isArray(claimed) ? claimed.filter((g): g is string => typeof g === 'string') : [];
  const { roles, ignored } = rolesForPool(pool, groups);
  if (ignored.length) logger.warn('groups not honoured from this user pool', { pool, sub, ignored });
  const name = payload['cognito:username'] ?? payload.username;
  const username = typeof name === 'string' && name !== '' ? name : sub;
  return { isAuthorized: true, context: authorizerContext({ sub, username, roles }, pool) };
}

export const handler = middy<APIGatewayRequestAuthorizerEventV2, AuthorizerResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event) => authorize(event));
