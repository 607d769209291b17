/** Public routes (no sign-in, throttled): the notice as JSON and as a page, and objections. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { envOptional } from '../../shared/config.ts';
import { NOTICE_CSP } from '../../shared/domain/notice.ts';
import { requestClientAddress } from '../../shared/domain/objection-abuse.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { fileObjection } from '../../shared/usecases/objections.ts';
import { noticeDocument } from '../../shared/usecases/selection.ts';

/** The page has no scripts and loads nothing: the policy says so to the browser too. */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': NOTICE_CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=60',
};

/** The address objections are counted by (shared/domain/objection-abuse.ts requestClientAddress). */
const clientAddress = (event: APIGatewayProxyEventV2) =>
  requestClientAddress({
    sourceIp: event.requestContext.http.sourceIp,
    headers: event.headers ?? {},
    originVerifySecret: envOptional('originVerifySecret'),
    addressHeader: envOptional('clientAddressHeader'),
  });

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
      body: await fileObjection(params.roundId, body, clientAddress(event)),
    };
  },
});
