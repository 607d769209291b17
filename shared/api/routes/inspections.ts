/** Routes of the inspections area (issue #5). Each entry: see RouteDef in ../route-types.ts. */
import type { RouteDef } from '../route-types.ts';

export const inspectionRoutes = [] as const satisfies readonly RouteDef[];
