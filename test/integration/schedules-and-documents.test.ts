import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { apiUrl, ddb, eventually, handlerEnv, tableName, uid } from './client.ts';

describe('schedules fired through the local scheduler', () => {
  it('runs the deadline sweep once per day however often it fires', async () => {
    const at = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}T01:00:00Z`;
    const fire = async () => {
      const res = await fetch(`${apiUrl}/local/schedules/deadline-sweep/fire?at=${encodeURIComponent(at)}`, {
        method: 'POST',
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { ran: boolean } }).result;
    };
    expect(await fire()).toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(await fire()).toEqual({ schedule: 'deadline-sweep', ran: false });
    const run = await ddb.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'SCHEDULE#deadline-sweep', sk: `RUN#${at.slice(0, 10)}` },
      }),
    );
    expect(run.Item).toBeDefined();
  });

  it('lists the template’s schedules with their cron expressions', async () => {
    const list = (await (await fetch(`${apiUrl}/local/schedules`)).json()) as {
      friendlyName: string;
      expression: string;
    }[];
    expect(list.map((s) => [s.friendlyName, s.expression])).toEqual(
      expect.arrayContaining([
        ['deadline-sweep', 'cron(0 1 * * ? *)'],
        ['inspection-draw', 'cron(0 2 1 * ? *)'],
      ]),
    );
  });
});

describe('uploads through a presigned URL to s3rver reach the verifier like S3 → EventBridge', () => {
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: handlerEnv.AWS_ENDPOINT_URL_S3,
    forcePathStyle: true,
    credentials: {
      accessKeyId: handlerEnv.AWS_ACCESS_KEY_ID!,
      secretAccessKey: handlerEnv.AWS_SECRET_ACCESS_KEY!,
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const upload = async (key: string, body: Buffer, contentType: string) => {
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: handlerEnv.DOCUMENTS_BUCKET, Key: key, ContentType: contentType }),
      { expiresIn: 300 },
    );
    const res = await fetch(url, { method: 'PUT', body, headers: { 'content-type': contentType } });
    expect(res.status).toBe(200);
  };
  const verdict = (key: string) =>
    eventually(
      async () =>
        (
          await ddb.send(
            new GetCommand({ TableName: tableName, Key: { pk: `DOCUMENT#${key}`, sk: 'DOCUMENT' } }),
          )
        ).Item,
      `verdict on ${key}`,
    );

  it('verifies a real PDF and records its size and SHA-256', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const key = `uploads/${uid('doc')}.pdf`;
    await upload(key, pdf, 'application/pdf');
    const item = await verdict(key);
    const { createHash } = await import('node:crypto');
    expect(item).toMatchObject({
      status: 'verified',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('rejects a file that claims to be a PDF but is not, with a reason', async () => {
    const key = `uploads/${uid('doc')}.pdf`;
    await upload(key, Buffer.from('<html>not a pdf</html>'), 'application/pdf');
    const item = await verdict(key);
    expect(item).toMatchObject({
      status: 'rejected',
      rejection: { en: expect.stringContaining('not a PDF'), zh: expect.any(String) },
    });
    expect(item.sha256).toBeUndefined();
  });
});
