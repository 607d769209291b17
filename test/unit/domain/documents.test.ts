import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LIMITS,
  documentKey,
  judgePdf,
  judgeUpload,
  latestAgreement,
  MAX_DOCUMENT_BYTES,
  parseDocumentKey,
} from '../../../shared/domain/documents.ts';
import type { DocumentRecord } from '../../../shared/domain/model/document.ts';

const pdf = Buffer.from('%PDF-1.7\n');

describe('judgePdf', () => {
  it('accepts a PDF header within the limit, including exactly the limit', () => {
    expect(judgePdf(pdf, 1)).toEqual({ ok: true });
    expect(judgePdf(pdf, MAX_DOCUMENT_BYTES)).toEqual({ ok: true });
  });
  it('rejects one byte over the limit', () => {
    const verdict = judgePdf(pdf, MAX_DOCUMENT_BYTES + 1);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.en).toContain('limit');
  });
  it('rejects empty files and files that are not PDFs, with reasons in both languages', () => {
    expect(judgePdf(Buffer.alloc(0), 0)).toMatchObject({ ok: false });
    const png = judgePdf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), 5000);
    expect(png).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('not a PDF'), zh: expect.stringContaining('不是 PDF') },
    });
    expect(judgePdf(Buffer.from('%PDF'), 4)).toMatchObject({ ok: false });
  });
});

describe('judgeUpload', () => {
  const upload = { firstBytes: pdf, size: 100, maxBytes: 1000, contentType: 'application/pdf' };
  it('accepts a PDF stored as application/pdf within its limit, exactly at the limit too', () => {
    expect(judgeUpload(upload)).toEqual({ ok: true });
    expect(judgeUpload({ ...upload, size: 1000 })).toEqual({ ok: true });
    expect(judgeUpload({ ...upload, contentType: 'application/PDF;charset=binary' })).toEqual({ ok: true });
  });
  it('rejects one byte over the limit, an empty file, another content type and non-PDF bytes', () => {
    expect(judgeUpload({ ...upload, size: 1001 })).toMatchObject({
      ok: false,
      reason: { en: 'the file is 1001 bytes; the limit is 1000' },
    });
    expect(judgeUpload({ ...upload, size: 0 })).toMatchObject({
      ok: false,
      reason: { en: 'the file is empty' },
    });
    expect(judgeUpload({ ...upload, contentType: 'application/octet-stream' })).toMatchObject({
      ok: false,
      reason: {
        en: 'the file was uploaded as application/octet-stream, not application/pdf',
        zh: expect.stringContaining('application/octet-stream'),
      },
    });
    expect(judgeUpload({ ...upload, contentType: undefined })).toMatchObject({ ok: false });
    expect(judgeUpload({ ...upload, firstBytes: Buffer.from('GIF89a') })).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('not a PDF') },
    });
  });
});

describe('document keys', () => {
  it('are alliances/<allianceId>/<kind>/<documentId>.pdf and parse back', () => {
    const key = documentKey('a-1', 'report', 'd_2');
    expect(key).toBe('alliances/a-1/report/d_2.pdf');
    expect(parseDocumentKey(key)).toEqual({ allianceId: 'a-1', kind: 'report', documentId: 'd_2' });
  });
  it.each([
    'alliances/a1/agreement/d1',
    'alliances/a1/agreement/d1.pdf.exe',
    'alliances/a1/other/d1.pdf',
    'alliances/a1/b/agreement/d1.pdf',
    'alliances/a.1/agreement/d1.pdf',
    '/alliances/a1/agreement/d1.pdf',
    'uploads/d1.pdf',
  ])('%s is not a document key', (key) => {
    expect(parseDocumentKey(key)).toBeUndefined();
  });
  it('have a limit per kind', () => {
    expect(DOCUMENT_LIMITS).toEqual({
      agreement: 20 * 1024 * 1024,
      report: 50 * 1024 * 1024,
      receipt: 10 * 1024 * 1024,
    });
  });
});

describe('latestAgreement', () => {
  const doc = (id: string, extra: Partial<DocumentRecord>): DocumentRecord => ({
    id,
    allianceId: 'a1',
    kind: 'agreement',
    status: 'verified',
    contentType: 'application/pdf',
    maxBytes: 1,
    uploadedBy: 'u',
    requestedAt: '2031-01-01T00:00:00.000Z',
    verifiedAt: '2031-01-01T00:05:00.000Z',
    ...extra,
  });
  it('is the verified agreement verified last', () => {
    const docs = [
      doc('old', { verifiedAt: '2031-01-01T00:05:00.000Z' }),
      doc('new', { requestedAt: '2030-12-31T00:00:00.000Z', verifiedAt: '2031-01-02T00:00:00.000Z' }),
      doc('pending', { status: 'pending', requestedAt: '2031-02-01T00:00:00.000Z', verifiedAt: undefined }),
      doc('rejected', { status: 'rejected', verifiedAt: '2031-03-01T00:00:00.000Z' }),
      doc('report', { kind: 'report', verifiedAt: '2031-03-01T00:00:00.000Z' }),
    ];
    expect(latestAgreement(docs)?.id).toBe('new');
    expect(latestAgreement([doc('a', {}), doc('b', { requestedAt: '2031-01-01T00:00:01.000Z' })])?.id).toBe(
      'b',
    );
  });
  it('is undefined without a verified agreement', () => {
    expect(latestAgreement([])).toBeUndefined();
    expect(latestAgreement([doc('p', { status: 'pending' })])).toBeUndefined();
  });
});
