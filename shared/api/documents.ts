/** Documents uploaded by applicants through presigned POSTs: agreements now, reports and receipts later. */
import * as z from 'zod';
import {
  type DocumentKind,
  type DocumentRecord,
  documentKinds,
  documentStatuses,
} from '../domain/model/document.ts';
import { DateTimeSchema, IdSchema, TextSchema } from './common.ts';
import { schemaFor } from './schema-check.ts';

export { documentKinds };
export const DocumentKindSchema = schemaFor<DocumentKind>()(z.enum(documentKinds));
export type { DocumentKind };

export const DocumentStatusSchema = z.enum(documentStatuses);

export const DocumentSchema = schemaFor<DocumentRecord>()(
  z
    .object({
      id: IdSchema,
      allianceId: IdSchema,
      kind: DocumentKindSchema,
      status: DocumentStatusSchema,
      fileName: z.string().optional(),
      contentType: z.string(),
      maxBytes: z.number().int(),
      uploadedBy: z.string().meta({ description: 'The user who asked for the upload (sub)' }),
      organisationId: IdSchema.optional(),
      requestedAt: DateTimeSchema,
      verifiedAt: DateTimeSchema.optional().meta({ description: 'When the upload was judged' }),
      size: z.number().int().optional().meta({ description: 'Bytes in the object judged' }),
      pageCount: z.number().int().optional().meta({ description: 'Pages of a verified PDF' }),
      sha256: z
        .string()
        .optional()
        .meta({ description: 'SHA-256 of the bytes verified: what expenses, reports and submissions pin' }),
      evidenceKey: z
        .string()
        .optional()
        .meta({ description: 'Where the verified bytes are kept (written by the verifier only)' }),
      evidenceVersionId: z.string().optional(),
      reverifiedAt: DateTimeSchema.optional().meta({
        description: 'When an admin last had the stored evidence checked again',
      }),
      rejection: TextSchema.optional(),
    })
    .meta({
      id: 'Document',
      description:
        'Judged once: a later upload to the same ticket is ignored (and audited); a rejected document stays rejected',
    }),
);

export const DocumentParams = z.object({ allianceId: IdSchema, documentId: IdSchema });

export const ReverificationSchema = z
  .object({
    outcome: z.enum(['passed', 'failed']),
    document: DocumentSchema,
    checked: z.object({
      source: z.enum(['evidence', 'original']).meta({
        description: 'The evidence copy, or the original upload for documents verified before copies',
      }),
      key: z.string(),
      versionId: z.string().optional(),
      sha256: z.string().optional().meta({ description: 'SHA-256 of the bytes found' }),
    }),
    flaggedEntries: z
      .array(z.string())
      .meta({ description: 'Ledger entries flagged because the receipt they pin failed' }),
  })
  .meta({ id: 'Reverification' });
export type { DocumentRecord };

export const UploadRequestSchema = z
  .strictObject({
    kind: DocumentKindSchema,
    fileName: z.string().trim().min(1).max(200).optional(),
    contentType: z.literal('application/pdf').default('application/pdf'),
    size: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'Declared size in bytes (checked against the limit now and again on upload)' }),
  })
  .meta({ id: 'UploadRequest' });

export const UploadTicketSchema = z
  .object({
    document: DocumentSchema,
    upload: z.object({
      method: z.literal('POST'),
      url: z.string().meta({ description: 'POST a multipart/form-data form here' }),
      fields: z
        .record(z.string(), z.string())
        .meta({ description: 'Form fields to send before the file field "file"' }),
      expiresAt: DateTimeSchema,
    }),
  })
  .meta({ id: 'UploadTicket' });
