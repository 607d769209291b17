/**
 * The documented error shape: {"error": {"code", "message", "details"}} with the right status.
 * Use cases throw the domain's errors (shared/domain/errors.ts); this adapter gives each code its
 * HTTP status, once. HTTP-only failures (401, 404 route, 405, 413 body, 415, idempotency) are
 * ApiErrors, which carry their status themselves.
 */
import { type Details, DomainError, type DomainErrorCode, RateLimitedError } from '../domain/errors.ts';
import { type ErrorCode, errorCatalogue, type Text } from './i18n.ts';

export type { ErrorDetail } from '../domain/errors.ts';

/** The HTTP status of each domain error code. */
export const statusOfDomainCode: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  rule_violation: 422,
  unavailable: 503,
  too_many_requests: 429,
};

/** Headers an error's response carries besides the language: Retry-After when a limit lifts later. */
export function errorHeaders(error: DomainError<string>): Record<string, string> {
  return error instanceof RateLimitedError && error.retryAfterSeconds !== undefined
    ? { 'retry-after': String(error.retryAfterSeconds) }
    : {};
}

export class ApiError extends DomainError<ErrorCode> {
  readonly status: number;

  constructor(
    status: number,
    code: ErrorCode,
    params: Record<string, string | number> = {},
    details: Details = [],
    text?: Text,
  ) {
    super(code, text ?? errorCatalogue[code], params, details);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** The status an error is answered with: its own (ApiError), its code's (DomainError), else 500. */
export function httpStatusOf(error: unknown): number {
  if (error instanceof ApiError) return error.status;
  if (error instanceof DomainError) return statusOfDomainCode[error.code as DomainErrorCode] ?? 500;
  return 500;
}
