/**
 * Idempotency-Key on mutations (api.md: "Mutations accept an Idempotency-Key header"), built on
 * Powertools for AWS Lambda's idempotency utility with our single table as its store.
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
 *   `idempotency_in_progress` with Retry-After.
 *
 * Stored item (one per scoped key, all in one partition; the hashed sort key spreads load):
 *   pk = 'IDEMPOTENCY', sk = 'http#<base64 SHA-256 of {caller, route, path, key}>',
 *   status = 'INPROGRESS' | 'COMPLETED',
 *   expiresAt = epoch seconds (the table's TTL attribute: DynamoDB deletes the record after 24 h),
 *   inProgressExpiresAt = epoch milliseconds (the Lambda's deadline; a crashed attempt's record
 *     may be taken over after it),
 *   bodyHash = base64 SHA-256 (Powertools' payload validation) of our SHA-256 of the raw body,
 *   response = { statusCode, headers, body? } once COMPLETED.
 */
import { createHash } from 'node:crypto';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { documentClient } from '../aws/clients.ts';
import { env } from '../config.ts';
import { tableDesign } from '../db/table-design.ts';
import { logger } from '../logger.ts';
import type { Principal } from './auth.ts';
import { ApiError } from './errors.ts';

/** Header names as API Gateway (and the local server) deliver them: lower case. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a response is kept and replayed. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** What a 409 `idempotency_in_progress` tells the client to wait before retrying. */
export const RETRY_AFTER_SECONDS = 1;
export const IDEMPOTENCY_PK = 'IDEMPOTENCY';
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

/** The payload Powertools hashes: `scope` names the record, `bodyHash` is validated on a repeat. */
interface IdempotentInput {
  scope: IdempotencyScope;
  bodyHash: string;
}

let cached: { client: object; table: string; store: DynamoDBPersistenceLayer } | undefined;

/**
 * The persistence layer over the single table. Rebuilt when the shared SDK clients were reset
 * (resetClients(): the local stack pointing at new endpoints) or the table name changed.
 */
function persistenceStore(): DynamoDBPersistenceLayer {
  const client = documentClient();
  const table = env('tableName');
  if (cached?.client !== client || cached.table !== table) {
    cached = {
      client,
      table,
      store: new DynamoDBPersistenceLayer({
        tableName: table,
        awsSdkV3Client: new DynamoDBClient({ maxAttempts: 3 }),
        keyAttr: tableDesign.partitionKey,
        sortKeyAttr: tableDesign.sortKey,
        staticPkValue: IDEMPOTENCY_PK,
        // Epoch seconds, which is what DynamoDB TTL reads: expired records are deleted for us.
        expiryAttr: tableDesign.timeToLiveAttribute,
        inProgressExpiryAttr: 'inProgressExpiresAt',
        statusAttr: 'status',
        dataAttr: 'response',
        validationKeyAttr: 'bodyHash',
      }),
    };
  }
  return cached.store;
}

/** A 5xx or 429 response: thrown out of the idempotent function so Powertools deletes the record. */
class NotStored extends Error {
  constructor(readonly response: HttpResponse) {
    super(`not stored: status ${response.statusCode}`);
    this.name = 'NotStored';
  }
}

function isStoredResponse(value: unknown): value is HttpResponse {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.statusCode === 'number' &&
    !!r.headers &&
    typeof r.headers === 'object' &&
    (r.body === undefined || typeof r.body === 'string')
  );
}

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
  // One config per request: the Lambda context (for the in-progress deadline) is this request's.
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'scope',
    payloadValidationJmesPath: 'bodyHash',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    hashFunction: 'sha256',
  });
  config.registerLambdaContext(context);

  // Set when the operation ran in this invocation (as opposed to a replay of a stored response).
  const outcome: { fresh?: HttpResponse } = {};
  const once = makeIdempotent(
    async (_input: IdempotentInput): Promise<HttpResponse> => {
      const response = await run();
      outcome.fresh = response;
      if (response.statusCode >= 500 || response.statusCode === 429) throw new NotStored(response);
      const { 'x-request-id': _requestId, ...headers } = response.headers;
      return {
        statusCode: response.statusCode,
        headers,
        ...(response.body !== undefined ? { body: response.body } : {}),
      };
    },
    { persistenceStore: persistenceStore(), config, keyPrefix: KEY_PREFIX },
  );

  let stored: HttpResponse;
  try {
    stored = await once({ scope, bodyHash });
  } catch (error) {
    if (error instanceof NotStored) return error.response;
    if (error instanceof IdempotencyValidationError) {
      throw new ApiError(422, 'idempotency_key_reused', { key: scope.key });
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new ApiErrorWithHeaders(
        new ApiError(409, 'idempotency_in_progress', { key: scope.key, retryAfter: RETRY_AFTER_SECONDS }),
        { 'retry-after': String(RETRY_AFTER_SECONDS) },
      );
    }
    if (error instanceof IdempotencyPersistenceLayerError) {
      if (outcome.fresh) {
        // The operation ran but its response could not be recorded (or a 5xx record not removed):
        // the client still gets what happened; a retry after the in-progress deadline runs again.
        logger.error('idempotency record not completed', { error, scope });
        return outcome.fresh;
      }
      logger.error('idempotency store unavailable', { error });
      throw new ApiError(503, 'unavailable', { what: 'idempotency store' });
    }
    throw error;
  }
  if (outcome.fresh) return outcome.fresh;
  if (!isStoredResponse(stored)) throw new Error('idempotency record holds no valid response');
  return {
    statusCode: stored.statusCode,
    headers: { ...stored.headers, 'x-request-id': requestId, [REPLAYED_HEADER]: 'true' },
    ...(stored.body !== undefined ? { body: stored.body } : {}),
  };
}
