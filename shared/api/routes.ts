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
import { type RouteMatch, routeTable } from './route-match.ts';
import type { RouteDef } from './route-types.ts';
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

export { type RouteMatch, routeKey } from './route-match.ts';

/** The whole table (the local server, the system function's 404/405, OpenAPI): shared/api/route-match.ts. */
const table = routeTable(routes);

export function findRouteByKey(key: string): RouteDef | undefined {
  return table.find(key);
}

/** See matchRouteIn (shared/api/route-match.ts): the most specific route of the whole table. */
export function matchRoute(method: string, path: string): RouteMatch {
  return table.match(method, path);
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
