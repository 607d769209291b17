/**
 * Who is calling. Staff (admin, reviewer, inspector, …) and applicants sign in through two Cognito
 * user pools: the staff pool requires MFA, the applicant pool (self sign-up) offers it. The API's
 * Lambda authorizer (functions/authorizer/handler.ts) verifies the bearer token against both and
 * hands the handlers the principal in `requestContext.authorizer.lambda` (the local stack runs the
 * same authorizer and fills the same field). Roles are Cognito groups, honoured only from the pool
 * they belong to: a staff role can be had only by signing in with MFA.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Principal, type Role, roles } from '../domain/actors.ts';

export type { Principal } from '../domain/actors.ts';

export const userPools = ['staff', 'applicant'] as const;
export type UserPoolName = (typeof userPools)[number];

/** The roles of the applicant pool; every other role is staff, and new roles are staff by default. */
const applicantRoles: readonly Role[] = ['applicant'];

/** The pool whose users may hold `role`. */
export function poolOfRole(role: Role): UserPoolName {
  return applicantRoles.includes(role) ? 'applicant' : 'staff';
}

/** The roles a user of `pool` may hold (the groups infra/stacks/data-stack.ts creates in it). */
export function rolesOfPool(pool: UserPoolName): Role[] {
  return roles.filter((role) => poolOfRole(role) === pool);
}

/**
 * The roles a verified token of `pool` carries, from its `cognito:groups`. Groups that belong to
 * the other pool, or to no role, are dropped and reported in `ignored` (the authorizer logs them).
 * Every user of the applicant pool is an applicant: that pool has self sign-up, and a new account
 * is in no group yet, so membership of the pool is the role.
 */
export function rolesForPool(
  pool: UserPoolName,
  groups: readonly string[],
): { roles: Role[]; ignored: string[] } {
  const allowed = new Set<string>(rolesOfPool(pool));
  const granted = new Set<Role>(pool === 'applicant' ? ['applicant'] : []);
  const ignored: string[] = [];
  for (const group of groups) {
    if (allowed.has(group)) granted.add(group as Role);
    else ignored.push(group);
  }
  return { roles: roles.filter((role) => granted.has(role)), ignored };
}

/**
 * What the authorizer returns as its context (API Gateway passes it on unchanged): strings only,
 * `roles` separated by spaces.
 */
export interface AuthorizerContext {
  sub: string;
  username: string;
  roles: string;
  pool: UserPoolName;
}

export function authorizerContext(principal: Principal, pool: UserPoolName): AuthorizerContext {
  return { sub: principal.sub, username: principal.username, roles: principal.roles.join(' '), pool };
}

type Claims = Record<string, string | number | boolean | string[]>;

/**
 * Roles from a string such as "[admin reviewer]" (API Gateway's rendering of an array claim), a
 * space- or comma-separated list, or a real array. Unknown names and duplicates are dropped.
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

/**
 * The principal the authorizer verified, or null without one (public routes). Roles of the other
 * pool are dropped here too: the authorizer already did, this only keeps a mistake there from
 * becoming a staff role without MFA.
 */
export function principalFromEvent(event: APIGatewayProxyEventV2): Principal | null {
  const authorizer = (event.requestContext as { authorizer?: { lambda?: Partial<Record<string, unknown>> } })
    .authorizer;
  const context = authorizer?.lambda;
  if (!context || typeof context.sub !== 'string' || context.sub === '') return null;
  const pool = userPools.find((name) => name === context.pool);
  const username = typeof context.username === 'string' && context.username ? context.username : context.sub;
  const granted = pool ? parseGroups(typeof context.roles === 'string' ? context.roles : undefined) : [];
  return {
    sub: context.sub,
    username,
    roles: granted.filter((role) => poolOfRole(role) === pool),
  };
}
