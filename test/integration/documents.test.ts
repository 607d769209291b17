/**
 * Document uploads against the local stack: a ticket from createUploadTicket (run here, in the test
 * worker, with the handlers' environment), a multipart POST to s3rver exactly as a browser sends
 * it, s3rver's ObjectCreated:Post event through the local bus to the verifier, and the verdict in
 * DynamoDB Local.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../scripts/sample-pdf.ts';
import { resetClients } from '../../shared/aws/clients.ts';
import { apiUrl, ddb, eventually, handlerEnv, s3, tableName, uid } from './client.ts';

Object.assign(process.env, handlerEnv, { POWERTOOLS_LOG_LEVEL: 'SILENT' });
resetClients();
const { createUploadTicket, listDocuments, latestAgreement } = await import(
  '../../shared/usecases/documents/uploads.ts'
);
const { handler: verifier } = await import('../../functions/document-verifier/handler.ts');

const bucket = handlerEnv.DOCUMENTS_BUCKET!;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POSTs the form as a browser would: the ticket's fields first, then the file. */
async function postForm(
  url: string,
  fields: Record<string, string>,
  file: Buffer,
  fileName = 'agreement.pdf',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), fileName);
  return fetch(url, { method: 'POST', body: form });
}

const documentItem = (allianceId: string, documentId: string) =>
  ddb
    .send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: `ALLIANCE#${allianceId}`, sk: `DOC#${documentId}` },
        ConsistentRead: true,
      }),
    )
    .then((r) => r.Item);

const settled = (allianceId: string, documentId: string) =>
  eventually(async () => {
    const item = await documentItem(allianceId, documentId);
    return item && item.status !== 'pending' ? item : undefined;
  }, `verdict on document ${documentId}`);

const partition = async (allianceId: string) =>
  (
    await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ALLIANCE#${allianceId}` },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

const context = {
  awsRequestId: 'integration',
  functionName: 'document-verifier',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:document-verifier',
  memoryLimitInMB: '512',
  logGroupName: '/aws/lambda/document-verifier',
  logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 30_000,
} as Context;

const objectCreated = (key: string) => ({
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { version: '0', bucket: { name: bucket }, object: { key }, reason: 'PostObject' },
});

describe('agreement upload through a presigned POST to s3rver', () => {
  const pdf = samplePdf({ title: 'Signed agreement', pages: 2 });

  beforeAll(() => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('verifies a real PDF and records its size, pages, SHA-256, evidence copy and an audit record', async () => {
    const allianceId = uid('alliance');
    const ticket = await createUploadTicket({
      allianceId,
      kind: 'agreement',
      fileName: 'Signed agreement.pdf',
      declaredSize: pdf.length,
      uploadedBy: 'user-1',
      organisationId: 'org-1',
    });
    expect(ticket.upload.url).toBe(`${handlerEnv.AWS_ENDPOINT_URL_S3}/${bucket}`);
    expect(await documentItem(allianceId, ticket.document.id)).toMatchObject({ status: 'pending' });

    const res = await postForm(ticket.upload.url, ticket.upload.fields, pdf);
    expect(res.status).toBe(204);

    const item = await settled(allianceId, ticket.document.id);
    expect(item).toMatchObject({
      status: 'verified',
      size: pdf.length,
      pageCount: 2,
      sha256: sha256(pdf),
      key: `alliances/${allianceId}/agreement/${ticket.document.id}.pdf`,
      evidenceKey: `evidence/${allianceId}/agreement/${ticket.document.id}.pdf`,
      verifiedAt: expect.any(String),
    });
    expect(item.expiresAt).toBeUndefined();
    expect(item.rejection).toBeUndefined();

    const audit = (await partition(allianceId)).filter((i) => String(i.sk).startsWith('AUDIT#'));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'document.verified',
        actor: { kind: 'system', component: 'document-verifier' },
        data: expect.objectContaining({ documentId: ticket.document.id, sha256: sha256(pdf) }),
      }),
    ]);

    const docs = await listDocuments(allianceId);
    expect(docs).toEqual([
      expect.objectContaining({
        id: ticket.document.id,
        status: 'verified',
        fileName: 'Signed agreement.pdf',
        pageCount: 2,
        evidenceKey: item.evidenceKey,
      }),
    ]);
    expect(latestAgreement(docs)?.id).toBe(ticket.document.id);
    expect(docs[0]).not.toHaveProperty('pk');

    // A repeated event for the same object changes nothing; nor does the event of the evidence copy.
    await expect(verifier(objectCreated(item.key), context)).resolves.toMatchObject({ status: 'unchanged' });
    await expect(verifier(objectCreated(item.evidenceKey), context)).resolves.toMatchObject({
      status: 'ignored',
    });
    expect((await partition(allianceId)).filter((i) => String(i.sk).startsWith('AUDIT#'))).toHaveLength(1);
  });

  it('rejects a file that is not a PDF, with a reason in both languages', async () => {
    const allianceId = uid('alliance');
    const ticket = await createUploadTicket({ allianceId, kind: 'agreement', uploadedBy: 'user-1' });
    const res = await postForm(
      ticket.upload.url,
      ticket.upload.fields,
      Buffer.from('<html>not a pdf</html>'),
    );
    expect(res.status).toBe(204);
    const item = await settled(allianceId, ticket.document.id);
    expect(item).toMatchObject({
      status: 'rejected',
      size: 22,
      rejection: { en: expect.stringContaining('not a PDF'), zh: expect.stringContaining('不是 PDF') },
    });
    expect(item.sha256).toBeUndefined();
    const audit = (await partition(allianceId)).find((i) => i.action === 'document.rejected');
    expect(audit).toMatchObject({ reason: item.rejection.en });
  });

  it('rejects what s3rver lets through but S3 would refuse: another Content-Type, or over the limit', async () => {
    // s3rver checks neither the signature nor the policy: the verifier is the only guard locally.
    const allianceId = uid('alliance');
    const typed = await createUploadTicket({ allianceId, kind: 'agreement', uploadedBy: 'user-1' });
    await postForm(typed.upload.url, { ...typed.upload.fields, 'Content-Type': 'text/html' }, pdf);
    expect(await settled(allianceId, typed.document.id)).toMatchObject({
      status: 'rejected',
      rejection: { en: 'the file was uploaded as text/html, not application/pdf' },
    });

    const big = await createUploadTicket({ allianceId, kind: 'receipt', uploadedBy: 'user-1' });
    const limit = big.document.maxBytes;
    const oversized = Buffer.concat([pdf, Buffer.alloc(limit + 1 - pdf.length, 0x20)]);
    expect((await postForm(big.upload.url, big.upload.fields, oversized)).status).toBe(204);
    expect(await settled(allianceId, big.document.id)).toMatchObject({
      status: 'rejected',
      size: limit + 1,
      rejection: { en: `the file is ${limit + 1} bytes; the limit is ${limit}` },
    });
  });

  it('ignores an object at a key the server never handed out, recording nothing', async () => {
    const allianceId = uid('alliance');
    const key = `alliances/${allianceId}/agreement/${uid('forged')}.pdf`;
    const fields = { key, 'Content-Type': 'application/pdf' };
    expect((await postForm(`${handlerEnv.AWS_ENDPOINT_URL_S3}/${bucket}`, fields, pdf)).status).toBe(204);

    // The same event again, through the local bus: delivered to the verifier, which succeeds…
    const res = await fetch(`${apiUrl}/local/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(objectCreated(key)),
    });
    const { deliveries } = (await res.json()) as { deliveries: { ok: boolean }[] };
    expect(deliveries).toEqual([expect.objectContaining({ ok: true })]);
    // …and says why it did nothing.
    await expect(verifier(objectCreated(key), context)).resolves.toMatchObject({ status: 'ignored', key });
    expect(await partition(allianceId)).toEqual([]);
  });

  it('ignores objects outside alliances/, whichever way they were uploaded (here a presigned PUT)', async () => {
    const key = `uploads/${uid('doc')}.pdf`;
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'application/pdf' }),
      {
        expiresIn: 300,
      },
    );
    const put = await fetch(url, {
      method: 'PUT',
      body: new Uint8Array(pdf),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(put.status).toBe(200);
    await expect(verifier(objectCreated(key), context)).resolves.toMatchObject({ status: 'ignored' });
    const legacy = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `DOCUMENT#${key}`, sk: 'DOCUMENT' } }),
    );
    expect(legacy.Item).toBeUndefined();
  });
});
