/** What reviewers see of an assigned alliance's documents, and a document's download link. */
import * as z from 'zod';
import { DateTimeSchema, IdSchema } from './common.ts';
import { DocumentKindSchema } from './documents.ts';

export const ReviewerDocumentSchema = z
  .object({
    id: IdSchema,
    kind: DocumentKindSchema,
    fileName: z.string().optional(),
    contentType: z.string(),
    size: z.number().int().optional(),
    pageCount: z.number().int().optional(),
    sha256: z.string().optional(),
    verifiedAt: DateTimeSchema.optional(),
  })
  .meta({ id: 'ReviewerDocument', description: 'A verified document of an alliance assigned to me' });

export const ReviewerDocumentLinkSchema = z
  .object({
    document: ReviewerDocumentSchema,
    url: z
      .string()
      .meta({ description: 'A presigned GET of the verified bytes (a PDF), valid until expiresAt' }),
    expiresAt: DateTimeSchema,
  })
  .meta({ id: 'ReviewerDocumentLink' });

export const ReviewDocumentParams = z.object({
  roundId: IdSchema,
  allianceId: IdSchema,
  documentId: IdSchema,
});
