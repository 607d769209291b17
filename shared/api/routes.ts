/**
 * The route table: the one list of HTTP endpoints. The CDK HTTP API (infra/), the local API
 * server (local/), the handlers' router (shared/http/) and the OpenAPI document all read it.
 * Each area of the programme has its own file under routes/; this file puts them together.
 *
 * `fn` names the Lambda that serves the route: functions/<fn>/handler.ts. One Lambda per route group.
 * `auth` is 'public' (no authorizer, throttled harder) or the roles allowed; the JWT authorizer
 * checks the token, the handler checks the role (and, in the domain, the relationship).
 */
import { ErrorSchema } from './common.ts';
import type { HttpMethod, RouteDef } from './route-types.ts';
import { allianceRoutes } from './routes/alliances.ts';
import { implementationRoutes } from './routes/implementation.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { publicNoticeRoutes } from './routes/public-notice.ts';
import { reportRoutes } from './routes/reports.ts';
import { reviewRoutes } from './routes/review.ts';
import { roundRoutes } from './routes/rounds.ts';
import { screeningRoutes } from './routes/screening.ts';
import { selectionRoutes } from './routes/selection.ts';
import { systemRoutes } from './routes/system.ts';

/** Every endpoint, by area of the programme in lifecycle order. */
export const routes = [
  ...systemRoutes,
  ...roundRoutes,
  ...organisationRoutes,
  ...allianceRoutes,
  ...screeningRoutes,
  ...reviewRoutes,
  ...selectionRoutes,
  ...publicNoticeRoutes,
  ...implementationRoutes,
  ...ledgerRoutes,
  ...reportRoutes,
  ...inspectionRoutes,
] as const;

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

export {
  type HttpMethod,
  type Role,
  type RouteDef,
  type RouteGroup,
  roles,
  routeGroups,
} from './route-types.ts';
export { ErrorSchema };
