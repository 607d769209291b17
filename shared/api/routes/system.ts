/** System: liveness and the API's own description. Each entry: see RouteDef in ../route-types.ts. */

import type { RouteDef } from '../route-types.ts';
import { HealthSchema } from '../system.ts';

export const systemRoutes = [
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
] as const satisfies readonly RouteDef[];
