/**
 * Verifies each upload to the documents bucket (S3 "Object Created" via EventBridge): the bytes
 * must really be a PDF within the size limit; records size, SHA-256 and the verdict. s3rver does
 * not enforce presigned-POST policies, and clients can lie about content types, so this check is
 * the one that counts. Linking documents to alliances comes with issue #3.
 */
import { createHash } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import * as z from 'zod';
import { documentClient, s3Client } from '../../shared/aws/clients.ts';
import { env } from '../../shared/config.ts';
import { keys } from '../../shared/db/keys.ts';
import { judgePdf, MAX_DOCUMENT_BYTES } from '../../shared/domain/documents.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';

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

    const got = await s3Client().send(new GetObjectCommand({ Bucket: bucket.name, Key: object.key }));
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (head.length < 8) head = Buffer.concat([head, chunk]).subarray(0, 8);
      if (size > MAX_DOCUMENT_BYTES) break; // no need to read (or hash) the rest
      hash.update(chunk);
    }
    const verdict = judgePdf(head, size);
    const item = {
      ...keys.document(object.key),
      type: 'document',
      bucket: bucket.name,
      key: object.key,
      size,
      versionId: got.VersionId,
      status: verdict.ok ? 'verified' : 'rejected',
      ...(verdict.ok ? { sha256: hash.digest('hex') } : { rejection: verdict.reason }),
      verifiedAt: new Date().toISOString(),
    };
    await documentClient().send(new PutCommand({ TableName: env('tableName'), Item: item }));
    logger.info('document verified', { key: object.key, status: item.status, size });
    return { key: object.key, status: item.status };
  });
