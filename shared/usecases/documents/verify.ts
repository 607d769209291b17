/**
 * Settles a document when its object arrives in the bucket: the bytes must be a real PDF (parsed:
 * not encrypted, at least one page), not empty, within the document's limit and stored as
 * application/pdf. S3 enforces the POST policy, s3rver does not, and a client can lie about
 * anything it sends, so this is the check that counts.
 *
 * A judged document never changes. The first object judged at a key settles its document; a later
 * object at the same key (the ticket used again before it expires) is ignored, with an audit
 * record (`document.reupload-ignored`), and the document keeps its status, size and SHA-256. A
 * rejected document stays rejected: the applicant asks for a new ticket. The bytes of a verified
 * document are copied, exactly as verified (a PutObject of the bytes read, not a CopyObject of a
 * key that could change in between), to evidence/<allianceId>/<kind>/<documentId>.pdf, where only
 * the verifier can write; that copy is what reverification reads (./reverify.ts).
 *
 * An upload to a key the server never handed out is ignored, and so is the verifier's own evidence
 * copy. A repeated event for the object already judged changes nothing.
 */
import { allianceAudit, systemActor } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import { type DocumentItem, documentVerdictUpdate, loadDocumentItem } from '../../db/documents.ts';
import {
  evidenceKey,
  isEvidenceKey,
  judgeUpload,
  parseDocumentKey,
  type Reason,
  type RejectionCode,
} from '../../domain/documents.ts';
import type { DocumentKind } from '../../domain/model/document.ts';
import { TaskError } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { headObject, readObject, storeEvidence } from './storage.ts';

export const VERIFIER = 'document-verifier';
/** Attempts when a concurrent verifier changes the item between our read and our write. */
const MAX_ATTEMPTS = 3;

export interface UploadedObject {
  bucket: string;
  key: string;
  /** The ETag the event reports, when it does (quoted or not). */
  etag?: string | undefined;
  /** The S3 version the event reports (a versioned bucket): the object judged is exactly that one. */
  versionId?: string | undefined;
  /** The size the event reports. */
  size?: number | undefined;
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
      /** A later object at a judged document's key: not judged, audited; the document stays. */
      status: 'reupload-ignored';
      key: string;
      allianceId: string;
      documentId: string;
      documentStatus: string;
      etag?: string;
      size?: number;
    }
  | {
      status: 'verified' | 'rejected';
      key: string;
      allianceId: string;
      documentId: string;
      size: number;
      pageCount?: number;
      sha256?: string;
      evidenceKey?: string;
      rejection?: Reason;
    };

/** The verdict's write lost to another verifier (its condition failed, or it stayed contended). */
class LostRace extends Error {}

const unquote = (etag: string | undefined) => etag?.replace(/^"+|"+$/g, '') || undefined;

/** Judges the first object at `object.key` and records the verdict against its document. */
export async function verifyUpload(
  object: UploadedObject,
  now: () => Date = () => new Date(),
): Promise<VerifyOutcome> {
  const { bucket, key } = object;
  if (isEvidenceKey(key)) {
    // The copy this verifier wrote after a verification: nothing to judge.
    logger.debug('evidence copy; ignored', { key });
    return { status: 'ignored', key, reason: 'an evidence copy written by the verifier' };
  }
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
    if (item.status !== 'pending') return ignoreLaterUpload(item, object, now());

    const seen = await readObject(bucket, key, item.maxBytes, object.versionId);
    if (!seen) {
      logger.warn('object gone before it could be verified; ignored', { key, documentId });
      return { status: 'ignored', key, reason: 'the object no longer exists' };
    }
    const verdict = judgeUpload({
      size: seen.size,
      maxBytes: item.maxBytes,
      contentType: seen.contentType,
      firstBytes: seen.firstBytes,
      // pdf-lib (≈ 390 KiB) is loaded on the first PDF, not at every cold start (issue #14).
      pdf: seen.bytes ? await (await import('./pdf.ts')).parsePdf(seen.bytes) : undefined,
    });
    const at = now();
    const sha256 = verdict.ok ? seen.sha256! : undefined;
    const rejection = verdict.ok ? undefined : verdict.reason;
    const pageCount = verdict.ok ? verdict.pageCount : undefined;

    let evidence: { key: string; versionId: string | undefined } | undefined;
    if (verdict.ok) {
      const target = evidenceKey(allianceId, item.kind as DocumentKind, documentId);
      try {
        evidence = { key: target, ...(await storeEvidence(bucket, target, seen.bytes!, sha256!)) };
      } catch (error) {
        // Evidence of other bytes: another verifier judged another object for this document first
        // (and is committing, or crashed and will be retried). Look at the document again.
        if (!(error instanceof TaskError && error.name === 'EvidenceConflict')) throw error;
        if (attempt >= MAX_ATTEMPTS) throw error;
        logger.info('evidence holds another object of this document; looking again', { key, attempt });
        continue;
      }
    }

    const audit = allianceAudit(
      allianceId,
      {
        action: verdict.ok ? 'document.verified' : 'document.rejected',
        actor: systemActor(VERIFIER),
        reason: verdict.ok
          ? `${item.kind} is a PDF of ${pageCount} page(s), ${seen.size} bytes (limit ${item.maxBytes}), SHA-256 ${sha256}`
          : rejection!.en,
        data: {
          documentId,
          kind: item.kind,
          key,
          size: seen.size,
          ...(seen.sha256 ? { sha256: seen.sha256 } : {}),
          ...(seen.etag ? { etag: seen.etag } : {}),
          ...(seen.versionId ? { versionId: seen.versionId } : {}),
          ...(pageCount !== undefined ? { pageCount } : {}),
          ...(evidence ? { evidenceKey: evidence.key } : {}),
          ...(evidence?.versionId ? { evidenceVersionId: evidence.versionId } : {}),
          ...(rejection ? { rejection, code: (verdict as { code: RejectionCode }).code } : {}),
        },
      },
      at,
    );
    const update = documentVerdictUpdate(item, {
      verified: verdict.ok,
      size: seen.size,
      at: at.toISOString(),
      etag: seen.etag,
      versionId: seen.versionId,
      sha256,
      pageCount,
      evidenceKey: evidence?.key,
      evidenceVersionId: evidence?.versionId,
      rejection,
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

    logger.info(verdict.ok ? 'document verified' : 'document rejected', {
      key,
      allianceId,
      documentId,
      size: seen.size,
      ...(rejection ? { reason: rejection.en } : { pageCount }),
    });
    return {
      status: verdict.ok ? 'verified' : 'rejected',
      key,
      allianceId,
      documentId,
      size: seen.size,
      ...(pageCount !== undefined ? { pageCount } : {}),
      ...(sha256 ? { sha256 } : {}),
      ...(evidence ? { evidenceKey: evidence.key } : {}),
      ...(rejection ? { rejection } : {}),
    };
  }
}

/**
 * An event for a document already judged: the object it judged again (a repeated event: nothing
 * to do), or a later object at its key, which is not judged and changes nothing but the audit
 * trail. The event names the object (its ETag), else a HEAD of the key does; no bytes are read.
 */
async function ignoreLaterUpload(
  item: DocumentItem,
  object: UploadedObject,
  at: Date,
): Promise<VerifyOutcome> {
  const { key } = object;
  const base = { key, allianceId: item.allianceId, documentId: item.id, documentStatus: item.status };
  let etag = unquote(object.etag);
  let size = object.size;
  let versionId = object.versionId;
  if (!etag) {
    const head = await headObject(object.bucket, key);
    if (!head) return { status: 'unchanged', ...base }; // nothing there to speak of
    ({ etag, size, versionId } = head);
  }
  if (item.etag && etag === item.etag) return { status: 'unchanged', ...base };

  await commit([
    allianceAudit(
      item.allianceId,
      {
        action: 'document.reupload-ignored',
        actor: systemActor(VERIFIER),
        reason: `a later upload to the key of ${item.status} ${item.kind} ${item.id} was ignored; the document keeps the object judged first${item.sha256 ? ` (SHA-256 ${item.sha256})` : ''}`,
        data: {
          documentId: item.id,
          kind: item.kind,
          key,
          documentStatus: item.status,
          ...(etag ? { etag } : {}),
          ...(size !== undefined ? { size } : {}),
          ...(versionId ? { versionId } : {}),
          kept: {
            ...(item.etag ? { etag: item.etag } : {}),
            ...(item.sha256 ? { sha256: item.sha256 } : {}),
            ...(item.evidenceKey ? { evidenceKey: item.evidenceKey } : {}),
          },
        },
      },
      at,
    ),
  ]);
  logger.warn('later upload to a judged document ignored', {
    key,
    documentId: item.id,
    documentStatus: item.status,
    etag,
  });
  return {
    status: 'reupload-ignored',
    ...base,
    ...(etag ? { etag } : {}),
    ...(size !== undefined ? { size } : {}),
  };
}
