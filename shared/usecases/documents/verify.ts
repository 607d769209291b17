/**
 * Settles a document when its object arrives in the bucket: the bytes must be a PDF, not empty,
 * within the document's limit and stored as application/pdf. S3 enforces the POST policy, s3rver
 * does not, and a client can lie about anything it sends, so this is the check that counts.
 *
 * The document item always describes the object currently at its key. An upload to a key the
 * server never handed out is ignored. A repeated event for an object already judged changes
 * nothing. A new object at a judged key (the same ticket used again before it expires) is judged
 * again, so a verified PDF cannot be swapped for something else unnoticed.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, type GetObjectCommandOutput, NoSuchKey } from '@aws-sdk/client-s3';
import { s3Client } from '../../aws/clients.ts';
import { allianceAudit, systemActor } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import { documentVerdictUpdate, loadDocumentItem } from '../../db/documents.ts';
import { judgeUpload, parseDocumentKey, type Reason } from '../../domain/documents.ts';
import { TaskError } from '../../errors.ts';
import { logger } from '../../logger.ts';

export const VERIFIER = 'document-verifier';
/** Attempts when a concurrent verifier changes the item between our read and our write. */
const MAX_ATTEMPTS = 3;
/** Bytes kept from the start of the object for the magic-number check. */
const HEAD_BYTES = 8;

export interface UploadedObject {
  bucket: string;
  key: string;
  /** The ETag the event reports, when it does (quoted or not). */
  etag?: string | undefined;
}

export type VerifyOutcome =
  | { status: 'ignored'; key: string; reason: string }
  | {
      status: 'unchanged';
      key: string;
      allianceId: string;
      documentId: string;
      documentStatus: string;
    }
  | {
      status: 'verified' | 'rejected';
      key: string;
      allianceId: string;
      documentId: string;
      size: number;
      sha256?: string;
      rejection?: Reason;
    };

/** The verdict's write lost to another verifier (its condition failed, or it stayed contended). */
class LostRace extends Error {}

const unquote = (etag: string | undefined) => etag?.replace(/^"+|"+$/g, '') || undefined;

function discard(body: GetObjectCommandOutput['Body']): void {
  (body as { destroy?: () => void } | undefined)?.destroy?.();
}

interface Inspection {
  /** Bytes in the object (ContentLength, or counted). */
  size: number;
  head: Buffer;
  /** Set when the whole object was read. */
  sha256?: string;
}

/** Reads the object once: size, first bytes and SHA-256, stopping as soon as it is over `maxBytes`. */
async function inspect(got: GetObjectCommandOutput, maxBytes: number): Promise<Inspection> {
  if (got.ContentLength !== undefined && got.ContentLength > maxBytes) {
    discard(got.Body);
    return { size: got.ContentLength, head: Buffer.alloc(0) };
  }
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  if (got.Body) {
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES);
      // Larger than announced and over the limit: no need to read (or hash) the rest.
      if (size > maxBytes) return { size, head };
      hash.update(chunk);
    }
  }
  return { size, head, sha256: hash.digest('hex') };
}

/** Judges the object at `object.key` and records the verdict against its document. */
export async function verifyUpload(
  object: UploadedObject,
  now: () => Date = () => new Date(),
): Promise<VerifyOutcome> {
  const { bucket, key } = object;
  const parts = parseDocumentKey(key);
  if (!parts) {
    logger.warn('object outside alliances/<id>/<kind>/<id>.pdf; ignored', { bucket, key });
    return { status: 'ignored', key, reason: 'not a document key' };
  }
  const { allianceId, documentId } = parts;

  for (let attempt = 1; ; attempt++) {
    const item = await loadDocumentItem(allianceId, documentId);
    if (!item || item.key !== key) {
      // Only a key the server handed out has an item; retrying cannot make one appear.
      logger.warn('upload to a key no ticket was issued for; ignored', {
        bucket,
        key,
        allianceId,
        documentId,
      });
      return { status: 'ignored', key, reason: 'no document was requested for this key' };
    }
    const unchanged = () =>
      ({ status: 'unchanged', key, allianceId, documentId, documentStatus: item.status }) as const;
    // A repeated event for the object already judged: nothing to do, no need to read it.
    if (item.status !== 'pending' && item.etag && item.etag === unquote(object.etag)) return unchanged();

    let got: GetObjectCommandOutput;
    try {
      got = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (!(error instanceof NoSuchKey)) throw error;
      logger.warn('object gone before it could be verified; ignored', { key, documentId });
      return { status: 'ignored', key, reason: 'the object no longer exists' };
    }
    const etag = unquote(got.ETag);
    if (item.status !== 'pending' && item.etag && item.etag === etag) {
      discard(got.Body);
      return unchanged();
    }

    const seen = await inspect(got, item.maxBytes);
    const verdict = judgeUpload({
      firstBytes: seen.head,
      size: seen.size,
      maxBytes: item.maxBytes,
      contentType: got.ContentType,
    });
    const at = now();
    const verified = verdict.ok;
    const sha256 = verified ? seen.sha256! : undefined;
    const rejection = verdict.ok ? undefined : verdict.reason;

    const replaced =
      item.status === 'pending' ? undefined : { status: item.status, etag: item.etag, sha256: item.sha256 };
    const audit = allianceAudit(
      allianceId,
      {
        action: verified ? 'document.verified' : 'document.rejected',
        actor: systemActor(VERIFIER),
        reason: verified
          ? `${item.kind} is a PDF of ${seen.size} bytes (limit ${item.maxBytes}), SHA-256 ${sha256}`
          : rejection!.en,
        data: {
          documentId,
          kind: item.kind,
          key,
          size: seen.size,
          ...(seen.sha256 ? { sha256: seen.sha256 } : {}),
          ...(etag ? { etag } : {}),
          ...(got.VersionId ? { versionId: got.VersionId } : {}),
          ...(rejection ? { rejection } : {}),
          ...(replaced ? { replaced } : {}),
        },
      },
      at,
    );

    // The verdict holds only if nobody changed the item since we read it: pending and never judged,
    // or still describing the object we saw replaced.
    const update = documentVerdictUpdate(item, {
      verified,
      size: seen.size,
      at: at.toISOString(),
      etag,
      sha256,
      rejection,
      versionId: got.VersionId,
    });
    const lost = new LostRace();
    try {
      await commit([update, audit], { onConditionFailed: lost, onContended: () => lost });
    } catch (error) {
      if (error !== lost) throw error;
      // Another verifier settled it first (a repeated event, or a second upload to the same key).
      // Look again: most likely it judged this very object and there is nothing left to do.
      if (attempt >= MAX_ATTEMPTS)
        throw new TaskError(
          'DocumentContention',
          `document ${documentId} kept changing while being verified`,
        );
      logger.info('document changed while being verified; looking again', { key, attempt });
      continue;
    }

    logger.info(verified ? 'document verified' : 'document rejected', {
      key,
      allianceId,
      documentId,
      size: seen.size,
      ...(rejection ? { reason: rejection.en } : {}),
    });
    return {
      status: verified ? 'verified' : 'rejected',
      key,
      allianceId,
      documentId,
      size: seen.size,
      ...(sha256 ? { sha256 } : {}),
      ...(rejection ? { rejection } : {}),
    };
  }
}
