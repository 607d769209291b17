/**
 * What can go wrong in a programme decision, in the programme's own terms. Use cases and domain
 * code throw these; the HTTP adapter (shared/http/errors.ts) gives each code its status and renders
 * the message in the caller's language. Every message is written in both languages here, at its source.
 */
import { format, type Lang, type Text } from './text.ts';

/** A detail of an error: where the problem is and a machine-readable reason. */
export interface ErrorDetail {
  /** Where the problem is, e.g. "body.members.0.name" or "header.If-Match". */
  path?: string;
  /** A machine-readable reason (zod issue code, rule id, …). */
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** Error codes the domain and use cases raise, with their default messages ({params} filled in). */
export const domainErrorCatalogue = {
  validation_failed: { en: 'The request is not valid: {summary}', zh: '请求无效：{summary}' },
  payload_too_large: {
    en: 'The request body is {size} bytes; the limit is {limit} bytes',
    zh: '请求体为 {size} 字节，上限为 {limit} 字节',
  },
  forbidden: { en: 'Your role may not do this: {action}', zh: '您的角色无权执行此操作：{action}' },
  not_found: { en: 'Not found: {what}', zh: '未找到：{what}' },
  version_conflict: {
    en: 'The record changed since version {expected}; reload and retry',
    zh: '记录已在版本 {expected} 之后被修改，请刷新后重试',
  },
  conflict: { en: 'Conflict: {reason}', zh: '冲突：{reason}' },
  rule_violation: { en: 'Rules not met: {rules}', zh: '不符合规则：{rules}' },
  unavailable: { en: 'A dependency is unavailable: {what}', zh: '依赖服务不可用：{what}' },
  too_many_requests: { en: 'Too many requests: {reason}', zh: '请求过于频繁：{reason}' },
} as const satisfies Record<string, Text>;

export type DomainErrorCode = keyof typeof domainErrorCatalogue;

export type Details = ErrorDetail[] | ((lang: Lang) => ErrorDetail[]);

export class DomainError<Code extends string = DomainErrorCode> extends Error {
  readonly code: Code;
  readonly params: Record<string, string | number>;
  readonly details: Details;
  /** The message templates in both languages ({params} filled in when rendered). */
  readonly text: Text;

  constructor(code: Code, text: Text, params: Record<string, string | number> = {}, details: Details = []) {
    super(format(text.en, params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.details = details;
    this.text = text;
  }

  /** The message in one language. */
  messageIn(lang: Lang): string {
    return format(this.text[lang], this.params);
  }

  render(lang: Lang): { error: { code: string; message: string; details: ErrorDetail[] } } {
    const details = typeof this.details === 'function' ? this.details(lang) : this.details;
    return { error: { code: this.code, message: this.messageIn(lang), details } };
  }
}

const withCode = (
  code: DomainErrorCode,
  params: Record<string, string | number> = {},
  details: Details = [],
) => new DomainError(code, domainErrorCatalogue[code], params, details);

/** The catalogue's template with one parameter filled in per language. */
function filled(code: DomainErrorCode, key: string, value: Text): DomainError {
  const t = domainErrorCatalogue[code];
  return new DomainError(code, {
    en: format(t.en, { [key]: value.en }),
    zh: format(t.zh, { [key]: value.zh }),
  });
}

/** `what` names the missing thing in both languages, e.g. nouns.alliance(id). */
export const notFound = (what: Text) => filled('not_found', 'what', what);
/** `action` says what the caller's role may not do. */
export const forbidden = (action: Text) => filled('forbidden', 'action', action);
/** The request conflicts with the state of the record (wrong status, already done, taken…). */
export const conflict = (reason: Text) => filled('conflict', 'reason', reason);
/** Optimistic concurrency: the record is no longer at the version the caller saw. */
export const versionConflict = (expected: number) => withCode('version_conflict', { expected });
/** Programme rules are not met: `rules` lists their ids; details carry each rule's reason. */
export const ruleViolation = (rules: readonly string[], details: Details) =>
  withCode('rule_violation', { rules: rules.join(', ') }, details);
/** Input that the schema accepted but a rule of the use case does not (path: where). */
export function invalid(path: string, message: Text, code = 'invalid'): DomainError {
  const t = domainErrorCatalogue.validation_failed;
  return new DomainError(
    'validation_failed',
    {
      en: format(t.en, { summary: `${path}: ${message.en}` }),
      zh: format(t.zh, { summary: `${path}: ${message.zh}` }),
    },
    {},
    (lang) => [{ path, code, message: message[lang] }],
  );
}
/** A dependency (another AWS service) did not answer; retrying later may work. */
export const unavailable = (what: Text) => filled('unavailable', 'what', what);

/** A limit on how often someone may do something was reached; `retryAfterSeconds` when waiting helps. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number | undefined;
  constructor(text: Text, retryAfterSeconds?: number) {
    super('too_many_requests', text);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** `reason` says which limit was reached; `retryAfterSeconds` (if any) when it lifts. */
export function tooManyRequests(reason: Text, retryAfterSeconds?: number): RateLimitedError {
  const t = domainErrorCatalogue.too_many_requests;
  return new RateLimitedError(
    { en: format(t.en, { reason: reason.en }), zh: format(t.zh, { reason: reason.zh }) },
    retryAfterSeconds,
  );
}
/** A custom domain error with its own templates (e.g. a ledger refusal with amounts). */
export const domainError = (
  code: DomainErrorCode,
  text: Text,
  params: Record<string, string | number> = {},
  details: Details = [],
) => new DomainError(code, text, params, details);

/** The programme's nouns, for "not found" subjects: notFound(nouns.alliance(id)). */
export const nouns = {
  alliance: (id: string): Text => ({ en: `alliance ${id}`, zh: `联盟 ${id}` }),
  round: (id: string): Text => ({ en: `round ${id}`, zh: `申报批次 ${id}` }),
  organisation: (id: string): Text => ({ en: `organisation ${id}`, zh: `单位 ${id}` }),
  objection: (id: string): Text => ({ en: `objection ${id}`, zh: `异议 ${id}` }),
  inspection: (id: string): Text => ({ en: `inspection ${id}`, zh: `检查 ${id}` }),
  document: (id: string): Text => ({ en: `document ${id}`, zh: `文件 ${id}` }),
};
