/**
 * The documented error shape: {"error": {"code", "message", "details"}} with the right status.
 * Handlers throw ApiError; the HTTP middleware renders it in the caller's language.
 */
import { type ErrorCode, errorCatalogue, format, type Lang, type Text } from './i18n.ts';

export interface ErrorDetail {
  /** Where the problem is, e.g. "body.members.0.name" or "header.If-Match". */
  path?: string;
  /** A machine-readable reason (zod issue code, rule id, …). */
  code: string;
  message: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details: ErrorDetail[] | ((lang: Lang) => ErrorDetail[]);
  readonly text: Text | undefined;

  constructor(
    status: number,
    code: ErrorCode,
    params: Record<string, string | number> = {},
    details: ErrorDetail[] | ((lang: Lang) => ErrorDetail[]) = [],
    text?: Text,
  ) {
    super(format(text?.en ?? errorCatalogue[code].en, params));
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.details = details;
    this.text = text;
  }

  render(lang: Lang): { error: { code: string; message: string; details: ErrorDetail[] } } {
    const template = (this.text ?? errorCatalogue[this.code])[lang];
    const details = typeof this.details === 'function' ? this.details(lang) : this.details;
    return { error: { code: this.code, message: format(template, this.params), details } };
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', { what });
export const forbidden = (action: string) => new ApiError(403, 'forbidden', { action });
export const conflict = (reason: string) => new ApiError(409, 'conflict', { reason });
export const versionConflict = (expected: number) => new ApiError(409, 'version_conflict', { expected });
