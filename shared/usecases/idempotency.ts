/**
 * Run a request at most once per key (the Idempotency-Key of shared/http/idempotency.ts), with
 * the records in the single table (shared/db/idempotency.ts):
 *  1. claim the key: one conditional write, which on refusal returns the record in the way;
 *  2. a record in the way with another payload hash → `reused`; still running (and within its
 *     attempt's deadline, else the claim took it over) → `in-progress`; completed → `replayed`
 *     with what was kept;
 *  3. run, then keep the response for replays (one write) or, when `keep` says it must not be
 *     kept (a 5xx, a 429), remove the record so a retry runs again.
 * A store that cannot be written before the run → `store-unavailable` (nothing ran). One that
 * fails after it is logged and the fresh response still returned: what happened is not hidden
 * from the client, and a retry after the deadline runs again.
 */
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IdempotencyStoreError,
  releaseIdempotencyKey,
  type StoredResponse,
} from '../db/idempotency.ts';
import { logger } from '../logger.ts';

export type { StoredResponse } from '../db/idempotency.ts';

export type Once<R> =
  | { outcome: 'ran'; response: R }
  | { outcome: 'replayed'; stored: StoredResponse }
  | { outcome: 'reused' }
  | { outcome: 'in-progress' }
  | { outcome: 'store-unavailable' };

function isStoredResponse(value: unknown): value is StoredResponse {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.statusCode === 'number' &&
    !!r.headers &&
    typeof r.headers === 'object' &&
    (r.body === undefined || typeof r.body === 'string')
  );
}

export async function runAtMostOnce<R>(options: {
  recordKey: string;
  payloadHash: string;
  /** Epoch ms after which an unfinished attempt counts as gone (the Lambda's deadline). */
  deadlineMs: number;
  ttlSeconds: number;
  run: () => Promise<R>;
  /** What to keep for replays, or undefined: not kept, the record is removed. */
  keep: (response: R) => StoredResponse | undefined;
}): Promise<Once<R>> {
  const { recordKey, payloadHash, run, keep } = options;
  const nowMs = Date.now();
  const expiresAt = Math.floor(nowMs / 1000) + options.ttlSeconds;

  let claim: Awaited<ReturnType<typeof claimIdempotencyKey>>;
  try {
    claim = await claimIdempotencyKey(recordKey, {
      bodyHash: payloadHash,
      expiresAt,
      inProgressExpiresAt: options.deadlineMs,
      nowMs,
    });
  } catch (error) {
    logger.error('idempotency store unavailable', { error });
    return { outcome: 'store-unavailable' };
  }
  if (!claim.claimed) {
    const { record } = claim;
    if (record.bodyHash !== payloadHash) return { outcome: 'reused' };
    if (record.status !== 'COMPLETED') return { outcome: 'in-progress' };
    if (!isStoredResponse(record.response)) throw new Error('idempotency record holds no valid response');
    return { outcome: 'replayed', stored: record.response };
  }

  let response: R;
  try {
    response = await run();
  } catch (error) {
    // The run threw past its own error handling: nothing to keep, a retry runs it again.
    await releaseIdempotencyKey(recordKey).catch((e) =>
      logger.error('idempotency record not removed', { error: e, recordKey }),
    );
    throw error;
  }
  try {
    const kept = keep(response);
    if (kept) await completeIdempotencyKey(recordKey, kept, expiresAt);
    else await releaseIdempotencyKey(recordKey);
  } catch (error) {
    if (!(error instanceof IdempotencyStoreError)) throw error;
    logger.error('idempotency record not completed', { error, recordKey });
  }
  return { outcome: 'ran', response };
}
