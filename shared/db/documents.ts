/**
 * Uploaded documents (agreements, reports, receipts), in their alliance's partition (sort keys DOC#):
 * the pending record an upload ticket writes, the verifier's verdict, and the reads.
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
  sha256: true,
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

/** What the verifier found in the object now at a document's key. */
export interface Verdict {
  verified: boolean;
  size: number;
  at: string;
  etag?: string | undefined;
  sha256?: string | undefined;
  rejection?: Reason | undefined;
  versionId?: string | undefined;
}

/**
 * Records a verdict on a document, on condition that nobody changed the item since it was read
 * (`seen`): pending and never judged, or still describing the object being replaced.
 */
export function documentVerdictUpdate(seen: DocumentItem, verdict: Verdict): TxItem {
  const condition = seen.etag
    ? '#status = :seenStatus AND #etag = :seenEtag'
    : '#status = :seenStatus AND attribute_not_exists(#etag)';
  const set = ['#status = :status', '#size = :size', 'verifiedAt = :at'];
  const remove = ['expiresAt'];
  const values: Record<string, unknown> = {
    ':seenStatus': seen.status,
    ':status': verdict.verified ? 'verified' : 'rejected',
    ':size': verdict.size,
    ':at': verdict.at,
  };
  if (verdict.etag) {
    set.push('#etag = :etag');
    values[':etag'] = verdict.etag;
  } else remove.push('#etag');
  if (seen.etag) values[':seenEtag'] = seen.etag;
  if (verdict.verified) {
    set.push('sha256 = :sha256');
    values[':sha256'] = verdict.sha256;
    remove.push('rejection');
  } else {
    set.push('rejection = :rejection');
    values[':rejection'] = verdict.rejection;
    remove.push('sha256');
  }
  if (verdict.versionId) {
    set.push('versionId = :versionId');
    values[':versionId'] = verdict.versionId;
  } else remove.push('versionId');
  return {
    Update: {
      TableName: table(),
      Key: keys.allianceDocument(seen.allianceId, seen.id),
      UpdateExpression: `SET ${set.join(', ')} REMOVE ${remove.join(', ')}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#status': 'status', '#size': 'size', '#etag': 'etag' },
      ExpressionAttributeValues: values,
    },
  };
}
