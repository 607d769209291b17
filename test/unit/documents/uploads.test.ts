import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DocumentSchema, UploadTicketSchema } from '../../../shared/api/documents.ts';
import { resetClients } from '../../../shared/aws/clients.ts';
import { httpStatusOf } from '../../../shared/http/errors.ts';
import { setEnv } from '../functions/helpers.ts';

setEnv();
const { createUploadTicket, listDocuments, latestAgreement } = await import(
  '../../../shared/usecases/documents/uploads.ts'
);
const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const MiB = 1024 * 1024;
const now = new Date('2031-03-04T05:06:07.000Z');
const base = { allianceId: 'a1', uploadedBy: 'user-1', organisationId: 'org-1', now };

beforeAll(() => {
  // The local stack's S3: an IP endpoint, path-style.
  process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:4569';
  process.env.S3_FORCE_PATH_STYLE = 'true';
  resetClients();
});

beforeEach(() => {
  ddb.reset();
  s3.reset();
  ddb.on(PutCommand).resolves({});
});

const policyOf = (fields: Record<string, string>) =>
  JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };

describe('createUploadTicket', () => {
  it('records a pending document and signs a POST limited to its key, PDF and size', async () => {
    const ticket = await createUploadTicket({ ...base, kind: 'agreement', fileName: 'Signed agreement.pdf' });
    expect(UploadTicketSchema.parse(ticket)).toEqual(ticket);

    const id = ticket.document.id;
    const key = `alliances/a1/agreement/${id}.pdf`;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ticket.document).toEqual({
      id,
      allianceId: 'a1',
      kind: 'agreement',
      status: 'pending',
      fileName: 'Signed agreement.pdf',
      contentType: 'application/pdf',
      maxBytes: 20 * MiB,
      uploadedBy: 'user-1',
      organisationId: 'org-1',
      requestedAt: now.toISOString(),
    });

    const put = ddb.commandCalls(PutCommand);
    expect(put).toHaveLength(1);
    expect(put[0]!.args[0].input).toMatchObject({
      TableName: 'esip-test',
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        pk: 'ALLIANCE#a1',
        sk: `DOC#${id}`,
        type: 'document',
        ...ticket.document,
        bucket: 'docs-test',
        key,
        expiresAt: expect.any(Number),
      },
    });

    const { upload } = ticket;
    expect(upload.method).toBe('POST');
    // Path-style against the local endpoint, as s3rver needs.
    expect(upload.url).toBe('http://127.0.0.1:4569/docs-test');
    expect(upload.expiresAt).toBe('2031-03-04T05:16:07.000Z');
    expect(upload.fields).toMatchObject({
      key,
      'Content-Type': 'application/pdf',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const policy = policyOf(upload.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key },
        { bucket: 'docs-test' },
        ['content-length-range', 1, 20 * MiB],
        ['eq', '$Content-Type', 'application/pdf'],
      ]),
    );
    // No condition that would let another key through.
    expect(policy.conditions.filter((c) => JSON.stringify(c).includes('$key'))).toEqual([]);
    const lifetime = Date.parse(policy.expiration) - Date.now();
    expect(lifetime).toBeGreaterThan(590_000);
    expect(lifetime).toBeLessThanOrEqual(600_000);
  });

  it.each([
    ['agreement', 20 * MiB],
    ['report', 50 * MiB],
    ['receipt', 10 * MiB],
  ] as const)('limits a %s to %d bytes', async (kind, limit) => {
    const ticket = await createUploadTicket({ ...base, kind });
    expect(ticket.document.maxBytes).toBe(limit);
    expect(ticket.upload.fields.key).toBe(`alliances/a1/${kind}/${ticket.document.id}.pdf`);
    expect(policyOf(ticket.upload.fields).conditions).toContainEqual(['content-length-range', 1, limit]);
  });

  it('accepts a declared size of exactly the limit', async () => {
    await expect(
      createUploadTicket({ ...base, kind: 'receipt', declaredSize: 10 * MiB }),
    ).resolves.toBeDefined();
  });

  it('refuses a declared size over the limit with 413, writing nothing', async () => {
    const error = await createUploadTicket({ ...base, kind: 'receipt', declaredSize: 10 * MiB + 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'payload_too_large' });
    expect(httpStatusOf(error)).toBe(413);
    const rendered = (error as { render(lang: 'en' | 'zh'): { error: { message: string } } }).render;
    expect(rendered.call(error, 'en').error.message).toBe(
      `The file is ${10 * MiB + 1} bytes; the limit for receipt documents is ${10 * MiB} bytes`,
    );
    expect(rendered.call(error, 'zh').error.message).toContain('票据文件上限为');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('refuses ids that could escape the key layout, writing nothing', async () => {
    const escaping = await createUploadTicket({ ...base, allianceId: '../a2', kind: 'agreement' }).catch(
      (e: unknown) => e,
    );
    expect(httpStatusOf(escaping)).toBe(400);
    const badKind = await createUploadTicket({ ...base, kind: 'agreement/../x' as 'agreement' }).catch(
      (e: unknown) => e,
    );
    expect(httpStatusOf(badKind)).toBe(400);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('fails rather than overwrite an existing item', async () => {
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    await expect(createUploadTicket({ ...base, kind: 'agreement' })).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
  });
});

const stored = (id: string, requestedAt: string, extra: Record<string, unknown> = {}) => ({
  pk: 'ALLIANCE#a1',
  sk: `DOC#${id}`,
  type: 'document',
  id,
  allianceId: 'a1',
  kind: 'agreement',
  status: 'pending',
  contentType: 'application/pdf',
  maxBytes: 20 * MiB,
  uploadedBy: 'user-1',
  requestedAt,
  bucket: 'docs-test',
  key: `alliances/a1/agreement/${id}.pdf`,
  expiresAt: 1_900_000_000,
  ...extra,
});

describe('listDocuments', () => {
  it('queries the alliance partition for DOC# items, all pages, newest first, in the API shape', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [stored('d1', '2031-01-01T00:00:00.000Z')],
        LastEvaluatedKey: { pk: 'ALLIANCE#a1', sk: 'DOC#d1' },
      })
      .resolvesOnce({
        Items: [
          stored('d2', '2031-02-01T00:00:00.000Z', {
            status: 'verified',
            size: 10,
            sha256: 'ab'.repeat(32),
            verifiedAt: '2031-02-01T00:01:00.000Z',
            etag: 'e',
          }),
        ],
      });
    const docs = await listDocuments('a1');
    expect(docs.map((d) => d.id)).toEqual(['d2', 'd1']);
    for (const doc of docs) {
      expect(doc).toEqual(DocumentSchema.parse(doc));
      for (const k of ['pk', 'sk', 'type', 'key', 'bucket', 'etag', 'expiresAt'])
        expect(doc).not.toHaveProperty(k);
    }
    const calls = ddb.commandCalls(QueryCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
      ExpressionAttributeValues: { ':pk': 'ALLIANCE#a1', ':doc': 'DOC#' },
    });
    expect(calls[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'ALLIANCE#a1', sk: 'DOC#d1' });
    expect(latestAgreement(docs)?.id).toBe('d2');
  });
});
