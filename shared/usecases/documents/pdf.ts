/**
 * Parses an object's bytes as a PDF with pdf-lib, for the judgement in shared/domain/documents.ts:
 * a document catalog and page tree with their pages counted, or why not. pdf-lib is forgiving
 * (it loads a few bytes that start with %PDF- as an empty document), so the page tree is walked
 * too: a file without one is not a PDF anyone can open.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { PdfStructure } from '../../domain/documents.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** What `bytes` are as a PDF. Never throws: a parser failure is an answer about the file. */
export async function parsePdf(bytes: Uint8Array): Promise<PdfStructure> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, {
      // Loaded anyway, then asked: pdf-lib's EncryptedPDFError (thrown without this option) is
      // compiled to ES5 and cannot be told apart by instanceof.
      ignoreEncryption: true,
      updateMetadata: false,
      // A Lambda has nothing else to do meanwhile: parse without yielding every 100 objects.
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    return { kind: 'unparseable', detail: messageOf(error) };
  }
  // An /Encrypt dictionary in the trailer: password-protected, or its content is scrambled.
  if (document.isEncrypted) return { kind: 'encrypted' };
  try {
    // The leaves of the page tree (not the /Count it claims).
    return { kind: 'pdf', pageCount: document.getPages().length };
  } catch (error) {
    return { kind: 'no-page-tree', detail: messageOf(error) };
  }
}
