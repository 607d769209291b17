/**
 * The route table: the one list of HTTP endpoints. The CDK HTTP API (infra/), the local API
 * server (local/), the handlers' router (shared/http/) and the OpenAPI document all read it.
 * Each area of the programme has its own file under routes/; this file puts them together.
 *
 * `fn` names the Lambda that serves the route: functions/<fn>/handler.ts. One Lambda per route group.
 * `auth` is 'public' (no authorizer, throttled harder) or the roles allowed; the Lambda authorizer
 * (functions/authorizer/) checks the token and its pool, the handler checks the role (and, in the
 * domain, the relationship).
 */
import { ErrorSchema } from './common.ts';
import type { HttpMethod, RouteDef } from './route-types.ts';
import { allianceRoutes } from './routes/alliances.ts';
import { implementationRoutes } from './routes/implementation.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { pairingRoutes } from './routes/pairing.ts';
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
  ...pairingRoutes,
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

export type RouteMatch =
  | { route: RouteDef; pathParameters: Record<string, string> }
  | { allowed: HttpMethod[] }
  | { malformed: string }
  | undefined;

/** One path segment decoded, or undefined when its %-escapes are malformed (e.g. "%E0%A4%A"). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Matches a concrete request path to a route and extracts its path parameters, as API Gateway
 * does: of the routes whose shape fits, the most specific wins — a literal segment beats a
 * {param} one, compared from the left — whatever their order in the table (so
 * POST …/screening/complete is never taken for POST …/screening/{allianceId}). A path with a
 * malformed %-escape anywhere is `{ malformed }`; a path that fits routes of other methods only is
 * `{ allowed }` (405); nothing fitting is undefined (404).
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const malformed = segments.find((segment) => decodeSegment(segment) === undefined);
  if (malformed !== undefined) return { malformed };
  const allowed = new Set<HttpMethod>();
  let best: { route: RouteDef; pathParameters: Record<string, string>; literals: boolean[] } | undefined;
  for (const route of routes as readonly RouteDef[]) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    const literals: boolean[] = [];
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i]!;
      const s = segments[i]!;
      if (p.startsWith('{') && p.endsWith('}')) {
        if (s === '') ok = false;
        else {
          pathParameters[p.slice(1, -1)] = decodeSegment(s)!;
          literals.push(false);
        }
      } else if (p !== s) ok = false;
      else literals.push(true);
    }
    if (!ok) continue;
    if (route.method !== method) {
      allowed.add(route.method);
      continue;
    }
    if (!best || moreSpecific(literals, best.literals)) best = { route, pathParameters, literals };
  }
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  return allowed.size > 0 ? { allowed: [...allowed] } : undefined;
}

/** True when `a` has a literal segment where `b` first has a parameter (left to right). */
function moreSpecific(a: boolean[], b: boolean[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === true;
  return false;
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
