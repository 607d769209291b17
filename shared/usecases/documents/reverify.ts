/**
 * Reverification (admin): the PDF checks run again on the bytes a verified document was verified
 * with, and those bytes must still be the ones recorded (SHA-256). The bytes are read from the
 * evidence copy the verifier kept (evidence/…, which nobody else can write). A document verified
 * before evidence copies existed has none: its original key is read instead (the version the
 * verifier saw, when the bucket is versioned), and there a reused ticket may have replaced it,
 * which the SHA-256 check catches.
 *
 * Passing records `reverifiedAt` and an audit record, nothing else. Failing makes the document
 * rejected with the reason, and flags every ledger entry backed by it (a receipt), all in one
 * transaction: see shared/usecases/ledger/flags.ts for what a flag means for the account.
 */
import { allianceAudit, userActor } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import {
  type DocumentItem,
  loadDocumentItem,
  reverificationUpdate,
  reverified,
  toDocument,
} from '../../db/documents.ts';
import type { Principal } from '../../domain/actors.ts';
import { judgeEvidence, type Verdict } from '../../domain/documents.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { DocumentRecord } from '../../domain/model/document.ts';
import { receiptFlags } from '../ledger/flags.ts';
import { readObject } from './storage.ts';

/** Attempts when the document or its receipt claim changes between our reads and our write. */
const MAX_ATTEMPTS = 3;

export interface Reverification {
  outcome: 'passed' | 'failed';
  document: DocumentRecord;
  /** What was read: the evidence copy, or (documents verified before evidence copies) the original. */
  checked: { source: 'evidence' | 'original'; key: string; versionId?: string; sha256?: string };
  /** The ledger entries flagged (a receipt that failed). */
  flaggedEntries: string[];
}

const documentNoun = (allianceId: string, documentId: string) => ({
  en: `document ${documentId} of alliance ${allianceId}`,
  zh: `联盟 ${allianceId} 的文件 ${documentId}`,
});

/** 409: the document or what it backs kept changing while it was being checked. */
const changing = (documentId: string) =>
  conflict({
    en: `document ${documentId} or the ledger entry it backs kept changing while being checked; retry`,
    zh: `文件 ${documentId} 或其对应的记账条目在核验期间不断变化，请重试`,
  });

/** Reads the document's stored bytes and judges them again. */
async function check(item: DocumentItem): Promise<{ verdict: Verdict; checked: Reverification['checked'] }> {
  const source = item.evidenceKey ? 'evidence' : 'original';
  const key = item.evidenceKey ?? item.key;
  const versionId = item.evidenceKey ? item.evidenceVersionId : item.versionId;
  const found = await readObject(item.bucket, key, item.maxBytes, versionId);
  const verdict = judgeEvidence(
    found && {
      size: found.size,
      maxBytes: item.maxBytes,
      contentType: found.contentType,
      firstBytes: found.firstBytes,
      // pdf-lib (≈ 390 KiB) is loaded on the first PDF, not at every cold start (issue #14).
      pdf: found.bytes ? await (await import('./pdf.ts')).parsePdf(found.bytes) : undefined,
      sha256: found.sha256,
    },
    item.sha256,
  );
  return {
    verdict,
    checked: {
      source,
      key,
      ...(versionId ? { versionId } : {}),
      ...(found?.sha256 ? { sha256: found.sha256 } : {}),
    },
  };
}

/**
 * Checks a verified document's stored bytes again (admins; the route allows no one else). 404 for
 * an unknown document, 409 for one that is not verified (pending: not judged yet; rejected: it
 * stays rejected).
 */
export async function reverifyDocument(
  principal: Principal,
  allianceId: string,
  documentId: string,
  now = new Date(),
): Promise<Reverification> {
  for (let attempt = 1; ; attempt++) {
    const item = await loadDocumentItem(allianceId, documentId);
    if (!item) throw notFound(documentNoun(allianceId, documentId));
    if (item.status !== 'verified')
      throw conflict({
        en: `document ${documentId} is ${item.status}; only a verified document is checked again`,
        zh: `文件 ${documentId} 当前状态为 ${item.status === 'pending' ? '待核验' : '未通过核验'}，只有已核验的文件可以重新核验`,
      });

    const { verdict, checked } = await check(item);
    const at = now.toISOString();
    const actor = userActor(principal);
    const data = { documentId, kind: item.kind, checked, recordedSha256: item.sha256 };
    const flags =
      verdict.ok || item.kind !== 'receipt'
        ? { items: [], entryIds: [] }
        : await receiptFlags(principal, allianceId, documentId, verdict.reason, now);
    const rejection = verdict.ok ? undefined : verdict.reason;
    const raced = new Error('the document or its receipt claim changed meanwhile');
    try {
      await commit(
        [
          reverificationUpdate(item, { at, rejection }),
          allianceAudit(
            allianceId,
            verdict.ok
              ? {
                  action: 'document.reverified',
                  actor,
                  reason: `the ${checked.source} copy still passes every check (SHA-256 ${item.sha256})`,
                  data,
                }
              : {
                  action: 'document.reverification-failed',
                  actor,
                  reason: rejection!.en,
                  data: {
                    ...data,
                    rejection,
                    code: (verdict as { code: string }).code,
                    flaggedEntries: flags.entryIds,
                  },
                },
            now,
          ),
          ...flags.items,
        ],
        { onConditionFailed: raced },
      );
    } catch (error) {
      if (error !== raced) throw error;
      // The document or the receipt's claim changed since we read them (a concurrent check, an
      // expense recorded or reversed meanwhile): look again.
      if (attempt >= MAX_ATTEMPTS) throw changing(documentId);
      continue;
    }

    // Answered from what the update wrote (no second read).
    return {
      outcome: verdict.ok ? 'passed' : 'failed',
      document: toDocument(reverified(item, { at, rejection })),
      checked,
      flaggedEntries: flags.entryIds,
    };
  }
}
