/** Language negotiation and the catalogue of error messages (Chinese and English). */
import { domainErrorCatalogue } from '../domain/errors.ts';
import type { Lang, Text } from '../domain/text.ts';

export { format, type Lang, type Text } from '../domain/text.ts';

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

/** Error codes with their default messages. Parameters in {braces} are filled from `params`. */
export const errorCatalogue = {
  ...domainErrorCatalogue,
  malformed_json: { en: 'The request body is not valid JSON', zh: '请求体不是有效的 JSON' },
  unsupported_media_type: {
    en: 'The request body must be JSON (Content-Type: application/json)',
    zh: '请求体必须是 JSON（Content-Type: application/json）',
  },
  unauthorized: { en: 'Sign-in is required (a valid bearer token)', zh: '需要登录（有效的 Bearer 令牌）' },
  route_not_found: { en: 'No such endpoint: {route}', zh: '不存在的接口：{route}' },
  method_not_allowed: {
    en: 'Method {method} is not allowed here; allowed: {allowed}',
    zh: '此处不允许 {method} 方法；允许：{allowed}',
  },
  idempotency_key_reused: {
    en: 'Idempotency-Key {key} was already used for a request with a different body; use a new key for a new request',
    zh: '幂等键（Idempotency-Key）{key} 已用于请求体不同的另一个请求；新的请求请使用新的幂等键',
  },
  idempotency_in_progress: {
    en: 'A request with Idempotency-Key {key} is still being processed; retry in {retryAfter} s',
    zh: '使用幂等键（Idempotency-Key）{key} 的请求仍在处理中，请在 {retryAfter} 秒后重试',
  },
  too_many_requests: { en: 'Too many requests; retry later', zh: '请求过于频繁，请稍后重试' },
  origin_not_allowed: {
    en: "Call the API through the programme's web address (its CloudFront distribution), not the API Gateway URL",
    zh: '请通过本计划的网址（CloudFront 分发）访问接口，而不是直接访问 API Gateway 地址',
  },
  internal: {
    en: 'An internal error occurred; it has been logged (request {requestId})',
    zh: '发生内部错误，已记录（请求 {requestId}）',
  },
} as const satisfies Record<string, Text>;

export type ErrorCode = keyof typeof errorCatalogue;
