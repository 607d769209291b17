import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePdf } from '../../../scripts/sample-pdf.ts';
import { lambdaContext, setEnv } from '../functions/helpers.ts';

setEnv();
const { handler } = await import('../../../functions/document-verifier/handler.ts');
const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const MiB = 1024 * 1024;
const key = 'alliances/a1/agreement/d1.pdf';
const evidence = 'evidence/a1/agreement/d1.pdf';
const pdf = samplePdf({ pages: 2 });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const event = (objectKey = key, etag?: string, bucket = 'docs-test', versionId?: string) => ({
  version: '0',
  id: 'e1',
  'detail-type': 'Object Created',
  source: 'aws.s3',
  account: '000000000000',
  time: '2031-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    version: '0',
    bucket: { name: bucket },
    object: {
      key: objectKey,
      size: 1,
      ...(etag ? { etag } : {}),
      ...(versionId ? { 'version-id': versionId } : {}),
    },
    reason: 'PostObject',
  },
});

const pending = (extra: Record<string, unknown> = {}) => ({
  pk: 'ALLIANCE#a1',
  sk: 'DOC#d1',
  type: 'document',
  id: 'd1',
  allianceId: 'a1',
  kind: 'agreement',
  status: 'pending',
  contentType: 'application/pdf',
  maxBytes: 20 * MiB,
  uploadedBy: 'user-1',
  requestedAt: '2031-01-01T00:00:00.000Z',
  bucket: 'docs-test',
  key,
  expiresAt: 1_900_000_000,
  ...extra,
});

/** An object as GetObject returns it; the body is streamed in small chunks. */
const object = (
  body: Buffer,
  options: { contentType?: string; etag?: string; contentLength?: number } = {},
) => {
  const chunks = [];
  for (let i = 0; i < body.length; i += 7) chunks.push(body.subarray(i, i + 7));
  return {
    Body: Readable.from(chunks) as any,
    ContentType: 'contentType' in options ? options.contentType : 'application/pdf',
    ContentLength: options.contentLength ?? body.length,
    ETag: options.etag ?? '"etag-1"',
  };
};

const run = (e: unknown = event()) => handler(e, lambdaContext) as Promise<any>;
const puts = () => s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
const preconditionFailed = () =>
  new S3ServiceException({
    name: 'PreconditionFailed',
    $fault: 'client',
    $metadata: { httpStatusCode: 412 },
    message: 'At least one of the pre-conditions you specified did not hold',
  });
const transacts = () => ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
const canceled = () =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
  });

beforeEach(() => {
  ddb.reset();
  s3.reset();
  ddb.on(GetCommand).resolves({ Item: pending() });
  ddb.on(TransactWriteCommand).resolves({});
  s3.on(PutObjectCommand).resolves({ ETag: '"evidence-etag"' });
});

describe('document verifier', () => {
  it('verifies a PDF: size, pages, SHA-256, the evidence copy and the audit record, conditional on pending', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(pdf));
    await expect(run()).resolves.toEqual({
      status: 'verified',
      key,
      allianceId: 'a1',
      documentId: 'd1',
      size: pdf.length,
      pageCount: 2,
      sha256: sha(pdf),
      evidenceKey: evidence,
    });
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toMatchObject({
      Key: { pk: 'ALLIANCE#a1', sk: 'DOC#d1' },
      ConsistentRead: true,
    });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'docs-test', Key: key });
    // The bytes verified, written once under evidence/ (not a copy of a key that could change).
    expect(puts()).toEqual([
      {
        Bucket: 'docs-test',
        Key: evidence,
        Body: pdf,
        ContentType: 'application/pdf',
        ContentLength: pdf.length,
        IfNoneMatch: '*',
        Metadata: { sha256: sha(pdf) },
      },
    ]);
    const [items] = transacts();
    expect(items).toHaveLength(2);
    const update = items![0]!.Update!;
    expect(update.Key).toEqual({ pk: 'ALLIANCE#a1', sk: 'DOC#d1' });
    expect(update.ConditionExpression).toBe('#status = :pending AND attribute_not_exists(#etag)');
    expect(update.UpdateExpression).toMatch(/ REMOVE expiresAt$/);
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':pending': 'pending',
      ':status': 'verified',
      ':size': pdf.length,
      ':pageCount': 2,
      ':sha256': sha(pdf),
      ':evidenceKey': evidence,
      ':etag': 'etag-1',
      ':at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(items![1]!.Put!.Item).toMatchObject({
      pk: 'ALLIANCE#a1',
      sk: expect.stringMatching(/^AUDIT#/),
      type: 'audit',
      action: 'document.verified',
      actor: { kind: 'system', component: 'document-verifier' },
      reason: expect.stringContaining(sha(pdf)),
      data: {
        documentId: 'd1',
        kind: 'agreement',
        key,
        size: pdf.length,
        sha256: sha(pdf),
        pageCount: 2,
        evidenceKey: evidence,
      },
    });
  });

  it('records the version S3 gave the evidence copy, and reads the version the event names', async () => {
    s3.on(GetObjectCommand).callsFake(() => ({ ...object(pdf), VersionId: 'v-upload' }));
    s3.on(PutObjectCommand).resolves({ VersionId: 'v-evidence' });
    await expect(run(event(key, 'etag-1', 'docs-test', 'v-upload'))).resolves.toMatchObject({
      status: 'verified',
    });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'docs-test',
      Key: key,
      VersionId: 'v-upload',
    });
    expect(transacts()[0]![0]!.Update!.ExpressionAttributeValues).toMatchObject({
      ':versionId': 'v-upload',
      ':evidenceVersionId': 'v-evidence',
    });
  });

  it('takes evidence already there with the same bytes as its own (a retried event)', async () => {
    s3.on(GetObjectCommand, { Key: key }).callsFake(() => object(pdf));
    s3.on(GetObjectCommand, { Key: evidence }).callsFake(() => ({ ...object(pdf), VersionId: 'v-1' }));
    s3.on(PutObjectCommand).rejects(preconditionFailed());
    await expect(run()).resolves.toMatchObject({ status: 'verified', evidenceKey: evidence });
    expect(transacts()[0]![0]!.Update!.ExpressionAttributeValues).toMatchObject({
      ':evidenceVersionId': 'v-1',
    });
  });

  it('does not settle a document whose evidence holds other bytes; it looks again, then gives up', async () => {
    s3.on(GetObjectCommand, { Key: key }).callsFake(() => object(pdf));
    s3.on(GetObjectCommand, { Key: evidence }).callsFake(() => object(samplePdf({ title: 'another' })));
    s3.on(PutObjectCommand).rejects(preconditionFailed());
    await expect(run()).rejects.toMatchObject({ name: 'EvidenceConflict' });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(3);
    expect(transacts()).toHaveLength(0);
  });

  it.each([
    [
      'a 60-byte fake',
      Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <<>>\n%%EOF', 'latin1'),
      'no_page_tree',
    ],
    ['an encrypted PDF', samplePdf({ encrypt: true }), 'encrypted'],
    ['a PDF without pages', samplePdf({ pages: 0 }), 'no_pages'],
    ['a truncated PDF', samplePdf().subarray(0, 200), undefined],
  ])('rejects %s with a specific reason, and keeps no evidence', async (_, bytes, code) => {
    s3.on(GetObjectCommand).callsFake(() => object(bytes));
    const result = await run();
    expect(result).toMatchObject({ status: 'rejected', size: bytes.length });
    expect(result.rejection.en).not.toContain('not a PDF (it does not start');
    expect(puts()).toEqual([]);
    const audit = transacts()[0]![1]!.Put!.Item!;
    expect(audit).toMatchObject({ action: 'document.rejected', reason: result.rejection.en });
    if (code) expect(audit.data).toMatchObject({ code });
    else expect(['unparseable', 'no_page_tree']).toContain(audit.data.code);
  });

  it('rejects a file that is not a PDF, with the reason in English and Chinese', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(Buffer.from('<html>not a pdf</html>')));
    const result = await run();
    expect(result).toMatchObject({
      status: 'rejected',
      rejection: { en: expect.stringContaining('not a PDF'), zh: expect.stringContaining('不是 PDF') },
    });
    expect(result.sha256).toBeUndefined();
    const [items] = transacts();
    const update = items![0]!.Update!;
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':status': 'rejected',
      ':rejection': result.rejection,
      ':size': 22,
    });
    expect(update.ExpressionAttributeValues).not.toHaveProperty(':sha256');
    expect(update.UpdateExpression).toMatch(/ REMOVE expiresAt$/);
    expect(puts()).toEqual([]);
    expect(items![1]!.Put!.Item).toMatchObject({
      action: 'document.rejected',
      actor: { kind: 'system', component: 'document-verifier' },
      reason: result.rejection.en,
    });
  });

  it('rejects an object stored with another content type, even when the bytes are a PDF', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(pdf, { contentType: 'text/html' }));
    const result = await run();
    expect(result).toMatchObject({
      status: 'rejected',
      rejection: { en: 'the file was uploaded as text/html, not application/pdf', zh: expect.any(String) },
    });
    s3.on(GetObjectCommand).callsFake(() => object(pdf, { contentType: undefined }));
    expect(await run()).toMatchObject({ status: 'rejected' });
  });

  it('accepts application/pdf with parameters or in another case', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(pdf, { contentType: 'Application/PDF; qs=1' }));
    expect(await run()).toMatchObject({ status: 'verified' });
  });

  it('rejects an empty object', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(Buffer.alloc(0)));
    expect(await run()).toMatchObject({
      status: 'rejected',
      size: 0,
      rejection: { en: 'the file is empty', zh: '文件为空' },
    });
  });

  describe('size limit of the document (a receipt: 10 MiB)', () => {
    const limit = 10 * MiB;
    const receiptKey = 'alliances/a1/receipt/d1.pdf';
    const sized = (n: number) => samplePdf({ size: n });
    beforeEach(() => {
      ddb.on(GetCommand).resolves({ Item: pending({ kind: 'receipt', key: receiptKey, maxBytes: limit }) });
    });

    it('passes exactly at the limit', async () => {
      const body = sized(limit);
      s3.on(GetObjectCommand).callsFake(() => ({
        ...object(Buffer.alloc(0)),
        Body: Readable.from([body]),
        ContentLength: limit,
      }));
      expect(await run(event(receiptKey))).toMatchObject({
        status: 'verified',
        size: limit,
        pageCount: 1,
        sha256: sha(body),
      });
    });

    it('fails one byte over, without reading the object', async () => {
      const body = Readable.from([sized(limit + 1)]);
      s3.on(GetObjectCommand).resolves({
        ...object(Buffer.alloc(0)),
        Body: body as any,
        ContentLength: limit + 1,
      });
      const result = await run(event(receiptKey));
      expect(result).toMatchObject({
        status: 'rejected',
        size: limit + 1,
        rejection: { en: `the file is ${limit + 1} bytes; the limit is ${limit}`, zh: expect.any(String) },
      });
      expect(body.destroyed).toBe(true);
    });

    it('fails one byte over when the length is not announced, reading no further than the limit', async () => {
      s3.on(GetObjectCommand).callsFake(() => ({
        ...object(Buffer.alloc(0)),
        Body: Readable.from([sized(limit), Buffer.from('x'), Buffer.alloc(MiB)]),
        ContentLength: undefined,
      }));
      expect(await run(event(receiptKey))).toMatchObject({ status: 'rejected', size: limit + 1 });
    });
  });

  it('ignores a key the server never handed out, recording nothing', async () => {
    ddb.on(GetCommand).resolves({});
    const other = 'alliances/a2/agreement/never-issued.pdf';
    await expect(run(event(other))).resolves.toMatchObject({ status: 'ignored', key: other });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(transacts()).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('ignores a document id used under another kind than the one issued', async () => {
    await expect(run(event('alliances/a1/report/d1.pdf'))).resolves.toMatchObject({ status: 'ignored' });
    expect(transacts()).toHaveLength(0);
  });

  it.each([
    'uploads/x.pdf',
    'alliances/a1/agreement/d1.PDF',
    'alliances/a1/agreement/d1.pdf/extra',
    'alliances/a1/contract/d1.pdf',
    'alliances/../agreement/d1.pdf',
  ])('ignores %s (outside the key layout) without reading the table', async (other) => {
    await expect(run(event(other))).resolves.toMatchObject({ status: 'ignored' });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    expect(transacts()).toHaveLength(0);
  });

  it('ignores an object deleted before it could be read', async () => {
    s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }));
    await expect(run()).resolves.toMatchObject({ status: 'ignored' });
    expect(transacts()).toHaveLength(0);
  });

  it('does nothing on a repeated event for the object already verified', async () => {
    ddb.on(GetCommand).resolves({ Item: pending({ status: 'verified', etag: 'etag-1', sha256: sha(pdf) }) });
    s3.on(HeadObjectCommand).resolves({ ETag: '"etag-1"', ContentLength: pdf.length });
    // The event names the object: no need to look at it.
    await expect(run(event(key, '"etag-1"'))).resolves.toMatchObject({
      status: 'unchanged',
      documentStatus: 'verified',
    });
    expect(s3.commandCalls(HeadObjectCommand)).toHaveLength(0);
    // Without an etag in the event, the object's own ETag tells (a HEAD: its bytes are not read).
    await expect(run(event(key))).resolves.toMatchObject({ status: 'unchanged' });
    expect(s3.commandCalls(HeadObjectCommand)).toHaveLength(1);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(transacts()).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('ignores its own evidence copies without reading the table', async () => {
    await expect(run(event(evidence))).resolves.toMatchObject({ status: 'ignored', key: evidence });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('does nothing on a repeated event for the object already rejected', async () => {
    ddb
      .on(GetCommand)
      .resolves({ Item: pending({ status: 'rejected', etag: 'etag-1', rejection: { en: 'x', zh: 'x' } }) });
    await expect(run(event(key, 'etag-1'))).resolves.toMatchObject({
      status: 'unchanged',
      documentStatus: 'rejected',
    });
    expect(transacts()).toHaveLength(0);
  });

  it.each(['verified', 'rejected'])(
    'ignores a later object at a %s key (the ticket used twice): audited, the document untouched',
    async (status) => {
      const judged = pending({
        status,
        etag: 'etag-1',
        ...(status === 'verified' ? { sha256: sha(pdf) } : {}),
      });
      ddb.on(GetCommand).resolves({ Item: judged });
      ddb.on(PutCommand).resolves({});
      await expect(run(event(key, 'etag-2'))).resolves.toMatchObject({
        status: 'reupload-ignored',
        documentStatus: status,
        etag: 'etag-2',
        size: 1,
      });
      // Nothing read, nothing copied, the document not written: only the audit record.
      expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
      expect(puts()).toEqual([]);
      expect(transacts()).toHaveLength(0);
      const writes = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
      expect(writes).toHaveLength(1);
      expect(writes[0]!.Item).toMatchObject({
        pk: 'ALLIANCE#a1',
        sk: expect.stringMatching(/^AUDIT#/),
        action: 'document.reupload-ignored',
        actor: { kind: 'system', component: 'document-verifier' },
        data: {
          documentId: 'd1',
          key,
          documentStatus: status,
          etag: 'etag-2',
          size: 1,
          kept: { etag: 'etag-1', ...(status === 'verified' ? { sha256: sha(pdf) } : {}) },
        },
      });
    },
  );

  it('swallows a lost race: looks again and finds the object already judged', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: pending() })
      .resolves({ Item: pending({ status: 'verified', etag: 'etag-1', sha256: sha(pdf) }) });
    ddb.on(TransactWriteCommand).rejects(canceled());
    s3.on(GetObjectCommand).callsFake(() => object(pdf));
    s3.on(HeadObjectCommand).resolves({ ETag: '"etag-1"' });
    await expect(run()).resolves.toMatchObject({ status: 'unchanged', documentStatus: 'verified' });
    expect(transacts()).toHaveLength(1);
  });

  it('gives up with DocumentContention if the item keeps changing', async () => {
    ddb.on(TransactWriteCommand).rejects(canceled());
    s3.on(GetObjectCommand).callsFake(() => object(pdf));
    await expect(run()).rejects.toMatchObject({ name: 'DocumentContention' });
    expect(transacts()).toHaveLength(3);
  });

  it('lets other errors through (the event is retried)', async () => {
    s3.on(GetObjectCommand).callsFake(() => object(pdf));
    ddb.on(TransactWriteCommand).rejects(new Error('throttled'));
    await expect(run()).rejects.toThrow('throttled');
  });

  it.each([
    [{}],
    [{ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name: 'docs-test' } } }],
    [{ ...event(), source: 'custom' }],
    [{ ...event(), 'detail-type': 'Object Deleted' }],
  ])('throws InvalidTaskInput on a malformed event %#', async (bad) => {
    await expect(run(bad)).rejects.toMatchObject({ name: 'InvalidTaskInput' });
  });

  it('throws InvalidTaskInput on an event from another bucket', async () => {
    await expect(run(event(key, undefined, 'other-bucket'))).rejects.toMatchObject({
      name: 'InvalidTaskInput',
    });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(0);
  });
});
