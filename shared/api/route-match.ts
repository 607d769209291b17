/**
 * Looking routes up, apart from the route table itself (shared/api/routes.ts): a table built from
 * any list of routes. routes.ts builds the whole one (the local server, the system function's 404
 * and 405); each route-group Lambda builds one from its own area files only, so that it does not
 * construct every area's zod schemas at its cold start (issue #14; shared/http/handler.ts).
 */
import type { HttpMethod, RouteDef } from './route-types.ts';

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method} ${route.path}`;

export type RouteMatch =
  | { route: RouteDef; pathParameters: Record<string, string> }
  | { allowed: HttpMethod[] }
  | { malformed: string }
  | undefined;

export interface RouteTable {
  readonly routes: readonly RouteDef[];
  /** The route of an API Gateway routeKey ("GET /v1/rounds/{roundId}"). */
  find(key: string): RouteDef | undefined;
  /** A concrete request path matched as API Gateway does (see matchRouteIn). */
  match(method: string, path: string): RouteMatch;
}

export function routeTable(routes: readonly RouteDef[]): RouteTable {
  const byKey = new Map<string, RouteDef>(routes.map((route) => [routeKey(route), route]));
  return {
    routes,
    find: (key) => byKey.get(key),
    match: (method, path) => matchRouteIn(routes, method, path),
  };
}

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
export function matchRouteIn(routes: readonly RouteDef[], method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const malformed = segments.find((segment) => decodeSegment(segment) === undefined);
  if (malformed !== undefined) return { malformed };
  const allowed = new Set<HttpMethod>();
  let best: { route: RouteDef; pathParameters: Record<string, string>; literals: boolean[] } | undefined;
  for (const route of routes) {
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
