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

/** A reason given in both languages, or in English only (the Chinese template then carries it as is). */
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
