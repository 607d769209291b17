/** Types of the route table (kept apart so per-area route files can import them without a cycle). */
import type * as z from 'zod';
import type { Role } from '../domain/actors.ts';

export { type Role, roles } from '../domain/actors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Lambda route groups; each is functions/<name>/handler.ts. */
export const routeGroups = [
  'system',
  'rounds',
  'organisations',
  'alliances',
  'reviews',
  'public',
  'implementation',
  'ledger',
  'reports',
  'inspections',
  'pairing',
] as const;
export type RouteGroup = (typeof routeGroups)[number];

export interface RouteDef {
  operationId: string;
  method: HttpMethod;
  /** API Gateway path syntax, e.g. /v1/rounds/{roundId} */
  path: string;
  fn: RouteGroup;
  auth: 'public' | readonly Role[];
  summary: string;
  /** A longer description for the OpenAPI document (default: the summary). */
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Maximum body size in bytes (default 256 KiB). */
  maxBodyBytes?: number;
  /** Success responses by status; null = no body. */
  responses: Record<number, z.ZodType | null>;
  /** Content type of the success body when it is not JSON. */
  produces?: string;
  /**
   * The body may also come as application/x-www-form-urlencoded (a plain HTML form, no script):
   * parsed into the same schema; such a post is answered with an HTML page (receipt or problems).
   */
  formBody?: true;
}
