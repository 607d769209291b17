/**
 * The documents bucket as the verifier and reverification see it: an object read whole into
 * memory (limits are 10–50 MiB) and hashed, stopping as soon as it is over the document's limit;
 * an object's identity without its bytes; and the evidence copy, written once.
 */
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { s3Client } from '../../aws/clients.ts';
import { PDF_CONTENT_TYPE } from '../../domain/documents.ts';
import { TaskError } from '../../errors.ts';

const unquote = (etag: string | undefined) => etag?.replace(/^"+|"+$/g, '') || undefined;

/** An object as read: its size and type always, its bytes and SHA-256 when it was within the limit. */
export interface ReadObject {
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
  versionId: string | undefined;
  /** The first bytes (for the %PDF- check), empty when the object was not read. */
  firstBytes: Buffer;
  /** The whole object, when it is within the limit. */
  bytes?: Buffer;
  sha256?: string;
}

function discard(body: GetObjectCommandOutput['Body']): void {
  (body as { destroy?: () => void } | undefined)?.destroy?.();
}

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { name?: string }).name === 'NoSuchVersion' ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Reads the object at `key` (that version, when given) whole, unless it is over `maxBytes`: then
 * only its size is known, and nothing past the limit is read. Undefined when there is no object.
 */
export async function readObject(
  bucket: string,
  key: string,
  maxBytes: number,
  versionId?: string,
): Promise<ReadObject | undefined> {
  let got: GetObjectCommandOutput;
  try {
    got = await s3Client().send(
      new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
    );
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const facts = {
    contentType: got.ContentType,
    etag: unquote(got.ETag),
    versionId: got.VersionId,
  };
  if (got.ContentLength !== undefined && got.ContentLength > maxBytes) {
    discard(got.Body);
    return { ...facts, size: got.ContentLength, firstBytes: Buffer.alloc(0) };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (got.Body) {
    for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      // Larger than announced and over the limit: no need to read (or keep) the rest.
      if (size > maxBytes) {
        discard(got.Body);
        return { ...facts, size, firstBytes: Buffer.concat([...chunks, Buffer.from(chunk)]).subarray(0, 8) };
      }
      chunks.push(Buffer.from(chunk));
    }
  }
  const bytes = Buffer.concat(chunks);
  return {
    ...facts,
    size,
    firstBytes: bytes.subarray(0, 8),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The object now at `key` (its ETag and size), without its bytes; undefined when there is none. */
export async function headObject(
  bucket: string,
  key: string,
): Promise<
  { etag: string | undefined; size: number | undefined; versionId: string | undefined } | undefined
> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { etag: unquote(head.ETag), size: head.ContentLength, versionId: head.VersionId };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

const status = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * Keeps `bytes` (verified, with SHA-256 `sha256`) at `key`, written once: IfNoneMatch '*' makes S3
 * refuse to replace an object already there (s3rver ignores the header and overwrites; there only
 * the verifier writes evidence, with the same bytes for the same document). When one is there
 * already, a retry of this same verification wrote it: the same SHA-256 is success (so a retried
 * event is idempotent), another is a TaskError (another verifier judged another object for this
 * document first; the caller looks at the document again).
 */
export async function storeEvidence(
  bucket: string,
  key: string,
  bytes: Buffer,
  sha256: string,
): Promise<{ versionId: string | undefined }> {
  try {
    const put = await s3Client().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: bytes,
        ContentType: PDF_CONTENT_TYPE,
        ContentLength: bytes.length,
        IfNoneMatch: '*',
        Metadata: { sha256 },
      }),
    );
    return { versionId: put.VersionId };
  } catch (error) {
    // 412: an object is there. 409: a conditional write to the same key is in flight; retry later.
    if (status(error) === 409) throw new TaskError('EvidenceContention', `evidence ${key} is being written`);
    if (status(error) !== 412) throw error;
  }
  const existing = await readObject(bucket, key, bytes.length);
  if (existing?.sha256 === sha256) return { versionId: existing.versionId };
  throw new TaskError('EvidenceConflict', `evidence ${key} holds other bytes than the ones verified`);
}
