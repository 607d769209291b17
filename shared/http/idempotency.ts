/**
 * Idempotency-Key on mutations (api.md: "Mutations accept an Idempotency-Key header"), with the
 * records in our single table (shared/db/idempotency.ts; until issue #14 this was Powertools'
 * idempotency utility, whose jmespath and persistence layer cost every HTTP function 38 KiB and a
 * second DynamoDB client, for the one call path below).
 *
 * - Only non-GET routes, and only when the header is present (1–128 visible ASCII characters,
 *   else 400). Without the header nothing here runs and no idempotency record is read or written.
 * - A key is scoped to the caller (JWT `sub`, or 'anonymous' on public routes), the route key and
 *   the concrete path, so the same key from another user or on another resource never collides.
 * - The first request runs; its response (status, headers, body) is kept for 24 h if it is a
 *   success or a 4xx. A 5xx is not kept, so a retry runs the operation again; nor is a 429 (a limit
 *   reached): a retry after its Retry-After must be tried, not answered with the stored refusal.
 * - A repeat with the same key and the same raw body gets the stored response, with
 *   `idempotent-replayed: true`, without running the operation. Another body → 422
 *   `idempotency_key_reused`. A duplicate while the first is still running → 409
 *   `idempotency_in_progress` with Retry-After. A record still "in progress" after the first
 *   attempt's Lambda deadline (it crashed) is taken over by the next attempt.
 * - Calls: one conditional PutItem to claim the key (a refusal returns the record in the way), the
 *   operation, one UpdateItem to keep the response (or a DeleteItem for a 5xx/429): the use case
 *   shared/usecases/idempotency.ts over the store shared/db/idempotency.ts.
 *
 * Stored item: pk = 'IDEMPOTENCY', sk = 'http#<base64 SHA-256 of {caller, key, path, route}>',
 * status, bodyHash, expiresAt (TTL, epoch s), inProgressExpiresAt (epoch ms), response.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { runAtMostOnce } from '../usecases/idempotency.ts';
import type { Principal } from './auth.ts';
import { ApiError } from './errors.ts';

/** Header names as API Gateway (and the local server) deliver them: lower case. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a response is kept and replayed. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** What a 409 `idempotency_in_progress` tells the client to wait before retrying. */
export const RETRY_AFTER_SECONDS = 1;
const KEY_PREFIX = 'http';
const VALID_KEY = /^[\x21-\x7e]{1,128}$/;

/** The response shape the HTTP adapter produces (a structured API Gateway v2 result). */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
  /** A binary body, base64-encoded (GET routes only: never stored as an idempotent response). */
  isBase64Encoded?: boolean;
}

/** What identifies a request for idempotency: who, which route, which resource, which key. */
export interface IdempotencyScope {
  caller: string;
  route: string;
  path: string;
  key: string;
}

/** An ApiError that also sets response headers (Retry-After on 409 idempotency_in_progress). */
export class ApiErrorWithHeaders extends ApiError {
  readonly headers: Record<string, string>;
  constructor(error: ApiError, headers: Record<string, string>) {
    super(error.status, error.code, error.params, error.details, error.text);
    this.headers = headers;
  }
}

/**
 * The request's Idempotency-Key, or undefined when the route is a GET or the header is absent.
 * A present but malformed key is a 400 in the documented shape.
 */
export function idempotencyKeyOf(
  method: string,
  headers: Record<string, string | undefined> | undefined,
): string | undefined {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return undefined;
  const key = headers?.[IDEMPOTENCY_KEY_HEADER];
  if (key === undefined) return undefined;
  if (VALID_KEY.test(key)) return key;
  const reason = {
    en: 'must be 1–128 visible ASCII characters (no spaces)',
    zh: '必须为 1–128 个可见 ASCII 字符（不含空格）',
  };
  throw new ApiError(
    400,
    'validation_failed',
    { summary: `header.Idempotency-Key: ${reason.en}` },
    (lang) => [{ path: 'header.Idempotency-Key', code: 'invalid_idempotency_key', message: reason[lang] }],
    {
      en: `The request is not valid: header.Idempotency-Key: ${reason.en}`,
      zh: `请求无效：header.Idempotency-Key: ${reason.zh}`,
    },
  );
}

export function scopeOf(
  principal: Principal | null,
  event: APIGatewayProxyEventV2,
  key: string,
): IdempotencyScope {
  return {
    caller: principal?.sub ?? 'anonymous',
    route: event.routeKey,
    path: event.rawPath ?? event.requestContext?.http?.path ?? '',
    key,
  };
}

/** SHA-256 of the raw request body (the bytes the client sent, base64-decoded when API Gateway encoded them). */
export function bodyHashOf(event: APIGatewayProxyEventV2): string {
  const raw =
    event.body === undefined || event.body === null
      ? Buffer.alloc(0)
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return createHash('sha256').update(raw).digest('base64');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * The record's sort key: the prefix and a hash of the scope, its keys sorted (as Powertools
 * hashed it, so records written before still match).
 */
export function recordKeyOf(scope: IdempotencyScope): string {
  const { caller, key, path, route } = scope;
  return `${KEY_PREFIX}#${sha256(JSON.stringify({ caller, key, path, route }))}`;
}

/** What a repeat's body must match: a hash of the body's hash (Powertools' payload validation). */
const validationHashOf = (bodyHash: string) => sha256(JSON.stringify(bodyHash));

const inProgress = (key: string) =>
  new ApiErrorWithHeaders(
    new ApiError(409, 'idempotency_in_progress', { key, retryAfter: RETRY_AFTER_SECONDS }),
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );

/**
 * Runs `run` (the operation with its rendering) at most once per scoped key. Returns the fresh
 * response, or the stored one marked `idempotent-replayed: true`. Throws ApiError for 409/422/503.
 */
export async function runIdempotent(options: {
  scope: IdempotencyScope;
  bodyHash: string;
  context: Context;
  requestId: string;
  run: () => Promise<HttpResponse>;
}): Promise<HttpResponse> {
  const { scope, bodyHash, context, requestId, run } = options;
  const once = await runAtMostOnce({
    recordKey: recordKeyOf(scope),
    payloadHash: validationHashOf(bodyHash),
    // Until this invocation's deadline: after it, the attempt is gone and a retry may take over.
    deadlineMs: Date.now() + context.getRemainingTimeInMillis(),
    ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
    run,
    keep: (response) => {
      if (response.statusCode >= 500 || response.statusCode === 429) return undefined;
      const { 'x-request-id': _requestId, ...headers } = response.headers;
      return {
        statusCode: response.statusCode,
        headers,
        ...(response.body !== undefined ? { body: response.body } : {}),
      };
    },
  });
  switch (once.outcome) {
    case 'ran':
      return once.response;
    case 'replayed':
      return {
        statusCode: once.stored.statusCode,
        headers: { ...once.stored.headers, 'x-request-id': requestId, [REPLAYED_HEADER]: 'true' },
        ...(once.stored.body !== undefined ? { body: once.stored.body } : {}),
      };
    case 'reused':
      throw new ApiError(422, 'idempotency_key_reused', { key: scope.key });
    case 'in-progress':
      throw inProgress(scope.key);
    case 'store-unavailable':
      throw new ApiError(503, 'unavailable', { what: 'idempotency store' });
  }
}
