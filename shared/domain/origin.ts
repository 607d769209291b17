/**
 * The proof that a request came through the deployment's CloudFront distribution (and so through
 * its WAF): CloudFront adds a per-deployment secret in `x-origin-verify` (infra/constructs/edge.ts);
 * the functions know the same secret as ORIGIN_VERIFY_SECRET. Pure: compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';

/** The header CloudFront sends with the deployment's origin-verify secret. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** True when `headers` carry exactly `secret` in x-origin-verify (header names in lower case). */
export function provesOrigin(headers: Record<string, string | undefined>, secret: string): boolean {
  const given = headers[ORIGIN_VERIFY_HEADER];
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
