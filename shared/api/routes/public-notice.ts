/** The public notice (社会公示): read by anyone, objected to by anyone during the notice period. Each entry: see RouteDef in ../route-types.ts. */
import * as z from 'zod';
import { ObjectionFiledSchema, ObjectionInputSchema } from '../pipeline.ts';
import { RoundIdParams } from '../rounds.ts';
import type { RouteDef } from '../route-types.ts';

export const publicNoticeRoutes = [
  {
    operationId: 'getNotice',
    method: 'GET',
    path: '/v1/public/rounds/{roundId}/notice',
    fn: 'public',
    auth: 'public',
    summary: 'The public notice of the approved list (JSON)',
    tag: 'public notice',
    params: RoundIdParams,
    responses: { 200: z.record(z.string(), z.unknown()) },
  },
  {
    operationId: 'getNoticePage',
    method: 'GET',
    path: '/v1/public/rounds/{roundId}/notice.html',
    fn: 'public',
    auth: 'public',
    summary: 'The public notice as a readable Chinese page (no scripts)',
    tag: 'public notice',
    params: RoundIdParams,
    produces: 'text/html',
    responses: { 200: null },
  },
  {
    operationId: 'fileObjection',
    method: 'POST',
    path: '/v1/public/rounds/{roundId}/objections',
    fn: 'public',
    auth: 'public',
    summary:
      'Object to an announced alliance during the notice period (validated, size-limited, throttled). Limited per client address and per contact in each round (429 with Retry-After while an hourly limit holds); the same objection again from the same address or contact is a 409 naming the first. The notice page form posts application/x-www-form-urlencoded (same fields) and is answered with an HTML page: the receipt (201) or what was wrong (the error status), in the Accept-Language',
    tag: 'public notice',
    params: RoundIdParams,
    body: ObjectionInputSchema,
    formBody: true,
    maxBodyBytes: 16 * 1024,
    responses: { 201: ObjectionFiledSchema },
  },
] as const satisfies readonly RouteDef[];
