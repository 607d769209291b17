/**
 * Upload tickets and document listings. An applicant never chooses where a file goes: the server
 * picks the key (alliances/<allianceId>/<kind>/<documentId>.pdf), records a pending document, and
 * hands out a presigned POST limited to that key, to application/pdf and to the kind's size limit.
 * Every ticket is a fresh key. The verifier (./verify.ts) settles the document when the first
 * object arrives; the ticket stays usable until it expires, but what it uploads later is ignored
 * (and audited), so a new document needs a new ticket.
 */
import { randomUUID } from 'node:crypto';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { s3Client } from '../../aws/clients.ts';
import { env } from '../../config.ts';
import { putPendingDocument, toDocument } from '../../db/documents.ts';
import { DOCUMENT_LIMITS, documentKey, kindNames, PDF_CONTENT_TYPE } from '../../domain/documents.ts';
import { type DomainError, domainError, invalid } from '../../domain/errors.ts';
import { type DocumentKind, type DocumentRecord, documentKinds } from '../../domain/model/document.ts';

export { listDocuments, toDocument } from '../../db/documents.ts';
export { latestAgreement } from '../../domain/documents.ts';

/** How long a presigned POST stays usable. */
export const UPLOAD_TTL_SECONDS = 10 * 60;
/**
 * A pending document nobody uploaded to disappears after this long (DynamoDB TTL on `expiresAt`,
 * removed when the verifier settles it). Longer than any redelivery of a delayed event can take
 * (EventBridge retries for 24 h, a dead-letter queue keeps messages at most 14 days).
 */
export const PENDING_TTL_SECONDS = 14 * 24 * 60 * 60;

export interface UploadTicketRequest {
  allianceId: string;
  kind: DocumentKind;
  fileName?: string | undefined;
  /** The size the client says the file has; refused (413) above the kind's limit. */
  declaredSize?: number | undefined;
  /** The user asking for the upload (JWT sub). */
  uploadedBy: string;
  /** The member organisation the user acts for, when known. */
  organisationId?: string | undefined;
  now?: Date;
}

export interface UploadTicket {
  document: DocumentRecord;
  upload: { method: 'POST'; url: string; fields: Record<string, string>; expiresAt: string };
}

const notAnId = { en: 'not a valid id', zh: '不是有效的标识' };

/** An id as the API takes it: 1–64 letters, digits, "-" and "_" (safe in an S3 key and a partition key). */
const isId = (value: unknown): boolean => typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
const isDocumentKind = (value: unknown): value is DocumentKind =>
  (documentKinds as readonly unknown[]).includes(value);

function tooLarge(kind: DocumentKind, size: number, limit: number): DomainError {
  const params = { size, limit, kindEn: kindNames[kind].en, kindZh: kindNames[kind].zh };
  return domainError(
    'payload_too_large',
    {
      en: 'The file is {size} bytes; the limit for {kindEn} documents is {limit} bytes',
      zh: '文件为 {size} 字节，{kindZh}文件上限为 {limit} 字节',
    },
    params,
    (lang) => [
      {
        path: 'body.size',
        code: 'too_big',
        message:
          lang === 'zh'
            ? `${kindNames[kind].zh}文件上限为 ${limit} 字节`
            : `the limit for ${kindNames[kind].en} documents is ${limit} bytes`,
        maximum: limit,
      },
    ],
  );
}

/**
 * Records a pending document and returns a presigned POST for it. The handler has already checked
 * that the caller may upload to this alliance. Throws payload_too_large (413, nothing written) when
 * the declared size is over the kind's limit, validation_failed (400) when an id is malformed.
 */
export async function createUploadTicket(request: UploadTicketRequest): Promise<UploadTicket> {
  const { allianceId, kind, fileName, declaredSize, uploadedBy, organisationId } = request;
  // The ids go into an S3 key and a partition key: never let a malformed one through.
  if (!isId(allianceId)) throw invalid('path.allianceId', notAnId);
  if (!isDocumentKind(kind)) throw invalid('body.kind', { en: 'not a document kind', zh: '不是文件类型' });
  if (organisationId !== undefined && !isId(organisationId)) throw invalid('body.organisationId', notAnId);
  if (!uploadedBy) throw invalid('principal.sub', { en: 'missing', zh: '缺失' });

  const maxBytes = DOCUMENT_LIMITS[kind];
  if (declaredSize !== undefined && declaredSize > maxBytes) throw tooLarge(kind, declaredSize, maxBytes);

  const now = request.now ?? new Date();
  const bucket = env('documentsBucket');
  const id = randomUUID();
  const key = documentKey(allianceId, kind, id);
  const pending = {
    id,
    allianceId,
    kind,
    status: 'pending' as const,
    ...(fileName !== undefined ? { fileName } : {}),
    contentType: PDF_CONTENT_TYPE,
    maxBytes,
    uploadedBy,
    ...(organisationId !== undefined ? { organisationId } : {}),
    requestedAt: now.toISOString(),
    bucket,
    key,
    expiresAt: Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS,
  };

  const conditions: NonNullable<PresignedPostOptions['Conditions']> = [
    { bucket },
    { key }, // exactly this key (createPresignedPost adds the same condition)
    ['content-length-range', 1, maxBytes],
    ['eq', '$Content-Type', PDF_CONTENT_TYPE],
  ];
  // Sign first: a ticket we could not sign leaves no pending item behind.
  const post = await createPresignedPost(s3Client(), {
    Bucket: bucket,
    Key: key,
    Conditions: conditions,
    Fields: { 'Content-Type': PDF_CONTENT_TYPE },
    Expires: UPLOAD_TTL_SECONDS,
  });

  await putPendingDocument(pending);

  return {
    document: toDocument(pending),
    upload: {
      method: 'POST',
      url: post.url,
      fields: post.fields,
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    },
  };
}
