/**
 * A local stand-in for Cognito: an RS256 key pair, a JWKS document, and tokens shaped like
 * Cognito's (sub, cognito:username, cognito:groups, token_use, iss, aud). The API server verifies
 * them the way API Gateway's JWT authorizer does (signature, issuer, audience, expiry).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../shared/api/routes.ts';

export const LOCAL_AUDIENCE = 'esip-local-client';

export interface LocalIssuer {
  issuer: string;
  jwks: { keys: JWK[] };
  sign(user: { sub: string; username?: string; roles: Role[]; expiresIn?: string }): Promise<string>;
  /** Returns the claims, or throws when the token is not acceptable. */
  verify(token: string): Promise<JWTPayload>;
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

export async function createLocalIssuer(options: { issuer: string; keyFile?: string }): Promise<LocalIssuer> {
  const keys = await loadOrCreateKeys(options.keyFile);
  const privateKey = await importJWK(keys.privateJwk, 'RS256');
  const publicKey = await importJWK(keys.publicJwk, 'RS256');
  return {
    issuer: options.issuer,
    jwks: { keys: [keys.publicJwk] },
    async sign(user) {
      return new SignJWT({
        'cognito:username': user.username ?? user.sub,
        'cognito:groups': user.roles,
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
        .setSubject(user.sub)
        .setIssuer(options.issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(user.expiresIn ?? '12h')
        .sign(privateKey);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: options.issuer,
        audience: LOCAL_AUDIENCE,
      });
      return payload;
    },
  };
}

/** API Gateway HTTP APIs pass claims as strings, arrays flattened to "[a b]"; do the same locally. */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return out;
}
