/** Routes of the reports area (issue #5). Each entry: see RouteDef in ../route-types.ts. */
import type { RouteDef } from '../route-types.ts';

export const reportRoutes = [] as const satisfies readonly RouteDef[];
