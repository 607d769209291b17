/**
 * Small, real PDFs for everything that uploads a document without a person choosing the file: the
 * demo and the scale benchmark (scripts/round-kit.ts), local seeding and the tests. The verifier
 * parses what arrives (shared/usecases/documents/pdf.ts), so a few bytes that merely start with
 * `%PDF-` are rejected: this builds a well-formed file instead, by hand, so it is synchronous and
 * exact (byte offsets in the cross-reference table are computed, not guessed).
 *
 * Options vary the bytes where a caller needs it: a `title` (in the document information
 * dictionary, so two uploads can differ in SHA-256), a number of `pages` (0 makes a PDF without
 * pages, which the verifier rejects), `encrypt` (a standard security handler dictionary in the
 * trailer: every PDF reader treats the file as encrypted; pdf-lib cannot write one), and `size`
 * (padded with a comment to exactly that many bytes, for the size limits).
 */

export interface SamplePdfOptions {
  /** The document's title (UTF-16, so Chinese is fine); default "Sample document". */
  title?: string;
  /** Pages (A4, blank but for a line of text); default 1. */
  pages?: number;
  /** Adds an /Encrypt dictionary to the trailer (a password-protected PDF, as readers see it). */
  encrypt?: boolean;
  /** Pads the file with a comment to exactly this many bytes (at least the unpadded size + 3). */
  size?: number;
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: any title survives. */
function utf16Hex(text: string): string {
  const units = [0xfeff];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return `<${units
    .map((u) => u.toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase()}>`;
}

/** A well-formed PDF (header, objects, xref table, trailer, %%EOF) per `options`. */
export function samplePdf(options: SamplePdfOptions = {}): Buffer {
  const pages = options.pages ?? 1;
  const title = options.title ?? 'Sample document';
  // Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page,
  // then the encryption dictionary.
  const pageIds = Array.from({ length: pages }, (_, i) => 5 + i * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Title ${utf16Hex(title)} /Producer (esip sample-pdf) >>`,
  ];
  for (let i = 0; i < pages; i++) {
    const text = `BT /F1 14 Tf 72 770 Td (Sample document, page ${i + 1}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    );
  }
  const encryptId = objects.length + 1;
  if (options.encrypt) {
    const key = '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A';
    objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${key}> /U <${key}> >>`);
  }

  const build = (padding: string) => {
    let body = `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${padding}`;
    const offsets: number[] = [];
    objects.forEach((object, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const id = '<8A3F2C1D9E7B6A5F4C3D2E1F0A9B8C7D>';
    const encrypt = options.encrypt ? ` /Encrypt ${encryptId} 0 R /ID [${id} ${id}]` : '';
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(body, 'latin1');
  };

  const plain = build('');
  if (options.size === undefined || options.size === plain.length) return plain;
  // A comment line ("%" … "\n") right after the header. The xref entries are 10 digits wide, but
  // the startxref offset is not: a longer file may need a digit more, hence the second pass.
  let fill = options.size - plain.length - 2;
  for (let pass = 0; pass < 3 && fill >= 0; pass++) {
    const padded = build(`%${'x'.repeat(fill)}\n`);
    if (padded.length === options.size) return padded;
    fill -= padded.length - options.size;
  }
  throw new RangeError(
    `a sample PDF cannot be padded to ${options.size} bytes (it needs ${plain.length + 3})`,
  );
}
