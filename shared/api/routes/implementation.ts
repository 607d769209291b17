/** Routes of the implementation area (issue #5). Each entry: see RouteDef in ../route-types.ts. */
import type { RouteDef } from '../route-types.ts';

export const implementationRoutes = [] as const satisfies readonly RouteDef[];
