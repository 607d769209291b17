/** What makes an uploaded document acceptable (pure; the verifier handler does the I/O). */
export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type Verdict = { ok: true } | { ok: false; reason: { en: string; zh: string } };

export function judgePdf(firstBytes: Uint8Array, size: number, maxBytes = MAX_DOCUMENT_BYTES): Verdict {
  if (size === 0) return { ok: false, reason: { en: 'the file is empty', zh: '文件为空' } };
  if (size > maxBytes) {
    return {
      ok: false,
      reason: {
        en: `the file is ${size} bytes; the limit is ${maxBytes}`,
        zh: `文件大小为 ${size} 字节，上限为 ${maxBytes} 字节`,
      },
    };
  }
  if (!Buffer.from(firstBytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    return {
      ok: false,
      reason: {
        en: 'the file is not a PDF (it does not start with %PDF-)',
        zh: '文件不是 PDF（未以 %PDF- 开头）',
      },
    };
  }
  return { ok: true };
}
