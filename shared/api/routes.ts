/**
 * The route table: the one list of HTTP endpoints. The CDK HTTP API (infra/), the local API
 * server (local/), the handlers' router (shared/http/) and the OpenAPI document all read it.
 *
 * `fn` names the Lambda that serves the route: functions/<fn>/handler.ts. One Lambda per route group.
 * `auth` is 'public' (no authorizer, throttled harder) or the roles allowed; the JWT authorizer
 * checks the token, the handler checks the role (and, in the domain, the relationship).
 */
import type * as z from 'zod';
import { ErrorSchema } from './common.ts';
import { PipelineStatusSchema, RoundIdParams } from './pipeline.ts';
import { HealthSchema } from './system.ts';

export const roles = ['applicant', 'admin', 'reviewer', 'inspector'] as const;
export type Role = (typeof roles)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Lambda route groups; each is functions/<name>/handler.ts. */
export const routeGroups = ['system', 'rounds'] as const;
export type RouteGroup = (typeof routeGroups)[number];

export interface RouteDef {
  operationId: string;
  method: HttpMethod;
  /** API Gateway path syntax, e.g. /v1/rounds/{roundId} */
  path: string;
  fn: RouteGroup;
  auth: 'public' | readonly Role[];
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Maximum body size in bytes (default 256 KiB). */
  maxBodyBytes?: number;
  /** Success responses by status; null = no body. */
  responses: Record<number, z.ZodType | null>;
  /** Content type of the success body when it is not JSON. */
  produces?: string;
}

export const routes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    fn: 'system',
    auth: 'public',
    summary: 'Reachability of DynamoDB, S3 and the workflow runner',
    tag: 'system',
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
  {
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'system',
    auth: 'public',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'system',
    responses: { 200: null },
  },
  {
    operationId: 'getRoundPipeline',
    method: 'GET',
    path: '/v1/rounds/{roundId}/pipeline',
    fn: 'rounds',
    auth: ['admin'],
    summary: "A round's pipeline status: current stage and what it waits on",
    tag: 'pipeline',
    params: RoundIdParams,
    responses: { 200: PipelineStatusSchema },
  },
] as const satisfies readonly RouteDef[];

export type Route = (typeof routes)[number];
export type OperationId = Route['operationId'];

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

const byKey = new Map<string, RouteDef>(routes.map((route) => [routeKey(route), route]));

export function findRouteByKey(key: string): RouteDef | undefined {
  return byKey.get(key);
}

/** Matches a concrete request path to a route and extracts its path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteDef; pathParameters: Record<string, string> } | { allowed: HttpMethod[] } | undefined {
  const segments = path.split('/');
  const allowed: HttpMethod[] = [];
  for (const route of routes as readonly RouteDef[]) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p.startsWith('{') && p.endsWith('}')) {
        if (s === '') ok = false;
        else pathParameters[p.slice(1, -1)] = decodeURIComponent(s);
      } else if (p !== s) ok = false;
    }
    if (!ok) continue;
    if (route.method === method) return { route, pathParameters };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

export { ErrorSchema };
