/**
 * The HTTP adapter every route-group Lambda uses: find the route by API Gateway's routeKey,
 * check the caller's role, validate path/query/body with the route's zod schemas, call the
 * operation, render the result or the documented error shape in the caller's language.
 * Handlers only supply operations; parsing and error rendering live here, once.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { type RouteTable, routeTable } from '../api/route-match.ts';
import type { Route, RouteDef, RouteGroup } from '../api/routes.ts';
import { envOptional } from '../config.ts';
import { DomainError, invalid } from '../domain/errors.ts';
import { provesOrigin } from '../domain/origin.ts';
import { logger } from '../logger.ts';
import { inRequestScope } from '../usecases/request-scope.ts';
import { type Principal, principalFromEvent } from './auth.ts';
import { ApiError, errorHeaders, httpStatusOf } from './errors.ts';
import { SECURITY_HEADERS } from './headers.ts';
import { type Lang, negotiateLang } from './i18n.ts';
import {
  ApiErrorWithHeaders,
  bodyHashOf,
  type HttpResponse,
  idempotencyKeyOf,
  runIdempotent,
  scopeOf,
} from './idempotency.ts';
import { parseOrThrow, rejectBidiControls } from './validation.ts';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type InferOr<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;
type RouteOf<Id> = Extract<Route, { operationId: Id }>;

export interface HttpRequest<R = RouteDef> {
  route: R;
  params: InferOr<R extends { params: infer P } ? P : undefined, Record<string, never>>;
  query: InferOr<R extends { query: infer Q } ? Q : undefined, Record<string, never>>;
  body: InferOr<R extends { body: infer B } ? B : undefined, undefined>;
  /** null only on public routes. */
  principal: R extends { auth: 'public' } ? Principal | null : Principal;
  lang: Lang;
  headers: Record<string, string | undefined>;
  requestId: string;
  event: APIGatewayProxyEventV2;
  context: Context;
}

export interface HttpResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A pre-rendered body (HTML, CSV, …) sent as is with `headers['content-type']`. */
  raw?: string;
  /** A binary body (e.g. a .docx), sent base64-encoded with isBase64Encoded (API Gateway decodes it). */
  binary?: Uint8Array;
}

export type Operations<G extends RouteGroup> = {
  [K in Extract<Route, { fn: G }>['operationId']]: (req: HttpRequest<RouteOf<K>>) => Promise<HttpResult>;
};

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

export { SECURITY_HEADERS };

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}) {
  return {
    statusCode: status,
    headers: {
      ...jsonHeaders,
      'x-request-id': requestId,
      'content-language': headers['content-language'] ?? 'en',
      ...headers,
    },
    body: JSON.stringify(body),
  } satisfies APIGatewayProxyStructuredResultV2;
}

function decodeBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseBody(route: RouteDef, event: APIGatewayProxyEventV2, lang: Lang): unknown {
  const text = decodeBody(event);
  if (!route.body) return undefined;
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const size = text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  if (size > limit) throw new ApiError(413, 'payload_too_large', { size, limit });
  const contentType = (event.headers['content-type'] ?? '').toLowerCase();
  if (route.formBody && isFormPost(event)) {
    // A plain HTML form: each field once (a repeated one is refused, not silently merged).
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(text ?? '')) {
      if (Object.hasOwn(fields, key)) {
        throw new ApiError(400, 'validation_failed', { summary: `body.${key}: repeated` }, [
          {
            path: `body.${key}`,
            code: 'repeated_field',
            message: lang === 'zh' ? '字段重复' : 'given more than once',
          },
        ]);
      }
      fields[key] = value;
    }
    rejectBidiControls(fields, 'body', lang);
    return parseOrThrow(route.body, fields, 'body', lang);
  }
  if (text !== undefined && text !== '' && !/^application\/([\w.+-]+\+)?json\b/.test(contentType)) {
    throw new ApiError(415, 'unsupported_media_type');
  }
  let json: unknown;
  if (text === undefined || text.trim() === '') json = undefined;
  else {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ApiError(400, 'malformed_json', {}, [
        { path: 'body', code: 'malformed_json', message: (error as Error).message },
      ]);
    }
  }
  rejectBidiControls(json, 'body', lang);
  return parseOrThrow(route.body, json, 'body', lang);
}

/**
 * The `$default` route catches requests no route matches: 400 for a path with a malformed
 * %-escape, 405 for a known path, else 404.
 */
function unmatched(event: APIGatewayProxyEventV2, table: RouteTable): DomainError<string> {
  const method = event.requestContext?.http?.method ?? 'GET';
  const path = event.rawPath ?? '/';
  const match = table.match(method, path);
  if (match && 'malformed' in match) {
    return invalid(
      'path',
      {
        en: `the segment "${match.malformed}" is not valid percent-encoding`,
        zh: `路径片段 "${match.malformed}" 不是有效的百分号编码`,
      },
      'malformed_escape',
    );
  }
  if (match && 'allowed' in match) {
    return new ApiError(405, 'method_not_allowed', { method, allowed: match.allowed.join(', ') });
  }
  return new ApiError(404, 'route_not_found', { route: `${method} ${path}` });
}

/** Renders an error in the documented shape (5xx logged as errors, the rest as rejections). */
function renderError(
  error: unknown,
  requestId: string,
  lang: Lang,
  langHeader: Record<string, string>,
): APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    const status = httpStatusOf(error);
    if (status >= 500) logger.error('request failed', { error });
    else logger.info('request rejected', { status, code: error.code });
    const headers = {
      ...langHeader,
      ...errorHeaders(error),
      ...(error instanceof ApiErrorWithHeaders ? error.headers : {}),
    };
    return respond(status, error.render(lang), requestId, headers);
  }
  logger.error('unhandled error', { error: error as Error });
  return respond(500, new ApiError(500, 'internal', { requestId }).render(lang), requestId, langHeader);
}

/** Calls the operation and renders its result, or the error it threw. Never throws. */
async function invoke(
  operation: (request: unknown) => Promise<HttpResult>,
  request: unknown,
  requestId: string,
  lang: Lang,
  langHeader: Record<string, string>,
): Promise<HttpResponse> {
  try {
    const result = (await operation(request)) ?? {};
    const status = result.status ?? 200;
    if (result.binary !== undefined) {
      return {
        statusCode: status,
        headers: { 'x-request-id': requestId, ...langHeader, ...result.headers },
        body: Buffer.from(result.binary).toString('base64'),
        isBase64Encoded: true,
      };
    }
    if (result.raw !== undefined) {
      return {
        statusCode: status,
        headers: { 'x-request-id': requestId, ...langHeader, ...result.headers },
        body: result.raw,
      };
    }
    if (result.body === undefined) {
      return { statusCode: status, headers: { 'x-request-id': requestId, ...result.headers } };
    }
    return respond(status, result.body, requestId, { ...langHeader, ...result.headers });
  } catch (error) {
    return renderError(error, requestId, lang, langHeader);
  }
}

async function dispatch<G extends RouteGroup>(
  table: RouteTable,
  group: G,
  operations: Operations<G>,
  event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.requestContext?.requestId ?? context.awsRequestId;
  const lang = negotiateLang(event.headers?.['accept-language']);
  const langHeader = { 'content-language': lang === 'zh' ? 'zh-CN' : 'en' };
  try {
    // Behind CloudFront (ORIGIN_VERIFY_SECRET set), a request that did not come through it, and so
    // skipped the WAF's rate limits and managed rules, is refused. Unset (locally), nothing to check.
    const originSecret = envOptional('originVerifySecret');
    if (originSecret && !provesOrigin(event.headers ?? {}, originSecret)) {
      throw new ApiError(403, 'origin_not_allowed');
    }
    if (event.routeKey === '$default') throw unmatched(event, table);
    const route = table.find(event.routeKey);
    const operation =
      route && route.fn === group ? (operations as Record<string, unknown>)[route.operationId] : undefined;
    if (!route || typeof operation !== 'function') {
      throw new ApiError(404, 'route_not_found', { route: event.routeKey });
    }
    const principal = principalFromEvent(event);
    if (route.auth !== 'public') {
      if (!principal) throw new ApiError(401, 'unauthorized');
      if (!principal.roles.some((role) => route.auth.includes(role))) {
        throw new ApiError(403, 'forbidden', { action: route.operationId });
      }
    }
    const idempotencyKey = idempotencyKeyOf(route.method, event.headers);
    const params = route.params ? parseOrThrow(route.params, event.pathParameters ?? {}, 'path', lang) : {};
    if (route.query) rejectBidiControls(event.queryStringParameters ?? {}, 'query', lang);
    const query = route.query
      ? parseOrThrow(route.query, event.queryStringParameters ?? {}, 'query', lang)
      : {};
    const body = parseBody(route, event, lang);
    const request = {
      route,
      params,
      query,
      body,
      principal,
      lang,
      headers: event.headers ?? {},
      requestId,
      event,
      context,
    };
    const run = () =>
      invoke(operation as (r: unknown) => Promise<HttpResult>, request, requestId, lang, langHeader);
    if (idempotencyKey === undefined) return await run();
    // Only requests that reach the operation are recorded: 401/403/400/413/415 above never are.
    return await runIdempotent({
      scope: scopeOf(principal, event, idempotencyKey),
      bodyHash: bodyHashOf(event),
      context,
      requestId,
      run,
    });
  } catch (error) {
    return renderError(error, requestId, lang, langHeader);
  }
}

/** Whether the request's body is an HTML form's (application/x-www-form-urlencoded). */
export function isFormPost(event: APIGatewayProxyEventV2): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(event.headers?.['content-type'] ?? '');
}

export interface HttpHandlerOptions {
  /**
   * The routes this function serves (at least its group's): the area files of its group, not the
   * whole table, so that a cold start builds only these routes' zod schemas (issue #14). The
   * function answering `$default` (system) passes the whole table, for its 404/405. Checked when
   * the handler is built: every operation must have its route here.
   */
  routes: readonly RouteDef[];
  /**
   * The page answering a form post (a route with `formBody`) that failed: given the error as the
   * JSON API renders it, returns the HTML to send instead (same status and headers, Retry-After kept).
   */
  formErrorPage?: (failure: {
    route: RouteDef;
    status: number;
    error: {
      code: string;
      message: string;
      details?: { path: string; message: string; [k: string]: unknown }[];
    };
    lang: Lang;
    event: APIGatewayProxyEventV2;
  }) => { html: string; headers: Record<string, string> };
}

function asFormErrorPage(
  response: APIGatewayProxyStructuredResultV2,
  event: APIGatewayProxyEventV2,
  options: HttpHandlerOptions,
  table: RouteTable,
): APIGatewayProxyStructuredResultV2 {
  const status = response.statusCode ?? 200;
  if (!options.formErrorPage || status < 400 || !isFormPost(event) || event.routeKey === '$default')
    return response;
  const route = table.find(event.routeKey);
  if (!route?.formBody || typeof response.body !== 'string') return response;
  let error: Parameters<NonNullable<HttpHandlerOptions['formErrorPage']>>[0]['error'];
  try {
    error = (JSON.parse(response.body) as { error: typeof error }).error;
  } catch {
    return response;
  }
  const lang = negotiateLang(event.headers?.['accept-language']);
  const page = options.formErrorPage({ route, status, error, lang, event });
  return { ...response, headers: { ...response.headers, ...page.headers }, body: page.html };
}

/** Builds the Lambda handler of one route group. */
export function httpHandler<G extends RouteGroup>(
  group: G,
  operations: Operations<G>,
  options: HttpHandlerOptions,
) {
  const table = routeTable(options.routes);
  const served = new Set(options.routes.filter((r) => r.fn === group).map((r) => r.operationId));
  const missing = Object.keys(operations).filter((id) => !served.has(id));
  if (missing.length)
    throw new Error(`httpHandler(${group}): no route in options.routes for ${missing.join(', ')}`);
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      logger.appendKeys({ requestId: event.requestContext?.requestId, routeKey: event.routeKey });
      // Reads are memoised for the request: an item read by several use cases is read once (issue #14).
      const dispatched = await inRequestScope(() => dispatch(table, group, operations, event, context));
      const response = asFormErrorPage(dispatched, event, options, table);
      return { ...response, headers: { ...SECURITY_HEADERS, ...response.headers } };
    });
}
