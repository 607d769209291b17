/** zod validation whose failures become 400s in the caller's language, field by field. */
import type * as z from 'zod';
// Only the two locales we speak: `z.locales` would bundle all of zod's ~40 (≈260 KB minified).
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { BIDI_CONTROLS } from '../domain/text.ts';
import { ApiError, type ErrorDetail } from './errors.ts';
import type { Lang } from './i18n.ts';

const zhLocale = zhCN();
const enLocale = en();

function localeError(lang: Lang) {
  return (lang === 'zh' ? zhLocale : enLocale).localeError;
}

/** Parses `value` against `schema`; on failure throws a 400 naming every bad field under `where`. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'path' | 'query' | 'header' | 'event',
  lang: Lang,
): z.output<S> {
  const result = schema.safeParse(value, { error: localeError(lang) });
  if (result.success) return result.data;
  throw validationError(result.error, where, lang);
}

export function validationError(error: z.ZodError, where: string, _lang: Lang): ApiError {
  const details: ErrorDetail[] = error.issues.map((issue) => {
    const detail: ErrorDetail = {
      path: [where, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    };
    if (issue.code === 'unrecognized_keys') detail.keys = issue.keys;
    return detail;
  });
  const summary = details
    .slice(0, 3)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
  return new ApiError(400, 'validation_failed', { summary }, details);
}

/** How deep a body or query may nest (the deepest input schema has a handful of levels). */
const MAX_DEPTH = 32;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Throws a 400 naming every string (or key) of a JSON value that holds a bidi control character
 * (shared/domain/text.ts): a name that reads backwards on the public notice is refused, not stored.
 */
export function rejectBidiControls(value: unknown, where: 'body' | 'query', lang: Lang): void {
  const details: ErrorDetail[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (details.length >= 20) return;
    // No input of the API nests this deep; a walk without a bound overflows the stack on a body of
    // ~10,000 nested arrays (a 500, found by test/integration/fuzz.test.ts).
    if (path.length > MAX_DEPTH) {
      details.push({
        path: [where, ...path.slice(0, MAX_DEPTH)].join('.'),
        code: 'too_deep',
        message: lang === 'zh' ? `嵌套超过 ${MAX_DEPTH} 层` : `nested deeper than ${MAX_DEPTH} levels`,
      });
      return;
    }
    if (typeof node === 'string') {
      const found = node.match(BIDI_CONTROLS);
      if (found) {
        const cp = codePoint(found[0]);
        details.push({
          path: [where, ...path].join('.'),
          code: 'bidi_control',
          message:
            lang === 'zh'
              ? `含有不可见的文字方向控制字符 ${cp}，请删除后重试`
              : `contains the invisible text-direction control character ${cp}; remove it`,
        });
      }
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...path, String(i)]);
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        walk(key, [...path, key]);
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  if (details.length === 0) return;
  const summary = details
    .slice(0, 3)
    .map((d) => `${d.path}: ${d.message}`)
    .join('; ');
  throw new ApiError(400, 'validation_failed', { summary }, details);
}
