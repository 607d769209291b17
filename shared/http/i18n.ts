/** Language negotiation and the catalogue of error messages (Chinese and English). */
export type Lang = 'zh' | 'en';

/** Picks zh or en from an Accept-Language header by q-value; English when nothing matches. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export interface Text {
  en: string;
  zh: string;
}

/** Error codes with their default messages. Parameters in {braces} are filled from `params`. */
export const errorCatalogue = {
  validation_failed: { en: 'The request is not valid: {summary}', zh: '请求无效：{summary}' },
  malformed_json: { en: 'The request body is not valid JSON', zh: '请求体不是有效的 JSON' },
  unsupported_media_type: {
    en: 'The request body must be JSON (Content-Type: application/json)',
    zh: '请求体必须是 JSON（Content-Type: application/json）',
  },
  payload_too_large: {
    en: 'The request body is {size} bytes; the limit is {limit} bytes',
    zh: '请求体为 {size} 字节，上限为 {limit} 字节',
  },
  unauthorized: { en: 'Sign-in is required (a valid bearer token)', zh: '需要登录（有效的 Bearer 令牌）' },
  forbidden: { en: 'Your role may not do this: {action}', zh: '您的角色无权执行此操作：{action}' },
  not_found: { en: 'Not found: {what}', zh: '未找到：{what}' },
  route_not_found: { en: 'No such endpoint: {route}', zh: '不存在的接口：{route}' },
  method_not_allowed: {
    en: 'Method {method} is not allowed here; allowed: {allowed}',
    zh: '此处不允许 {method} 方法；允许：{allowed}',
  },
  version_conflict: {
    en: 'The record changed since version {expected}; reload and retry',
    zh: '记录已在版本 {expected} 之后被修改，请刷新后重试',
  },
  conflict: { en: 'Conflict: {reason}', zh: '冲突：{reason}' },
  idempotency_key_reused: {
    en: 'Idempotency-Key {key} was already used for a request with a different body; use a new key for a new request',
    zh: '幂等键（Idempotency-Key）{key} 已用于请求体不同的另一个请求；新的请求请使用新的幂等键',
  },
  idempotency_in_progress: {
    en: 'A request with Idempotency-Key {key} is still being processed; retry in {retryAfter} s',
    zh: '使用幂等键（Idempotency-Key）{key} 的请求仍在处理中，请在 {retryAfter} 秒后重试',
  },
  rule_violation: { en: 'Rules not met: {rules}', zh: '不符合规则：{rules}' },
  too_many_requests: { en: 'Too many requests; retry later', zh: '请求过于频繁，请稍后重试' },
  internal: {
    en: 'An internal error occurred; it has been logged (request {requestId})',
    zh: '发生内部错误，已记录（请求 {requestId}）',
  },
  unavailable: { en: 'A dependency is unavailable: {what}', zh: '依赖服务不可用：{what}' },
} as const satisfies Record<string, Text>;

export type ErrorCode = keyof typeof errorCatalogue;

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in params ? String(params[key]) : match,
  );
}
