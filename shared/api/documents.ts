/** Documents uploaded by applicants through presigned POSTs: agreements now, reports and receipts later. */
import * as z from 'zod';
import { DateTimeSchema, IdSchema } from './common.ts';

export const documentKinds = ['agreement', 'report', 'receipt'] as const;
export const DocumentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.output<typeof DocumentKindSchema>;

export const DocumentStatusSchema = z.enum(['pending', 'verified', 'rejected']);

export const DocumentSchema = z
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
    rejection: z.object({ en: z.string(), zh: z.string() }).optional(),
  })
  .meta({ id: 'Document' });
export type DocumentRecord = z.output<typeof DocumentSchema>;

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
