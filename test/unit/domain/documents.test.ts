import { describe, expect, it } from 'vitest';
import { judgePdf, MAX_DOCUMENT_BYTES } from '../../../shared/domain/documents.ts';

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
