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
      verifiedAt: DateTimeSchema.optional(),
      size: z.number().int().optional(),
      sha256: z.string().optional(),
      rejection: TextSchema.optional(),
    })
    .meta({ id: 'Document' }),
);
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
