/**
 * Flags on ledger entries whose receipt failed reverification (an admin re-ran the PDF checks on
 * the stored evidence and they no longer pass: shared/usecases/documents/reverify.ts).
 *
 * Domain decision: a flagged entry KEEPS COUNTING AS SPENT. The money left the dedicated account
 * when the expense was recorded; taking it out of `spent` would raise the remaining balance and let
 * the account be spent twice over. Instead the account shows flagged amounts apart, per line and in
 * total (`flaggedAmount`, and `flaggedEntries` in the totals), so the programme office sees how much
 * spending is no longer supported by a receipt. A flag is resolved by reversing the entry (the
 * money goes back to its line and the flag with it: ./reversal.ts), or by an admin who accepts the
 * spending anyway with a reason (a corrected receipt was checked outside the system, say):
 * POST /v1/alliances/{allianceId}/ledger/entries/{entryId}/flag-resolution. Either way the entry
 * keeps the flag it had as `resolvedFlag`, and the audit trail records who resolved it and why.
 */
import { allianceAudit, userActor } from '../../db/audit.ts';
import {
  flagEntryUpdate,
  flaggedTotalsUpdate,
  loadLedgerEntry,
  receiptClaimCheck,
  receiptClaimedBy,
  resolveFlagUpdate,
} from '../../db/awards.ts';
import type { TxItem } from '../../db/commit.ts';
import type { Principal } from '../../domain/actors.ts';
import { conflict } from '../../domain/errors.ts';
import type { EntryFlag, LedgerEntry, ResolvedEntryFlag } from '../../domain/model/ledger.ts';
import { commitLedger, entryToChange, lineIndex, recordedAtOf, recorder, requireAward } from './account.ts';
import { busy } from './errors.ts';

/** What flagging the entries a failed receipt backs takes: the transaction items and the entries. */
export interface ReceiptFlags {
  items: TxItem[];
  entryIds: string[];
}

/**
 * The items that flag every entry backed by receipt `documentId` (one receipt backs at most one
 * entry: its claim names it), to go in the transaction that rejects the receipt, with the AWARD's
 * flagged figures and an audit record per entry. The claim is checked in the same transaction, so
 * an expense recorded meanwhile cannot escape the flag (the caller retries when it fails).
 */
export async function receiptFlags(
  principal: Principal,
  allianceId: string,
  documentId: string,
  reason: EntryFlag['reason'],
  now: Date,
): Promise<ReceiptFlags> {
  const entryId = await receiptClaimedBy(allianceId, documentId);
  const check = receiptClaimCheck(allianceId, documentId, entryId);
  if (!entryId) return { items: [check], entryIds: [] };
  const recordedAt = recordedAtOf(entryId);
  const [entry, award] = await Promise.all([
    loadLedgerEntry(allianceId, recordedAt, entryId),
    requireAward(allianceId),
  ]);
  // A claim always names an expense that is not reversed (a reversal releases it); an entry
  // already flagged keeps the flag it has.
  if (entry?.kind !== 'expense' || entry.reversedBy || entry.flag) return { items: [check], entryIds: [] };
  const index = lineIndex(award, entry.lineId, 'path.documentId');
  const flag: EntryFlag = { reason, documentId, flaggedAt: now.toISOString(), by: recorder(principal) };
  return {
    entryIds: [entryId],
    items: [
      check,
      flagEntryUpdate(allianceId, { recordedAt, entryId }, flag),
      flaggedTotalsUpdate(allianceId, entry.lineId, index, entry.amount, 1),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.flagged',
          actor: userActor(principal),
          reason: `receipt ${documentId} failed reverification: ${reason.en}`,
          data: { entryId, lineId: entry.lineId, amount: entry.amount, documentId, reason },
        },
        now,
      ),
    ],
  };
}

/** 409: the entry has no flag to resolve. */
const notFlagged = (entryId: string) =>
  conflict({
    en: `Entry ${entryId} is not flagged; there is nothing to resolve`,
    zh: `条目 ${entryId} 没有存疑标记，无需处理`,
  });

/** The resolved form of `flag`. */
export const resolvedFlag = (
  flag: EntryFlag,
  principal: Principal,
  at: string,
  resolution: string,
  reversedBy?: string,
): ResolvedEntryFlag => ({
  ...flag,
  resolvedAt: at,
  resolvedBy: recorder(principal),
  resolution,
  ...(reversedBy ? { reversedBy } : {}),
});

/**
 * An admin resolves an entry's flag without reversing it, with a reason: the entry keeps counting
 * as spent (as it did while flagged) and leaves the flagged figures. One transaction of the entry
 * (still flagged with the flag read, not reversed), the AWARD's figures and the audit record.
 */
export async function resolveFlag(
  principal: Principal,
  allianceId: string,
  entryId: string,
  reason: string,
  now = new Date(),
): Promise<LedgerEntry> {
  const { award, entry } = await entryToChange(principal, allianceId, entryId);
  const recordedAt = recordedAtOf(entryId);
  if (!entry.flag || entry.reversedBy) throw notFlagged(entryId);
  const index = lineIndex(award, entry.lineId, 'path.entryId');
  const at = now.toISOString();
  const resolved = resolvedFlag(entry.flag, principal, at, reason);
  await commitLedger(
    [
      resolveFlagUpdate(allianceId, { recordedAt, entryId }, resolved),
      flaggedTotalsUpdate(allianceId, entry.lineId, index, -entry.amount, -1),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.flag-resolved',
          actor: userActor(principal),
          reason,
          data: {
            entryId,
            lineId: entry.lineId,
            amount: entry.amount,
            documentId: entry.flag.documentId,
            flaggedAt: entry.flag.flaggedAt,
          },
        },
        now,
      ),
    ],
    async (failed) => (failed === 0 ? notFlagged(entryId) : busy()),
  );
  const { flag: _resolved, ...rest } = entry;
  return { ...rest, resolvedFlag: resolved };
}
