/**
 * Verifies each upload to the documents bucket (S3 "Object Created" via EventBridge; locally,
 * s3rver's events through the local bus): the bytes must really be a PDF (parsed, not encrypted,
 * at least one page) of the right type and within the document's limit; records size, page
 * count, SHA-256 and the verdict against the alliance, with an audit record, and keeps the
 * verified bytes under evidence/. Only the first object at a document's key is judged; later ones,
 * objects at keys the server never handed out and the evidence copies are ignored (see
 * shared/usecases/documents/verify.ts).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { env } from '../../shared/config.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { verifyUpload } from '../../shared/usecases/documents/verify.ts';

export const ObjectCreatedSchema = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.string().optional(),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = ObjectCreatedSchema.safeParse(event);
    if (!parsed.success) throw invalidInput(parsed.error.message);
    const { bucket, object } = parsed.data.detail;
    if (bucket.name !== env('documentsBucket')) throw invalidInput(`unexpected bucket ${bucket.name}`);
    return verifyUpload({
      bucket: bucket.name,
      key: object.key,
      etag: object.etag,
      versionId: object['version-id'],
      size: object.size,
    });
  });
