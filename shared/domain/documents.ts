/**
 * What makes an uploaded document acceptable, and where it lives (pure; the ticket and the
 * verifier in shared/usecases/documents/ do the I/O).
 */
import type { DocumentKind, DocumentRecord } from './model/document.ts';
import type { Text } from './text.ts';

export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
export const PDF_CONTENT_TYPE = 'application/pdf';

const MiB = 1024 * 1024;

/** The most a document of each kind may weigh: the POST policy's content-length-range and the verifier's check. */
export const DOCUMENT_LIMITS: Readonly<Record<DocumentKind, number>> = {
  agreement: 20 * MiB,
  report: 50 * MiB,
  receipt: 10 * MiB,
};

/** The limit of an agreement (and the default of `judgePdf`). */
export const MAX_DOCUMENT_BYTES = DOCUMENT_LIMITS.agreement;

export const kindNames: Readonly<Record<DocumentKind, Text>> = {
  agreement: { en: 'agreement', zh: '协议' },
  report: { en: 'report', zh: '报告' },
  receipt: { en: 'receipt', zh: '票据' },
};

/** Server-chosen object keys: alliances/<allianceId>/<kind>/<documentId>.pdf. Ids are IdSchema-safe. */
export const documentKey = (allianceId: string, kind: DocumentKind, documentId: string) =>
  `alliances/${allianceId}/${kind}/${documentId}.pdf`;

const KEY_PATTERN =
  /^alliances\/([A-Za-z0-9_-]{1,64})\/(agreement|report|receipt)\/([A-Za-z0-9_-]{1,64})\.pdf$/;

/** The parts of a key `documentKey` made; undefined for any other key. */
export function parseDocumentKey(
  key: string,
): { allianceId: string; kind: DocumentKind; documentId: string } | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  return { allianceId: match[1]!, kind: match[2] as DocumentKind, documentId: match[3]! };
}

export type Reason = Text;
export type Verdict = { ok: true } | { ok: false; reason: Reason };

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

/** The media type of a Content-Type header value, lower case, without parameters. */
const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

/**
 * The verdict on an uploaded object: not empty, within `maxBytes`, stored as application/pdf
 * (the POST policy demands it on S3; s3rver does not check policies) and really a PDF.
 * The first failing check gives the reason.
 */
export function judgeUpload(upload: {
  firstBytes: Uint8Array;
  size: number;
  maxBytes: number;
  contentType: string | undefined;
}): Verdict {
  const { firstBytes, size, maxBytes, contentType } = upload;
  if (size === 0 || size > maxBytes) return judgePdf(firstBytes, size, maxBytes);
  if (mediaType(contentType) !== PDF_CONTENT_TYPE) {
    const got = contentType ?? 'none';
    return {
      ok: false,
      reason: {
        en: `the file was uploaded as ${got}, not ${PDF_CONTENT_TYPE}`,
        zh: `文件的上传类型为 ${got}，而不是 ${PDF_CONTENT_TYPE}`,
      },
    };
  }
  return judgePdf(firstBytes, size, maxBytes);
}

/**
 * The alliance's current agreement: the verified agreement verified last (an applicant who
 * uploads again replaces the previous one); ties go to the later request.
 */
export function latestAgreement(documents: readonly DocumentRecord[]): DocumentRecord | undefined {
  let best: DocumentRecord | undefined;
  for (const doc of documents) {
    if (doc.kind !== 'agreement' || doc.status !== 'verified') continue;
    if (
      !best ||
      (doc.verifiedAt ?? '') > (best.verifiedAt ?? '') ||
      ((doc.verifiedAt ?? '') === (best.verifiedAt ?? '') && doc.requestedAt > best.requestedAt)
    )
      best = doc;
  }
  return best;
}
