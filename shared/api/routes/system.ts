/**
 * System: liveness, readiness and the API's own description. Each entry: see RouteDef in
 * ../route-types.ts.
 */

import type { RouteDef } from '../route-types.ts';
import { HealthSchema, ReadinessSchema } from '../system.ts';

export const systemRoutes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    fn: 'system',
    auth: 'public',
    summary: 'Liveness: the API answers (no dependency is asked)',
    tag: 'system',
    responses: { 200: HealthSchema },
  },
  {
    operationId: 'getReadiness',
    method: 'GET',
    path: '/v1/health/ready',
    fn: 'system',
    auth: 'public',
    summary: 'Readiness: reachability of DynamoDB, S3 and the workflow runner (cached for a few seconds)',
    tag: 'system',
    responses: { 200: ReadinessSchema, 503: ReadinessSchema },
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
