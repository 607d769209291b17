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
import { userPoolEnvNames } from '../../shared/contract.ts';
import {
  type AuthorizerContext,
  authorizerContext,
  rolesForPool,
  type UserPoolName,
  userPools,
} from '../../shared/http/auth.ts';
import { logger } from '../../shared/logger.ts';

export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<AuthorizerContext>;

/** One user pool the authorizer accepts tokens from. */
export type PoolConfig = { pool: UserPoolName; clientId: string } & (
  | { userPoolId: string; issuer?: undefined }
  | { issuer: string; userPoolId?: undefined }
);

/** The pools, from the environment; throws (a 500, not a 401) when one is missing or ambiguous. */
export function poolsFromEnv(env: NodeJS.ProcessEnv = process.env): PoolConfig[] {
  return userPools.map((pool): PoolConfig => {
    const names = userPoolEnvNames[pool];
    const clientId = env[names.clientId];
    const userPoolId = env[names.userPoolId] || undefined;
    const issuer = env[names.issuer] || undefined;
    if (!clientId) throw new Error(`authorizer configuration: ${names.clientId} is not set`);
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

interface Verifiers {
  key: string;
  pools: { pool: UserPoolName; accepts: (iss: string) => boolean; verify: VerifyToken }[];
}
let verifiers: Verifiers | undefined;

/** The verifiers of the configured pools, built once (their JWKS caches live as long as they do). */
function currentVerifiers(): Verifiers {
  const configs = poolsFromEnv();
  // Rebuilt when the configuration changes: a process that runs a second local stack (the
  // benchmarks) has other issuer URLs.
  const key = JSON.stringify(configs);
  if (verifiers?.key !== key) {
    verifiers = { key, pools: configs.map((config) => ({ pool: config.pool, ...poolVerifier(config) })) };
  }
  return verifiers;
}

const unauthorized = () => new Error('Unauthorized');

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** Which pool signed the token, and its verified claims; throws `Unauthorized` when none did. */
async function verifyToken(token: string): Promise<{ pool: UserPoolName; payload: JwtPayload }> {
  const { pools } = currentVerifiers();
  let reason: string;
  try {
    const { iss } = decomposeUnverifiedJwt(token).payload;
    const candidate = typeof iss === 'string' ? pools.find((p) => p.accepts(iss)) : undefined;
    if (candidate) return { pool: candidate.pool, payload: await candidate.verify(token) };
    reason = `issuer ${JSON.stringify(iss)?.slice(0, 200)} is not one of the user pools`;
  } catch (error) {
    // The pool's keys could not be fetched: the caller may be fine, the API is not.
    if (error instanceof FetchError) {
      logger.error('user pool keys unreachable', { error: error.message });
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
  const { pool, payload } = await verifyToken(token);
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub === '') {
    logger.info('token refused', { reason: 'no sub', pool });
    throw unauthorized();
  }
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
