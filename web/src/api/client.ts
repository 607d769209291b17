/**
 * The typed API client: openapi-fetch over the types generated from openapi.json (schema.d.ts), on
 * the console's own origin (/v1). Every request carries the token and Accept-Language, so the API's
 * error messages come back in the user's language.
 */
import createClient from 'openapi-fetch';
import { currentToken } from '../auth/session.ts';
import type { Lang } from '../i18n.ts';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

let language: Lang = 'zh';
export const setApiLanguage = (lang: Lang) => {
  language = lang;
};

export const api = createClient<paths>({ baseUrl: '' });
api.use({
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('accept-language', language === 'zh' ? 'zh-CN' : 'en');
    return request;
  },
});

/** An API failure with the message the API wrote (in the language asked). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

/** The data of an openapi-fetch result, or an ApiError with the API's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as {
      error?: { code?: string; message?: string; details?: unknown[] };
      message?: string;
    };
    throw new ApiError(
      result.response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? body?.message ?? `HTTP ${result.response.status}`,
      body?.error?.details ?? [],
    );
  }
  return result.data as T;
}
