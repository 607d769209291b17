/** Documents uploaded by applicants through presigned POSTs: agreements now, reports and receipts later. */
import type { Text } from '../text.ts';

export const documentKinds = ['agreement', 'report', 'receipt'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** pending: a ticket was issued; verified / rejected: the uploaded object was judged (shared/domain/documents.ts). */
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
  verifiedAt?: string | undefined;
  size?: number | undefined;
  sha256?: string | undefined;
  /** Why the verifier rejected the upload. */
  rejection?: Text | undefined;
};
