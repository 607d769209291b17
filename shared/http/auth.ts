/**
 * Who is calling, from the JWT claims API Gateway's authorizer (or the local stack's verifier,
 * which fills the same event fields) has already verified. Roles are Cognito groups.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Principal, type Role, roles } from '../domain/actors.ts';

export type { Principal } from '../domain/actors.ts';

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * API Gateway HTTP APIs flatten array claims to a string such as "[admin reviewer]"; tokens
 * checked elsewhere may carry a real array or a comma-separated string. Accept all three.
 */
export function parseGroups(value: Claims[string] | undefined): Role[] {
  if (value === undefined) return [];
  const raw = Array.isArray(value)
    ? value
    : String(value)
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/);
  const known = new Set<string>(roles);
  return [...new Set(raw.map((g) => g.trim()).filter((g): g is Role => known.has(g)))];
}

export function principalFromEvent(event: APIGatewayProxyEventV2): Principal | null {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer;
  const claims = authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return null;
  const username = claims['cognito:username'] ?? claims.username ?? claims.sub;
  return { sub: claims.sub, username: String(username), roles: parseGroups(claims['cognito:groups']) };
}
