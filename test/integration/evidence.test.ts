/**
 * Immutable evidence over HTTP on the local stack (issue #11): uploads through the documents
 * endpoint and a presigned POST to s3rver, verdicts from the verifier on the local bus, then the
 * ledger, reverification and flags through the API. What an attacker would do with a ticket they
 * hold (post again to the same key) is done with the same ticket fields; what only someone with
 * bucket access could do (replace bytes behind the verifier's back) is done with the S3 client.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../scripts/sample-pdf.ts';
import { todayInChina } from '../../shared/usecases/ledger/index.ts';
import { api, ddb, eventually, handlerEnv, s3, tableName, tokenFor, uid } from './client.ts';
import {
  allianceContent,
  allianceOfTwo,
  applicantWithOrg,
  enterpriseBody,
  openRound,
  type Party,
  seedAward,
  societyBody,
  submittedAlliance,
  tinyPdf,
  uploadWithTicket,
} from './fixtures.ts';

const bucket = handlerEnv.DOCUMENTS_BUCKET!;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** 60 bytes that start with %PDF- and end with %%EOF: what "verified" used to accept. */
const FAKE_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <<>>\n%%EOF', 'latin1');

const LINES = [{ lineId: 'equipment', category: '设备费', allocation: 100_000 }];

let admin: string;
let roundId: string;

beforeAll(async () => {
  admin = await tokenFor(['admin']);
  roundId = await openRound(admin);
  expect(FAKE_PDF.length).toBe(60);
});

async function designatedAlliance() {
  const [lead, partner] = await Promise.all([
    applicantWithOrg(enterpriseBody()),
    applicantWithOrg(societyBody()),
  ]);
  const allianceId = await allianceOfTwo(lead, partner, {
    roundId,
    name: `证据测试联盟 ${uid('a')}`,
    ...allianceContent([partner.org.id]),
    period: { start: todayInChina(new Date(Date.now() - 365 * 86_400_000)), end: '2099-12-31' },
  });
  await seedAward(allianceId, roundId, LINES);
  return { allianceId, lead, partner };
}

type Ticket = { document: { id: string }; upload: { url: string; fields: Record<string, string> } };

async function ticketFor(allianceId: string, token: string, kind = 'receipt'): Promise<Ticket> {
  const res = await api('POST', `/v1/alliances/${allianceId}/documents`, {
    token,
    body: { kind, fileName: `${kind}.pdf` },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function documentOf(allianceId: string, token: string, documentId: string) {
  const res = await api('GET', `/v1/alliances/${allianceId}/documents`, { token });
  expect(res.status, res.text).toBe(200);
  return (res.body.items as any[]).find((d) => d.id === documentId);
}

/** The document once the verifier judged it. */
const judged = (allianceId: string, token: string, documentId: string) =>
  eventually(async () => {
    const doc = await documentOf(allianceId, token, documentId);
    return doc && doc.status !== 'pending' ? doc : undefined;
  }, `verdict on ${documentId}`);

/** Uploads `bytes` with a new ticket and waits for the verdict. */
async function uploaded(allianceId: string, token: string, bytes: Buffer, kind = 'receipt') {
  const ticket = await ticketFor(allianceId, token, kind);
  expect((await uploadWithTicket(ticket, bytes)).status).toBe(204);
  return { ticket, document: await judged(allianceId, token, ticket.document.id) };
}

/** The alliance's whole audit trail, oldest first. */
async function trail(allianceId: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await api(
      'GET',
      `/v1/alliances/${allianceId}/history?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: admin },
    );
    expect(res.status, res.text).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** The audit records of `action` about `documentId`, once there are `count` of them. */
const audited = (allianceId: string, action: string, documentId: string, count = 1) =>
  eventually(async () => {
    const found = (await trail(allianceId)).filter(
      (a) => a.action === action && a.data?.documentId === documentId,
    );
    return found.length >= count ? found : undefined;
  }, `${count} × ${action} on ${documentId}`);

const objectBytes = async (key: string) => {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await got.Body!.transformToByteArray());
};

async function expense(allianceId: string, token: string, receiptDocumentId: string, amount: number) {
  const res = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
    token,
    body: {
      lineId: 'equipment',
      amount,
      date: todayInChina(new Date()),
      description: '采购光学元件',
      receiptDocumentId,
    },
  });
  return res;
}

const ledgerOf = async (allianceId: string, token: string) => {
  const res = await api('GET', `/v1/alliances/${allianceId}/ledger?limit=100`, { token });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

const reverify = (allianceId: string, documentId: string, token = admin) =>
  api('POST', `/v1/alliances/${allianceId}/documents/${documentId}/verification`, { token });

describe('a judged document never changes', () => {
  let allianceId: string;
  let lead: Party;

  beforeAll(async () => {
    ({ allianceId, lead } = await designatedAlliance());
  });

  it('keeps a verified document, its pages and its hash when the same ticket is used again; audited', async () => {
    const first = samplePdf({ title: 'receipt, first', pages: 3 });
    const { ticket, document } = await uploaded(allianceId, lead.token, first);
    expect(document).toMatchObject({
      status: 'verified',
      size: first.length,
      pageCount: 3,
      sha256: sha256(first),
      evidenceKey: `evidence/${allianceId}/receipt/${ticket.document.id}.pdf`,
    });
    // The evidence copy holds exactly the bytes verified.
    expect(sha256(await objectBytes(document.evidenceKey))).toBe(sha256(first));

    // Same ticket fields, another (valid) PDF: it lands at the key, but is never judged.
    const second = samplePdf({ title: 'receipt, swapped' });
    expect((await uploadWithTicket(ticket, second)).status).toBe(204);
    const [ignored] = await audited(allianceId, 'document.reupload-ignored', ticket.document.id);
    expect(ignored).toMatchObject({
      actor: { kind: 'system', component: 'document-verifier' },
      data: {
        documentStatus: 'verified',
        size: second.length,
        etag: expect.any(String),
        kept: { sha256: sha256(first) },
      },
    });
    expect(ignored.data.etag).not.toBe(ignored.data.kept.etag);

    expect(await documentOf(allianceId, lead.token, ticket.document.id)).toEqual(document);
    expect(sha256(await objectBytes(document.evidenceKey))).toBe(sha256(first));
    const verdicts = (await trail(allianceId)).filter(
      (a) => a.data?.documentId === ticket.document.id && a.action.startsWith('document.'),
    );
    expect(verdicts.map((a) => a.action)).toEqual(['document.verified', 'document.reupload-ignored']);
  });

  it('a receipt swapped for HTML after it backed an expense changes nothing: verified, pinned, unflagged', async () => {
    const bytes = samplePdf({ title: 'invoice 0042' });
    const { ticket, document } = await uploaded(allianceId, lead.token, bytes);
    const recorded = await expense(allianceId, lead.token, ticket.document.id, 1_000);
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body).toMatchObject({
      receiptDocumentId: ticket.document.id,
      receiptSha256: sha256(bytes),
      receiptEvidenceKey: document.evidenceKey,
    });

    const html = Buffer.from('<html><body>not a receipt</body></html>');
    expect((await uploadWithTicket(ticket, html, 'text/html')).status).toBe(204);
    await audited(allianceId, 'document.reupload-ignored', ticket.document.id);

    expect(await documentOf(allianceId, lead.token, ticket.document.id)).toEqual(document);
    const ledger = await ledgerOf(allianceId, lead.token);
    const entry = ledger.entries.find((e: any) => e.id === recorded.body.id);
    expect(entry).toMatchObject({ receiptSha256: sha256(bytes) });
    expect(entry.flag).toBeUndefined();
    expect(ledger.totals).toMatchObject({ flaggedAmount: 0, flaggedEntries: 0 });

    // The evidence still passes, whatever is at the upload key now.
    const checked = await reverify(allianceId, ticket.document.id);
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body).toMatchObject({
      outcome: 'passed',
      checked: { source: 'evidence', key: document.evidenceKey, sha256: sha256(bytes) },
      flaggedEntries: [],
      document: { status: 'verified', sha256: sha256(bytes), reverifiedAt: expect.any(String) },
    });
    const [passed] = await audited(allianceId, 'document.reverified', ticket.document.id);
    expect(passed.actor).toMatchObject({ kind: 'user' });
  });

  it('a rejected document stays rejected when a PDF follows on the same ticket', async () => {
    const { ticket, document } = await uploaded(allianceId, lead.token, Buffer.from('<html></html>'));
    expect(document.status).toBe('rejected');
    expect((await uploadWithTicket(ticket, samplePdf())).status).toBe(204);
    await audited(allianceId, 'document.reupload-ignored', ticket.document.id);
    expect(await documentOf(allianceId, lead.token, ticket.document.id)).toEqual(document);
    expect((await reverify(allianceId, ticket.document.id)).status).toBe(409);
  });
});

describe('what decisions pin', () => {
  it('a submission pins the agreement it was submitted with', async () => {
    const [lead, partner] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
    ]);
    const allianceId = await submittedAlliance(roundId, lead, partner, `协议联盟 ${uid('a')}`, 50_000);
    const [agreement] = (await api('GET', `/v1/alliances/${allianceId}/documents`, { token: lead.token }))
      .body.items;
    expect(agreement).toMatchObject({ kind: 'agreement', status: 'verified', sha256: sha256(tinyPdf()) });
    const submitted = (await trail(allianceId)).find((a) => a.action === 'alliance.submitted');
    expect(submitted.data.agreement).toEqual({ documentId: agreement.id, sha256: agreement.sha256 });
  });
});

describe('verification is a real PDF check', () => {
  let allianceId: string;
  let lead: Party;

  beforeAll(async () => {
    ({ allianceId, lead } = await designatedAlliance());
  });

  it.each([
    ['a 60-byte fake PDF', FAKE_PDF, /no document catalog or page tree/, /页面树/],
    ['an encrypted PDF', samplePdf({ encrypt: true }), /encrypted/, /加密/],
    ['a PDF without pages', samplePdf({ pages: 0 }), /no pages/, /没有任何页面/],
  ])('rejects %s with the reason, and it cannot back an expense', async (_, bytes, en, zh) => {
    const { ticket, document } = await uploaded(allianceId, lead.token, bytes);
    expect(document).toMatchObject({ status: 'rejected', size: bytes.length });
    expect(document.rejection.en).toMatch(en);
    expect(document.rejection.zh).toMatch(zh);
    expect(document.sha256).toBeUndefined();
    expect(document.evidenceKey).toBeUndefined();
    const refused = await expense(allianceId, lead.token, ticket.document.id, 10);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].code).toBe('receipt_not_verified');
  });
});

describe('reverification and flags', () => {
  let allianceId: string;
  let lead: Party;

  beforeAll(async () => {
    ({ allianceId, lead } = await designatedAlliance());
  });

  /**
   * A receipt verified before evidence copies existed: verified through the API, then its evidence
   * reference removed from the document item (what such documents look like), and its original
   * bytes replaced behind the verifier's back (a legacy document had nothing else to rely on).
   */
  async function legacyReceiptReplaced(amount: number) {
    const bytes = samplePdf({ title: uid('legacy receipt') });
    const { ticket, document } = await uploaded(allianceId, lead.token, bytes);
    const entry = await expense(allianceId, lead.token, ticket.document.id, amount);
    expect(entry.status, entry.text).toBe(201);
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `ALLIANCE#${allianceId}`, sk: `DOC#${ticket.document.id}` },
        UpdateExpression: 'REMOVE evidenceKey, evidenceVersionId',
      }),
    );
    const key = `alliances/${allianceId}/receipt/${ticket.document.id}.pdf`;
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: samplePdf({ title: 'a different receipt' }),
        ContentType: 'application/pdf',
      }),
    );
    await audited(allianceId, 'document.reupload-ignored', ticket.document.id);
    return { documentId: ticket.document.id, entryId: entry.body.id as string, sha: document.sha256 };
  }

  it('admins only: others get 403, an unknown document or alliance 404, nobody 401', async () => {
    const { ticket } = await uploaded(allianceId, lead.token, samplePdf());
    const outsider = await applicantWithOrg(enterpriseBody());
    const inspector = await tokenFor(['inspector']);
    for (const token of [lead.token, outsider.token, inspector]) {
      const res = await reverify(allianceId, ticket.document.id, token);
      expect(res.status, res.text).toBe(403);
    }
    const anonymous = await api(
      'POST',
      `/v1/alliances/${allianceId}/documents/${ticket.document.id}/verification`,
    );
    expect(anonymous.status).toBe(401);
    expect((await reverify(allianceId, 'no-such-document')).status).toBe(404);
    expect((await reverify(uid('no-alliance'), ticket.document.id)).status).toBe(404);
    // None of them changed the document.
    expect((await documentOf(allianceId, lead.token, ticket.document.id)).reverifiedAt).toBeUndefined();
  });

  it('a failing legacy receipt becomes rejected and flags its expense; the account shows it apart', async () => {
    const { documentId, entryId, sha } = await legacyReceiptReplaced(1_500);
    const before = await ledgerOf(allianceId, admin);

    const res = await reverify(allianceId, documentId);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'failed',
      checked: { source: 'original', key: `alliances/${allianceId}/receipt/${documentId}.pdf` },
      flaggedEntries: [entryId],
      document: {
        status: 'rejected',
        sha256: sha,
        reverifiedAt: expect.any(String),
        rejection: {
          en: expect.stringContaining('not the one verified'),
          zh: expect.stringContaining('SHA-256'),
        },
      },
    });
    expect(res.body.checked.sha256).not.toBe(sha);

    const after = await ledgerOf(allianceId, admin);
    const entry = after.entries.find((e: any) => e.id === entryId);
    expect(entry.flag).toEqual({
      reason: res.body.document.rejection,
      documentId,
      flaggedAt: expect.any(String),
      by: { sub: expect.any(String), username: expect.any(String) },
    });
    expect(entry.receiptSha256).toBe(sha);
    // Still spent (the money left the account), shown apart as flagged.
    expect(after.totals.spent).toBe(before.totals.spent);
    expect(after.totals.remaining).toBe(before.totals.remaining);
    expect(after.totals).toMatchObject({
      flaggedAmount: before.totals.flaggedAmount + 1_500,
      flaggedEntries: before.totals.flaggedEntries + 1,
    });
    expect(after.lines[0]).toMatchObject({
      lineId: 'equipment',
      flaggedAmount: before.lines[0].flaggedAmount + 1_500,
    });

    const actions = (await trail(allianceId)).map((a) => a.action);
    expect(actions).toContain('document.reverification-failed');
    expect(actions).toContain('ledger.flagged');
    // A rejected document stays rejected.
    expect((await reverify(allianceId, documentId)).status).toBe(409);

    // An admin resolves the flag with a reason (audited); nobody else can.
    const path = `/v1/alliances/${allianceId}/ledger/entries/${entryId}/flag-resolution`;
    const byMember = await api('POST', path, { token: lead.token, body: { reason: '已核对纸质票据' } });
    expect(byMember.status).toBe(403);
    const resolved = await api('POST', path, { token: admin, body: { reason: '已核对纸质票据原件' } });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.flag).toBeUndefined();
    expect(resolved.body.resolvedFlag).toMatchObject({
      documentId,
      resolution: '已核对纸质票据原件',
      resolvedAt: expect.any(String),
    });
    const cleared = await ledgerOf(allianceId, admin);
    expect(cleared.totals).toMatchObject({
      spent: before.totals.spent,
      flaggedAmount: before.totals.flaggedAmount,
      flaggedEntries: before.totals.flaggedEntries,
    });
    const [record] = (await trail(allianceId)).filter((a) => a.action === 'ledger.flag-resolved');
    expect(record).toMatchObject({ reason: '已核对纸质票据原件', data: { entryId, documentId } });
    const again = await api('POST', path, { token: admin, body: { reason: 'again' } });
    expect(again.status).toBe(409);
  });

  it('evidence replaced behind the verifier fails too; reversing the flagged entry resolves its flag', async () => {
    const bytes = samplePdf({ title: uid('receipt') });
    const { ticket, document } = await uploaded(allianceId, lead.token, bytes);
    const recorded = await expense(allianceId, lead.token, ticket.document.id, 700);
    expect(recorded.status, recorded.text).toBe(201);
    const before = await ledgerOf(allianceId, admin);
    // Only the verifier's role may write evidence/ on AWS; here the test plays a compromised writer.
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: document.evidenceKey,
        Body: samplePdf({ encrypt: true }),
        ContentType: 'application/pdf',
      }),
    );
    const res = await reverify(allianceId, ticket.document.id);
    expect(res.body).toMatchObject({
      outcome: 'failed',
      checked: { source: 'evidence' },
      flaggedEntries: [recorded.body.id],
      document: { status: 'rejected', rejection: { en: expect.stringContaining('encrypted') } },
    });
    expect((await ledgerOf(allianceId, admin)).totals.flaggedAmount).toBe(before.totals.flaggedAmount + 700);

    const reversal = await api(
      'POST',
      `/v1/alliances/${allianceId}/ledger/entries/${recorded.body.id}/reverse`,
      { token: lead.token, body: { reason: '票据无效，冲销' } },
    );
    expect(reversal.status, reversal.text).toBe(201);
    const after = await ledgerOf(allianceId, admin);
    const original = after.entries.find((e: any) => e.id === recorded.body.id);
    expect(original.flag).toBeUndefined();
    expect(original.resolvedFlag).toMatchObject({ reversedBy: reversal.body.id });
    expect(after.totals).toMatchObject({
      spent: before.totals.spent - 700,
      flaggedAmount: before.totals.flaggedAmount,
      flaggedEntries: before.totals.flaggedEntries,
    });
  });
});
