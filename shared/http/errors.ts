/**
 * The documented error shape: {"error": {"code", "message", "details"}} with the right status.
 * Use cases throw the domain's errors (shared/domain/errors.ts); this adapter gives each code its
 * HTTP status, once. HTTP-only failures (401, 404 route, 405, 413 body, 415, idempotency) are
 * ApiErrors, which carry their status themselves.
 */
import { type Details, DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { type ErrorCode, errorCatalogue, format, type Text } from './i18n.ts';

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
};

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

// --- Transitional (removed when every use case throws the domain's errors) -------------------------
export type Reason = string | Text;

/** Entity words of "not found" subjects, so a 404 reads in Chinese too ("未找到：联盟 a-…"). */
const entityZh: [RegExp, string][] = [
  [/^alliance\b/, '联盟'],
  [/^round\b/, '申报批次'],
  [/^organisation with USCC\b/, '统一社会信用代码为该值的单位'],
  [/^organisation\b/, '单位'],
  [/^objection\b/, '异议'],
  [/^inspection\b/, '检查'],
  [/^assignment\b/, '评审分配'],
  [/^screening record\b/, '审查记录'],
  [/^a public notice\b/, '公示'],
  [/^a ranking\b/, '排名'],
  [/^an award\b/, '资助'],
  [/^an implementation plan\b/, '实施方案'],
  [/^report\b/, '报告'],
  [/^document\b/, '文件'],
];

function withText(
  status: number,
  code: 'not_found' | 'forbidden' | 'conflict',
  key: string,
  reason: Reason,
  zhFor?: (en: string) => string | undefined,
) {
  if (typeof reason !== 'string') {
    const t = errorCatalogue[code];
    return new ApiError(status, code, {}, [], {
      en: format(t.en, { [key]: reason.en }),
      zh: format(t.zh, { [key]: reason.zh }),
    });
  }
  const zh = zhFor?.(reason);
  if (zh === undefined) return new ApiError(status, code, { [key]: reason });
  const t = errorCatalogue[code];
  return new ApiError(status, code, { [key]: reason }, [], {
    en: format(t.en, { [key]: reason }),
    zh: format(t.zh, { [key]: zh }),
  });
}

export const notFound = (what: Reason) =>
  withText(404, 'not_found', 'what', what, (en) => {
    for (const [pattern, zh] of entityZh) if (pattern.test(en)) return en.replace(pattern, zh);
    return undefined;
  });
export const forbidden = (action: Reason) => withText(403, 'forbidden', 'action', action);
export const conflict = (reason: Reason) => withText(409, 'conflict', 'reason', reason);
export const versionConflict = (expected: number) => new ApiError(409, 'version_conflict', { expected });
