/**
 * The local API Gateway: one HTTP server that routes the shared route table (shared/api/routes.ts)
 * to the same handlers the CDK HTTP API integrates, with API Gateway v2 (payload 2.0) events,
 * and JWT checks like the HTTP API's JWT authorizer (401 {"message":"Unauthorized"}).
 * Paths that match no route go to the `$default` route (the system handler), as on AWS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { matchRoute, type RouteDef, routeKey } from '../shared/api/routes.ts';
import { claimsAsApiGateway, type LocalIssuer } from './jwt.ts';

/** API Gateway's payload limit for HTTP APIs. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type Invoke = (entry: string, event: unknown) => Promise<unknown>;

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
  res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders, ...headers });
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
  claims: Record<string, string> | undefined,
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
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
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

export function createApiServer(options: {
  issuer: LocalIssuer;
  invoke: Invoke;
  entryFor: (route: RouteDef | '$default') => string;
  local?: LocalRoutes;
  log?: (line: string) => void;
}): Server {
  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    let status = 0;
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
      const match = matchRoute(req.method ?? 'GET', url.pathname);
      if (!match || !('route' in match)) {
        const event = buildEvent(req, url, body, '$default', undefined, undefined);
        writeResult(res, await options.invoke(options.entryFor('$default'), event));
        return;
      }
      const { route, pathParameters } = match;
      let claims: Record<string, string> | undefined;
      if (route.auth !== 'public') {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        try {
          if (!token) throw new Error('no token');
          claims = claimsAsApiGateway(await options.issuer.verify(token));
        } catch {
          send(res, 401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
          return;
        }
      }
      const event = buildEvent(req, url, body, routeKey(route), pathParameters, claims);
      writeResult(res, await options.invoke(options.entryFor(route), event));
    } catch (error) {
      // On AWS a crashed integration is a 500 {"message":"Internal Server Error"}.
      options.log?.(`integration error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) send(res, 500, { message: 'Internal Server Error' });
      else res.end();
    }
  });
}
