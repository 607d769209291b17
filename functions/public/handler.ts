/** Public routes (no sign-in, throttled): the notice as JSON and as a page, and objections. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { publicNoticeRoutes } from '../../shared/api/routes/public-notice.ts';
import { envOptional } from '../../shared/config.ts';
import { NOTICE_CSP } from '../../shared/domain/notice.ts';
import { requestClientAddress } from '../../shared/domain/objection-abuse.ts';
import { objectionProblemsHtml, objectionReceiptHtml } from '../../shared/domain/objection-form.ts';
import { httpHandler, isFormPost } from '../../shared/http/handler.ts';
import { fileObjection } from '../../shared/usecases/objections.ts';
import { noticeDocument } from '../../shared/usecases/selection.ts';

/** The page has no scripts and loads nothing: the policy says so to the browser too. */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': NOTICE_CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=60',
};

/** The pages answering a form post: as strict as the notice's, never cached. */
const answerHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': NOTICE_CSP,
  'cache-control': 'no-store',
};

/** The address objections are counted by (shared/domain/objection-abuse.ts requestClientAddress). */
const clientAddress = (event: APIGatewayProxyEventV2) =>
  requestClientAddress({
    sourceIp: event.requestContext.http.sourceIp,
    headers: event.headers ?? {},
    originVerifySecret: envOptional('originVerifySecret'),
    addressHeader: envOptional('clientAddressHeader'),
  });

export const handler = httpHandler(
  'public',
  {
    async getNotice({ params }) {
      return {
        raw: await noticeDocument(params.roundId, 'json'),
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' },
      };
    },
    async getNoticePage({ params }) {
      return { raw: await noticeDocument(params.roundId, 'html'), headers: pageHeaders };
    },
    async fileObjection({ params, body, event, lang }) {
      const filed = await fileObjection(params.roundId, body, clientAddress(event));
      // A plain HTML form (the notice page's, no script) gets a page: the receipt with its number.
      if (isFormPost(event)) {
        return { status: 201, raw: objectionReceiptHtml(filed, lang), headers: answerHeaders };
      }
      return { status: 201, body: filed };
    },
  },
  {
    routes: publicNoticeRoutes,
    // …and a form post that fails gets a page listing what was wrong, with the error's status.
    formErrorPage: ({ status, error, lang, event }) => ({
      html: objectionProblemsHtml(event.pathParameters?.roundId, { status, ...error }, lang),
      headers: answerHeaders,
    }),
  },
);
