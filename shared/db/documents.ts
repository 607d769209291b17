/**
 * Uploaded documents (agreements, reports, receipts), in their alliance's partition (sort keys DOC#):
 * the pending record an upload ticket writes, the verifier's verdict (once: only a pending document
 * is judged), an admin's reverification, and the reads.
 */
import type { Reason } from '../domain/documents.ts';
import type { DocumentRecord } from '../domain/model/document.ts';
import { putItem, type TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem, queryAll } from './query.ts';
import { table } from './table.ts';

export type DocumentStatus = 'pending' | 'verified' | 'rejected';

/** A document as stored: the API's fields plus where the object is and what the verifier saw. */
export interface DocumentItem {
  id: string;
  allianceId: string;
  kind: string;
  status: DocumentStatus;
  key: string;
  bucket: string;
  maxBytes: number;
  etag?: string;
  sha256?: string;
  /** The S3 version of the object judged, when the bucket is versioned. */
  versionId?: string;
  pageCount?: number;
  evidenceKey?: string;
  evidenceVersionId?: string;
  [attribute: string]: unknown;
}

/** Every field of a DocumentRecord (a missing or unknown one fails to compile), in the API's order. */
const documentFields: Record<keyof DocumentRecord, true> = {
  id: true,
  allianceId: true,
  kind: true,
  status: true,
  fileName: true,
  contentType: true,
  maxBytes: true,
  uploadedBy: true,
  organisationId: true,
  requestedAt: true,
  verifiedAt: true,
  size: true,
  pageCount: true,
  sha256: true,
  evidenceKey: true,
  evidenceVersionId: true,
  reverifiedAt: true,
  rejection: true,
};

/**
 * The item as the API shows it (a DocumentRecord): no table keys, bucket, key, etag or TTL; a
 * rejection keeps its two languages only.
 */
export function toDocument(item: Record<string, unknown>): DocumentRecord {
  const document: Record<string, unknown> = {};
  for (const field of Object.keys(documentFields)) {
    if (item[field] !== undefined) document[field] = item[field];
  }
  const rejection = item.rejection as Reason | undefined;
  if (rejection) document.rejection = { en: rejection.en, zh: rejection.zh };
  return document as DocumentRecord;
}

/** One document as stored (consistent read), or undefined. */
export async function loadDocumentItem(
  allianceId: string,
  documentId: string,
): Promise<DocumentItem | undefined> {
  return (await getItem(keys.allianceDocument(allianceId, documentId))) as DocumentItem | undefined;
}

/** Every document of an alliance, newest request first, in the API's shape. */
export async function listDocuments(allianceId: string): Promise<DocumentRecord[]> {
  const { pk, skPrefix } = keys.allianceDocuments(allianceId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
    ExpressionAttributeValues: { ':pk': pk, ':doc': skPrefix },
    ConsistentRead: true,
  });
  return items
    .map(toDocument)
    .sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : 0));
}

/**
 * Records a pending document, never over an existing one (a failed condition throws the
 * ConditionalCheckFailedException itself).
 */
export async function putPendingDocument(document: DocumentItem & { status: 'pending' }): Promise<void> {
  await putItem(
    {
      TableName: table(),
      Item: { ...keys.allianceDocument(document.allianceId, document.id), type: 'document', ...document },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
    () => undefined,
  );
}

/** What the verifier found in the first object at a document's key. */
export interface Verdict {
  verified: boolean;
  size: number;
  at: string;
  etag?: string | undefined;
  /** The S3 version judged. */
  versionId?: string | undefined;
  sha256?: string | undefined;
  pageCount?: number | undefined;
  evidenceKey?: string | undefined;
  evidenceVersionId?: string | undefined;
  rejection?: Reason | undefined;
}

/**
 * Records the verdict on a pending document, on condition that it is still pending and was never
 * judged: a document is judged once, whatever arrives at its key later.
 */
export function documentVerdictUpdate(seen: DocumentItem, verdict: Verdict): TxItem {
  const set = ['#status = :status', '#size = :size', 'verifiedAt = :at'];
  const values: Record<string, unknown> = {
    ':pending': 'pending',
    ':status': verdict.verified ? 'verified' : 'rejected',
    ':size': verdict.size,
    ':at': verdict.at,
  };
  const optional: Record<string, unknown> = verdict.verified
    ? {
        sha256: verdict.sha256,
        pageCount: verdict.pageCount,
        evidenceKey: verdict.evidenceKey,
        evidenceVersionId: verdict.evidenceVersionId,
      }
    : { rejection: verdict.rejection };
  Object.assign(optional, { '#etag': verdict.etag, versionId: verdict.versionId });
  for (const [name, value] of Object.entries(optional)) {
    if (value === undefined) continue;
    const placeholder = `:${name.replace('#', '')}`;
    set.push(`${name} = ${placeholder}`);
    values[placeholder] = value;
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.allianceDocument(seen.allianceId, seen.id),
      UpdateExpression: `SET ${set.join(', ')} REMOVE expiresAt`,
      ConditionExpression: '#status = :pending AND attribute_not_exists(#etag)',
      ExpressionAttributeNames: { '#status': 'status', '#size': 'size', '#etag': 'etag' },
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Records a reverification of a verified document: `reverifiedAt`, and when it failed, the
 * document becomes rejected with the reason (its SHA-256 stays: it is what expenses pinned). On
 * condition that it is still the verified document that was read.
 */
/**
 * The document as `reverificationUpdate` leaves it: its condition pins the status and the digest,
 * and a verified document changes in nothing else, so this is the stored item after the update.
 */
export const reverified = (
  seen: DocumentItem,
  outcome: { at: string; rejection?: Reason | undefined },
): DocumentItem => ({
  ...seen,
  reverifiedAt: outcome.at,
  ...(outcome.rejection ? { status: 'rejected' as const, rejection: outcome.rejection } : {}),
});

export function reverificationUpdate(
  seen: DocumentItem,
  outcome: { at: string; rejection?: Reason | undefined },
): TxItem {
  const values: Record<string, unknown> = {
    ':verified': 'verified',
    ':sha256': seen.sha256,
    ':at': outcome.at,
  };
  let update = 'SET reverifiedAt = :at';
  if (outcome.rejection) {
    update += ', #status = :rejected, rejection = :rejection';
    values[':rejected'] = 'rejected';
    values[':rejection'] = outcome.rejection;
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.allianceDocument(seen.allianceId, seen.id),
      UpdateExpression: update,
      ConditionExpression: '#status = :verified AND sha256 = :sha256',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  };
}
