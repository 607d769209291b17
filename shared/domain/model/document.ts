/** Documents uploaded by applicants through presigned POSTs: agreements now, reports and receipts later. */
import type { Text } from '../text.ts';

export const documentKinds = ['agreement', 'report', 'receipt'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * pending: a ticket was issued; verified / rejected: the first object uploaded was judged
 * (shared/domain/documents.ts). A judged document does not change again, except that an admin's
 * reverification of its stored evidence can find a verified one wanting (verified → rejected).
 */
export const documentStatuses = ['pending', 'verified', 'rejected'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export type DocumentRecord = {
  id: string;
  allianceId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  fileName?: string | undefined;
  contentType: string;
  maxBytes: number;
  /** The user who asked for the upload (sub). */
  uploadedBy: string;
  organisationId?: string | undefined;
  requestedAt: string;
  /** When the verifier judged the upload (verified or rejected). */
  verifiedAt?: string | undefined;
  /** Bytes in the object judged. */
  size?: number | undefined;
  /** Pages of a verified PDF. */
  pageCount?: number | undefined;
  /** SHA-256 (hex) of the bytes verified: what expenses, reports and submissions pin. */
  sha256?: string | undefined;
  /** Where the verified bytes are kept (evidence/…, written by the verifier only). */
  evidenceKey?: string | undefined;
  /** The S3 version of the evidence object, when the bucket is versioned. */
  evidenceVersionId?: string | undefined;
  /** When an admin last had the stored evidence checked again. */
  reverifiedAt?: string | undefined;
  /** Why the verifier (or a reverification) rejected the document. */
  rejection?: Text | undefined;
};
