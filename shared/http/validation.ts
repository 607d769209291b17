/** zod validation whose failures become 400s in the caller's language, field by field. */
import type * as z from 'zod';
// Only the two locales we speak: `z.locales` would bundle all of zod's ~40 (≈260 KB minified).
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
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
