/**
 * What makes an uploaded document acceptable, and where it lives (pure; the ticket, the verifier
 * and the PDF parse in shared/usecases/documents/ do the I/O).
 *
 * A judged document never changes: the verifier judges the first object that arrives at a
 * document's key and ignores (and audits) any later one; a verified document's bytes are kept
 * under evidence/ where nobody else can write, and what backs a decision (an expense, a report,
 * a submission) pins their SHA-256.
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

/**
 * Where the verifier keeps the bytes it verified: evidence/<allianceId>/<kind>/<documentId>.pdf.
 * Only the verifier may write under evidence/ (its IAM role); applicants' presigned POSTs are
 * limited to alliances/, so a reused ticket can replace the upload but never the evidence.
 */
export const EVIDENCE_PREFIX = 'evidence/';
export const evidenceKey = (allianceId: string, kind: DocumentKind, documentId: string) =>
  `${EVIDENCE_PREFIX}${allianceId}/${kind}/${documentId}.pdf`;
export const isEvidenceKey = (key: string) => key.startsWith(EVIDENCE_PREFIX);

export type Reason = Text;

/**
 * What parsing the bytes as a PDF found (shared/usecases/documents/pdf.ts runs pdf-lib; the
 * judgement below stays pure over the result):
 *  - pdf:         a document catalog and a page tree with `pageCount` pages
 *  - encrypted:   an /Encrypt dictionary in the trailer (password-protected or restricted)
 *  - unparseable: the parser gave up (truncated, corrupt, or not a PDF past its first bytes)
 *  - no-pages:    it parsed, but has no catalog or page tree to count pages in
 * `detail` is the parser's own (English, technical) message, kept for the audit record.
 */
export type PdfStructure =
  | { kind: 'pdf'; pageCount: number }
  | { kind: 'encrypted' }
  | { kind: 'unparseable'; detail?: string }
  | { kind: 'no-page-tree'; detail?: string };

/** Why a document is refused, as a code (audit data, tests) beside its bilingual reason. */
export type RejectionCode =
  | 'empty'
  | 'too_large'
  | 'wrong_content_type'
  | 'not_pdf'
  | 'unparseable'
  | 'no_page_tree'
  | 'encrypted'
  | 'no_pages'
  | 'missing'
  | 'hash_mismatch';

export type Verdict = { ok: true; pageCount: number } | { ok: false; code: RejectionCode; reason: Reason };

const refuse = (code: RejectionCode, en: string, zh: string): Verdict => ({
  ok: false,
  code,
  reason: { en, zh },
});

/** The media type of a Content-Type header value, lower case, without parameters. */
const mediaType = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();

/** What the verifier read of an object: always its size and type; its bytes' structure when read whole. */
export interface UploadFacts {
  /** Bytes in the object. */
  size: number;
  /** The document's limit (DOCUMENT_LIMITS of its kind, as recorded on the ticket). */
  maxBytes: number;
  /** The object's Content-Type as stored. */
  contentType: string | undefined;
  /** The first bytes of the object (at least PDF_MAGIC.length when it has them). */
  firstBytes: Uint8Array;
  /** The parse of the whole object; absent when it was not read (over the limit). */
  pdf?: PdfStructure | undefined;
}

/**
 * The verdict on an object: not empty, within `maxBytes` (exactly the limit passes), stored as
 * application/pdf (the POST policy demands it on S3; s3rver does not check policies), starting
 * with %PDF-, parsing as a PDF that is not encrypted and has at least one page. The first failing
 * check gives the reason; a passing one gives the page count to record.
 */
export function judgeUpload(upload: UploadFacts): Verdict {
  const { size, maxBytes, contentType, firstBytes, pdf } = upload;
  if (size === 0) return refuse('empty', 'the file is empty', '文件为空');
  if (size > maxBytes) {
    return refuse(
      'too_large',
      `the file is ${size} bytes; the limit is ${maxBytes}`,
      `文件大小为 ${size} 字节，上限为 ${maxBytes} 字节`,
    );
  }
  if (mediaType(contentType) !== PDF_CONTENT_TYPE) {
    const got = contentType ?? 'none';
    return refuse(
      'wrong_content_type',
      `the file was uploaded as ${got}, not ${PDF_CONTENT_TYPE}`,
      `文件的上传类型为 ${got}，而不是 ${PDF_CONTENT_TYPE}`,
    );
  }
  if (!Buffer.from(firstBytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    return refuse(
      'not_pdf',
      'the file is not a PDF (it does not start with %PDF-)',
      '文件不是 PDF（未以 %PDF- 开头）',
    );
  }
  switch (pdf?.kind) {
    case 'pdf':
      if (pdf.pageCount < 1) return refuse('no_pages', 'the PDF has no pages', 'PDF 文件没有任何页面');
      return { ok: true, pageCount: pdf.pageCount };
    case 'encrypted':
      return refuse(
        'encrypted',
        'the PDF is encrypted (password-protected or restricted); upload it without encryption',
        'PDF 文件已加密（设有密码或权限限制），请上传未加密的文件',
      );
    case 'no-page-tree':
      return refuse(
        'no_page_tree',
        'the file starts like a PDF but has no document catalog or page tree: it is not a complete PDF',
        '文件以 PDF 标识开头，但缺少文档目录或页面树，不是完整的 PDF 文件',
      );
    default:
      return refuse(
        'unparseable',
        'the file starts like a PDF but cannot be read as one (damaged or truncated)',
        '文件以 PDF 标识开头，但无法按 PDF 解析（文件已损坏或不完整）',
      );
  }
}

/**
 * The verdict on stored evidence read again (reverification): the checks of an upload, then the
 * bytes must be the ones verified (`sha256` recorded on the document). `found` is undefined when
 * the object is gone.
 */
export function judgeEvidence(
  found: (UploadFacts & { sha256?: string | undefined }) | undefined,
  recordedSha256: string | undefined,
): Verdict {
  if (!found)
    return refuse('missing', 'the verified file is no longer in storage', '已核验的文件已不在存储中');
  const verdict = judgeUpload(found);
  if (!verdict.ok) return verdict;
  if (!recordedSha256 || found.sha256 !== recordedSha256) {
    return refuse(
      'hash_mismatch',
      `the stored file is not the one verified: its SHA-256 is ${found.sha256 ?? 'unknown'}, the document records ${recordedSha256 ?? 'none'}`,
      `存储的文件不是当初核验的文件：其 SHA-256 为 ${found.sha256 ?? '未知'}，文件记录为 ${recordedSha256 ?? '无'}`,
    );
  }
  return verdict;
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
