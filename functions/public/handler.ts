/** Public routes (no sign-in, throttled): the notice as JSON and as a page, and objections. */
import { NOTICE_CSP } from '../../shared/domain/notice.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { fileObjection, noticeDocument } from '../../shared/usecases/selection.ts';

/** The page has no scripts and loads nothing: the policy says so to the browser too. */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': NOTICE_CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=60',
};

export const handler = httpHandler('public', {
  async getNotice({ params }) {
    return {
      raw: await noticeDocument(params.roundId, 'json'),
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' },
    };
  },
  async getNoticePage({ params }) {
    return { raw: await noticeDocument(params.roundId, 'html'), headers: pageHeaders };
  },
  async fileObjection({ params, body, event }) {
    return {
      status: 201,
      body: await fileObjection(params.roundId, body, event.requestContext.http.sourceIp),
    };
  },
});
