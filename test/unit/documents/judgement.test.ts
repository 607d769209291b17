/**
 * The judgement of an uploaded object (shared/domain/documents.ts) at its boundaries, and the PDF
 * parse it judges (shared/usecases/documents/pdf.ts, pdf-lib) on real and fake files.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../../scripts/sample-pdf.ts';
import { judgeEvidence, judgeUpload, type UploadFacts } from '../../../shared/domain/documents.ts';
import { parsePdf } from '../../../shared/usecases/documents/pdf.ts';

const onePage = { kind: 'pdf', pageCount: 1 } as const;
const facts = (overrides: Partial<UploadFacts> = {}): UploadFacts => ({
  size: 1000,
  maxBytes: 1000,
  contentType: 'application/pdf',
  firstBytes: Buffer.from('%PDF-1.7\n'),
  pdf: onePage,
  ...overrides,
});

describe('judgeUpload', () => {
  it('passes exactly at the size limit, with the page count', () => {
    expect(judgeUpload(facts({ size: 1000, maxBytes: 1000 }))).toEqual({ ok: true, pageCount: 1 });
    expect(judgeUpload(facts({ size: 1, pdf: { kind: 'pdf', pageCount: 12 } }))).toEqual({
      ok: true,
      pageCount: 12,
    });
  });

  it('fails one byte over the limit, whatever the bytes (they were not read)', () => {
    expect(judgeUpload(facts({ size: 1001, firstBytes: Buffer.alloc(0), pdf: undefined }))).toEqual({
      ok: false,
      code: 'too_large',
      reason: {
        en: 'the file is 1001 bytes; the limit is 1000',
        zh: '文件大小为 1001 字节，上限为 1000 字节',
      },
    });
  });

  it('fails an empty file', () => {
    expect(judgeUpload(facts({ size: 0, firstBytes: Buffer.alloc(0), pdf: undefined }))).toEqual({
      ok: false,
      code: 'empty',
      reason: { en: 'the file is empty', zh: '文件为空' },
    });
  });

  it('fails a PDF of 0 pages, and passes one of 1', () => {
    expect(judgeUpload(facts({ pdf: { kind: 'pdf', pageCount: 0 } }))).toMatchObject({
      ok: false,
      code: 'no_pages',
      reason: { en: 'the PDF has no pages', zh: 'PDF 文件没有任何页面' },
    });
    expect(judgeUpload(facts({ pdf: { kind: 'pdf', pageCount: 1 } }))).toMatchObject({ ok: true });
  });

  it('names the content type it was stored with, accepting parameters and any case', () => {
    expect(judgeUpload(facts({ contentType: 'application/octet-stream' }))).toMatchObject({
      ok: false,
      code: 'wrong_content_type',
      reason: {
        en: 'the file was uploaded as application/octet-stream, not application/pdf',
        zh: expect.stringContaining('application/octet-stream'),
      },
    });
    expect(judgeUpload(facts({ contentType: undefined }))).toMatchObject({
      ok: false,
      reason: { en: 'the file was uploaded as none, not application/pdf' },
    });
    expect(judgeUpload(facts({ contentType: 'Application/PDF; qs=1' }))).toMatchObject({ ok: true });
  });

  it('fails bytes that do not start with %PDF-, before looking at any parse', () => {
    for (const head of ['GIF89a', '%PDF', '<html>', ' %PDF-1.7']) {
      expect(judgeUpload(facts({ firstBytes: Buffer.from(head) })), head).toMatchObject({
        ok: false,
        code: 'not_pdf',
        reason: { en: expect.stringContaining('not a PDF'), zh: expect.stringContaining('不是 PDF') },
      });
    }
  });

  it('gives a specific reason for each way the parse fails', () => {
    const cases = [
      [{ kind: 'encrypted' }, 'encrypted', /encrypted/, /加密/],
      [{ kind: 'unparseable', detail: 'x' }, 'unparseable', /cannot be read/, /无法按 PDF 解析/],
      [{ kind: 'no-page-tree' }, 'no_page_tree', /no document catalog or page tree/, /页面树/],
      [undefined, 'unparseable', /cannot be read/, /无法/],
    ] as const;
    for (const [pdf, code, en, zh] of cases) {
      const verdict = judgeUpload(facts({ pdf }));
      expect(verdict, code).toMatchObject({ ok: false, code });
      if (!verdict.ok) {
        expect(verdict.reason.en).toMatch(en);
        expect(verdict.reason.zh).toMatch(zh);
      }
    }
  });
});

describe('judgeEvidence (reverification)', () => {
  const sha = 'a'.repeat(64);
  it('passes the same checks and the recorded SHA-256', () => {
    expect(judgeEvidence({ ...facts(), sha256: sha }, sha)).toEqual({ ok: true, pageCount: 1 });
  });
  it('fails other bytes, naming both hashes', () => {
    const verdict = judgeEvidence({ ...facts(), sha256: 'b'.repeat(64) }, sha);
    expect(verdict).toMatchObject({ ok: false, code: 'hash_mismatch' });
    if (!verdict.ok) {
      expect(verdict.reason.en).toContain('b'.repeat(64));
      expect(verdict.reason.zh).toContain(sha);
    }
  });
  it('fails a missing object, and checks the PDF before the hash', () => {
    expect(judgeEvidence(undefined, sha)).toMatchObject({ ok: false, code: 'missing' });
    expect(judgeEvidence({ ...facts({ pdf: { kind: 'encrypted' } }), sha256: sha }, sha)).toMatchObject({
      ok: false,
      code: 'encrypted',
    });
  });
});

describe('parsePdf', () => {
  it('counts the pages of real PDFs (hand-built and pdf-lib-made)', async () => {
    expect(await parsePdf(samplePdf())).toEqual({ kind: 'pdf', pageCount: 1 });
    expect(await parsePdf(samplePdf({ pages: 3, title: '年度报告' }))).toEqual({ kind: 'pdf', pageCount: 3 });
    const made = await PDFDocument.create();
    made.addPage();
    made.addPage();
    expect(await parsePdf(await made.save())).toEqual({ kind: 'pdf', pageCount: 2 });
  });

  it('finds 0 pages in a PDF without any, which the judgement then refuses', async () => {
    const empty = await PDFDocument.create();
    const bytes = await empty.save({ addDefaultPage: false });
    expect(await parsePdf(bytes)).toEqual({ kind: 'pdf', pageCount: 0 });
    expect(await parsePdf(samplePdf({ pages: 0 }))).toEqual({ kind: 'pdf', pageCount: 0 });
  });

  it('finds an encrypted PDF encrypted', async () => {
    expect(await parsePdf(samplePdf({ encrypt: true }))).toEqual({ kind: 'encrypted' });
  });

  it('does not take a 60-byte fake for a PDF', async () => {
    const fake = Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <<>>\n%%EOF', 'latin1');
    expect(fake.length).toBe(60);
    const parsed = await parsePdf(fake);
    expect(parsed.kind).toBe('no-page-tree');
    expect(
      judgeUpload({
        size: fake.length,
        maxBytes: 1000,
        contentType: 'application/pdf',
        firstBytes: fake,
        pdf: parsed,
      }),
    ).toMatchObject({ ok: false, code: 'no_page_tree' });
    expect((await parsePdf(Buffer.from('%PDF-1.7\n'))).kind).toBe('no-page-tree');
  });

  it('finds a truncated PDF unreadable or without pages, never a PDF', async () => {
    const whole = samplePdf({ pages: 2 });
    const parsed = await parsePdf(whole.subarray(0, Math.floor(whole.length / 3)));
    expect(parsed.kind).not.toBe('pdf');
    expect((await parsePdf(Buffer.from('<html>not a pdf</html>'))).kind).toBe('unparseable');
  });

  it('reads a PDF padded to exactly a size (the samples the size tests upload)', async () => {
    const padded = samplePdf({ size: 64 * 1024 });
    expect(padded.length).toBe(64 * 1024);
    expect(await parsePdf(padded)).toEqual({ kind: 'pdf', pageCount: 1 });
  });
});
