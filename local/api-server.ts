/**
 * The local API Gateway: one HTTP server that routes the shared route table (shared/api/routes.ts)
 * to the same handlers the CDK HTTP API integrates, with API Gateway v2 (payload 2.0) events.
 * Routes that are not public first run the HTTP API's Lambda authorizer, found in the synthesized
 * template with its identity source and result cache TTL, as API Gateway does: no Authorization
 * header → 401 without invoking it; its `Unauthorized` error → 401 {"message":"Unauthorized"};
 * `isAuthorized: false` → 403 {"message":"Forbidden"}; any other failure → 500; otherwise its
 * context reaches the handler as `requestContext.authorizer.lambda`, and the result is cached per
 * identity for the TTL. Paths that match no route go to the `$default` route (the system handler),
 * as on AWS.
 *
 * Local only (it never exists on AWS): every answer to a route (or `$default`) carries
 * `x-local-aws-calls: dynamodb=2,s3=0,sfn=0,scheduler=0`, the AWS commands the request's
 * invocations (authorizer and handler) sent, as local/iam.ts counts them: what the call budgets of
 * test/integration/call-budget.test.ts and `npm run bench` read.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  APIGatewayRequestAuthorizerEventV2,
} from 'aws-lambda';
import { matchRoute, type RouteDef, routeKey } from '../shared/api/routes.ts';
import { SECURITY_HEADERS } from '../shared/http/headers.ts';
import { type AwsCallCounts, countingAwsCalls } from './lambda.ts';
import type { CfnTemplate } from './template.ts';

/** The local-only response header with a request's AWS call counts (see the module comment). */
export const AWS_CALLS_HEADER = 'x-local-aws-calls';

export const formatAwsCalls = (counts: AwsCallCounts) =>
  Object.entries(counts)
    .map(([service, n]) => `${service}=${n}`)
    .join(',');

/** The header's value as counts (`dynamodb=2,s3=0` → { dynamodb: 2, s3: 0 }); undefined without it. */
export function parseAwsCalls(value: string | null | undefined): Record<string, number> | undefined {
  if (!value) return undefined;
  return Object.fromEntries(
    value.split(',').map((pair) => {
      const [service, n] = pair.split('=');
      return [service!.trim(), Number(n)];
    }),
  );
}

/** API Gateway's payload limit for HTTP APIs. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type Invoke = (entry: string, event: unknown) => Promise<unknown>;

/** The HTTP API's Lambda authorizer, as the template configures it. */
export interface LocalAuthorizer {
  /** Logical id of its function. */
  functionId: string;
  /** Lower-case names of the request headers that make up the identity (and the cache key). */
  identityHeaders: string[];
  /** How long a result is cached per identity (AuthorizerResultTtlInSeconds); 0: not cached. */
  ttlSeconds: number;
}

/**
 * The one AWS::ApiGatewayV2::Authorizer of the template: a REQUEST authorizer with simple
 * responses and payload 2.0 (all this server emulates), its function named in AuthorizerUri.
 */
export function httpAuthorizerFromTemplate(template: CfnTemplate): LocalAuthorizer {
  const found = Object.entries(template.Resources ?? {}).filter(
    ([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer',
  );
  if (found.length !== 1) throw new Error(`expected one HTTP API authorizer, found ${found.length}`);
  const [id, resource] = found[0]!;
  const p = resource.Properties ?? {};
  if (
    p.AuthorizerType !== 'REQUEST' ||
    p.EnableSimpleResponses !== true ||
    p.AuthorizerPayloadFormatVersion !== '2.0'
  ) {
    throw new Error(`${id}: the local API server runs only REQUEST authorizers with simple responses (2.0)`);
  }
  const functionId = /"Fn::GetAtt":\["([^"]+)","Arn"\]/.exec(JSON.stringify(p.AuthorizerUri))?.[1];
  if (!functionId) throw new Error(`${id}: no function in AuthorizerUri`);
  const identityHeaders = ((p.IdentitySource ?? []) as string[]).map((source) => {
    const header = /^\$request\.header\.(.+)$/.exec(source)?.[1];
    if (!header) throw new Error(`${id}: identity source ${source} is not a header`);
    return header.toLowerCase();
  });
  return { functionId, identityHeaders, ttlSeconds: Number(p.AuthorizerResultTtlInSeconds ?? 0) };
}

export interface LocalRoutes {
  /** Extra local-only endpoints under /local/ (tokens, JWKS, schedules). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean>;
}

const textTypes = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript))/i;

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization,content-type,accept-language,idempotency-key,if-match',
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-max-age': '600',
  'access-control-expose-headers':
    'etag,location,retry-after,x-request-id,idempotent-replayed,content-language',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    ...SECURITY_HEADERS,
    ...corsHeaders,
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function buildEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  key: string,
  pathParameters: Record<string, string> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || textTypes.test(contentType);
  const now = new Date();
  const requestId = crypto.randomUUID();
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim());
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(pathParameters && Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
}

function writeResult(res: ServerResponse, result: unknown) {
  if (result === null || typeof result !== 'object' || !('statusCode' in result)) {
    // Payload 2.0: a result without statusCode is a 200 JSON body.
    send(res, 200, result === undefined ? '' : JSON.stringify(result));
    return;
  }
  const r = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = { ...corsHeaders };
  for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  res.writeHead(r.statusCode ?? 200, headers);
  res.end(r.body === undefined ? undefined : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
}

/** The REQUEST event (payload 2.0) API Gateway gives an HTTP API Lambda authorizer. */
function authorizerEvent(
  event: APIGatewayProxyEventV2,
  identitySource: string[],
): APIGatewayRequestAuthorizerEventV2 {
  const { requestContext } = event;
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:us-east-1:${requestContext.accountId}:${requestContext.apiId}/${requestContext.stage}/${requestContext.http.method}${event.rawPath}`,
    identitySource,
    routeKey: event.routeKey,
    rawPath: event.rawPath,
    rawQueryString: event.rawQueryString,
    cookies: event.cookies ?? [],
    headers: event.headers,
    ...(event.queryStringParameters ? { queryStringParameters: event.queryStringParameters } : {}),
    requestContext,
    ...(event.pathParameters ? { pathParameters: event.pathParameters } : {}),
  };
}

/** Cached authorizer results are kept at most this many (oldest dropped first). */
const AUTHORIZER_CACHE_ENTRIES = 10_000;

type Authorization = { context: Record<string, unknown> } | { status: 401 | 403 | 500; message: string };

function authorizerRunner(
  authorizer: LocalAuthorizer,
  invoke: Invoke,
  log: ((line: string) => void) | undefined,
) {
  const cache = new Map<string, { until: number; context: Record<string, unknown> }>();
  return async (event: APIGatewayProxyEventV2): Promise<Authorization> => {
    const identity = authorizer.identityHeaders.map((name) => event.headers[name] ?? '');
    if (identity.some((value) => value === '')) return { status: 401, message: 'Unauthorized' };
    const key = JSON.stringify(identity);
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) return { context: cached.context };
    let result: unknown;
    try {
      result = await invoke(authorizer.functionId, authorizerEvent(event, identity));
    } catch (error) {
      if ((error as Error)?.message === 'Unauthorized') return { status: 401, message: 'Unauthorized' };
      log?.(`authorizer error: ${(error as Error).stack ?? String(error)}`);
      return { status: 500, message: 'Internal Server Error' };
    }
    const simple = result as { isAuthorized?: unknown; context?: unknown } | null;
    if (typeof simple?.isAuthorized !== 'boolean') {
      log?.(`authorizer returned no simple response: ${JSON.stringify(result)}`);
      return { status: 500, message: 'Internal Server Error' };
    }
    if (!simple.isAuthorized) return { status: 403, message: 'Forbidden' };
    const context = (simple.context ?? {}) as Record<string, unknown>;
    if (authorizer.ttlSeconds > 0) {
      cache.delete(key);
      cache.set(key, { until: Date.now() + authorizer.ttlSeconds * 1000, context });
      if (cache.size > AUTHORIZER_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    }
    return { context };
  };
}

export function createApiServer(options: {
  authorizer: LocalAuthorizer;
  invoke: Invoke;
  entryFor: (route: RouteDef | '$default') => string;
  local?: LocalRoutes;
  /** The console's static files (local/web.ts): asked first for GETs outside /v1/ and /local/. */
  web?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  log?: (line: string) => void;
}): Server {
  const authorize = authorizerRunner(options.authorizer, options.invoke, options.log);
  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let status = 0;
    let stampOnError: (() => void) | undefined;
    res.on('finish', () => {
      status = res.statusCode;
      options.log?.(`${req.method} ${url.pathname} → ${status} ${Math.round(performance.now() - started)}ms`);
    });
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, corsHeaders);
        res.end();
        return;
      }
      const body = await readBody(req);
      if (body === 'too-large') {
        send(res, 413, { message: 'Request Entity Too Large' }, { connection: 'close' });
        req.destroy();
        return;
      }
      if (
        url.pathname.startsWith('/local/') &&
        options.local &&
        (await options.local.handle(req, res, url, body))
      ) {
        return;
      }
      if (options.web && !url.pathname.startsWith('/v1/') && (await options.web(req, res, url))) return;
      // Set on the response before it is written (writeHead keeps headers set earlier).
      const stamp = (calls: AwsCallCounts) => res.setHeader(AWS_CALLS_HEADER, formatAwsCalls(calls));
      await countingAwsCalls(async (calls) => {
        stampOnError = () => stamp(calls);
        const match = matchRoute(req.method ?? 'GET', url.pathname);
        if (!match || !('route' in match)) {
          const event = buildEvent(req, url, body, '$default', undefined);
          const result = await options.invoke(options.entryFor('$default'), event);
          stamp(calls);
          writeResult(res, result);
          return;
        }
        const { route, pathParameters } = match;
        let event = buildEvent(req, url, body, routeKey(route), pathParameters);
        if (route.auth !== 'public') {
          const authorization = await authorize(event);
          if (!('context' in authorization)) {
            const headers: Record<string, string> =
              authorization.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
            stamp(calls);
            send(res, authorization.status, { message: authorization.message }, headers);
            return;
          }
          // What API Gateway passes the integration of a route with a Lambda authorizer.
          event = {
            ...event,
            requestContext: { ...event.requestContext, authorizer: { lambda: authorization.context } },
          } as APIGatewayProxyEventV2;
        }
        const result = await options.invoke(options.entryFor(route), event);
        stamp(calls);
        writeResult(res, result);
      });
    } catch (error) {
      // On AWS a crashed integration is a 500 {"message":"Internal Server Error"}.
      options.log?.(`integration error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) {
        stampOnError?.();
        send(res, 500, { message: 'Internal Server Error' });
      } else res.end();
    }
  });
}
